/**
 * Crisis lines where the partner is: their couple's country, their language, before and after
 * asking for help and after a check-in where they did not feel safe; the admin's lines page; the
 * therapist's country and language settings; seeding a practice.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CrisisResources } from "~/components/crisis-resources";
import { SEED_RESOURCES } from "~/domain/crisis-resources";
import { backfillCrisisResources, resourcesFor, seedCrisisResources } from "~/models/crisis.server";
import * as adminResources from "~/routes/admin.resources";
import * as checkin from "~/routes/checkin";
import * as details from "~/routes/couples.$coupleId.details";
import * as couplesNew from "~/routes/couples.new";
import * as help from "~/routes/help";
import * as today from "~/routes/today";
import { DEFAULT_CRISIS_RESOURCES, DEFAULT_CRISIS_RESOURCES_ES, LEGACY_DEFAULT_CRISIS_RESOURCES } from "~/utils/crisis";
import { prisma } from "~/utils/db.server";
import { call, createCouple, createPractice, createUser, createWorld, getRequest, postRequest } from "../support/fixtures";

interface Crisis {
  language: "en" | "es";
  resources: { id: string; label: string; phone: string | null; sms: string | null; smsBody: string | null; hours: string | null }[];
  fallback: string;
}
type Reply = { result: { error: Record<string, string[]>; initialValue: Record<string, string> } };

const phones = (c: Crisis) => c.resources.map((r) => r.phone);
const html = (c: Crisis, context: "help" | "checkin" = "help") => renderToStaticMarkup(createElement(CrisisResources, { ...c, context }));

/** A seeded practice with one couple in `country`; partner A reads `language`. */
async function couple(country: string, language = "en") {
  const practice = await createPractice();
  await seedCrisisResources(practice.id);
  const therapist = await createUser(practice.id, "therapist");
  const c = await createCouple(practice.id, therapist.id);
  await prisma.couple.update({ where: { id: c.couple.id }, data: { country } });
  await prisma.user.update({ where: { id: c.partnerA.id }, data: { language } });
  return { practice, therapist, ...c };
}

describe("the help page", () => {
  it("shows a GB couple's lines (999, not 911) before anything is sent, as tap-to-call links", async () => {
    const { partnerA } = await couple("GB");
    const res = await call(help.loader, await getRequest("/help", partnerA));
    expect(res.status).toBe(200);
    const crisis = (res.data as { crisis: Crisis }).crisis;
    expect(phones(crisis)[0]).toBe("999");
    expect(phones(crisis)).toEqual(expect.arrayContaining(["0808 2000 247", "116 123"]));
    expect(JSON.stringify(crisis)).not.toMatch(/911|1-800-799-7233|988/);
    const markup = html(crisis);
    expect(markup).toContain('href="tel:999"');
    expect(markup).toContain("Call 999");
    expect(markup).toContain('href="sms:85258?body=SHOUT"');
    expect(markup).not.toContain("911");
    // nothing was sent by looking
    expect(await prisma.helpRequest.count({ where: { partnerId: partnerA.id } })).toBe(0);
  });

  it("after sending: the request is stored and flagged, and the same lines are shown", async () => {
    const { partnerA } = await couple("GB");
    const res = await call(help.action, await postRequest("/help", { message: "please call me" }, partnerA));
    expect(res.status).toBe(200);
    const data = res.data as { sent: true; crisis: Crisis };
    expect(data.sent).toBe(true);
    expect(phones(data.crisis)[0]).toBe("999");
    expect(JSON.stringify(data.crisis)).not.toContain("911");
    const request = await prisma.helpRequest.findFirstOrThrow({ where: { partnerId: partnerA.id } });
    expect(request.flagId).not.toBeNull();
  });

  it("a Spanish-speaking partner in Spain gets the Spanish lines and Spanish wording", async () => {
    const { partnerA } = await couple("ES", "es");
    const crisis = ((await call(help.loader, await getRequest("/help", partnerA))).data as { crisis: Crisis }).crisis;
    expect(crisis.language).toBe("es");
    expect(phones(crisis)).toEqual(["112", "016", "024"]);
    expect(crisis.fallback).toBe(DEFAULT_CRISIS_RESOURCES_ES);
    const markup = html(crisis);
    expect(markup).toContain('href="tel:016"');
    expect(markup).toContain("Llamar al 016");
    expect(markup).toContain('lang="es"');
    expect(markup).not.toMatch(/>Call /);
  });

  it("a Spanish-speaking partner in the US gets the US lines in Spanish; their English-speaking partner the English ones", async () => {
    const { partnerA, partnerB } = await couple("US", "es");
    const es = ((await call(help.loader, await getRequest("/help", partnerA))).data as { crisis: Crisis }).crisis;
    const en = ((await call(help.loader, await getRequest("/help", partnerB))).data as { crisis: Crisis }).crisis;
    expect(es.resources.map((r) => r.label)).toContain("Línea Directa Nacional de Violencia Doméstica");
    expect(html(es)).toContain('href="sms:988?body=AYUDA"');
    expect(en.resources.map((r) => r.label)).toContain("National Domestic Violence Hotline");
    expect(html(en)).toContain('href="sms:88788?body=START"');
    expect(html(en)).toContain("Text START to 88788");
  });

  it("a Spanish speaker in GB gets the English lines; a country without lines gets the fallback text alone", async () => {
    const gb = await couple("GB", "es");
    const crisis = ((await call(help.loader, await getRequest("/help", gb.partnerA))).data as { crisis: Crisis }).crisis;
    expect(phones(crisis)[0]).toBe("999");
    expect(html(crisis)).toContain("Llamar al 999");
    const de = await couple("DE");
    const none = ((await call(help.loader, await getRequest("/help", de.partnerA))).data as { crisis: Crisis }).crisis;
    expect(none.resources).toEqual([]);
    expect(none.fallback).toBe(DEFAULT_CRISIS_RESOURCES);
    expect(none.fallback).not.toMatch(/911|in the way you agreed/);
  });

  it("the practice's own fallback text is shown; the old US-only default is not", async () => {
    const { practice, partnerA } = await couple("GB");
    await prisma.practice.update({ where: { id: practice.id }, data: { crisisResources: LEGACY_DEFAULT_CRISIS_RESOURCES } });
    expect((await resourcesFor({ practiceId: practice.id, country: "GB", language: "en" })).fallback).toBe(DEFAULT_CRISIS_RESOURCES);
    await prisma.practice.update({ where: { id: practice.id }, data: { crisisResources: "Our out-of-hours line: 0207 000 0000." } });
    const crisis = ((await call(help.loader, await getRequest("/help", partnerA))).data as { crisis: Crisis }).crisis;
    expect(crisis.fallback).toBe("Our out-of-hours line: 0207 000 0000.");
  });
});

describe("after a check-in", () => {
  const CHECKIN = { mood: "4", closeness: "4" };

  it.each([
    ["no", true],
    ["not_sure", true],
    ["yes", false],
  ])("answered %s → lines shown on the confirmation: %s", async (feelSafe, shown) => {
    const { partnerA } = await couple("AU");
    const saved = await call(checkin.action, await postRequest("/checkin", { ...CHECKIN, feelSafe }, partnerA));
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/today?saved=checkin"); // the answer is not in the URL
    const res = await call(today.loader, await getRequest("/today?saved=checkin", partnerA));
    expect(res.status).toBe(200);
    const data = res.data as { support: Crisis | null; checkIn: Record<string, unknown> };
    expect(data.checkIn).toEqual({ mood: 4, closeness: 4 }); // the answer itself is not sent to the page
    if (shown) {
      expect(phones(data.support!)).toEqual(["000", "1800 737 732", "13 11 14"]);
      expect(html(data.support!, "checkin")).toContain("If you ever need someone to talk to right away:");
    } else {
      expect(data.support).toBeNull();
    }
  });

  it("only on the confirmation, and never on the other partner's page", async () => {
    const { partnerA, partnerB } = await couple("AU");
    await call(checkin.action, await postRequest("/checkin", { ...CHECKIN, feelSafe: "no" }, partnerA));
    expect(((await call(today.loader, await getRequest("/today", partnerA))).data as { support: unknown }).support).toBeNull();
    const other = await call(today.loader, await getRequest("/today?saved=checkin", partnerB));
    expect((other.data as { support: unknown }).support).toBeNull();
    expect(JSON.stringify(other.data)).not.toMatch(/"no"|not_sure|feelSafe/);
  });
});

describe("admin: crisis lines", () => {
  const LINE = { intent: "create", label: "Mind Infoline", country: "GB", language: "en", kind: "crisis", phone: "0300 123 3393", hours: "Weekdays" };

  it("bad input → 400 with field errors and what was typed; nothing saved", async () => {
    const w = await createWorld();
    const before = await prisma.crisisResource.count();
    for (const [fields, field] of [
      [{ ...LINE, country: "ZZ" }, "country"],
      [{ ...LINE, phone: "" }, "phone"],
      [{ ...LINE, label: "" }, "label"],
      [{ ...LINE, kind: "police" }, "kind"],
      [{ ...LINE, phone: "call us" }, "phone"],
    ] as const) {
      const res = await call(adminResources.action, await postRequest("/admin/resources", fields, w.admin));
      expect(res.status, JSON.stringify(fields)).toBe(400);
      const reply = (res.data as Reply).result;
      expect(reply.error[field]?.length, field).toBeGreaterThan(0);
      expect(reply.initialValue.hours).toBe("Weekdays");
      expect(reply.initialValue.country).toBe(fields.country);
    }
    // no intent, or one that means nothing here: 400, not 500
    expect((await call(adminResources.action, await postRequest("/admin/resources", { intent: "note" }, w.admin))).status).toBe(400);
    expect((await call(adminResources.action, await postRequest("/admin/resources", {}, w.admin))).status).toBe(400);
    expect(await prisma.crisisResource.count()).toBe(before);
  });

  it("create → listed by country and unverified; edit; mark verified; a changed number needs verifying again; delete — all audited", async () => {
    const w = await createWorld();
    expect((await call(adminResources.action, await postRequest("/admin/resources", { ...LINE, country: "gb" }, w.admin))).status).toBe(302);
    const row = await prisma.crisisResource.findFirstOrThrow({ where: { practiceId: w.practice.id } });
    expect(row).toMatchObject({ country: "GB", label: "Mind Infoline", phone: "0300 123 3393", verifiedAt: null });
    const page = await call(adminResources.loader, await getRequest("/admin/resources", w.admin));
    const groups = (page.data as { groups: { country: string; name: string; lines: { id: string; verifiedAt: string | null }[] }[] }).groups;
    expect(groups).toEqual([expect.objectContaining({ country: "GB", name: "United Kingdom", lines: [expect.objectContaining({ id: row.id, verifiedAt: null })] })]);

    expect((await call(adminResources.action, await postRequest("/admin/resources", { intent: "verify", id: row.id }, w.admin))).status).toBe(302);
    expect((await prisma.crisisResource.findUniqueOrThrow({ where: { id: row.id } })).verifiedAt).not.toBeNull();
    // renaming keeps the verification; a new number does not
    await call(adminResources.action, await postRequest(`/admin/resources?edit=${row.id}`, { ...LINE, intent: "update", id: row.id, label: "Mind" }, w.admin));
    expect(await prisma.crisisResource.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ label: "Mind", verifiedAt: expect.any(Date) });
    await call(adminResources.action, await postRequest(`/admin/resources?edit=${row.id}`, { ...LINE, intent: "update", id: row.id, label: "Mind", phone: "0300 123 3394" }, w.admin));
    expect(await prisma.crisisResource.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ phone: "0300 123 3394", verifiedAt: null });
    // a bad edit is refused with its errors and changes nothing
    const bad = await call(adminResources.action, await postRequest(`/admin/resources?edit=${row.id}`, { ...LINE, intent: "update", id: row.id, phone: "" }, w.admin));
    expect(bad.status).toBe(400);
    expect((bad.data as Reply & { intent: string }).intent).toBe("update");
    expect((await prisma.crisisResource.findUniqueOrThrow({ where: { id: row.id } })).phone).toBe("0300 123 3394");

    expect((await call(adminResources.action, await postRequest("/admin/resources", { intent: "delete", id: row.id }, w.admin))).status).toBe(302);
    expect(await prisma.crisisResource.count({ where: { id: row.id } })).toBe(0);
    const events = await prisma.auditEvent.findMany({ where: { entity: "crisis-resource", entityId: row.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["create", "verify", "update", "update", "delete"]);
    expect(events.every((e) => e.actorId === w.admin.id)).toBe(true);
  });

  it("an admin of another practice can neither see, edit, verify nor delete this practice's lines", async () => {
    const w = await createWorld();
    await seedCrisisResources(w.practice.id);
    const row = await prisma.crisisResource.findFirstOrThrow({ where: { practiceId: w.practice.id, country: "GB", kind: "emergency" } });
    const list = await call(adminResources.loader, await getRequest("/admin/resources", w.otherAdmin));
    expect(JSON.stringify(list.data)).not.toContain(row.id);
    expect((await call(adminResources.loader, await getRequest(`/admin/resources?edit=${row.id}`, w.otherAdmin))).status).toBe(404);
    for (const fields of [
      { ...LINE, intent: "update", id: row.id, phone: "0000" },
      { intent: "verify", id: row.id },
      { intent: "delete", id: row.id },
    ]) {
      expect((await call(adminResources.action, await postRequest("/admin/resources", fields, w.otherAdmin))).status).toBe(404);
    }
    expect(await prisma.crisisResource.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ phone: "999", verifiedAt: null });
    // and nobody but admins may use the page
    expect((await call(adminResources.loader, await getRequest("/admin/resources", w.therapist))).status).toBe(403);
    expect((await call(adminResources.action, await postRequest("/admin/resources", { intent: "delete", id: row.id }, w.partnerA1))).status).toBe(403);
  });
});

describe("seeding", () => {
  it("is idempotent, also when two calls race; rows start unverified and are audited once", async () => {
    const practice = await createPractice();
    const [a, b] = await Promise.all([seedCrisisResources(practice.id), seedCrisisResources(practice.id)]);
    expect([a, b].sort()).toEqual([0, SEED_RESOURCES.length]);
    expect(await seedCrisisResources(practice.id)).toBe(0);
    const rows = await prisma.crisisResource.findMany({ where: { practiceId: practice.id } });
    expect(rows).toHaveLength(SEED_RESOURCES.length);
    expect(rows.every((r) => r.verifiedAt === null)).toBe(true);
    expect(await prisma.auditEvent.count({ where: { practiceId: practice.id, entity: "crisis-resources" } })).toBe(1);
  });

  it("does not come back after an admin deleted every line", async () => {
    const practice = await createPractice();
    await seedCrisisResources(practice.id);
    const admin = await createUser(practice.id, "admin");
    for (const r of await prisma.crisisResource.findMany({ where: { practiceId: practice.id } })) {
      await call(adminResources.action, await postRequest("/admin/resources", { intent: "delete", id: r.id }, admin));
    }
    await backfillCrisisResources();
    expect(await prisma.crisisResource.count({ where: { practiceId: practice.id } })).toBe(0);
  });

  it("start-up gives an older practice the lines once and replaces the old US-only default text", async () => {
    const practice = await prisma.practice.create({ data: { name: "Older practice", crisisResources: LEGACY_DEFAULT_CRISIS_RESOURCES, flagPhrases: [] } });
    await backfillCrisisResources();
    expect(await prisma.crisisResource.count({ where: { practiceId: practice.id } })).toBe(SEED_RESOURCES.length);
    expect((await prisma.practice.findUniqueOrThrow({ where: { id: practice.id } })).crisisResources).toBe(DEFAULT_CRISIS_RESOURCES);
    await backfillCrisisResources();
    expect(await prisma.crisisResource.count({ where: { practiceId: practice.id } })).toBe(SEED_RESOURCES.length);
  });
});

describe("a couple's country and languages", () => {
  const NEW = (tag: string) => ({
    partnerAName: "Ana Ruiz",
    partnerAEmail: `ana.${tag}.${Date.now()}@example.com`,
    partnerBName: "Ben Ruiz",
    partnerBEmail: `ben.${tag}.${Date.now()}@example.com`,
    startDate: "2026-11-01",
  });

  it("a new couple's country follows its time zone unless the therapist chooses one; each partner has a language", async () => {
    const w = await createWorld();
    const add = async (fields: Record<string, string>) => {
      const res = await call(couplesNew.action, await postRequest("/couples/new", fields, w.therapist));
      expect(res.status, JSON.stringify(res.data)).toBe(200);
      const id = (res.data as { created: { coupleId: string } }).created.coupleId;
      return prisma.couple.findUniqueOrThrow({ where: { id }, select: { country: true, partnerA: { select: { language: true } }, partnerB: { select: { language: true } } } });
    };
    expect(await add({ ...NEW("a"), timeZone: "Europe/London", country: "" })).toMatchObject({ country: "GB", partnerA: { language: "en" } });
    expect(await add({ ...NEW("b"), timeZone: "Europe/Berlin" })).toMatchObject({ country: "US" });
    expect(await add({ ...NEW("c"), timeZone: "America/New_York", country: "MX", partnerALanguage: "es", partnerBLanguage: "en" })).toMatchObject({
      country: "MX",
      partnerA: { language: "es" },
      partnerB: { language: "en" },
    });
    const bad = await call(couplesNew.action, await postRequest("/couples/new", { ...NEW("d"), timeZone: "America/New_York", country: "ZZ", partnerALanguage: "fr" }, w.therapist));
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.data as Reply).result.error)).toEqual(expect.arrayContaining(["country", "partnerALanguage"]));
  });

  it("the couple's therapist edits them (and the partner's page follows); another therapist gets 404; bad input 400", async () => {
    const w = await createWorld();
    await seedCrisisResources(w.practice.id);
    const params = { coupleId: w.coupleA.id };
    const page = await call(details.loader, await getRequest(`/couples/${w.coupleA.id}/details`, w.therapist), params);
    expect(page.status).toBe(200);
    expect((page.data as { details: { country: string; suggestedCountry: string } }).details).toMatchObject({ country: "US", suggestedCountry: "US" });

    const save = await call(details.action, await postRequest(`/couples/${w.coupleA.id}/details`, { country: "NZ", partnerALanguage: "es", partnerBLanguage: "en" }, w.therapist), params);
    expect(save.status).toBe(302);
    expect((await prisma.couple.findUniqueOrThrow({ where: { id: w.coupleA.id } })).country).toBe("NZ");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: w.partnerA1.id } })).language).toBe("es");
    const crisis = ((await call(help.loader, await getRequest("/help", w.partnerA1))).data as { crisis: Crisis }).crisis;
    expect(phones(crisis)[0]).toBe("111");
    expect(crisis.language).toBe("es");
    expect(await prisma.auditEvent.count({ where: { entity: "couple-locale", coupleId: w.coupleA.id, actorId: w.therapist.id } })).toBe(1);

    const bad = await call(details.action, await postRequest(`/couples/${w.coupleA.id}/details`, { country: "Narnia", partnerALanguage: "xx", partnerBLanguage: "en" }, w.therapist), params);
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.data as Reply).result.error)).toEqual(expect.arrayContaining(["country", "partnerALanguage"]));

    for (const who of [w.otherTherapist, w.admin, w.partnerA1]) {
      const res = await call(details.action, await postRequest(`/couples/${w.coupleA.id}/details`, { country: "GB", partnerALanguage: "en", partnerBLanguage: "en" }, who), params);
      expect([403, 404]).toContain(res.status);
    }
    expect((await prisma.couple.findUniqueOrThrow({ where: { id: w.coupleA.id } })).country).toBe("NZ");
  });
});
