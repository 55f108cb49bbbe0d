/**
 * Issue 16, item 14: a way to end a partner's access. The couple's therapist or an admin closes
 * a couple (history kept read-only, both partners signed out and refused at sign-in with the same
 * neutral message as a wrong password, invites revoked, reminders stopped) or revokes one partner,
 * each after a confirmation that works without JavaScript, each audited.
 */
import { describe, expect, it } from "vitest";
import { createInvite, lookupInvite } from "~/models/invite.server";
import { enqueueDueReminders } from "~/models/reminders.server";
import * as access from "~/routes/couples.$coupleId.access";
import * as couplePage from "~/routes/couples.$coupleId._index/route";
import * as assign from "~/routes/couples.$coupleId.assign";
import * as loginRoute from "~/routes/login";
import * as today from "~/routes/today";
import { prisma } from "~/utils/db.server";
import { call, createWorld, getRequest, ORIGIN, postRequest, sessionCookieFor, TEST_PASSWORD } from "../support/fixtures";

type World = Awaited<ReturnType<typeof createWorld>>;

const url = (w: World, coupleId = w.coupleA.id) => `/couples/${coupleId}/access`;
const post = async (w: World, fields: Record<string, string>, as: { id: string }, coupleId = w.coupleA.id) =>
  call(access.action, await postRequest(url(w, coupleId), fields, as), { coupleId });

async function getWith(cookie: string, path: string) {
  return new Request(`${ORIGIN}${path}`, { headers: { Cookie: cookie } });
}

async function signIn(email: string, password = TEST_PASSWORD) {
  const res = await call(loginRoute.action, await postRequest("/login", { email, password }));
  return { status: res.status, error: (res.data as { result?: { error?: unknown } } | null)?.result?.error ?? null };
}

/** 09:30 in New York on a fixed day: both couples' 09:00 check-in reminder is due. */
const REMINDER_TIME = new Date("2026-01-15T14:30:00Z");

describe("closing a couple", () => {
  it("asks to type CLOSE first, keeping what was typed, and changes nothing until then", async () => {
    const w = await createWorld();
    const page = await call(access.loader, await getRequest(url(w), w.therapist), { coupleId: w.coupleA.id });
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.data)).toContain(w.partnerA1.name);

    for (const confirm of [undefined, "", "close it", "CLOSED"]) {
      const res = await post(w, confirm === undefined ? { intent: "close" } : { intent: "close", confirm }, w.therapist);
      expect(res.status, String(confirm)).toBe(400);
      const result = (res.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
      expect(result.error.confirm?.[0]).toMatch(/Type CLOSE/);
      if (confirm) expect(result.initialValue.confirm).toBe(confirm);
    }
    expect((await prisma.couple.findUniqueOrThrow({ where: { id: w.coupleA.id } })).status).toBe("active");
    expect(await prisma.user.count({ where: { id: { in: [w.partnerA1.id, w.partnerA2.id] }, disabledAt: { not: null } } })).toBe(0);
  });

  it("ends both partners' sessions, refuses their sign-in neutrally, revokes invites, stops reminders, keeps the history read-only", async () => {
    const w = await createWorld();
    const partners = [w.partnerA1, w.partnerA2];
    const cookieA1 = await sessionCookieFor(w.partnerA1);
    expect((await call(today.loader, await getWith(cookieA1, "/today"))).status).toBe(200);
    await prisma.checkIn.create({ data: { coupleId: w.coupleA.id, partnerId: w.partnerA1.id, localDate: new Date("2026-03-01T00:00:00Z"), mood: 5, closeness: 5, feelSafe: "yes" } });
    // partner A2 never joined: an open invitation link, and a reminder already queued for A1
    await prisma.user.update({ where: { id: w.partnerA2.id }, data: { passwordHash: null } });
    const token = await createInvite({ practiceId: w.practice.id, userId: w.partnerA2.id, coupleId: w.coupleA.id, createdById: w.therapist.id });
    await prisma.outboxMessage.create({ data: { practiceId: w.practice.id, userId: w.partnerA1.id, toAddress: w.partnerA1.email, subject: "A reminder from Mend", body: "…", kind: "reminder:checkin", dedupeKey: `test-queued-${w.partnerA1.id}` } });
    for (const p of [w.partnerA1, w.partnerB1]) await prisma.reminderPreference.create({ data: { userId: p.id, checkInTime: "09:00" } });

    const res = await post(w, { intent: "close", confirm: "close" }, w.therapist);
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/couples/${w.coupleA.id}/access?done=closed`);

    expect((await prisma.couple.findUniqueOrThrow({ where: { id: w.coupleA.id } })).status).toBe("closed");
    expect(await prisma.session.count({ where: { userId: { in: partners.map((p) => p.id) } } })).toBe(0);
    // the old cookie no longer works
    const after = await call(today.loader, await getWith(cookieA1, "/today"));
    expect(after.status).toBe(302);
    expect(after.location).toMatch(/^\/login/);
    // signing in again: the same message as a wrong password, nothing about the programme
    const wrong = await signIn(w.partnerB1.email, "not the password");
    const closed = await signIn(w.partnerA1.email);
    expect(closed).toEqual(wrong);
    expect(closed.status).toBe(400);
    expect(await prisma.session.count({ where: { userId: w.partnerA1.id } })).toBe(0);
    // the invitation link is dead
    expect((await lookupInvite(token)).state).toBe("expired");
    // the queued reminder is cancelled, and no new one is queued for either partner (the other couple's still is)
    expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `test-queued-${w.partnerA1.id}` } })).status).toBe("failed");
    await enqueueDueReminders(REMINDER_TIME, ORIGIN);
    const queued = await prisma.outboxMessage.findMany({ where: { kind: "reminder:checkin", status: "pending" }, select: { userId: true } });
    expect(queued.map((q) => q.userId)).toEqual([w.partnerB1.id]);

    // the therapist still reads the couple; nothing about it can be changed
    expect((await call(couplePage.loader, await getRequest(`/couples/${w.coupleA.id}`, w.therapist), { coupleId: w.coupleA.id })).status).toBe(200);
    const change = await call(assign.action, await postRequest(`/couples/${w.coupleA.id}/assign`, { kind: "routine", title: "Walk", target: "20 min", cadence: "daily", responsible: "BOTH", startDate: "2026-03-01", durationWeeks: "4" }, w.therapist), { coupleId: w.coupleA.id });
    expect(change.status).toBe(409);
    expect(await prisma.assignment.count({ where: { coupleId: w.coupleA.id } })).toBe(0);
    expect(await prisma.checkIn.count({ where: { coupleId: w.coupleA.id } })).toBe(1);

    // audited once, under the couple; closing again changes nothing
    expect(await prisma.auditEvent.count({ where: { action: "close", entity: "couple", entityId: w.coupleA.id, coupleId: w.coupleA.id, actorId: w.therapist.id } })).toBe(1);
    const again = await post(w, { intent: "close", confirm: "CLOSE" }, w.therapist);
    expect(again.status).toBe(400);
    expect(await prisma.auditEvent.count({ where: { action: "close", entityId: w.coupleA.id } })).toBe(1);
    const shown = await call(access.loader, await getRequest(url(w), w.therapist), { coupleId: w.coupleA.id });
    expect((shown.data as { couple: { status: string } }).couple.status).toBe("closed");
  });

  it("an admin of the practice may close a couple; no one else may, and nothing changes for them", async () => {
    const w = await createWorld();
    for (const [who, status] of [[w.otherTherapist, 404], [w.otherAdmin, 404], [w.supervisor, 403], [w.partnerA1, 403], [w.partnerA2, 403]] as const) {
      expect((await call(access.loader, await getRequest(url(w), who), { coupleId: w.coupleA.id })).status, who.role).toBe(status);
      expect((await post(w, { intent: "close", confirm: "CLOSE" }, who)).status, who.role).toBe(status);
      expect((await post(w, { intent: "revoke", partnerId: w.partnerA1.id, confirm: "yes" }, who)).status, who.role).toBe(status);
    }
    expect((await prisma.couple.findUniqueOrThrow({ where: { id: w.coupleA.id } })).status).toBe("active");
    expect(await prisma.user.count({ where: { id: { in: [w.partnerA1.id, w.partnerA2.id] }, disabledAt: { not: null } } })).toBe(0);
    // the refusals are on record, under couple A
    expect(await prisma.auditEvent.count({ where: { outcome: "denied", coupleId: w.coupleA.id, actorId: w.otherTherapist.id } })).toBe(3);

    // the admin sees names, not the partners' contact details
    const page = await call(access.loader, await getRequest(url(w), w.admin), { coupleId: w.coupleA.id });
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.data)).not.toContain(w.partnerA1.email);
    expect((await post(w, { intent: "close", confirm: "CLOSE" }, w.admin)).status).toBe(302);
    expect((await prisma.couple.findUniqueOrThrow({ where: { id: w.coupleA.id } })).status).toBe("closed");
    expect(await prisma.auditEvent.count({ where: { action: "close", coupleId: w.coupleA.id, actorId: w.admin.id } })).toBe(1);
  });
});

describe("revoking one partner", () => {
  it("needs the box ticked; then that partner is signed out and refused, the other carries on", async () => {
    const w = await createWorld();
    const cookieA2 = await sessionCookieFor(w.partnerA2);
    const cookieA1 = await sessionCookieFor(w.partnerA1);

    const unticked = await post(w, { intent: "revoke", partnerId: w.partnerA2.id }, w.therapist);
    expect(unticked.status).toBe(400);
    expect((unticked.data as { result: { error: Record<string, string[]> } }).result.error.confirm?.[0]).toMatch(/Tick/);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: w.partnerA2.id } })).disabledAt).toBeNull();

    const res = await post(w, { intent: "revoke", partnerId: w.partnerA2.id, confirm: "yes" }, w.therapist);
    expect(res.status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: w.partnerA2.id } })).disabledAt).not.toBeNull();
    expect((await call(today.loader, await getWith(cookieA2, "/today"))).status).toBe(302);
    expect((await signIn(w.partnerA2.email)).status).toBe(400);
    // the other partner and the couple are untouched
    expect((await call(today.loader, await getWith(cookieA1, "/today"))).status).toBe(200);
    expect((await prisma.couple.findUniqueOrThrow({ where: { id: w.coupleA.id } })).status).toBe("active");
    expect(await prisma.auditEvent.count({ where: { action: "revoke", entity: "partner", entityId: w.partnerA2.id, coupleId: w.coupleA.id, actorId: w.therapist.id } })).toBe(1);

    // revoking again: a message, no second event
    expect((await post(w, { intent: "revoke", partnerId: w.partnerA2.id, confirm: "yes" }, w.therapist)).status).toBe(400);
    expect(await prisma.auditEvent.count({ where: { action: "revoke", entityId: w.partnerA2.id } })).toBe(1);
  });

  it("a partner of another couple cannot be revoked through this couple's page (404, audited under that couple)", async () => {
    const w = await createWorld();
    const res = await post(w, { intent: "revoke", partnerId: w.partnerB1.id, confirm: "yes" }, w.therapist);
    expect(res.status).toBe(404);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: w.partnerB1.id } })).disabledAt).toBeNull();
    expect(await prisma.auditEvent.count({ where: { actorId: w.therapist.id, outcome: "denied", entity: "partner", entityId: w.partnerB1.id, coupleId: w.coupleB.id } })).toBe(1);
  });
});
