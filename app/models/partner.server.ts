/**
 * What a partner may see, shaped per viewer. The other partner's private fields (safety answer,
 * private notes, help requests, anything about flags or why work is paused) are never selected.
 */
import { addDays, localDateOf } from "~/domain/dates";
import { partnerSlot } from "~/domain/permissions";
import { dueOn, pauseRangesFromInstants, type ScheduleSpec } from "~/domain/schedule";
import { prisma, sql } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";

export const iso = (d: Date) => d.toISOString().slice(0, 10);
export const asDate = (d: string) => new Date(`${d}T00:00:00Z`);

export async function partnerContext(user: SessionUser) {
  // On every partner page: one statement, no ORM planning.
  const [couple] = await sql<{ id: string; timeZone: string; status: string; paused: boolean; partnerAId: string; partnerBId: string; aName: string; bName: string; therapistName: string }>(
    `SELECT c.id, c."timeZone", c.status::text AS status, c."workPausedAt" IS NOT NULL AS paused, c."partnerAId", c."partnerBId",
            a.name AS "aName", b.name AS "bName", t.name AS "therapistName"
       FROM "Couple" c JOIN "User" a ON a.id = c."partnerAId" JOIN "User" b ON b.id = c."partnerBId" JOIN "User" t ON t.id = c."therapistId"
      WHERE c."practiceId" = $1 AND (c."partnerAId" = $2 OR c."partnerBId" = $2)`,
    [user.practiceId, user.id],
  );
  if (!couple) throw new Response("Not found", { status: 404 });
  const slot = partnerSlot(user.id, couple)!;
  return {
    coupleId: couple.id,
    timeZone: couple.timeZone,
    // Partners learn only THAT shared work is paused, never why.
    paused: couple.paused || couple.status !== "active",
    slot,
    otherId: slot === "A" ? couple.partnerBId : couple.partnerAId,
    otherName: slot === "A" ? couple.bName : couple.aName,
    therapistName: couple.therapistName,
    today: localDateOf(new Date(), couple.timeZone),
  };
}
export type PartnerContext = Awaited<ReturnType<typeof partnerContext>>;

export function specOf(a: { cadence: ScheduleSpec["cadence"]; weekday: number | null; timesPerWeek: number | null; startDate: Date; durationWeeks: number }): ScheduleSpec {
  return { cadence: a.cadence, weekday: a.weekday, timesPerWeek: a.timesPerWeek, startDate: iso(a.startDate), durationWeeks: a.durationWeeks };
}

/** Active assignments with their own pauses, and this partner's reports for the last 7 days. */
export async function routinesFor(ctx: PartnerContext, partnerId: string) {
  const since = addDays(ctx.today, -7);
  const assignments = await prisma.assignment.findMany({
    where: { coupleId: ctx.coupleId, status: "active" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      title: true,
      target: true,
      kind: true,
      cadence: true,
      weekday: true,
      timesPerWeek: true,
      startDate: true,
      durationWeeks: true,
      responsible: true,
      pauses: { select: { startedAt: true, endedAt: true } },
      entries: { where: { reporterId: partnerId, occurrenceDate: { gte: asDate(since) } }, select: { occurrenceDate: true, status: true, note: true } },
    },
  });
  return assignments.map((a) => {
    const spec = specOf(a);
    const pauses = pauseRangesFromInstants(a.pauses.map((p) => ({ start: p.startedAt, end: p.endedAt })), ctx.timeZone);
    const reports = Object.fromEntries(a.entries.map((e) => [iso(e.occurrenceDate), { status: e.status, note: e.note }]));
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

export async function todayData(user: SessionUser) {
  const ctx = await partnerContext(user);
  const [checkIn, routines, homework, feedback] = await Promise.all([
    prisma.checkIn.findUnique({
      where: { partnerId_localDate: { partnerId: user.id, localDate: asDate(ctx.today) } },
      select: { mood: true, closeness: true, updatedAt: true },
    }),
    ctx.paused ? Promise.resolve([]) : routinesFor(ctx, user.id),
    ctx.paused
      ? Promise.resolve([])
      : prisma.homework.findMany({
          where: {
            coupleId: ctx.coupleId,
            status: "active",
            assignee: { in: [ctx.slot, "BOTH"] },
            dueDate: { lte: asDate(addDays(ctx.today, 7)) },
            NOT: { submissions: { some: { partnerId: user.id, status: "submitted" } } },
          },
          orderBy: { dueDate: "asc" },
          take: 10,
          select: { id: true, title: true, dueDate: true, measure: true, submissions: { where: { partnerId: user.id }, select: { status: true } } },
        }),
    prisma.homeworkSubmission.findMany({
      where: { partnerId: user.id, feedback: { not: null } },
      orderBy: { feedbackAt: "desc" },
      take: 3,
      select: { feedback: true, feedbackAt: true, homework: { select: { id: true, title: true } } },
    }),
  ]);
  return {
    ctx,
    checkIn: checkIn ? { mood: checkIn.mood, closeness: checkIn.closeness } : null,
    routines: routines.filter((r) => r.dueToday || r.missedEarlier.length > 0),
    homework: homework.map((h) => ({ id: h.id, title: h.title, dueDate: iso(h.dueDate), overdue: iso(h.dueDate) < ctx.today, draft: h.submissions.some((s) => s.status === "draft") })),
    feedback: feedback.map((f) => ({ text: f.feedback!, at: f.feedbackAt!.toISOString(), homeworkId: f.homework.id, title: f.homework.title })),
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
    prisma.homework.findMany({
      where: {
        coupleId: ctx.coupleId,
        visibility: "shared",
        AND: [{ submissions: { some: { partnerId: user.id, status: "submitted" } } }, { submissions: { some: { partnerId: ctx.otherId, status: "submitted" } } }],
      },
      select: { id: true, title: true },
      take: 20,
    }),
  ]);
  const dates = new Set(mine.map((c) => iso(c.localDate)));
  let streak = 0;
  for (let d = dates.has(ctx.today) ? ctx.today : addDays(ctx.today, -1); dates.has(d); d = addDays(d, -1)) streak++;
  const routines = ctx.paused ? [] : await routinesFor(ctx, user.id);
  const agreementStats = await sqlAgreementStats(ctx, user.id);
  return {
    ctx,
    streak,
    checkIns: mine.map((c) => ({ date: iso(c.localDate), mood: c.mood, closeness: c.closeness })),
    shared: shared.map((c) => ({ date: iso(c.localDate), appreciation: c.appreciation, note: c.noteShared ? c.note : null })),
    sharedHomework,
    agreements: agreementStats.filter((a) => routines.some((r) => r.id === a.id) || ctx.paused),
  };
}

async function sqlAgreementStats(ctx: PartnerContext, partnerId: string) {
  const { expectedCount } = await import("~/domain/schedule");
  const { adherencePercent } = await import("~/domain/adherence");
  const from = addDays(ctx.today, -13);
  const assignments = await prisma.assignment.findMany({
    where: { coupleId: ctx.coupleId, status: "active", responsible: { in: [ctx.slot, "BOTH"] } },
    select: { id: true, title: true, cadence: true, weekday: true, timesPerWeek: true, startDate: true, durationWeeks: true, pauses: { select: { startedAt: true, endedAt: true } } },
  });
  const counts = await prisma.adherenceEntry.groupBy({
    by: ["assignmentId", "status"],
    where: { assignmentId: { in: assignments.map((a) => a.id) }, reporterId: partnerId, occurrenceDate: { gte: asDate(from), lte: asDate(ctx.today) } },
    _count: { _all: true },
  });
  return assignments.map((a) => {
    const pauses = pauseRangesFromInstants(a.pauses.map((p) => ({ start: p.startedAt, end: p.endedAt })), ctx.timeZone);
    const expected = expectedCount(specOf(a), { from, to: ctx.today, pauses });
    const c = (s: string) => counts.find((x) => x.assignmentId === a.id && x.status === s)?._count._all ?? 0;
    return { id: a.id, title: a.title, expected, kept: c("kept"), partly: c("partly"), missed: c("missed"), percent: adherencePercent({ kept: c("kept"), partly: c("partly"), expected }) };
  });
}
