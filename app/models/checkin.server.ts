/** Check-ins: one per partner per local day, saved with the safety rules in one transaction. */
import { prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { audit } from "./audit.server";
import { asDate, type PartnerContext } from "./partner.server";
import { applySafetyRules, withSafetyRetry } from "./safety.server";

export interface CheckInInput {
  mood: number;
  closeness: number;
  feelSafe: "yes" | "not_sure" | "no";
  note: string | null;
  noteShared: boolean;
  appreciation: string | null;
}

export function ownCheckIn(user: SessionUser, localDate: string) {
  return prisma.checkIn.findUnique({
    where: { partnerId_localDate: { partnerId: user.id, localDate: asDate(localDate) } },
    select: { mood: true, closeness: true, feelSafe: true, note: true, noteShared: true, appreciation: true },
  });
}

/** Upsert today's check-in: a double submit or an edit the same day never creates a second row. */
export async function saveCheckIn(user: SessionUser, ctx: PartnerContext, input: CheckInInput, request?: Request) {
  return withSafetyRetry(async (tx) => {
    const row = await tx.checkIn.upsert({
      where: { partnerId_localDate: { partnerId: user.id, localDate: asDate(ctx.today) } },
      create: { coupleId: ctx.coupleId, partnerId: user.id, localDate: asDate(ctx.today), ...input },
      update: input,
      select: { id: true },
    });
    const safety = await applySafetyRules(
      tx,
      { practiceId: user.practiceId, coupleId: ctx.coupleId, partnerId: user.id, actorId: user.id },
      { kind: "checkin", feelSafe: input.feelSafe, mood: input.mood, note: input.note, appreciation: input.appreciation, localDate: ctx.today },
    );
    await audit({ actor: user, action: "save", entity: "checkin", entityId: row.id, coupleId: ctx.coupleId, request }, tx);
    return { id: row.id, flagged: safety.flagIds.length > 0 };
  });
}
