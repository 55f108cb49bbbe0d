/**
 * Safe contact: a partner records how the care team may reach them; only clinicians read it,
 * never the other partner, another therapist, an admin or another practice.
 */
import { describe, expect, it } from "vitest";
import { safeContactFor, saveSafeContact } from "~/models/safe-contact.server";
import * as history from "~/routes/history";
import * as settings from "~/routes/settings";
import * as today from "~/routes/today";
import { prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { call, createWorld, getRequest, postRequest } from "../support/fixtures";

type U = { id: string; practiceId: string; role: SessionUser["role"]; name: string; email: string };
const asUser = (u: U): SessionUser => ({ id: u.id, practiceId: u.practiceId, role: u.role, name: u.name, email: u.email, sessionId: "test", pending2fa: false, mustSetUp2fa: false });

const PHONE = "+1 555 010 0199";
const CODE = "zz-code-bluebird-41";
const FULL = { intent: "safe-contact", method: "phone", phone: PHONE, noVoicemail: "on", email: "me.only@example.org", avoidTimes: "Evenings after 6 and weekends", codeWord: CODE };

type Reply = { result: { error?: Record<string, string[]>; initialValue?: Record<string, string> }; intent?: string; contactSaved?: boolean };

const save = async (who: U, fields: Record<string, string>) => call(settings.action, await postRequest("/settings", fields, who));

describe("saving", () => {
  it("a partner saves and reads back their preferences; the save is audited without the values", async () => {
    const w = await createWorld();
    const res = await save(w.partnerA1, FULL);
    expect(res.status).toBe(200);
    expect((res.data as Reply).contactSaved).toBe(true);
    const page = await call(settings.loader, await getRequest("/settings", w.partnerA1));
    expect((page.data as { safeContact: unknown }).safeContact).toMatchObject({ method: "phone", phone: PHONE, noVoicemail: true, email: "me.only@example.org", avoidTimes: "Evenings after 6 and weekends", codeWord: CODE });
    const audits = await prisma.auditEvent.findMany({ where: { actorId: w.partnerA1.id, entity: "safe-contact" } });
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(PHONE);

    // an edit replaces it; "no voicemail" unticked is saved as off; empty fields are cleared
    expect((await save(w.partnerA1, { intent: "safe-contact", method: "in_session", phone: "", email: "", avoidTimes: "", codeWord: "" })).status).toBe(200);
    const row = await prisma.safeContact.findUniqueOrThrow({ where: { userId: w.partnerA1.id } });
    expect(row).toMatchObject({ method: "in_session", phone: null, email: null, avoidTimes: null, codeWord: null, noVoicemail: false });
  });

  it("the settings form next to it still saves reminders, and each form keeps its own errors", async () => {
    const w = await createWorld();
    const res = await save(w.partnerA1, { checkInTime: "20:00", emailEnabled: "on" });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ saved: true });
    expect((await prisma.reminderPreference.findUniqueOrThrow({ where: { userId: w.partnerA1.id } })).checkInTime).toBe("20:00");
    expect(await prisma.safeContact.count({ where: { userId: w.partnerA1.id } })).toBe(0);
    const bad = await save(w.partnerA1, { intent: "safe-contact", method: "phone" });
    expect((bad.data as Reply).intent).toBe("safe-contact");
  });

  it.each([
    [{ method: "phone", codeWord: "robin" }, "phone", /phone number we may use/],
    [{ method: "email" }, "email", /email address we may use/],
    [{ method: "email", email: "not-an-address" }, "email", /valid email/],
    [{ method: "phone", phone: "call me maybe" }, "phone", /7 to 15 digits/],
    [{ method: "phone", phone: "12" }, "phone", /7 to 15 digits/],
    [{ method: "in_session", phone: "5".repeat(31) }, "phone", /under 30/],
    [{ codeWord: "robin" }, "method", /choose how/i],
    [{ method: "carrier pigeon" }, "method", /choose how/i],
    [{ method: "none", codeWord: "x".repeat(61) }, "codeWord", /under 60/],
    [{ method: "none", avoidTimes: "x".repeat(501) }, "avoidTimes", /under 500/],
  ])("%o → 400 on %s, what was typed kept, nothing saved", async (fields, field, message) => {
    const w = await createWorld();
    const res = await save(w.partnerA1, { intent: "safe-contact", ...(fields as Record<string, string>) });
    expect(res.status).toBe(400);
    const reply = res.data as Reply;
    expect(reply.result.error?.[field]?.join(" ")).toMatch(message);
    for (const [k, v] of Object.entries(fields)) if (k !== "method" || v !== "carrier pigeon") expect(reply.result.initialValue?.[k]).toBe(v);
    expect(await prisma.safeContact.count({ where: { userId: w.partnerA1.id } })).toBe(0);
  });

  it("only a partner saves, and only their own", async () => {
    const w = await createWorld();
    const r = await saveSafeContact(asUser(w.therapist), { method: "phone", phone: PHONE, noVoicemail: true });
    expect(r.ok).toBe(false);
    expect(await prisma.safeContact.count({ where: { userId: w.therapist.id } })).toBe(0);
    // the model validates on its own too
    const bad = await saveSafeContact(asUser(w.partnerA1), { method: "phone", noVoicemail: true });
    expect(bad).toMatchObject({ ok: false, status: 400 });
    // a posted userId is ignored: the record is always the signed-in partner's
    await save(w.partnerA2, { ...FULL, userId: w.partnerA1.id });
    expect(await prisma.safeContact.findUnique({ where: { userId: w.partnerA1.id } })).toBeNull();
    expect(await prisma.safeContact.findUnique({ where: { userId: w.partnerA2.id } })).not.toBeNull();
  });
});

describe("who reads it", () => {
  it("the other partner never gets it, on any page they can load", async () => {
    const w = await createWorld();
    await save(w.partnerA1, FULL);
    for (const [mod, path] of [[settings, "/settings"], [today, "/today"], [history, "/history"]] as const) {
      const body = JSON.stringify((await call(mod.loader, await getRequest(path, w.partnerA2))).data);
      expect(body, path).not.toContain(PHONE);
      expect(body, path).not.toContain(CODE);
    }
    expect((await call(settings.loader, await getRequest("/settings", w.partnerA2))).data).toMatchObject({ safeContact: null });
    expect(await safeContactFor(asUser(w.partnerA2), w.partnerA1.id)).toBeNull();
  });

  it("the couple's therapist reads it; another therapist, an admin, another practice get null; a supervisor once the couple has a flag", async () => {
    const w = await createWorld();
    await save(w.partnerA1, FULL);
    const mine = await safeContactFor(asUser(w.therapist), w.partnerA1.id);
    expect(mine).toMatchObject({ method: "phone", phone: PHONE, noVoicemail: true, codeWord: CODE });
    expect(typeof mine!.updatedAt).toBe("string");
    expect(await prisma.auditEvent.count({ where: { actorId: w.therapist.id, entity: "safe-contact", action: "read" } })).toBe(1);
    // the partner with nothing recorded: null (the card then says to ask in session)
    expect(await safeContactFor(asUser(w.therapist), w.partnerA2.id)).toBeNull();
    for (const u of [w.otherTherapist, w.admin, w.otherPracticeTherapist, w.otherAdmin, w.partnerB1]) {
      expect(await safeContactFor(asUser(u), w.partnerA1.id), u.role).toBeNull();
    }
    expect(await safeContactFor(asUser(w.supervisor), w.partnerA1.id)).toBeNull();
    await prisma.safetyFlag.create({
      data: { practiceId: w.practice.id, coupleId: w.coupleA.id, partnerId: w.partnerA1.id, source: "therapist", concern: "therapist", severity: "medium", dueBy: new Date(Date.now() + 3_600_000) },
    });
    expect(await safeContactFor(asUser(w.supervisor), w.partnerA1.id)).toMatchObject({ phone: PHONE });
    // an unknown id
    expect(await safeContactFor(asUser(w.therapist), "no-such-partner")).toBeNull();
  });
});
