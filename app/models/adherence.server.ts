/** A partner's report on one occurrence of an assignment (either partner may report on any). */
import type { Report } from "@prisma/client";
import { addDays } from "~/domain/dates";
import { pauseRangesFromInstants, isPaused, reportable, specOf } from "~/domain/schedule";
import { prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { audit } from "~/utils/audit.server";
import { asDate, type PartnerContext } from "./partner.server";
import { applySafetyRules, withSafetyRetry } from "./safety.server";

export const LATE_LOG_DAYS = 7;

export type LogResult = { ok: true } | { ok: false; status: 400 | 404; field?: string; error: string };

export async function logRoutine(
  user: SessionUser,
  ctx: PartnerContext,
  input: { assignmentId: string; date: string; status: Report; note: string | null },
  request?: Request,
): Promise<LogResult> {
  const assignment = await prisma.assignment.findFirst({
    where: { id: input.assignmentId, coupleId: ctx.coupleId },
    select: { id: true, status: true, cadence: true, weekday: true, timesPerWeek: true, startDate: true, durationWeeks: true, pauses: { select: { startedAt: true, endedAt: true } } },
  });
  if (!assignment) return { ok: false, status: 404, error: "Not found" };
  if (ctx.paused) return { ok: false, status: 400, error: "Your therapist has paused shared exercises for now." };
  if (assignment.status !== "active") return { ok: false, status: 400, error: "This routine is not active right now." };
  if (input.date > ctx.today) return { ok: false, status: 400, field: "date", error: "You can't log a day that hasn't happened yet." };
  if (input.date < addDays(ctx.today, -LATE_LOG_DAYS)) return { ok: false, status: 400, field: "date", error: `You can log up to ${LATE_LOG_DAYS} days back.` };
  const spec = specOf(assignment);
  if (!reportable(spec, input.date)) return { ok: false, status: 400, field: "date", error: "This routine wasn't due that day." };
  const pauses = pauseRangesFromInstants(assignment.pauses.map((p) => ({ start: p.startedAt, end: p.endedAt })), ctx.timeZone);
  if (isPaused(input.date, pauses)) return { ok: false, status: 400, field: "date", error: "This routine was paused that day." };
  await withSafetyRetry(async (tx) => {
    const entry = await tx.adherenceEntry.upsert({
      where: { assignmentId_occurrenceDate_reporterId: { assignmentId: assignment.id, occurrenceDate: asDate(input.date), reporterId: user.id } },
      create: { assignmentId: assignment.id, occurrenceDate: asDate(input.date), reporterId: user.id, status: input.status, note: input.note },
      update: { status: input.status, note: input.note },
      select: { id: true },
    });
    if (input.note) {
      await applySafetyRules(tx, { practiceId: user.practiceId, coupleId: ctx.coupleId, partnerId: user.id, actorId: user.id }, { kind: "text", text: input.note, context: "routine note" }, { entity: "adherence", entityId: entry.id });
    }
    await audit({ actor: user, action: "save", entity: "adherence", entityId: entry.id, coupleId: ctx.coupleId, request }, tx);
  });
  return { ok: true };
}
