/** The therapist's daily digest: missed check-ins, overdue homework, falling adherence, open flags. */
import { addDays, localDateOf } from "~/domain/dates";
import { prisma } from "~/utils/db.server";
import { caseload, weeklyReview } from "./couple-stats.server";

export async function digestCounts(therapist: { id: string; practiceId: string }) {
  const user = { id: therapist.id, practiceId: therapist.practiceId, role: "therapist" } as Parameters<typeof caseload>[0];
  const rows = (await caseload(user)).filter((r) => r.status === "active");
  const missedCheckIns: { id: string; names: string }[] = [];
  const fallingAdherence: { id: string; names: string; now: number | null; before: number | null }[] = [];
  const couples = await prisma.couple.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true, timeZone: true } });
  for (const r of rows) {
    const tz = couples.find((c) => c.id === r.id)!.timeZone;
    const today = localDateOf(new Date(), tz);
    if (r.partners.some((p) => !p.lastCheckIn || p.lastCheckIn < addDays(today, -3))) missedCheckIns.push({ id: r.id, names: r.names });
    const review = await weeklyReview(r.id, tz, today);
    if (review.adherenceNow !== null && review.adherenceBefore !== null && review.adherenceNow < review.adherenceBefore - 5) {
      fallingAdherence.push({ id: r.id, names: r.names, now: review.adherenceNow, before: review.adherenceBefore });
    }
  }
  return {
    missedCheckIns,
    overdueHomework: rows.reduce((n, r) => n + r.overdueHomework, 0),
    overdueByCouple: rows.filter((r) => r.overdueHomework > 0).map((r) => ({ id: r.id, names: r.names, count: r.overdueHomework })),
    fallingAdherence,
    openFlags: rows.reduce((n, r) => n + r.flags, 0),
    flagged: rows.filter((r) => r.flags > 0).map((r) => ({ id: r.id, names: r.names, count: r.flags })),
  };
}
