/**
 * The SQL floor: the statements each measured page needs, run straight through one connection
 * (no ORM, no React, no HTTP). The page's p50 divided by this floor's p50 shows how much the rest
 * of the stack costs.
 *
 * The statement texts are the application's own (imported from the modules that run them), so the
 * floor cannot drift from the pages; only the parameters are built here, as each loader builds them.
 * The supervisor queue's therapist list is the one ORM query on these pages; its SQL is written out.
 */
import { randomUUID } from "node:crypto";
import { addDays } from "~/domain/dates";
import { AUDIT_INSERT } from "~/utils/audit.server";
import { SAVE_CHECKIN_SQL } from "~/models/checkin.server";
import { ADHERENCE_WINDOW_DAYS, adherenceWindow } from "~/domain/adherence";
import {
  ADHERENCE_SQL,
  EXCLUDABLE_DAYS_SQL,
  ASSIGNMENTS_SQL,
  CASELOAD_COUPLES_SQL,
  CASELOAD_MOODS_SQL,
  CSI_SERIES_SQL,
  MOOD_SERIES_SQL,
  OVERDUE_HOMEWORK_SQL,
  PAUSES_SQL,
  PERCEPTION_GAPS_SQL,
  REVIEW_COUNTS_SQL,
  REVIEW_MOODS_SQL,
} from "~/models/couple-stats.server";
import { COUPLE_OVERVIEW_SQL } from "~/models/couple.server";
import { COUPLE_TIMELINE_SQL } from "~/models/couple-timeline.server";
import { OPEN_FLAGS_SQL, QUEUE_PAGE_SIZE, QUEUE_PAGE_SQL } from "~/models/flag.server";
import { HOMEWORK_LIST_SQL } from "~/models/homework.server";
import { HOMEWORK_DUE_SQL, PARTNER_CONTEXT_SQL, RECENT_FEEDBACK_SQL, ROUTINES_SQL, TODAY_CHECKIN_SQL } from "~/models/partner.server";
import { RULE_INPUTS_SQL } from "~/models/safety.server";
import { COUPLE_BY_ID_SQL } from "~/utils/authz.server";
import { SESSION_SQL } from "~/utils/session.server";
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
  couple: { id: string; timeZone: string; startDate: string };
  supervisor: { id: string; sessionId: string };
  partner: { id: string; sessionId: string; coupleId: string; slot: "A" | "B" };
}

const session = (id: string) => q("session", SESSION_SQL, [id]);

const audit = (actorId: string, practiceId: string, entity: string, entityId: string | null, coupleId: string | null) =>
  q("audit insert", AUDIT_INSERT, [practiceId, actorId, "read", entity, entityId, coupleId, "allowed", null, "127.0.0.1"]);

const assignmentsAndPauses = (ids: string[]): Query[] => [q("assignments", ASSIGNMENTS_SQL, [ids]), q("pauses", PAUSES_SQL, [ids])];

// The scores and the occurrences that might be on an excluded day, as withScores reads them.
const adherence = (label: string, ids: string[], from: string, to: string): Query[] => {
  const params = [ids, ids.map(() => from), ids.map(() => to), null];
  return [q(label, ADHERENCE_SQL, params), q(`${label}: excludable days`, EXCLUDABLE_DAYS_SQL, params)];
};

/** GET /caseload — a therapist's 50 couples with their roll-ups. */
export function caseloadQueries(c: FloorContext): Query[] {
  const ids = c.therapist.coupleIds;
  return [
    session(c.therapist.sessionId),
    q("couples, last check-ins, open flags", CASELOAD_COUPLES_SQL, [c.practiceId, c.therapist.id]),
    q("8-day moods", CASELOAD_MOODS_SQL, [ids, addDays(c.today, -8)]),
    ...adherence(`${ADHERENCE_WINDOW_DAYS}-day adherence`, ids, adherenceWindow(c.today).from, c.today),
    q("overdue homework", OVERDUE_HOMEWORK_SQL, [ids, ids.map(() => c.today)]),
    ...assignmentsAndPauses(ids),
  ];
}

/** GET /couples/:id — a year of one couple's history (8-week chart range, the page's default). */
export function coupleQueries(c: FloorContext): Query[] {
  const id = c.couple.id;
  const w1 = adherenceWindow(c.today, 7).from;
  const w0 = addDays(w1, -7);
  return [
    session(c.therapist.sessionId),
    q("requireCouple", COUPLE_BY_ID_SQL, [id, c.practiceId, false]),
    q("couple overview (partners, assignments)", COUPLE_OVERVIEW_SQL, [id]),
    q("mood series (8 weeks)", MOOD_SERIES_SQL, [id, addDays(c.today, -55)]),
    ...assignmentsAndPauses([id]),
    ...adherence("adherence by plan week", [id], c.couple.startDate, c.today),
    q("perception gaps", PERCEPTION_GAPS_SQL, [id]),
    q("CSI-4 series", CSI_SERIES_SQL, [id]),
    q("review: moods", REVIEW_MOODS_SQL, [id, w1, w0]),
    ...adherence("review: adherence now", [id], w1, c.today),
    ...adherence("review: adherence before", [id], w0, addDays(w1, -1)),
    q("review: homework submitted, shared notes, new flags", REVIEW_COUNTS_SQL, [id, w1]),
    ...assignmentsAndPauses([id]),
    q("open flags", OPEN_FLAGS_SQL, [id]),
    q("homework with submissions", HOMEWORK_LIST_SQL, [id]),
    q("flags and pauses on the charts' time axis", COUPLE_TIMELINE_SQL, [id]),
    audit(c.therapist.id, c.practiceId, "couple", id, id),
  ];
}

/** GET /flags — the supervisor's queue (first page of the practice's unresolved flags). */
export function queueQueries(c: FloorContext): Query[] {
  return [
    session(c.supervisor.sessionId),
    q("first page of unresolved flags, in queue order, with the total", QUEUE_PAGE_SQL, [c.practiceId, null, null, null, QUEUE_PAGE_SIZE, 0]),
    // listTherapists (the ORM's statement, written out)
    q("therapists", `SELECT id, name FROM "User" WHERE "practiceId" = $1 AND role = 'therapist' ORDER BY name`, [c.practiceId]),
    audit(c.supervisor.id, c.practiceId, "flag-queue", null, null),
  ];
}

const partnerContext = (c: FloorContext) => q("partner context", PARTNER_CONTEXT_SQL, [c.practiceId, c.partner.id]);

/** GET /today — a partner's day. */
export function todayQueries(c: FloorContext): Query[] {
  const p = c.partner;
  return [
    session(p.sessionId),
    partnerContext(c),
    q("today's check-in", TODAY_CHECKIN_SQL, [p.id, c.today]),
    q("routines with pauses and own reports (7 days)", ROUTINES_SQL, [p.coupleId, p.id, addDays(c.today, -7)]),
    q("homework due", HOMEWORK_DUE_SQL, [p.coupleId, p.id, p.slot, addDays(c.today, 7), false]),
    q("recent feedback", RECENT_FEEDBACK_SQL, [p.id]),
  ];
}

/** POST /checkin — the rules' inputs in one read, then the upsert and its audit row in one statement (nothing flagged). */
export function checkInQueries(c: FloorContext): Query[] {
  const p = c.partner;
  return [
    session(p.sessionId),
    partnerContext(c),
    q("safety rule inputs (phrases, 14-day moods, names)", RULE_INPUTS_SQL, [c.practiceId, p.id, addDays(c.today, -14), c.today, p.coupleId]),
    q("upsert check-in + audit row", SAVE_CHECKIN_SQL, [randomUUID(), p.coupleId, p.id, c.today, 7, 5, "yes", "bench", false, null, c.practiceId, "127.0.0.1"]),
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
  const couple = await one(`SELECT id, "timeZone", to_char("startDate", 'YYYY-MM-DD') AS "startDate" FROM "Couple" WHERE id = 'scale-c-1'`);
  return {
    practiceId: practice.id!,
    today,
    therapist: { id: t.id, sessionId: t.sessionId, coupleIds: ids, partnerIds },
    couple: { id: couple.id!, timeZone: couple.timeZone!, startDate: couple.startDate! },
    supervisor: { id: s.id, sessionId: s.sessionId },
    partner: { id: p.id, sessionId: p.sessionId, coupleId: pc.id!, slot: pc.slot as "A" | "B" },
  };
}
