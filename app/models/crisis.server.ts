/**
 * Crisis lines: what a partner sees (their couple's country, in their language, with the
 * practice's fallback text), the seed list a practice starts with, the admin's edits (scoped to
 * the admin's practice, every change audited), and a couple's country and partners' languages.
 */
import type { PrismaClient } from "@prisma/client";
import { countryFromTimeZone, DEFAULT_COUNTRY, normaliseLanguage, pickResources, seedRowsFor, type ResourceInput, type ResourceLanguage } from "~/domain/crisis-resources";
import { DEFAULT_CRISIS_RESOURCES, fallbackText, LEGACY_DEFAULT_CRISIS_RESOURCES } from "~/utils/crisis";
import { prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { audit } from "~/utils/audit.server";

export interface CrisisLine {
  id: string;
  kind: string;
  label: string;
  phone: string | null;
  sms: string | null;
  smsBody: string | null;
  hours: string | null;
}

export interface CrisisResources {
  /** the language the partner reads: the component's wording follows it */
  language: ResourceLanguage;
  country: string;
  resources: CrisisLine[];
  fallback: string;
}

const LINE_SELECT = { id: true, kind: true, label: true, phone: true, sms: true, smsBody: true, hours: true, language: true, position: true } as const;

/** The lines for one country in one language (see `pickResources` for the fallbacks), and the fallback text. */
export async function resourcesFor(input: { practiceId: string; country: string; language: string }): Promise<CrisisResources> {
  const language = normaliseLanguage(input.language);
  const [practice, rows] = await Promise.all([
    prisma.practice.findUnique({ where: { id: input.practiceId }, select: { crisisResources: true } }),
    prisma.crisisResource.findMany({ where: { practiceId: input.practiceId, country: input.country }, select: LINE_SELECT }),
  ]);
  const resources = pickResources(rows, language).map(({ language: _l, position: _p, ...line }) => line);
  return { language, country: input.country, resources, fallback: fallbackText(practice?.crisisResources, language) };
}

/**
 * What a signed-in partner sees: their couple's country, their own language. Never throws: on a
 * page where someone may be asking for help, a database hiccup shows the default text instead.
 */
export async function resourcesForPartner(user: SessionUser): Promise<CrisisResources> {
  try {
    const me = await prisma.user.findFirst({
      where: { id: user.id, practiceId: user.practiceId },
      select: { language: true, partnerAOf: { select: { country: true } }, partnerBOf: { select: { country: true } } },
    });
    const country = me?.partnerAOf?.country ?? me?.partnerBOf?.country ?? DEFAULT_COUNTRY;
    return await resourcesFor({ practiceId: user.practiceId, country, language: me?.language ?? "en" });
  } catch (error) {
    console.warn("crisis resources could not be read:", error instanceof Error ? error.message : error);
    return { language: "en", country: DEFAULT_COUNTRY, resources: [], fallback: DEFAULT_CRISIS_RESOURCES };
  }
}

/**
 * Gives a practice the seed lines, unverified — only if it has none, so it is safe to call
 * twice (the practice row is locked, so two concurrent calls seed once). Returns rows created.
 */
export async function seedCrisisResources(practiceId: string, db: PrismaClient = prisma): Promise<number> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Practice" WHERE id = ${practiceId} FOR UPDATE`;
    if ((await tx.crisisResource.count({ where: { practiceId } })) > 0) return 0;
    const { count } = await tx.crisisResource.createMany({ data: seedRowsFor(practiceId) });
    await audit({ practiceId, action: "create", entity: "crisis-resources", detail: { seeded: count } }, tx);
    return count;
  });
}

/**
 * At start-up: practices created before per-country lines existed get the seed list (unless an
 * admin has ever touched their lines), and the old US-only default text becomes today's default.
 */
export async function backfillCrisisResources(): Promise<number> {
  let seeded = 0;
  const bare = await prisma.practice.findMany({ where: { crisisResourceRows: { none: {} } }, select: { id: true } });
  for (const p of bare) {
    const touched = await prisma.auditEvent.findFirst({ where: { practiceId: p.id, entity: { in: ["crisis-resource", "crisis-resources"] } }, select: { id: true } });
    if (!touched) seeded += await seedCrisisResources(p.id);
  }
  const legacy = await prisma.practice.findMany({ where: { crisisResources: LEGACY_DEFAULT_CRISIS_RESOURCES }, select: { id: true } });
  for (const p of legacy) {
    await prisma.$transaction(async (tx) => {
      await tx.practice.update({ where: { id: p.id }, data: { crisisResources: DEFAULT_CRISIS_RESOURCES } });
      await audit({ practiceId: p.id, action: "update", entity: "practice-safety-settings", entityId: p.id, detail: { crisisResources: "the old US-only default replaced by the per-country default" } }, tx);
    });
  }
  return seeded;
}

// ── Admin ──────────────────────────────────────────────────────────────────────────────────

export async function listResources(user: SessionUser) {
  return prisma.crisisResource.findMany({
    where: { practiceId: user.practiceId },
    orderBy: [{ country: "asc" }, { language: "asc" }, { position: "asc" }, { label: "asc" }],
    select: { ...LINE_SELECT, country: true, verifiedAt: true },
  });
}

export async function getResource(user: SessionUser, id: string) {
  return prisma.crisisResource.findFirst({ where: { id, practiceId: user.practiceId }, select: { ...LINE_SELECT, country: true, verifiedAt: true } });
}

export async function createResource(user: SessionUser, input: ResourceInput, request?: Request) {
  return prisma.$transaction(async (tx) => {
    const created = await tx.crisisResource.create({ data: { practiceId: user.practiceId, ...input }, select: { id: true } });
    await audit({ actor: user, action: "create", entity: "crisis-resource", entityId: created.id, detail: { ...input }, request }, tx);
    return created;
  });
}

/** Saves an edit; a changed number needs verifying again. False when the line is not this practice's. */
export async function updateResource(user: SessionUser, id: string, input: ResourceInput, request?: Request): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.crisisResource.findFirst({ where: { id, practiceId: user.practiceId }, select: { country: true, language: true, kind: true, label: true, phone: true, sms: true, smsBody: true, hours: true, position: true, verifiedAt: true } });
    if (!before) return false;
    const numberChanged = before.phone !== input.phone || before.sms !== input.sms || before.smsBody !== input.smsBody || before.country !== input.country;
    await tx.crisisResource.update({ where: { id }, data: { ...input, ...(numberChanged ? { verifiedAt: null } : {}) } });
    await audit({ actor: user, action: "update", entity: "crisis-resource", entityId: id, detail: { before: { ...before, verifiedAt: before.verifiedAt?.toISOString() ?? null }, after: { ...input }, unverified: numberChanged }, request }, tx);
    return true;
  });
}

export async function deleteResource(user: SessionUser, id: string, request?: Request): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.crisisResource.findFirst({ where: { id, practiceId: user.practiceId }, select: { country: true, language: true, label: true, phone: true, sms: true } });
    if (!before) return false;
    await tx.crisisResource.delete({ where: { id } });
    await audit({ actor: user, action: "delete", entity: "crisis-resource", entityId: id, detail: before, request }, tx);
    return true;
  });
}

export async function markResourceVerified(user: SessionUser, id: string, request?: Request): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.crisisResource.updateMany({ where: { id, practiceId: user.practiceId }, data: { verifiedAt: new Date() } });
    if (!count) return false;
    await audit({ actor: user, action: "verify", entity: "crisis-resource", entityId: id, request }, tx);
    return true;
  });
}

/** The admin's "add the suggested lines" button, for a practice that has none. */
export async function seedResourcesAsAdmin(user: SessionUser, request?: Request): Promise<number> {
  const count = await seedCrisisResources(user.practiceId);
  if (count) await audit({ actor: user, action: "create", entity: "crisis-resources", detail: { seeded: count, by: "admin" }, request });
  return count;
}

// ── A couple's country and the partners' languages (the therapist's) ──────────────────────

/** For the couple's therapist; the caller has already scoped the couple with requireCouple. */
export async function coupleLocale(actor: SessionUser, coupleId: string) {
  const c = await prisma.couple.findFirst({
    where: { id: coupleId, practiceId: actor.practiceId, therapistId: actor.id },
    select: { id: true, country: true, timeZone: true, partnerA: { select: { name: true, language: true } }, partnerB: { select: { name: true, language: true } } },
  });
  if (!c) throw new Response("Not found", { status: 404 });
  return { ...c, suggestedCountry: countryFromTimeZone(c.timeZone) ?? DEFAULT_COUNTRY };
}

export async function updateCoupleLocale(
  actor: SessionUser,
  coupleId: string,
  input: { country: string; partnerALanguage: ResourceLanguage; partnerBLanguage: ResourceLanguage },
  request?: Request,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const c = await tx.couple.findFirst({ where: { id: coupleId, practiceId: actor.practiceId, therapistId: actor.id }, select: { id: true, partnerAId: true, partnerBId: true, country: true } });
    if (!c) return false;
    await tx.couple.update({ where: { id: c.id }, data: { country: input.country } });
    await tx.user.update({ where: { id: c.partnerAId }, data: { language: input.partnerALanguage } });
    await tx.user.update({ where: { id: c.partnerBId }, data: { language: input.partnerBLanguage } });
    await audit({ actor, action: "update", entity: "couple-locale", entityId: c.id, coupleId: c.id, detail: { before: { country: c.country }, after: input }, request }, tx);
    return true;
  });
}
