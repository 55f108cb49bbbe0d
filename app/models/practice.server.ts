/** Practice safety settings (admin): the practice's own phrases (added to the built-in concepts), SLA hours, crisis resources. Every change audited. */
import { explain } from "~/domain/safety";
import { DEFAULT_CRISIS_RESOURCES } from "~/utils/crisis";
import { prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { audit } from "~/utils/audit.server";
import { ruleConfigOf } from "./safety.server";

export async function getSafetySettings(user: SessionUser) {
  const p = await prisma.practice.findUniqueOrThrow({
    where: { id: user.practiceId },
    select: { flagPhrases: true, slaImminentHours: true, slaHighHours: true, slaMediumHours: true, slaLowHours: true, crisisResources: true },
  });
  return { ...p, phrases: p.flagPhrases, crisisResources: p.crisisResources || DEFAULT_CRISIS_RESOURCES };
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

/**
 * "Try a note": what a text would raise with this practice's rules, and why. Nothing is saved;
 * the use is audited without the text (it may be a real partner's words).
 */
export async function tryNote(user: SessionUser, text: string, request?: Request) {
  const p = await prisma.practice.findUniqueOrThrow({ where: { id: user.practiceId }, select: { flagPhrases: true } });
  const config = ruleConfigOf(p.flagPhrases, []);
  const result = explain(text, config);
  await audit({ actor: user, action: "try", entity: "safety-rules", detail: { characters: text.length, severity: result.severity }, request });
  return result;
}

/** First run: the instance has no account at all yet (only then is /setup open). */
export async function hasNoAccounts(): Promise<boolean> {
  return (await prisma.user.count()) === 0;
}

/** The practice's time zone, in which staff pages show days. */
export async function practiceTimeZone(user: SessionUser): Promise<string> {
  const p = await prisma.practice.findUniqueOrThrow({ where: { id: user.practiceId }, select: { timeZone: true } });
  return p.timeZone;
}

/** Everyone and every couple of the admin's practice, by name: the audit log's filter choices. */
export async function auditFilterChoices(admin: SessionUser) {
  const [users, couples] = await Promise.all([
    prisma.user.findMany({ where: { practiceId: admin.practiceId }, select: { id: true, name: true, role: true }, orderBy: { name: "asc" } }),
    prisma.couple.findMany({ where: { practiceId: admin.practiceId }, select: { id: true, partnerA: { select: { name: true } }, partnerB: { select: { name: true } } } }),
  ]);
  return { users, couples };
}
