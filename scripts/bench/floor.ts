/**
 * The SQL floor: the statements each measured page needs, replicated from its loader/action and
 * model files and run straight through one connection (no Prisma, no React, no HTTP). The page's
 * p50 divided by this floor's p50 shows how much the rest of the stack costs.
 *
 * Keep in step with: app/utils/session.server.ts (getSessionUser), app/utils/authz.server.ts
 * (requireCouple), app/models/couple-stats.server.ts (caseload, moodSeries, adherenceByWeek,
 * perceptionGaps, csiSeries, weeklyReview), app/models/flag.server.ts (listQueue, listTherapists,
 * openFlagsForCouple), app/models/homework.server.ts (homeworkList), app/models/partner.server.ts
 * (partnerContext, todayData), app/models/checkin.server.ts + safety.server.ts (saveCheckIn),
 * app/models/audit.server.ts (audit).
 */
import { addDays } from "~/domain/dates";
import { percentile } from "./load";

export interface Db {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export type Query = { label: string; text: string; params: unknown[] };
const q = (label: string, text: string, params: unknown[] = []): Query => ({ label, text, params });

export interface FloorContext {
  practiceId: string;
  today: string;
  therapist: { id: string; sessionId: string; coupleIds: string[]; partnerIds: string[] };
  couple: { id: string; timeZone: string };
  supervisor: { id: string; sessionId: string };
  partner: { id: string; sessionId: string; coupleId: string; slot: "A" | "B" };
}

const session = (id: string) =>
  q(
    "session",
    `SELECT s.id, (extract(epoch FROM s."expiresAt") * 1000)::float8 AS "expiresMs", (extract(epoch FROM s."lastSeenAt") * 1000)::float8 AS "lastSeenMs",
            s."pending2fa", u.id AS "userId", u.email, u.name, u.role::text AS role, u."practiceId",
            u."disabledAt" IS NOT NULL AS disabled, u."totpEnabledAt" IS NOT NULL AS "totpEnabled",
            p."staffIdleMinutes", p."partnerIdleDays", p."require2fa"
       FROM "Session" s JOIN "User" u ON u.id = s."userId" JOIN "Practice" p ON p.id = u."practiceId"
      WHERE s.id = $1`,
    [id],
  );

const audit = (actorId: string, practiceId: string, entity: string, entityId: string | null, coupleId: string | null) =>
  q(
    "audit insert",
    `INSERT INTO "AuditEvent" ("practiceId", "actorId", action, entity, "entityId", "coupleId", outcome, ip) VALUES ($1, $2, 'read', $3, $4, $5, 'allowed', '127.0.0.1')`,
    [practiceId, actorId, entity, entityId, coupleId],
  );

const assignmentsAndPauses = (ids: string[]): Query[] => [
  q(
    "assignments",
    `SELECT id, "coupleId", title, cadence::text AS cadence, weekday, "timesPerWeek", to_char("startDate", 'YYYY-MM-DD') AS "startDate", "durationWeeks", status::text AS status
       FROM "Assignment" WHERE "coupleId" = ANY($1::text[]) ORDER BY "createdAt", id`,
    [ids],
  ),
  q(
    "pauses",
    `SELECT "coupleId", "assignmentId", (extract(epoch FROM "startedAt") * 1000)::float8 AS "startMs", (extract(epoch FROM "endedAt") * 1000)::float8 AS "endMs"
       FROM "PausePeriod" WHERE "coupleId" = ANY($1::text[])`,
    [ids],
  ),
];

const scoredByCouple = (label: string, ids: string[], from: string, to: string) =>
  q(
    label,
    // LATERAL: one index range scan on (assignmentId, occurrenceDate) per assignment, whatever the
    // table size (a join let the planner pick a parallel sequential scan on smaller practices).
    `SELECT a."coupleId", sum(o.s)::float8 AS score, count(*)::int AS occurrences, count(*) FILTER (WHERE o.s = 0)::int AS missed
       FROM "Assignment" a
       CROSS JOIN LATERAL (
         SELECT e."occurrenceDate", avg(CASE e.status WHEN 'kept' THEN 1 WHEN 'partly' THEN 0.5 ELSE 0 END)::float8 AS s
           FROM "AdherenceEntry" e
          WHERE e."assignmentId" = a.id AND e."occurrenceDate" BETWEEN $2::date AND $3::date
          GROUP BY 1) o
      WHERE a."coupleId" = ANY($1::text[])
      GROUP BY 1`,
    [ids, from, to],
  );

/** GET /caseload — a therapist's 50 couples with their roll-ups. */
export function caseloadQueries(c: FloorContext): Query[] {
  const ids = c.therapist.coupleIds;
  return [
    session(c.therapist.sessionId),
    q(
      "couples, last check-ins, open flags",
      `SELECT c.id, to_char(c."startDate", 'YYYY-MM-DD') AS "startDate", c."timeZone", c.status::text AS status, c."workPausedAt" IS NOT NULL AS paused,
              a.id AS "aId", a.name AS "aName", to_char((SELECT max(ci."localDate") FROM "CheckIn" ci WHERE ci."partnerId" = a.id), 'YYYY-MM-DD') AS "aLast",
              b.id AS "bId", b.name AS "bName", to_char((SELECT max(ci."localDate") FROM "CheckIn" ci WHERE ci."partnerId" = b.id), 'YYYY-MM-DD') AS "bLast",
              f.n AS flags, f.top AS "topSeverity"
         FROM "Couple" c JOIN "User" a ON a.id = c."partnerAId" JOIN "User" b ON b.id = c."partnerBId"
         CROSS JOIN LATERAL (SELECT count(*)::int AS n, max(sf.severity)::text AS top FROM "SafetyFlag" sf WHERE sf."coupleId" = c.id AND sf.status <> 'resolved') f
        WHERE c."practiceId" = $1 AND c."therapistId" = $2`,
      [c.practiceId, c.therapist.id],
    ),
    q(
      "8-day moods",
      `SELECT "partnerId", array_agg(to_char("localDate", 'YYYY-MM-DD') ORDER BY "localDate") AS days, array_agg(mood ORDER BY "localDate") AS moods
         FROM "CheckIn" WHERE "coupleId" = ANY($1::text[]) AND "localDate" > $2::date GROUP BY 1`,
      [ids, addDays(c.today, -8)],
    ),
    scoredByCouple("14-day adherence", ids, addDays(c.today, -14), c.today),
    q(
      "overdue homework",
      `SELECT t.id AS "coupleId",
              (SELECT count(*) FROM "Homework" h WHERE h."coupleId" = t.id AND h.status = 'active' AND h."completedAt" IS NULL AND h."dueDate" < t.today)::int AS n
         FROM unnest($1::text[], $2::date[]) AS t(id, today)`,
      [ids, ids.map(() => c.today)],
    ),
    ...assignmentsAndPauses(ids),
  ];
}

/** GET /couples/:id — a year of one couple's history (8-week chart range, the page's default). */
export function coupleQueries(c: FloorContext): Query[] {
  const id = c.couple.id;
  const w1 = addDays(c.today, -6);
  const w0 = addDays(c.today, -13);
  return [
    session(c.therapist.sessionId),
    q("requireCouple", `SELECT id, "practiceId", "therapistId", "partnerAId", "partnerBId", "timeZone", status FROM "Couple" WHERE id = $1 AND "practiceId" = $2`, [id, c.practiceId]),
    q(
      "couple overview (partners, assignments)",
      `SELECT to_char(c."startDate", 'YYYY-MM-DD') AS "startDate", c."workPausedAt" IS NOT NULL AS paused, c."workPauseReason"::text AS "pauseReason",
              json_build_object('id', a.id, 'name', a.name, 'email', a.email, 'joined', a."passwordHash" IS NOT NULL) AS a,
              json_build_object('id', b.id, 'name', b.name, 'email', b.email, 'joined', b."passwordHash" IS NOT NULL) AS b,
              (SELECT coalesce(json_agg(json_build_object('id', s.id, 'title', s.title, 'target', s.target, 'cadence', s.cadence, 'status', s.status, 'responsible', s.responsible, 'kind', s.kind)
                                        ORDER BY s."createdAt", s.id), '[]')
                 FROM "Assignment" s WHERE s."coupleId" = c.id) AS assignments
         FROM "Couple" c JOIN "User" a ON a.id = c."partnerAId" JOIN "User" b ON b.id = c."partnerBId"
        WHERE c.id = $1`,
      [id],
    ),
    q(
      "mood series (8 weeks)",
      `SELECT "partnerId", to_char("localDate", 'YYYY-MM-DD') AS d, mood, closeness,
              round(avg(mood) OVER w, 1)::float8 AS "moodAvg", round(avg(closeness) OVER w, 1)::float8 AS "closenessAvg"
         FROM "CheckIn"
        WHERE "coupleId" = $1 AND "localDate" >= $2::date
       WINDOW w AS (PARTITION BY "partnerId" ORDER BY "localDate" RANGE BETWEEN INTERVAL '6 days' PRECEDING AND CURRENT ROW)
        ORDER BY "localDate"`,
      [id, addDays(c.today, -55)],
    ),
    ...assignmentsAndPauses([id]),
    q(
      "adherence by plan week",
      `SELECT o."assignmentId", (((o."occurrenceDate" - a."startDate") / 7) + 1)::int AS week,
              count(*) FILTER (WHERE o.s = 1)::int AS kept, count(*) FILTER (WHERE o.s > 0 AND o.s < 1)::int AS partly,
              count(*) FILTER (WHERE o.s = 0)::int AS missed, count(*) FILTER (WHERE o.kinds > 1)::int AS gaps
         FROM (SELECT e."assignmentId", e."occurrenceDate", count(DISTINCT e.status) AS kinds,
                      avg(CASE e.status WHEN 'kept' THEN 1 WHEN 'partly' THEN 0.5 ELSE 0 END) AS s
                 FROM "AdherenceEntry" e JOIN "Assignment" a ON a.id = e."assignmentId"
                WHERE a."coupleId" = $1 GROUP BY 1, 2) o
         JOIN "Assignment" a ON a.id = o."assignmentId"
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [id],
    ),
    q(
      "perception gaps",
      `SELECT a.id AS "assignmentId", a.title, to_char(e."occurrenceDate", 'YYYY-MM-DD') AS d,
              string_agg(u.name || ': ' || e.status::text, '; ' ORDER BY u.name) AS reports
         FROM "AdherenceEntry" e JOIN "Assignment" a ON a.id = e."assignmentId" JOIN "User" u ON u.id = e."reporterId"
        WHERE a."coupleId" = $1
        GROUP BY a.id, a.title, e."occurrenceDate"
       HAVING count(DISTINCT e.status) > 1
        ORDER BY e."occurrenceDate" DESC
        LIMIT 200`,
      [id],
    ),
    q(
      "CSI-4 series",
      `SELECT s."partnerId", to_char(h."dueDate", 'YYYY-MM-DD') AS d, s.score
         FROM "HomeworkSubmission" s JOIN "Homework" h ON h.id = s."homeworkId"
        WHERE h."coupleId" = $1 AND h.measure = 'csi4' AND s.status = 'submitted' AND s.score IS NOT NULL
        ORDER BY h."dueDate"`,
      [id],
    ),
    q(
      "review: moods",
      `SELECT "partnerId", round(avg(mood) FILTER (WHERE "localDate" >= $2::date), 1)::float8 AS now,
              round(avg(mood) FILTER (WHERE "localDate" < $2::date), 1)::float8 AS before
         FROM "CheckIn" WHERE "coupleId" = $1 AND "localDate" >= $3::date GROUP BY 1`,
      [id, w1, w0],
    ),
    scoredByCouple("review: adherence now", [id], w1, c.today),
    scoredByCouple("review: adherence before", [id], w0, addDays(w1, -1)),
    q(
      "review: homework submitted, shared notes, new flags",
      `SELECT (SELECT count(*) FROM "HomeworkSubmission" s JOIN "Homework" h ON h.id = s."homeworkId" WHERE h."coupleId" = $1 AND s.status = 'submitted' AND s."submittedAt" >= $2::date)::int AS homework,
              (SELECT count(*) FROM "CheckIn" WHERE "coupleId" = $1 AND "localDate" >= $2::date AND ((("noteShared" AND note IS NOT NULL)) OR appreciation IS NOT NULL))::int AS notes,
              (SELECT count(*) FROM "SafetyFlag" WHERE "coupleId" = $1 AND "createdAt" >= $2::date)::int AS flags`,
      [id, w1],
    ),
    ...assignmentsAndPauses([id]),
    q(
      "open flags",
      `SELECT f.id, f.severity::text AS severity, f.status::text AS status, (extract(epoch FROM f."dueBy") * 1000)::float8 AS "dueMs", u.name AS "partnerName"
         FROM "SafetyFlag" f JOIN "User" u ON u.id = f."partnerId"
        WHERE f."coupleId" = $1 AND f.status <> 'resolved' ORDER BY f."dueBy", f.id`,
      [id],
    ),
    q(
      "homework with submissions",
      `SELECT h.id, h.title, to_char(h."dueDate", 'YYYY-MM-DD') AS "dueDate", h.assignee::text AS assignee, h.visibility::text AS visibility, h.measure, h.status::text AS status,
              (SELECT coalesce(json_agg(json_build_object('status', s.status, 'reviewed', s."reviewedAt" IS NOT NULL, 'partnerId', s."partnerId")), '[]')
                 FROM "HomeworkSubmission" s WHERE s."homeworkId" = h.id) AS submissions
         FROM "Homework" h WHERE h."coupleId" = $1 ORDER BY h."dueDate" DESC, h.id LIMIT 60`,
      [id],
    ),
    audit(c.therapist.id, c.practiceId, "couple", id, id),
  ];
}

/** GET /flags — the supervisor's queue (every unresolved flag of the practice). */
export function queueQueries(c: FloorContext): Query[] {
  return [
    session(c.supervisor.sessionId),
    q(
      "first page of unresolved flags, in queue order, with the total",
      `SELECT f.id, f.severity::text AS severity, f.status::text AS status, f.source::text AS source,
              (extract(epoch FROM f."dueBy") * 1000)::float8 AS "dueMs", (extract(epoch FROM f."createdAt") * 1000)::float8 AS "createdMs",
              pt.name AS "partnerName", pa.name || ' & ' || pb.name AS "coupleNames", th.name AS "therapistName", asg.name AS "assigneeName",
              count(*) OVER ()::int AS total
         FROM "SafetyFlag" f
         JOIN "Couple" c ON c.id = f."coupleId"
         JOIN "User" th ON th.id = c."therapistId" JOIN "User" pa ON pa.id = c."partnerAId" JOIN "User" pb ON pb.id = c."partnerBId"
         JOIN "User" pt ON pt.id = f."partnerId" LEFT JOIN "User" asg ON asg.id = f."assigneeId"
        WHERE f."practiceId" = $1 AND f.status <> 'resolved'
          AND ($2::text IS NULL OR c."therapistId" = $2) AND ($3::text IS NULL OR c."therapistId" = $3)
          AND ($4::text IS NULL OR f.severity::text = $4)
        ORDER BY f.severity DESC, f."dueBy", f."createdAt", f.id COLLATE "C"
        LIMIT $5 OFFSET $6`,
      [c.practiceId, null, null, null, 50, 0],
    ),
    q("therapists", `SELECT id, name FROM "User" WHERE "practiceId" = $1 AND role = 'therapist' ORDER BY name`, [c.practiceId]),
    audit(c.supervisor.id, c.practiceId, "flag-queue", null, null),
  ];
}

const partnerContext = (c: FloorContext) =>
  q(
    "partner context",
    `SELECT c.id, c."timeZone", c.status::text AS status, c."workPausedAt" IS NOT NULL AS paused, c."partnerAId", c."partnerBId",
            a.name AS "aName", b.name AS "bName", t.name AS "therapistName"
       FROM "Couple" c JOIN "User" a ON a.id = c."partnerAId" JOIN "User" b ON b.id = c."partnerBId" JOIN "User" t ON t.id = c."therapistId"
      WHERE c."practiceId" = $1 AND (c."partnerAId" = $2 OR c."partnerBId" = $2)`,
    [c.practiceId, c.partner.id],
  );

/** GET /today — a partner's day. */
export function todayQueries(c: FloorContext): Query[] {
  const p = c.partner;
  return [
    session(p.sessionId),
    partnerContext(c),
    q("today's check-in", `SELECT mood, closeness, "updatedAt" FROM "CheckIn" WHERE "partnerId" = $1 AND "localDate" = $2::date`, [p.id, c.today]),
    q(
      "routines with pauses and own reports (7 days)",
      `SELECT a.id, a.title, a.target, a.kind, a.cadence, a.weekday, a."timesPerWeek", a."startDate", a."durationWeeks", a.responsible,
              (SELECT coalesce(json_agg(json_build_object('s', pp."startedAt", 'e', pp."endedAt")), '[]') FROM "PausePeriod" pp WHERE pp."assignmentId" = a.id) AS pauses,
              (SELECT coalesce(json_agg(json_build_object('d', e."occurrenceDate", 'st', e.status, 'n', e.note)), '[]') FROM "AdherenceEntry" e
                WHERE e."assignmentId" = a.id AND e."reporterId" = $2 AND e."occurrenceDate" >= $3::date) AS entries
         FROM "Assignment" a WHERE a."coupleId" = $1 AND a.status = 'active' ORDER BY a."createdAt"`,
      [p.coupleId, p.id, addDays(c.today, -7)],
    ),
    q(
      "homework due",
      `SELECT h.id, h.title, h."dueDate", h.measure,
              (SELECT coalesce(json_agg(s.status), '[]') FROM "HomeworkSubmission" s WHERE s."homeworkId" = h.id AND s."partnerId" = $2) AS mine
         FROM "Homework" h
        WHERE h."coupleId" = $1 AND h.status = 'active' AND h.assignee IN ($3::"PartnerSlot", 'BOTH') AND h."dueDate" <= $4::date
          AND NOT EXISTS (SELECT 1 FROM "HomeworkSubmission" s WHERE s."homeworkId" = h.id AND s."partnerId" = $2 AND s.status = 'submitted')
        ORDER BY h."dueDate" LIMIT 10`,
      [p.coupleId, p.id, p.slot, addDays(c.today, 7)],
    ),
    q(
      "recent feedback",
      `SELECT s.feedback, s."feedbackAt", h.id, h.title FROM "HomeworkSubmission" s JOIN "Homework" h ON h.id = s."homeworkId"
        WHERE s."partnerId" = $1 AND s.feedback IS NOT NULL ORDER BY s."feedbackAt" DESC LIMIT 3`,
      [p.id],
    ),
  ];
}

/** POST /checkin — the rules' inputs in one read, then the upsert and its audit row in one statement (nothing flagged). */
export function checkInQueries(c: FloorContext): Query[] {
  const p = c.partner;
  return [
    session(p.sessionId),
    partnerContext(c),
    q(
      "safety rule inputs (phrases, 14-day moods)",
      `SELECT p."flagPhrases" AS phrases,
              ARRAY(SELECT c.mood FROM "CheckIn" c WHERE c."partnerId" = $2 AND c."localDate" >= $3::date AND c."localDate" < $4::date) AS history
         FROM "Practice" p WHERE p.id = $1`,
      [c.practiceId, p.id, addDays(c.today, -14), c.today],
    ),
    q(
      "upsert check-in + audit row",
      `WITH saved AS (
         INSERT INTO "CheckIn" (id, "coupleId", "partnerId", "localDate", mood, closeness, "feelSafe", note, "noteShared", appreciation, "createdAt", "updatedAt")
         VALUES ('floor-' || $2 || $3, $1, $2, $3::date, 7, 5, 'yes', 'bench', false, NULL, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
         ON CONFLICT ("partnerId", "localDate") DO UPDATE
           SET mood = EXCLUDED.mood, closeness = EXCLUDED.closeness, "feelSafe" = EXCLUDED."feelSafe", note = EXCLUDED.note,
               "noteShared" = EXCLUDED."noteShared", appreciation = EXCLUDED.appreciation, "updatedAt" = EXCLUDED."updatedAt"
         RETURNING id)
       INSERT INTO "AuditEvent" ("practiceId", "actorId", action, entity, "entityId", "coupleId", outcome, ip)
       SELECT $4, $2, 'save', 'checkin', saved.id, $1, 'allowed', '127.0.0.1' FROM saved
       RETURNING "entityId" AS id`,
      [p.coupleId, p.id, c.today, c.practiceId],
    ),
  ];
}

/** Runs the whole set `runs` times on one connection; p50 of the total, and p50 per statement. */
export async function measureFloor(db: Db, queries: Query[], runs: number) {
  const totals: number[] = [];
  const per = queries.map(() => [] as number[]);
  for (let i = 0; i < runs + 2; i++) {
    let total = 0;
    for (const [k, x] of queries.entries()) {
      const t = performance.now();
      await db.query(x.text, x.params);
      const ms = performance.now() - t;
      total += ms;
      if (i >= 2) per[k]!.push(ms); // the first two runs warm the caches and plans
    }
    if (i >= 2) totals.push(total);
  }
  totals.sort((a, b) => a - b);
  const r2 = (n: number) => Math.round(n * 100) / 100;
  return {
    p50: r2(percentile(totals, 50)),
    statements: queries.map((x, k) => ({ label: x.label, p50: r2(percentile(per[k]!.sort((a, b) => a - b), 50)) })),
  };
}

/** EXPLAIN (ANALYZE, BUFFERS) of a read-only statement. */
export async function explain(db: Db, x: Query): Promise<string> {
  const r = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${x.text}`, x.params);
  return r.rows.map((row) => String(row["QUERY PLAN"])).join("\n");
}

/** Ids and sessions the floor needs, looked up once. */
export async function floorContext(db: Db, today: string): Promise<FloorContext> {
  const one = async (text: string, params: unknown[] = []) => (await db.query(text, params)).rows[0] as Record<string, string>;
  const practice = await one(`SELECT "practiceId" AS id FROM "User" WHERE email = 'scale-therapist-1@scale.mend'`);
  // A session row of its own per user (the floor reads it as getSessionUser does).
  const sessionOf = async (email: string) => {
    const u = await one(`SELECT id FROM "User" WHERE email = $1`, [email]);
    if (!u) throw new Error(`No user ${email}: is this a scale database?`);
    await db.query(
      `INSERT INTO "Session" (id, "userId", "expiresAt", "lastSeenAt") VALUES ($1, $2, now() + interval '1 day', now()) ON CONFLICT (id) DO UPDATE SET "expiresAt" = EXCLUDED."expiresAt", "lastSeenAt" = now()`,
      [`floor-${u.id}`, u.id],
    );
    return { id: u.id!, sessionId: `floor-${u.id}` };
  };
  const t = await sessionOf("scale-therapist-1@scale.mend");
  const mine = (await db.query(`SELECT id, "partnerAId", "partnerBId" FROM "Couple" WHERE "therapistId" = $1`, [t.id])).rows;
  const ids = mine.map((r) => String(r.id));
  const partnerIds = mine.flatMap((r) => [String(r.partnerAId), String(r.partnerBId)]);
  const s = await sessionOf("scale-supervisor@scale.mend");
  const p = await sessionOf("scale-partner-1a@scale.mend");
  const pc = await one(`SELECT id, CASE WHEN "partnerAId" = $1 THEN 'A' ELSE 'B' END AS slot FROM "Couple" WHERE "partnerAId" = $1 OR "partnerBId" = $1`, [p.id]);
  const couple = await one(`SELECT id, "timeZone" FROM "Couple" WHERE id = 'scale-c-1'`);
  return {
    practiceId: practice.id!,
    today,
    therapist: { id: t.id, sessionId: t.sessionId, coupleIds: ids, partnerIds },
    couple: { id: couple.id!, timeZone: couple.timeZone! },
    supervisor: { id: s.id, sessionId: s.sessionId },
    partner: { id: p.id, sessionId: p.sessionId, coupleId: pc.id!, slot: pc.slot as "A" | "B" },
  };
}
