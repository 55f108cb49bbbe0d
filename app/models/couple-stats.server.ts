/**
 * Therapist-side numbers: caseload roll-ups, chart series, adherence per plan week, perception
 * gaps, CSI-4 and the weekly review. Counting and averaging happen in SQL (set-based, one query
 * per figure for the whole caseload); expected occurrences come from the pure schedule module.
 * Every adherence figure comes from ADHERENCE_SQL, which counts the rule of domain/adherence.ts
 * (tests/integration/adherence-parity.test.ts holds the two together).
 */
import {
  REPORT_SCORE,
  addTally,
  adherenceFigure,
  adherencePercent,
  adherenceWindow,
  emptyTally,
  excludedRanges,
  expectedIn,
  planWeek,
  planWeekDates,
  planWeeksOf,
  type AdherenceView,
  type Tally,
} from "~/domain/adherence";
import { addDays, localDateOf, type LocalDate } from "~/domain/dates";
import { isPaused, specOf, type ScheduleSpec } from "~/domain/schedule";
import { sql } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";

const SEV_RANK = { low: 0, medium: 1, high: 2, imminent: 3 } as const;

type AssignmentRow = {
  id: string;
  coupleId: string;
  title: string;
  cadence: ScheduleSpec["cadence"];
  weekday: number | null;
  timesPerWeek: number | null;
  startDate: string;
  durationWeeks: number;
  status: string;
  responsible: "A" | "B" | "BOTH";
  endedMs: number | null;
  coupleStart: string;
};

/** $1 couple ids. With each couple's start date: plan weeks are counted from it. */
export const ASSIGNMENTS_SQL = `SELECT a.id, a."coupleId", a.title, a.cadence::text AS cadence, a.weekday, a."timesPerWeek", to_char(a."startDate", 'YYYY-MM-DD') AS "startDate", a."durationWeeks",
        a.status::text AS status, a.responsible::text AS responsible, (extract(epoch FROM a."endedAt") * 1000)::float8 AS "endedMs", to_char(c."startDate", 'YYYY-MM-DD') AS "coupleStart"
   FROM "Assignment" a JOIN "Couple" c ON c.id = a."coupleId" WHERE a."coupleId" = ANY($1::text[]) ORDER BY a."createdAt", a.id`;

export const PAUSES_SQL = `SELECT "coupleId", "assignmentId", reason::text AS reason, (extract(epoch FROM "startedAt") * 1000)::float8 AS "startMs", (extract(epoch FROM "endedAt") * 1000)::float8 AS "endMs"
  FROM "PausePeriod" WHERE "coupleId" = ANY($1::text[])`;

/**
 * The couples' assignments with the days each expects nothing in (its own and the couple's
 * pauses as `view` sees them, and the days from its end on), in each couple's zone.
 */
export async function assignmentsWithPauses(coupleIds: string[], timeZones: Map<string, string>, view: AdherenceView = "clinician") {
  const [assignments, pauses] = await Promise.all([
    sql<AssignmentRow>(ASSIGNMENTS_SQL, [coupleIds]),
    sql<{ coupleId: string; assignmentId: string | null; reason: "safety" | "therapist"; startMs: number; endMs: number | null }>(PAUSES_SQL, [coupleIds]),
  ]);
  return assignments.map((a) => {
    const tz = timeZones.get(a.coupleId) ?? "UTC";
    const own = pauses.filter((p) => p.coupleId === a.coupleId && (p.assignmentId === null || p.assignmentId === a.id));
    const endedAt = a.endedMs === null ? null : new Date(a.endedMs);
    const excluded = excludedRanges(
      own.map((p) => ({ reason: p.reason, start: new Date(p.startMs), end: p.endMs === null ? null : new Date(p.endMs) })),
      endedAt,
      tz,
      view,
    );
    return { ...a, spec: specOf(a), excluded, endedOn: endedAt ? localDateOf(endedAt, tz) : null };
  });
}
export type AssignmentWithPauses = Awaited<ReturnType<typeof assignmentsWithPauses>>[number];

/** Occurrences a couple's assignments expected between two days (the same days ADHERENCE_SQL scores). */
function expectedOver(assignments: AssignmentWithPauses[], range: { from: LocalDate; to: LocalDate }) {
  return assignments.reduce((n, a) => n + expectedIn(a.coupleStart, a.spec, a.excluded, range), 0);
}

/** REPORT_SCORE as SQL, so the statement cannot weigh a report differently from the domain. */
const SCORE_SQL = `CASE e.status ${Object.entries(REPORT_SCORE)
  .map(([status, score]) => `WHEN '${status}' THEN ${score}`)
  .join(" ")} END`;

/** The scored occurrences of assignment `a` of couple `c` in [t.d0, t.d1]: day `d`, score `s`, `kinds` of report. */
const occurrences = (extraCondition = "true") => `
     SELECT e."occurrenceDate" AS d, avg(${SCORE_SQL}) AS s, count(DISTINCT e.status) AS kinds
       FROM "AdherenceEntry" e
      WHERE e."assignmentId" = a.id
        AND e."occurrenceDate" BETWEEN greatest(t.d0, a."startDate", c."startDate") AND least(t.d1, a."startDate" + 7 * a."durationWeeks" - 1)
        AND ($4::text IS NULL OR e."reporterId" = $4::text)
        AND (a.cadence <> 'weekly' OR extract(dow FROM e."occurrenceDate") = coalesce(a.weekday, extract(dow FROM a."startDate")))
        AND ${extraCondition}
      GROUP BY 1`;

/**
 * Adherence per couple, assignment and plan week of the couple: scored occurrences classed
 * kept / partly / missed, perception gaps, and the sum of occurrence scores, before the excluded
 * days are taken off (withScores does that, with EXCLUDABLE_DAYS_SQL).
 * $1 couple ids with $2 first and $3 last days, in step (each couple its own range);
 * $4 null for both partners' reports, or one partner's id for their own.
 *
 * The rest of the domain rule, in SQL: a report is scored on a due day of the plan (weekly: on
 * its weekday; never as-needed) and from the couple's start. LATERAL: one index range scan on
 * (assignmentId, occurrenceDate) per assignment, whatever the table size.
 */
export const ADHERENCE_SQL = `SELECT a."coupleId", a.id AS "assignmentId", (floor((o.d - c."startDate") / 7.0) + 1)::int AS week,
        count(*) FILTER (WHERE o.s = 1)::int AS kept, count(*) FILTER (WHERE o.s > 0 AND o.s < 1)::int AS partly,
        count(*) FILTER (WHERE o.s = 0)::int AS missed, count(*) FILTER (WHERE o.kinds > 1)::int AS gaps, sum(o.s)::float8 AS score
   FROM unnest($1::text[], $2::date[], $3::date[]) AS t(id, d0, d1)
   JOIN "Couple" c ON c.id = t.id
   JOIN "Assignment" a ON a."coupleId" = c.id AND a.cadence <> 'as_needed'
   CROSS JOIN LATERAL (${occurrences()}) o
  GROUP BY 1, 2, 3`;

/**
 * The scored occurrences (as ADHERENCE_SQL sees them: $1–$4 as there) that might fall on an
 * excluded day: a day of a pause of the couple or of the assignment, or from the assignment's end
 * on, widened by a day each way (the database knows UTC days; the domain decides the couple's
 * local ones, which is why the exclusion is not done in SQL). A superset: the domain picks the
 * days really excluded.
 */
export const EXCLUDABLE_DAYS_SQL = `SELECT a.id AS "assignmentId", (floor((o.d - c."startDate") / 7.0) + 1)::int AS week, to_char(o.d, 'YYYY-MM-DD') AS day,
        o.s::float8 AS s, o.kinds::int AS kinds
   FROM unnest($1::text[], $2::date[], $3::date[]) AS t(id, d0, d1)
   JOIN "Couple" c ON c.id = t.id
   JOIN "Assignment" a ON a."coupleId" = c.id AND a.cadence <> 'as_needed'
   CROSS JOIN LATERAL (${occurrences(`(
          (a."endedAt" IS NOT NULL AND e."occurrenceDate" >= a."endedAt"::date - 1)
          OR EXISTS (SELECT 1 FROM "PausePeriod" p
                      WHERE p."coupleId" = c.id AND (p."assignmentId" IS NULL OR p."assignmentId" = a.id)
                        AND e."occurrenceDate" >= p."startedAt"::date - 1 AND (p."endedAt" IS NULL OR e."occurrenceDate" <= p."endedAt"::date + 1)))`)}) o`;

export interface AdherenceRow extends Tally {
  coupleId: string;
  assignmentId: string;
  week: number;
}

/**
 * The assignments and the scores of their reports over `ranges` (each couple its own range;
 * `reporterId` counts one partner's reports only), in one round trip: the scores need each
 * assignment's excluded days (domain excludedRanges: pauses as the view sees them, and the days
 * from its end on), which need the assignments first; so the scores are read beside them without
 * excluding anything, with the occurrences that might be on an excluded day, and those the domain
 * excludes are taken off their week's tally. The parity test holds the result to the domain rule.
 */
export async function withScores(assignments: Promise<AssignmentWithPauses[]>, ranges: { coupleId: string; from: LocalDate; to: LocalDate }[], reporterId: string | null = null) {
  if (!ranges.length) return { assignments: await assignments, scored: [] };
  const params = [ranges.map((r) => r.coupleId), ranges.map((r) => r.from), ranges.map((r) => r.to), reporterId];
  const [list, all, excludable] = await Promise.all([
    assignments,
    sql<AdherenceRow>(ADHERENCE_SQL, params),
    sql<{ assignmentId: string; week: number; day: LocalDate; s: number; kinds: number }>(EXCLUDABLE_DAYS_SQL, params),
  ]);
  const excludedOf = new Map(list.map((a) => [a.id, a.excluded]));
  const rows = new Map(all.map((r) => [`${r.assignmentId} ${r.week}`, r]));
  for (const o of excludable) {
    if (!isPaused(o.day, excludedOf.get(o.assignmentId) ?? [])) continue;
    const key = `${o.assignmentId} ${o.week}`;
    const r = rows.get(key);
    if (!r) continue;
    const left = { ...r, kept: r.kept - (o.s === 1 ? 1 : 0), partly: r.partly - (o.s > 0 && o.s < 1 ? 1 : 0), missed: r.missed - (o.s === 0 ? 1 : 0), gaps: r.gaps - (o.kinds > 1 ? 1 : 0), score: r.score - o.s };
    if (left.kept + left.partly + left.missed === 0) rows.delete(key);
    else rows.set(key, left);
  }
  return { assignments: list, scored: [...rows.values()] };
}

const sumTally = (rows: Tally[]) => rows.reduce<Tally>(addTally, emptyTally());

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
 * parallel, 8 days of moods, the adherence window's scores, overdue homework counts (the partial
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
  // Adherence over each couple's last ADHERENCE_WINDOW_DAYS (domain/adherence.ts) days in its own zone: reports and expected occurrences alike.
  const windows = ids.map((id) => ({ coupleId: id, ...adherenceWindow(today.get(id)!) }));
  const [moods, overdue, { assignments, scored }] = await Promise.all([
    // one row per partner: dates and moods of the last 8 days, oldest first
    sql<{ partnerId: string; days: string[]; moods: number[] }>(CASELOAD_MOODS_SQL, [ids, addDays(anyToday, -8)]),
    // Homework past its due date (in the couple's own zone) that someone assigned has not submitted.
    sql<{ coupleId: string; n: number }>(OVERDUE_HOMEWORK_SQL, [ids, ids.map((id) => today.get(id)!)]),
    withScores(assignmentsWithPauses(ids, tz), windows),
  ]);
  const moodsOf = new Map(moods.map((m) => [m.partnerId, m]));
  const scoredOf = groupBy(scored, (r) => r.coupleId);
  const windowOf = new Map(windows.map((w) => [w.coupleId, w]));
  const overdueOf = new Map(overdue.map((r) => [r.coupleId, r.n]));
  const assignmentsOf = groupBy(assignments, (a) => a.coupleId);
  return couples
    .map((c) => {
      const t = today.get(c.id)!;
      const expected = expectedOver(assignmentsOf.get(c.id) ?? [], windowOf.get(c.id)!);
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
        week: planWeek(c.startDate, t),
        /** the couple's today, in its own zone (the sparklines end on it) */
        today: t,
        partners: [
          { name: c.aName, lastCheckIn: c.aLast, trend: trend(c.aId) },
          { name: c.bName, lastCheckIn: c.bLast, trend: trend(c.bId) },
        ],
        adherence14: adherencePercent({ score: sumTally(scoredOf.get(c.id) ?? []).score, expected }),
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

/**
 * Per assignment and per plan week of the couple (Week 1 starts on the couple's start date, so a
 * routine assigned in week 5 counts from week 5 and never changes the weeks before it): expected
 * vs kept / partly / missed / not reported, gaps, and the percentage; `overall` adds them up.
 */
export async function adherenceByWeek(coupleId: string, timeZone: string, today: string, loaded = assignmentsWithPauses([coupleId], new Map([[coupleId, timeZone]]))) {
  // from the couple's start (every row carries it; a couple with no routine has no weeks either)
  const { assignments: all, scored: rows } = await withScores(loaded, [{ coupleId, from: "1900-01-01", to: today }]);
  const assignments = all.filter((a) => a.spec.cadence !== "as_needed");
  if (!assignments.length) return { perAssignment: [], overall: [] };
  const coupleStart = assignments[0]!.coupleStart;
  const tallyOf = new Map(rows.map((r) => [`${r.assignmentId} ${r.week}`, r as Tally]));
  const overall = new Map<number, { expected: number; tally: Tally }>();
  const perAssignment = assignments.map((a) => ({
    id: a.id,
    title: a.title,
    status: a.status,
    weeks: planWeeksOf(coupleStart, a.spec, a.endedOn, today).map((week) => {
      const { from, to } = planWeekDates(coupleStart, week);
      const expected = expectedIn(coupleStart, a.spec, a.excluded, { from, to: to < today ? to : today });
      const tally = tallyOf.get(`${a.id} ${week}`) ?? emptyTally();
      const sum = overall.get(week) ?? { expected: 0, tally: emptyTally() };
      overall.set(week, { expected: sum.expected + expected, tally: addTally(sum.tally, tally) });
      return { week, from, to, ...adherenceFigure(expected, tally) };
    }),
  }));
  const weeks = [...overall.keys()];
  const first = Math.min(...weeks);
  const last = Math.max(...weeks);
  return {
    perAssignment,
    // every week from the first any routine was in to the last, gaps between routines included
    overall: weeks.length
      ? Array.from({ length: last - first + 1 }, (_, i) => {
          const week = first + i;
          const w = overall.get(week) ?? { expected: 0, tally: emptyTally() };
          return { week, ...planWeekDates(coupleStart, week), ...adherenceFigure(w.expected, w.tally) };
        })
      : [],
  };
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

const REVIEW_DAYS = 7;

/**
 * What changed in the last 7 days compared with the 7 before — to prepare the next session. The
 * percentages and the missed count come from the same scored occurrences, so paused days are left
 * out of both.
 */
export async function weeklyReview(coupleId: string, timeZone: string, today: string, loaded = assignmentsWithPauses([coupleId], new Map([[coupleId, timeZone]]))) {
  const thisWeek = adherenceWindow(today, REVIEW_DAYS);
  const weekBefore = { from: addDays(thisWeek.from, -REVIEW_DAYS), to: addDays(thisWeek.from, -1) };
  const [moods, [counts], { assignments, scored: scoredNow }, { scored: scoredBefore }] = await Promise.all([
    sql<{ partnerId: string; now: number | null; before: number | null }>(REVIEW_MOODS_SQL, [coupleId, thisWeek.from, weekBefore.from]),
    // homework submitted, check-ins with something shared, and flags opened since the start of the week
    sql<{ homework: number; notes: number; flags: number }>(REVIEW_COUNTS_SQL, [coupleId, thisWeek.from]),
    withScores(loaded, [{ coupleId, ...thisWeek }]),
    withScores(loaded, [{ coupleId, ...weekBefore }]),
  ]);
  const now = sumTally(scoredNow);
  const before = sumTally(scoredBefore);
  return {
    moods,
    adherenceNow: adherencePercent({ score: now.score, expected: expectedOver(assignments, thisWeek) }),
    adherenceBefore: adherencePercent({ score: before.score, expected: expectedOver(assignments, weekBefore) }),
    missed: now.missed,
    homeworkSubmitted: counts?.homework ?? 0,
    sharedNotes: counts?.notes ?? 0,
    newFlags: counts?.flags ?? 0,
  };
}
