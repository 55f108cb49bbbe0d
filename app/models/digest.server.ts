/** The therapist's daily digest: missed check-ins, overdue homework, falling adherence, open flags. */
import { addDays, localDateOf } from "~/domain/dates";
import { sql } from "~/utils/db.server";
import { caseload, weeklyReview } from "./couple-stats.server";

/** A partner is listed once this many days have passed without a check-in. */
export const MISSED_CHECKIN_DAYS = 3;

/**
 * When each partner joined; null until they have (no password yet). consentAt is the joined-at:
 * acceptInvite sets it in the same statement as the password. Not an invite's usedAt (reissuing
 * a link marks the old, unused one as used) nor the first session (sessions expire and are
 * deleted). An account with a password but no consentAt (made before consent was recorded)
 * counts from the couple's creation. $1 couple ids
 */
export const JOINED_SQL = `SELECT c.id, c."timeZone",
        CASE WHEN a."passwordHash" IS NOT NULL THEN (extract(epoch FROM coalesce(a."consentAt", c."createdAt")) * 1000)::float8 END AS "aJoinedMs",
        CASE WHEN b."passwordHash" IS NOT NULL THEN (extract(epoch FROM coalesce(b."consentAt", c."createdAt")) * 1000)::float8 END AS "bJoinedMs"
   FROM "Couple" c JOIN "User" a ON a.id = c."partnerAId" JOIN "User" b ON b.id = c."partnerBId"
  WHERE c.id = ANY($1::text[])`;

/**
 * Has this partner gone MISSED_CHECKIN_DAYS without a check-in? Counted from their last check-in,
 * or from the day they joined if they have none yet; a partner who has not joined is never late.
 */
export function checkInOverdue(p: { lastCheckIn: string | null; joined: string | null }, today: string): boolean {
  if (p.joined === null) return false;
  return (p.lastCheckIn ?? p.joined) < addDays(today, -MISSED_CHECKIN_DAYS);
}

export async function digestCounts(therapist: { id: string; practiceId: string }) {
  const user = { id: therapist.id, practiceId: therapist.practiceId, role: "therapist" } as Parameters<typeof caseload>[0];
  const rows = (await caseload(user)).filter((r) => r.status === "active");
  const missedCheckIns: { id: string; names: string }[] = [];
  const fallingAdherence: { id: string; names: string; now: number | null; before: number | null }[] = [];
  const couples = await sql<{ id: string; timeZone: string; aJoinedMs: number | null; bJoinedMs: number | null }>(JOINED_SQL, [rows.map((r) => r.id)]);
  const coupleOf = new Map(couples.map((c) => [c.id, c]));
  for (const r of rows) {
    const c = coupleOf.get(r.id)!;
    const today = localDateOf(new Date(), c.timeZone);
    // the day each partner joined, in the couple's zone; caseload lists partner A, then partner B
    const joined = [c.aJoinedMs, c.bJoinedMs].map((ms) => (ms === null ? null : localDateOf(new Date(ms), c.timeZone)));
    if (r.partners.some((p, i) => checkInOverdue({ lastCheckIn: p.lastCheckIn, joined: joined[i] ?? null }, today))) missedCheckIns.push({ id: r.id, names: r.names });
    const review = await weeklyReview(r.id, c.timeZone, today);
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
