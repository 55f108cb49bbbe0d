/**
 * What a partner may see, shaped per viewer. The other partner's private fields (safety answer,
 * private notes, help requests, anything about flags or why work is paused) are never selected.
 */
import type { FeelSafe } from "~/domain/safety";
import { addTally, adherenceFigure, adherenceWindow, emptyTally, expectedIn } from "~/domain/adherence";
import { addDays, localDateOf } from "~/domain/dates";
import { partnerSlot } from "~/domain/permissions";
import { dueOn, pauseRangesFromInstants, specOf, type ScheduleSpec } from "~/domain/schedule";
import { preparedSql, prisma, sql } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { assignmentsWithPauses, withScores } from "./couple-stats.server";

export const iso = (d: Date) => d.toISOString().slice(0, 10);
export const asDate = (d: string) => new Date(`${d}T00:00:00Z`);

/**
 * `paused` is the pause partners may know of: one the therapist started, or a safety pause once
 * the therapist has told the couple. Until then a safety pause changes nothing a partner sees
 * (the timing would point at a disclosure); shared reminders stop silently (reminders.server.ts).
 */
export const PARTNER_CONTEXT_SQL = `SELECT c.id, c."timeZone", c.status::text AS status,
        (c."workPausedAt" IS NOT NULL AND (c."workPauseReason" IS DISTINCT FROM 'safety' OR c."pauseToldAt" IS NOT NULL)) AS paused,
        CASE WHEN c."pauseToldAt" IS NOT NULL THEN c."pauseNotice" END AS "pauseNotice", c."partnerAId", c."partnerBId",
        a.name AS "aName", b.name AS "bName", t.name AS "therapistName",
        EXISTS (SELECT 1 FROM "RepairPlan" rp WHERE rp."coupleId" = c.id AND rp."endedAt" IS NULL) AS "hasPlan"
   FROM "Couple" c JOIN "User" a ON a.id = c."partnerAId" JOIN "User" b ON b.id = c."partnerBId" JOIN "User" t ON t.id = c."therapistId"
  WHERE c."practiceId" = $1 AND (c."partnerAId" = $2 OR c."partnerBId" = $2)`;

export async function partnerContext(user: SessionUser) {
  // On every partner page: one statement, no ORM planning.
  const [couple] = await preparedSql<{ id: string; timeZone: string; status: string; paused: boolean; pauseNotice: string | null; partnerAId: string; partnerBId: string; aName: string; bName: string; therapistName: string; hasPlan: boolean }>("mend_partner_context_v3", PARTNER_CONTEXT_SQL, [user.practiceId, user.id]);
  if (!couple) throw new Response("Not found", { status: 404 });
  const slot = partnerSlot(user.id, couple)!;
  return {
    coupleId: couple.id,
    timeZone: couple.timeZone,
    // Partners learn only THAT shared work is paused, never why.
    paused: couple.paused || couple.status !== "active",
    /** the words the therapist chose to tell the couple about a pause, if any */
    pauseNotice: couple.pauseNotice,
    slot,
    otherId: slot === "A" ? couple.partnerBId : couple.partnerAId,
    otherName: slot === "A" ? couple.bName : couple.aName,
    therapistName: couple.therapistName,
    /** the couple has an open repair plan (so Today asks for its restitution and questions) */
    hasPlan: couple.hasPlan,
    today: localDateOf(new Date(), couple.timeZone),
  };
}
export type PartnerContext = Awaited<ReturnType<typeof partnerContext>>;

interface RoutineRow {
  id: string;
  title: string;
  target: string;
  kind: "routine" | "agreement";
  cadence: ScheduleSpec["cadence"];
  weekday: number | null;
  timesPerWeek: number | null;
  startDate: string;
  durationWeeks: number;
  responsible: "A" | "B" | "BOTH";
  pauses: { s: number; e: number | null }[];
  entries: { d: string; st: "kept" | "partly" | "missed"; n: string | null }[];
}

/** $1 couple, $2 partner, $3 first day of the reports */
export const ROUTINES_SQL = `SELECT a.id, a.title, a.target, a.kind::text AS kind, a.cadence::text AS cadence, a.weekday, a."timesPerWeek",
       to_char(a."startDate", 'YYYY-MM-DD') AS "startDate", a."durationWeeks", a.responsible::text AS responsible,
       (SELECT coalesce(json_agg(json_build_object('s', (extract(epoch FROM pp."startedAt") * 1000)::float8, 'e', (extract(epoch FROM pp."endedAt") * 1000)::float8)), '[]')
          FROM "PausePeriod" pp WHERE pp."assignmentId" = a.id) AS pauses,
       (SELECT coalesce(json_agg(json_build_object('d', to_char(e."occurrenceDate", 'YYYY-MM-DD'), 'st', e.status, 'n', e.note)), '[]')
          FROM "AdherenceEntry" e WHERE e."assignmentId" = a.id AND e."reporterId" = $2 AND e."occurrenceDate" >= $3::date) AS entries
  FROM "Assignment" a WHERE a."coupleId" = $1 AND a.status = 'active' ORDER BY a."createdAt", a.id`;

/** Active assignments with their own pauses, and this partner's reports for the last 7 days (one statement). */
export async function routinesFor(ctx: PartnerContext, partnerId: string) {
  const since = addDays(ctx.today, -7);
  const assignments = await sql<RoutineRow>(ROUTINES_SQL, [ctx.coupleId, partnerId, since]);
  return assignments.map((a) => {
    const spec = specOf(a);
    const pauses = pauseRangesFromInstants(a.pauses.map((p) => ({ start: new Date(p.s), end: p.e === null ? null : new Date(p.e) })), ctx.timeZone);
    const reports = Object.fromEntries(a.entries.map((e) => [e.d, { status: e.st, note: e.n }]));
    const recentDue = Array.from({ length: 8 }, (_, i) => addDays(ctx.today, -i)).filter((d) => dueOn(spec, d, pauses));
    return {
      id: a.id,
      title: a.title,
      target: a.target,
      kind: a.kind,
      cadence: a.cadence,
      responsible: a.responsible,
      mine: a.responsible === "BOTH" || a.responsible === ctx.slot,
      dueToday: dueOn(spec, ctx.today, pauses),
      today: reports[ctx.today] ?? null,
      missedEarlier: recentDue.filter((d) => d !== ctx.today && !reports[d]),
    };
  });
}

/** The partner's OWN check-in for today; its safety answer is theirs, read only to offer them support. */
export const TODAY_CHECKIN_SQL = `SELECT mood, closeness, "feelSafe"::text AS "feelSafe" FROM "CheckIn" WHERE "partnerId" = $1 AND "localDate" = $2::date`;

/** $1 couple, $2 partner, $3 partner slot, $4 last due date shown */
export const HOMEWORK_DUE_SQL = `SELECT h.id, h.title, to_char(h."dueDate", 'YYYY-MM-DD') AS "dueDate",
        EXISTS (SELECT 1 FROM "HomeworkSubmission" s WHERE s."homeworkId" = h.id AND s."partnerId" = $2 AND s.status = 'draft') AS draft
   FROM "Homework" h
  WHERE h."coupleId" = $1 AND h.status = 'active' AND h.assignee IN ($3::"PartnerSlot", 'BOTH') AND h."dueDate" <= $4::date
    AND ($5::boolean IS NOT TRUE OR h.assignee = $3::"PartnerSlot")
    AND NOT EXISTS (SELECT 1 FROM "HomeworkSubmission" s WHERE s."homeworkId" = h.id AND s."partnerId" = $2 AND s.status = 'submitted')
  ORDER BY h."dueDate", h.id LIMIT 10`;

export const RECENT_FEEDBACK_SQL = `SELECT s.feedback AS text, (extract(epoch FROM s."feedbackAt") * 1000)::float8 AS "atMs", h.id AS "homeworkId", h.title
   FROM "HomeworkSubmission" s JOIN "Homework" h ON h.id = s."homeworkId"
  WHERE s."partnerId" = $1 AND s.feedback IS NOT NULL ORDER BY s."feedbackAt" DESC NULLS LAST LIMIT 3`;

export async function todayData(user: SessionUser) {
  const ctx = await partnerContext(user);
  const [checkIn, routines, homework, feedback] = await Promise.all([
    sql<{ mood: number; closeness: number; feelSafe: FeelSafe }>(TODAY_CHECKIN_SQL, [user.id, ctx.today]),
    ctx.paused ? Promise.resolve([]) : routinesFor(ctx, user.id),
    // While shared work is paused, homework for this partner alone goes on.
    sql<{ id: string; title: string; dueDate: string; draft: boolean }>(HOMEWORK_DUE_SQL, [ctx.coupleId, user.id, ctx.slot, addDays(ctx.today, 7), ctx.paused]),
    sql<{ text: string; atMs: number; homeworkId: string; title: string }>(RECENT_FEEDBACK_SQL, [user.id]),
  ]);
  return {
    ctx,
    checkIn: checkIn[0] ?? null,
    routines: routines.filter((r) => r.dueToday || r.missedEarlier.length > 0),
    homework: homework.map((h) => ({ id: h.id, title: h.title, dueDate: h.dueDate, overdue: h.dueDate < ctx.today, draft: h.draft })),
    feedback: feedback.map((f) => ({ text: f.text, at: new Date(f.atMs).toISOString(), homeworkId: f.homeworkId, title: f.title })),
  };
}

/** History: own trend and streak, adherence of own agreements, and what the other partner shared. */
export async function historyData(user: SessionUser) {
  const ctx = await partnerContext(user);
  const since = addDays(ctx.today, -55);
  const [mine, shared, sharedHomework] = await Promise.all([
    prisma.checkIn.findMany({
      where: { partnerId: user.id, localDate: { gte: asDate(since) } },
      orderBy: { localDate: "asc" },
      select: { localDate: true, mood: true, closeness: true },
    }),
    // Only what the other partner chose to share: appreciations and notes marked shared.
    prisma.checkIn.findMany({
      where: { partnerId: ctx.otherId, localDate: { gte: asDate(since) }, OR: [{ appreciation: { not: null } }, { noteShared: true, note: { not: null } }] },
      orderBy: { localDate: "desc" },
      take: 30,
      select: { localDate: true, appreciation: true, noteShared: true, note: true },
    }),
    // Shared homework whose answers the other partner submitted: the same rule as getHomeworkForPartner
    // (homework for both also waits for this partner's own submission; homework for the other alone does not).
    prisma.homework.findMany({
      where: {
        coupleId: ctx.coupleId,
        visibility: "shared",
        submissions: { some: { partnerId: ctx.otherId, status: "submitted" } },
        OR: [{ assignee: ctx.slot === "A" ? "B" : "A" }, { assignee: "BOTH", submissions: { some: { partnerId: user.id, status: "submitted" } } }],
      },
      orderBy: [{ dueDate: "desc" }, { id: "asc" }],
      select: { id: true, title: true },
      take: 20,
    }),
  ]);
  const dates = new Set(mine.map((c) => iso(c.localDate)));
  let streak = 0;
  for (let d = dates.has(ctx.today) ? ctx.today : addDays(ctx.today, -1); dates.has(d); d = addDays(d, -1)) streak++;
  const agreementStats = await ownAgreementStats(ctx, user.id);
  return {
    ctx,
    streak,
    checkIns: mine.map((c) => ({ date: iso(c.localDate), mood: c.mood, closeness: c.closeness })),
    shared: shared.map((c) => ({ date: iso(c.localDate), appreciation: c.appreciation, note: c.noteShared ? c.note : null })),
    sharedHomework,
    agreements: agreementStats,
  };
}

/**
 * Adherence of the partner's own active agreements over the adherence window, from their own
 * reports: the same statement and rule as the therapist's figures, in the partner's view (only
 * the pauses partners know of, so a safety pause cannot be read off these numbers).
 */
async function ownAgreementStats(ctx: PartnerContext, partnerId: string) {
  const window = adherenceWindow(ctx.today);
  const { assignments, scored: rows } = await withScores(assignmentsWithPauses([ctx.coupleId], new Map([[ctx.coupleId, ctx.timeZone]]), "partner"), [{ coupleId: ctx.coupleId, ...window }], partnerId);
  return assignments
    .filter((a) => a.status === "active" && (a.responsible === "BOTH" || a.responsible === ctx.slot))
    .map((a) => {
      const f = adherenceFigure(expectedIn(a.coupleStart, a.spec, a.excluded, window), rows.filter((r) => r.assignmentId === a.id).reduce(addTally, emptyTally()));
      return { id: a.id, title: a.title, expected: f.expected, kept: f.kept, partly: f.partly, missed: f.missed, percent: f.percent };
    });
}
