/** Practice safety settings (admin): flag phrases, SLA hours, crisis resources. Every change audited. */
import { DEFAULT_PHRASES } from "~/domain/flag-rules";
import { DEFAULT_CRISIS_RESOURCES } from "~/utils/crisis";
import { prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { audit } from "./audit.server";

export async function getSafetySettings(user: SessionUser) {
  const p = await prisma.practice.findUniqueOrThrow({
    where: { id: user.practiceId },
    select: { flagPhrases: true, slaImminentHours: true, slaHighHours: true, slaMediumHours: true, slaLowHours: true, crisisResources: true },
  });
  return { ...p, usingDefaultPhrases: p.flagPhrases.length === 0, phrases: p.flagPhrases.length ? p.flagPhrases : DEFAULT_PHRASES, crisisResources: p.crisisResources || DEFAULT_CRISIS_RESOURCES };
}

export async function updateSafetySettings(
  user: SessionUser,
  input: { phrases: string[]; slaImminentHours: number; slaHighHours: number; slaMediumHours: number; slaLowHours: number; crisisResources: string },
  request?: Request,
) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.practice.findUniqueOrThrow({
      where: { id: user.practiceId },
      select: { flagPhrases: true, slaImminentHours: true, slaHighHours: true, slaMediumHours: true, slaLowHours: true, crisisResources: true },
    });
    const { phrases, ...rest } = input;
    await tx.practice.update({ where: { id: user.practiceId }, data: { ...rest, flagPhrases: phrases } });
    await audit({ actor: user, action: "update", entity: "practice-safety-settings", entityId: user.practiceId, detail: { before, after: { ...rest, flagPhrases: phrases } }, request }, tx);
  });
}
