/**
 * Therapist-side numbers: caseload roll-ups, chart series, adherence per plan week, perception
 * gaps, CSI-4 and the weekly review. Counting and averaging happen in SQL (set-based, one query
 * per figure for the whole caseload); expected occurrences come from the pure schedule module.
 */
import { adherencePercent } from "~/domain/adherence";
import { addDays, diffDays, localDateOf } from "~/domain/dates";
import { expectedByPlanWeek, expectedCount, pauseRangesFromInstants, specOf, type PauseRange, type ScheduleSpec } from "~/domain/schedule";
import { sql } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";

const SEV_RANK = { low: 0, medium: 1, high: 2, imminent: 3 } as const;

type AssignmentRow = { id: string; coupleId: string; title: string; cadence: ScheduleSpec["cadence"]; weekday: number | null; timesPerWeek: number | null; startDate: string; durationWeeks: number; status: string };

export const ASSIGNMENTS_SQL = `SELECT id, "coupleId", title, cadence::text AS cadence, weekday, "timesPerWeek", to_char("startDate", 'YYYY-MM-DD') AS "startDate", "durationWeeks", status::text AS status
  FROM "Assignment" WHERE "coupleId" = ANY($1::text[]) ORDER BY "createdAt", id`;

export const PAUSES_SQL = `SELECT "coupleId", "assignmentId", (extract(epoch FROM "startedAt") * 1000)::float8 AS "startMs", (extract(epoch FROM "endedAt") * 1000)::float8 AS "endMs"
  FROM "PausePeriod" WHERE "coupleId" = ANY($1::text[])`;

async function assignmentsWithPauses(coupleIds: string[], timeZones: Map<string, string>) {
  const [assignments, pauses] = await Promise.all([
    sql<AssignmentRow>(ASSIGNMENTS_SQL, [coupleIds]),
    sql<{ coupleId: string; assignmentId: string | null; startMs: number; endMs: number | null }>(PAUSES_SQL, [coupleIds]),
  ]);
  return assignments.map((a) => {
    const own = pauses.filter((p) => p.coupleId === a.coupleId && (p.assignmentId === null || p.assignmentId === a.id));
    const ranges: PauseRange[] = pauseRangesFromInstants(own.map((p) => ({ start: new Date(p.startMs), end: p.endMs === null ? null : new Date(p.endMs) })), timeZones.get(a.coupleId) ?? "UTC");
    return { ...a, spec: specOf(a), pauses: ranges };
  });
}

/** Occurrences a couple's assignments (ended ones excluded) expected between two days, pauses left out. */
function expectedOver(assignments: Awaited<ReturnType<typeof assignmentsWithPauses>>, from: string, to: string) {
  return assignments.filter((a) => a.status !== "completed").reduce((n, a) => n + expectedCount(a.spec, { from, to, pauses: a.pauses }), 0);
}

// Each couple's own date range ($1 couple ids, $2 first and $3 last days, in step). LATERAL: one
// index range scan on (assignmentId, occurrenceDate) per assignment, whatever the table size (a
// join let the planner pick a parallel sequential scan on smaller practices).
export const SCORED_BY_COUPLE_SQL = `SELECT a."coupleId", sum(o.s)::float8 AS score, count(*)::int AS occurrences, count(*) FILTER (WHERE o.s = 0)::int AS missed
   FROM unnest($1::text[], $2::date[], $3::date[]) AS t(id, d0, d1)
   JOIN "Assignment" a ON a."coupleId" = t.id
   CROSS JOIN LATERAL (
     SELECT e."occurrenceDate", avg(CASE e.status WHEN 'kept' THEN 1 WHEN 'partly' THEN 0.5 ELSE 0 END)::float8 AS s
       FROM "AdherenceEntry" e
      WHERE e."assignmentId" = a.id AND e."occurrenceDate" BETWEEN t.d0 AND t.d1
      GROUP BY 1) o
  GROUP BY 1`;

/** Occurrence scores (mean of the partners' reports) summed per couple, each over its own date range. */
async function scoredByCouple(ranges: { coupleId: string; from: string; to: string }[]) {
  return sql<{ coupleId: string; score: number; occurrences: number; missed: number }>(SCORED_BY_COUPLE_SQL, [ranges.map((r) => r.coupleId), ranges.map((r) => r.from), ranges.map((r) => r.to)]);
}

type Severity = keyof typeof SEV_RANK;

interface CaseloadCouple {
  id: string;
  startDate: string;
  timeZone: string;
  status: string;
  paused: boolean;
  aId: string;
  aName: string;
  aLast: string | null;
  bId: string;
  bName: string;
  bLast: string | null;
  flags: number;
  topSeverity: Severity | null;
}

/** $1 practice, $2 therapist */
export const CASELOAD_COUPLES_SQL = `SELECT c.id, to_char(c."startDate", 'YYYY-MM-DD') AS "startDate", c."timeZone", c.status::text AS status, c."workPausedAt" IS NOT NULL AS paused,
        a.id AS "aId", a.name AS "aName", to_char((SELECT max(ci."localDate") FROM "CheckIn" ci WHERE ci."partnerId" = a.id), 'YYYY-MM-DD') AS "aLast",
        b.id AS "bId", b.name AS "bName", to_char((SELECT max(ci."localDate") FROM "CheckIn" ci WHERE ci."partnerId" = b.id), 'YYYY-MM-DD') AS "bLast",
        f.n AS flags, f.top AS "topSeverity"
   FROM "Couple" c JOIN "User" a ON a.id = c."partnerAId" JOIN "User" b ON b.id = c."partnerBId"
   CROSS JOIN LATERAL (SELECT count(*)::int AS n, max(sf.severity)::text AS top FROM "SafetyFlag" sf WHERE sf."coupleId" = c.id AND sf.status <> 'resolved') f
  WHERE c."practiceId" = $1 AND c."therapistId" = $2`;

/** $1 couple ids, $2 day before the first */
export const CASELOAD_MOODS_SQL = `SELECT "partnerId", array_agg(to_char("localDate", 'YYYY-MM-DD') ORDER BY "localDate") AS days, array_agg(mood ORDER BY "localDate") AS moods
  FROM "CheckIn" WHERE "coupleId" = ANY($1::text[]) AND "localDate" > $2::date GROUP BY 1`;

/** $1 couple ids, $2 each couple's local today */
export const OVERDUE_HOMEWORK_SQL = `SELECT t.id AS "coupleId",
       (SELECT count(*) FROM "Homework" h WHERE h."coupleId" = t.id AND h.status = 'active' AND h."completedAt" IS NULL AND h."dueDate" < t.today)::int AS n
  FROM unnest($1::text[], $2::date[]) AS t(id, today)`;

/**
 * A therapist's caseload in five statements whatever its size: the couples with names, each
 * partner's last check-in (an index probe on (partnerId, localDate)) and open flags; then, in
 * parallel, 8 days of moods, 14 days of adherence scores, overdue homework counts (the partial
 * index on open homework) and the assignments with their pauses.
 */
export async function caseload(user: SessionUser) {
  const couples = await sql<CaseloadCouple>(CASELOAD_COUPLES_SQL, [user.practiceId, user.id]);
  if (!couples.length) return [];
  const ids = couples.map((c) => c.id);
  const tz = new Map(couples.map((c) => [c.id, c.timeZone]));
  const now = new Date();
  const todayByZone = new Map([...new Set(tz.values())].map((z) => [z, localDateOf(now, z)]));
  const today = new Map(couples.map((c) => [c.id, todayByZone.get(c.timeZone)!]));
  const anyToday = [...todayByZone.values()].sort().at(-1)!;
  // Adherence over each couple's last 14 days in its own zone: reports and expected occurrences alike.
  const windows = ids.map((id) => ({ coupleId: id, from: addDays(today.get(id)!, -13), to: today.get(id)! }));
  const [moods, scored, overdue, assignments] = await Promise.all([
    // one row per partner: dates and moods of the last 8 days, oldest first
    sql<{ partnerId: string; days: string[]; moods: number[] }>(CASELOAD_MOODS_SQL, [ids, addDays(anyToday, -8)]),
    scoredByCouple(windows),
    // Homework past its due date (in the couple's own zone) that someone assigned has not submitted.
    sql<{ coupleId: string; n: number }>(OVERDUE_HOMEWORK_SQL, [ids, ids.map((id) => today.get(id)!)]),
    assignmentsWithPauses(ids, tz),
  ]);
  const moodsOf = new Map(moods.map((m) => [m.partnerId, m]));
  const scoredOf = new Map(scored.map((r) => [r.coupleId, r]));
  const windowOf = new Map(windows.map((w) => [w.coupleId, w]));
  const overdueOf = new Map(overdue.map((r) => [r.coupleId, r.n]));
  const assignmentsOf = groupBy(assignments, (a) => a.coupleId);
  return couples
    .map((c) => {
      const t = today.get(c.id)!;
      const week = Math.floor(diffDays(t, c.startDate) / 7) + 1;
      const { from, to } = windowOf.get(c.id)!;
      const expected = expectedOver(assignmentsOf.get(c.id) ?? [], from, to);
      const weekAgo = addDays(t, -7);
      const trend = (pid: string) => {
        const m = moodsOf.get(pid);
        return m ? m.days.flatMap((date, i) => (date > weekAgo ? [{ date, mood: m.moods[i]! }] : [])) : [];
      };
      return {
        id: c.id,
        names: `${c.aName} & ${c.bName}`,
        status: c.status,
        paused: c.paused,
        week,
        partners: [
          { name: c.aName, lastCheckIn: c.aLast, trend: trend(c.aId) },
          { name: c.bName, lastCheckIn: c.bLast, trend: trend(c.bId) },
        ],
        adherence14: adherencePercent({ kept: scoredOf.get(c.id)?.score ?? 0, partly: 0, expected }),
        overdueHomework: overdueOf.get(c.id) ?? 0,
        flags: c.flags,
        topSeverity: c.topSeverity,
      };
    })
    .sort((a, b) => b.flags - a.flags || (b.topSeverity ? SEV_RANK[b.topSeverity] : -1) - (a.topSeverity ? SEV_RANK[a.topSeverity] : -1) || a.names.localeCompare(b.names));
}

/** Rows grouped once by key (not filtered again for each of the 50 couples). */
function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

export type Range = "4w" | "8w" | "all";

export const MOOD_SERIES_SQL = `SELECT "partnerId", to_char("localDate", 'YYYY-MM-DD') AS d, mood, closeness,
         round(avg(mood) OVER w, 1)::float8 AS "moodAvg", round(avg(closeness) OVER w, 1)::float8 AS "closenessAvg"
    FROM "CheckIn"
   WHERE "coupleId" = $1 AND "localDate" >= $2::date
  WINDOW w AS (PARTITION BY "partnerId" ORDER BY "localDate" RANGE BETWEEN INTERVAL '6 days' PRECEDING AND CURRENT ROW)
   ORDER BY "localDate"`;

/** Mood and closeness per partner with a 7-day moving average computed by a SQL window. */
export async function moodSeries(coupleId: string, today: string, range: Range) {
  const from = range === "4w" ? addDays(today, -27) : range === "8w" ? addDays(today, -55) : "1900-01-01";
  return sql<{ partnerId: string; d: string; mood: number; closeness: number; moodAvg: number; closenessAvg: number }>(MOOD_SERIES_SQL, [coupleId, from]);
}

export const ADHERENCE_BY_WEEK_SQL = `SELECT o."assignmentId", (((o."occurrenceDate" - a."startDate") / 7) + 1)::int AS week,
        count(*) FILTER (WHERE o.s = 1)::int AS kept, count(*) FILTER (WHERE o.s > 0 AND o.s < 1)::int AS partly,
        count(*) FILTER (WHERE o.s = 0)::int AS missed, count(*) FILTER (WHERE o.kinds > 1)::int AS gaps, sum(o.s)::float8 AS score
   FROM (SELECT e."assignmentId", e."occurrenceDate", count(DISTINCT e.status) AS kinds,
                avg(CASE e.status WHEN 'kept' THEN 1 WHEN 'partly' THEN 0.5 ELSE 0 END) AS s
           FROM "AdherenceEntry" e JOIN "Assignment" a ON a.id = e."assignmentId"
          WHERE a."coupleId" = $1 GROUP BY 1, 2) o
   JOIN "Assignment" a ON a.id = o."assignmentId"
  GROUP BY 1, 2 ORDER BY 1, 2`;

/** Per assignment and plan week: kept / partly / missed occurrences (partners' reports combined) and gaps. */
export async function adherenceByWeek(coupleId: string, timeZone: string, today: string) {
  const assignments = (await assignmentsWithPauses([coupleId], new Map([[coupleId, timeZone]]))).filter((a) => a.spec.cadence !== "as_needed");
  const rows = await sql<{ assignmentId: string; week: number; kept: number; partly: number; missed: number; gaps: number; score: number }>(ADHERENCE_BY_WEEK_SQL, [coupleId]);
  const perAssignment = assignments.map((a) => ({
    id: a.id,
    title: a.title,
    status: a.status,
    weeks: expectedByPlanWeek(a.spec, { to: today, pauses: a.pauses }).map((w) => {
      const r = rows.find((x) => x.assignmentId === a.id && x.week === w.week);
      const kept = r?.kept ?? 0;
      const partly = r?.partly ?? 0;
      const missed = r?.missed ?? 0;
      // The percentage sums each occurrence's mean score (kept + partly between partners = 0.75),
      // the same rule as the caseload; the counts show how each occurrence was classed.
      const score = r?.score ?? 0;
      return { week: w.week, expected: w.expected, kept, partly, missed, score, gaps: r?.gaps ?? 0, notReported: Math.max(0, w.expected - kept - partly - missed), percent: adherencePercent({ kept: score, partly: 0, expected: w.expected }) };
    }),
  }));
  const maxWeeks = Math.max(0, ...perAssignment.map((a) => a.weeks.length));
  const overall = Array.from({ length: maxWeeks }, (_, i) => {
    const ws = perAssignment.map((a) => a.weeks[i]).filter((w): w is NonNullable<typeof w> => Boolean(w));
    const sum = (k: "expected" | "kept" | "partly" | "missed" | "score" | "gaps" | "notReported") => ws.reduce((n, w) => n + w[k], 0);
    return { week: i + 1, expected: sum("expected"), kept: sum("kept"), partly: sum("partly"), missed: sum("missed"), notReported: sum("notReported"), gaps: sum("gaps"), percent: adherencePercent({ kept: sum("score"), partly: 0, expected: sum("expected") }) };
  });
  return { perAssignment, overall };
}

export const PERCEPTION_GAPS_SQL = `SELECT a.id AS "assignmentId", a.title, to_char(e."occurrenceDate", 'YYYY-MM-DD') AS d,
         string_agg(u.name || ': ' || e.status::text, '; ' ORDER BY u.name) AS reports
    FROM "AdherenceEntry" e JOIN "Assignment" a ON a.id = e."assignmentId" JOIN "User" u ON u.id = e."reporterId"
   WHERE a."coupleId" = $1
   GROUP BY a.id, a.title, e."occurrenceDate"
  HAVING count(DISTINCT e.status) > 1
   ORDER BY e."occurrenceDate" DESC
   LIMIT 200`;

export async function perceptionGaps(coupleId: string) {
  return sql<{ assignmentId: string; title: string; d: string; reports: string }>(PERCEPTION_GAPS_SQL, [coupleId]);
}

export const CSI_SERIES_SQL = `SELECT s."partnerId", to_char(h."dueDate", 'YYYY-MM-DD') AS d, s.score
   FROM "HomeworkSubmission" s JOIN "Homework" h ON h.id = s."homeworkId"
  WHERE h."coupleId" = $1 AND h.measure = 'csi4' AND s.status = 'submitted' AND s.score IS NOT NULL
  ORDER BY h."dueDate"`;

export async function csiSeries(coupleId: string) {
  return sql<{ partnerId: string; d: string; score: number }>(CSI_SERIES_SQL, [coupleId]);
}

/** $1 couple, $2 first day of this week, $3 first day of the week before */
export const REVIEW_MOODS_SQL = `SELECT "partnerId", round(avg(mood) FILTER (WHERE "localDate" >= $2::date), 1)::float8 AS now,
       round(avg(mood) FILTER (WHERE "localDate" < $2::date), 1)::float8 AS before
  FROM "CheckIn" WHERE "coupleId" = $1 AND "localDate" >= $3::date GROUP BY 1`;

/** $1 couple, $2 first day of this week */
export const REVIEW_COUNTS_SQL = `SELECT (SELECT count(*) FROM "HomeworkSubmission" s JOIN "Homework" h ON h.id = s."homeworkId" WHERE h."coupleId" = $1 AND s.status = 'submitted' AND s."submittedAt" >= $2::date)::int AS homework,
  (SELECT count(*) FROM "CheckIn" WHERE "coupleId" = $1 AND "localDate" >= $2::date AND ((("noteShared" AND note IS NOT NULL)) OR appreciation IS NOT NULL))::int AS notes,
  (SELECT count(*) FROM "SafetyFlag" WHERE "coupleId" = $1 AND "createdAt" >= $2::date)::int AS flags`;

/** What changed in the last 7 days compared with the 7 before — to prepare the next session. */
export async function weeklyReview(coupleId: string, timeZone: string, today: string) {
  const w1 = addDays(today, -6);
  const w0 = addDays(today, -13);
  const [moods, scoredNow, scoredBefore, [counts], assignments] = await Promise.all([
    sql<{ partnerId: string; now: number | null; before: number | null }>(REVIEW_MOODS_SQL, [coupleId, w1, w0]),
    scoredByCouple([{ coupleId, from: w1, to: today }]),
    scoredByCouple([{ coupleId, from: w0, to: addDays(w1, -1) }]),
    // homework submitted, check-ins with something shared, and flags opened since the start of the week
    sql<{ homework: number; notes: number; flags: number }>(REVIEW_COUNTS_SQL, [coupleId, w1]),
    assignmentsWithPauses([coupleId], new Map([[coupleId, timeZone]])),
  ]);
  const now = adherencePercent({ kept: scoredNow[0]?.score ?? 0, partly: 0, expected: expectedOver(assignments, w1, today) });
  const before = adherencePercent({ kept: scoredBefore[0]?.score ?? 0, partly: 0, expected: expectedOver(assignments, w0, addDays(w1, -1)) });
  return { moods, adherenceNow: now, adherenceBefore: before, missed: scoredNow[0]?.missed ?? 0, homeworkSubmitted: counts?.homework ?? 0, sharedNotes: counts?.notes ?? 0, newFlags: counts?.flags ?? 0 };
}
