/** Check-ins: one per partner per local day, saved with the safety rules in one transaction. */
import type { FeelSafe } from "~/domain/safety";
import { randomUUID } from "node:crypto";
import { preparedSql, prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { audit, auditData } from "~/utils/audit.server";
import { asDate, type PartnerContext } from "./partner.server";
import { applySafetyRules, checkInSignals, withSafetyRetry } from "./safety.server";

export interface CheckInInput {
  mood: number;
  closeness: number;
  feelSafe: FeelSafe;
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

export const SAVE_CHECKIN_SQL = `WITH saved AS (
    INSERT INTO "CheckIn" (id, "coupleId", "partnerId", "localDate", mood, closeness, "feelSafe", note, "noteShared", appreciation, "createdAt", "updatedAt")
    VALUES ($1, $2, $3, $4::date, $5, $6, $7::"FeelSafe", $8, $9, $10, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
    ON CONFLICT ("partnerId", "localDate") DO UPDATE
      SET mood = EXCLUDED.mood, closeness = EXCLUDED.closeness, "feelSafe" = EXCLUDED."feelSafe", note = EXCLUDED.note,
          "noteShared" = EXCLUDED."noteShared", appreciation = EXCLUDED.appreciation, "updatedAt" = EXCLUDED."updatedAt"
    RETURNING id)
  INSERT INTO "AuditEvent" ("practiceId", "actorId", action, entity, "entityId", "coupleId", outcome, ip)
  SELECT $11, $3, 'save', 'checkin', saved.id, $2, 'allowed', $12 FROM saved
  RETURNING "entityId" AS id`;

/**
 * Upsert today's check-in: a double submit or an edit the same day never creates a second row.
 * When the safety rules raise nothing (almost always), the save and its audit row are one
 * statement; otherwise the upsert, the flag(s) and the audit row share one transaction.
 */
export async function saveCheckIn(user: SessionUser, ctx: PartnerContext, input: CheckInInput, request?: Request) {
  const scope = { practiceId: user.practiceId, coupleId: ctx.coupleId, partnerId: user.id, actorId: user.id };
  const safetyInput = { kind: "checkin", feelSafe: input.feelSafe, mood: input.mood, note: input.note, appreciation: input.appreciation, localDate: ctx.today } as const;
  if ((await checkInSignals(scope, safetyInput)).length === 0) {
    const a = auditData({ actor: user, action: "save", entity: "checkin", coupleId: ctx.coupleId, request });
    const [row] = await preparedSql<{ id: string }>("mend_checkin_save", SAVE_CHECKIN_SQL, [randomUUID(), ctx.coupleId, user.id, ctx.today, input.mood, input.closeness, input.feelSafe, input.note, input.noteShared, input.appreciation, a.practiceId, a.ip ?? null]);
    return { id: row!.id, flagged: false };
  }
  return withSafetyRetry(async (tx) => {
    const row = await tx.checkIn.upsert({
      where: { partnerId_localDate: { partnerId: user.id, localDate: asDate(ctx.today) } },
      create: { coupleId: ctx.coupleId, partnerId: user.id, localDate: asDate(ctx.today), ...input },
      update: input,
      select: { id: true },
    });
    const safety = await applySafetyRules(tx, scope, safetyInput, { entity: "checkin", entityId: row.id });
    await audit({ actor: user, action: "save", entity: "checkin", entityId: row.id, coupleId: ctx.coupleId, request }, tx);
    return { id: row.id, flagged: safety.flagIds.length > 0 };
  });
}
