/**
 * Account recovery (issue 16). A partner who has joined can no longer be "re-invited" — a new
 * invite link accepted by whoever holds it used to set a new password and sign in as that
 * partner. Instead the therapist can have a password-reset email sent (staff never see the
 * link), and the partner can ask for one from the sign-in page. Reset links are random, stored
 * hashed, single-use, valid for an hour, and cannot be used as invite links or the other way round.
 */
import { describe, expect, it } from "vitest";
import { containsSensitive } from "~/domain/message-text";
import { createInvite } from "~/models/invite.server";
import * as coupleRoute from "~/routes/couples.$coupleId._index/route";
import * as joinRoute from "~/routes/join.$token";
import * as loginRoute from "~/routes/login";
import * as resetIndex from "~/routes/reset._index";
import * as resetToken from "~/routes/reset.$token";
import { prisma } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { call, createWorld, getRequest, postRequest, sessionCookieFor, TEST_PASSWORD } from "../support/fixtures";

const NEW_PASSWORD = "a quiet walk by the river";

async function unjoin(userId: string) {
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: null, consentAt: null } });
}

async function outboxFor(userId: string) {
  return prisma.outboxMessage.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
}

function tokenIn(body: string): string {
  const m = /\/reset\/([A-Za-z0-9_-]+)/.exec(body);
  if (!m) throw new Error(`no reset link in ${body}`);
  return m[1]!;
}

async function therapistPost(w: Awaited<ReturnType<typeof createWorld>>, fields: Record<string, string>, coupleId = w.coupleA.id) {
  return call(coupleRoute.action, await postRequest(`/couples/${coupleId}`, fields, w.therapist), { coupleId });
}

async function sendReset(w: Awaited<ReturnType<typeof createWorld>>, partnerId: string) {
  const res = await therapistPost(w, { intent: "send-reset", partnerId });
  expect(res.status).toBe(200);
  const [message] = await outboxFor(partnerId);
  return { res, message: message!, token: tokenIn(message!.body) };
}

describe("re-invite", () => {
  it("refuses a partner who has already joined: 400 with a clear message, no invite created", async () => {
    const w = await createWorld();
    const invitesBefore = await prisma.invite.count();
    const hashBefore = (await prisma.user.findUniqueOrThrow({ where: { id: w.partnerA1.id } })).passwordHash;
    const res = await therapistPost(w, { intent: "reinvite", partnerId: w.partnerA1.id });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.data)).toMatch(/already joined/i);
    expect(JSON.stringify(res.data)).toMatch(/password-reset email/i);
    expect(JSON.stringify(res.data)).not.toMatch(/\/join\//);
    expect(await prisma.invite.count()).toBe(invitesBefore);
    expect(await prisma.auditEvent.count({ where: { actorId: w.therapist.id, action: "create", entity: "invite" } })).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: w.partnerA1.id } })).passwordHash).toBe(hashBefore);
  });

  it("still gives a new link for a partner who has not joined yet", async () => {
    const w = await createWorld();
    await unjoin(w.partnerA2.id);
    const res = await therapistPost(w, { intent: "reinvite", partnerId: w.partnerA2.id });
    expect(res.status).toBe(200);
    expect((res.data as { invite: string }).invite).toMatch(/\/join\/[A-Za-z0-9_-]+$/);
  });

  it("an invite link for a partner who has joined since cannot set their password or sign in as them", async () => {
    const w = await createWorld();
    // e.g. a link issued before this fix, or in a race with the partner joining
    const token = await createInvite({ practiceId: w.practice.id, userId: w.partnerA1.id, coupleId: w.coupleA.id, createdById: w.therapist.id });
    const page = await call(joinRoute.loader, await getRequest(`/join/${token}`), { token });
    expect((page.data as { state: string }).state).not.toBe("valid");
    const res = await call(joinRoute.action, await postRequest(`/join/${token}`, { password: NEW_PASSWORD, confirm: NEW_PASSWORD, consent: "yes" }), { token });
    expect(res.status).toBe(410);
    const partner = await prisma.user.findUniqueOrThrow({ where: { id: w.partnerA1.id } });
    expect(await verifyPassword(partner.passwordHash, TEST_PASSWORD)).toBe(true);
    expect(await prisma.session.count({ where: { userId: w.partnerA1.id } })).toBe(0);
  });
});

describe("the therapist sends a password-reset email", () => {
  it("queues a neutral email with a one-hour link to the partner; the therapist never sees the link", async () => {
    const w = await createWorld();
    const { res, message, token } = await sendReset(w, w.partnerA1.id);
    expect(JSON.stringify(res.data)).not.toContain(token);
    expect(JSON.stringify(res.data)).not.toMatch(/\/reset\//);
    expect(message.toAddress).toBe(w.partnerA1.email);
    expect(containsSensitive(message.subject + " " + message.body)).toEqual([]);
    expect(message.body).toMatch(/hour/);
    // stored hashed: the token is only in the email
    const rows = await prisma.invite.findMany({ where: { userId: w.partnerA1.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token);
    const ttl = rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime();
    expect(ttl).toBeGreaterThan(55 * 60_000);
    expect(ttl).toBeLessThanOrEqual(60 * 60_000 + 5_000);
    const audit = await prisma.auditEvent.findMany({ where: { actorId: w.therapist.id, entityId: w.partnerA1.id } });
    expect(audit.map((a) => a.action)).toContain("send");
    expect(JSON.stringify(audit.map((a) => a.detail))).not.toContain(token);
  });

  it("refuses a partner who has not joined (they need an invitation) and one who turned email off; nothing is queued", async () => {
    const w = await createWorld();
    await unjoin(w.partnerA2.id);
    const notJoined = await therapistPost(w, { intent: "send-reset", partnerId: w.partnerA2.id });
    expect(notJoined.status).toBe(400);
    expect(JSON.stringify(notJoined.data)).toMatch(/invitation/i);
    await prisma.user.update({ where: { id: w.partnerA1.id }, data: { emailEnabled: false } });
    const emailOff = await therapistPost(w, { intent: "send-reset", partnerId: w.partnerA1.id });
    expect(emailOff.status).toBe(400);
    expect(JSON.stringify(emailOff.data)).toMatch(/email/i);
    expect(await prisma.outboxMessage.count({ where: { userId: { in: [w.partnerA1.id, w.partnerA2.id] } } })).toBe(0);
    expect(await prisma.invite.count({ where: { userId: { in: [w.partnerA1.id, w.partnerA2.id] } } })).toBe(0);
  });

  it("another couple's partner is a 404", async () => {
    const w = await createWorld();
    const res = await therapistPost(w, { intent: "send-reset", partnerId: w.partnerB1.id });
    expect(res.status).toBe(404);
    expect(await outboxFor(w.partnerB1.id)).toHaveLength(0);
  });
});

describe("/reset/:token", () => {
  it("sets a new password under the password policy, ends every other session, signs in, and is audited as password-reset", async () => {
    const w = await createWorld();
    const otherDevice = await sessionCookieFor(w.partnerA1);
    expect(await prisma.session.count({ where: { userId: w.partnerA1.id } })).toBe(1);
    const { token } = await sendReset(w, w.partnerA1.id);

    const page = await call(resetToken.loader, await getRequest(`/reset/${token}`), { token });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ state: "valid" });

    const weak = await call(resetToken.action, await postRequest(`/reset/${token}`, { password: "short", confirm: "short" }), { token });
    expect(weak.status).toBe(400);
    expect(JSON.stringify(weak.data)).toMatch(/at least 10 characters/);
    const mismatch = await call(resetToken.action, await postRequest(`/reset/${token}`, { password: NEW_PASSWORD, confirm: NEW_PASSWORD + "x" }), { token });
    expect(mismatch.status).toBe(400);

    const ok = await call(resetToken.action, await postRequest(`/reset/${token}`, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }), { token });
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/today");
    const sessions = await prisma.session.findMany({ where: { userId: w.partnerA1.id } });
    expect(sessions).toHaveLength(1); // the new one only
    expect(otherDevice).not.toContain(sessions[0]!.id);

    const partner = await prisma.user.findUniqueOrThrow({ where: { id: w.partnerA1.id } });
    expect(await verifyPassword(partner.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(partner.passwordHash, TEST_PASSWORD)).toBe(false);
    const events = await prisma.auditEvent.findMany({ where: { actorId: w.partnerA1.id } });
    expect(events.map((e) => e.action)).toContain("password-reset");
    expect(events.some((e) => e.action === "accept" && e.entity === "invite")).toBe(false);

    // single use
    const again = await call(resetToken.loader, await getRequest(`/reset/${token}`), { token });
    expect(again.data).toMatchObject({ state: "used" });
    const reuse = await call(resetToken.action, await postRequest(`/reset/${token}`, { password: "another long phrase here", confirm: "another long phrase here" }), { token });
    expect(reuse.status).toBe(410);

    const signIn = await call(loginRoute.action, await postRequest("/login", { email: w.partnerA1.email, password: NEW_PASSWORD }));
    expect(signIn.status).toBe(302);
  });

  it("expires after an hour", async () => {
    const w = await createWorld();
    const { token } = await sendReset(w, w.partnerA1.id);
    await prisma.invite.updateMany({ where: { userId: w.partnerA1.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const page = await call(resetToken.loader, await getRequest(`/reset/${token}`), { token });
    expect(page.data).toMatchObject({ state: "expired" });
    const res = await call(resetToken.action, await postRequest(`/reset/${token}`, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }), { token });
    expect(res.status).toBe(410);
    const partner = await prisma.user.findUniqueOrThrow({ where: { id: w.partnerA1.id } });
    expect(await verifyPassword(partner.passwordHash, TEST_PASSWORD)).toBe(true);
  });

  it("a newer reset email makes the older link stop working", async () => {
    const w = await createWorld();
    const first = await sendReset(w, w.partnerA1.id);
    await therapistPost(w, { intent: "send-reset", partnerId: w.partnerA1.id });
    const page = await call(resetToken.loader, await getRequest(`/reset/${first.token}`), { token: first.token });
    expect((page.data as { state: string }).state).not.toBe("valid");
  });

  it("a reset link is not an invite link, and an invite link is not a reset link", async () => {
    const w = await createWorld();
    const { token: resetLink } = await sendReset(w, w.partnerA1.id);
    const asJoin = await call(joinRoute.action, await postRequest(`/join/${resetLink}`, { password: NEW_PASSWORD, confirm: NEW_PASSWORD, consent: "yes" }), { token: resetLink });
    expect(asJoin.status).toBe(410);

    await unjoin(w.partnerA2.id);
    const inviteLink = await createInvite({ practiceId: w.practice.id, userId: w.partnerA2.id, coupleId: w.coupleA.id, createdById: w.therapist.id });
    const asReset = await call(resetToken.action, await postRequest(`/reset/${inviteLink}`, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }), { token: inviteLink });
    expect(asReset.status).toBe(410);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: w.partnerA2.id } })).passwordHash).toBeNull();
    const partnerA1 = await prisma.user.findUniqueOrThrow({ where: { id: w.partnerA1.id } });
    expect(await verifyPassword(partnerA1.passwordHash, TEST_PASSWORD)).toBe(true);
  });

  it("an unknown link says so and nothing can be done with it", async () => {
    const token = "not-a-real-reset-token-000";
    const page = await call(resetToken.loader, await getRequest(`/reset/${token}`), { token });
    expect(page.data).toMatchObject({ state: "unknown" });
    const res = await call(resetToken.action, await postRequest(`/reset/${token}`, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }), { token });
    expect(res.status).toBe(410);
  });
});

describe("/reset: asking for a link from the sign-in page", () => {
  const NEUTRAL = /If that address has an account, we sent a link/;

  it("answers the same whether or not the address has an account; only a real account gets an email", async () => {
    const w = await createWorld();
    const known = await call(resetIndex.action, await postRequest("/reset", { email: w.partnerA1.email.toUpperCase() }));
    const unknown = await call(resetIndex.action, await postRequest("/reset", { email: "nobody-here@example.com" }));
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(JSON.stringify(unknown.data)).toBe(JSON.stringify(known.data));
    expect(JSON.stringify(known.data)).toMatch(NEUTRAL);
    const [message] = await outboxFor(w.partnerA1.id);
    expect(message).toBeDefined();
    expect(containsSensitive(message!.subject + " " + message!.body)).toEqual([]);
    expect(await prisma.outboxMessage.count({ where: { toAddress: "nobody-here@example.com" } })).toBe(0);

    // the link works: the partner chooses a new password
    const token = tokenIn(message!.body);
    const ok = await call(resetToken.action, await postRequest(`/reset/${token}`, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }), { token });
    expect(ok.status).toBe(302);
  });

  it("sends nothing to an account that has not joined, is disabled, or turned email off — with the same answer", async () => {
    const w = await createWorld();
    await unjoin(w.partnerA2.id);
    await prisma.user.update({ where: { id: w.partnerB1.id }, data: { disabledAt: new Date() } });
    await prisma.user.update({ where: { id: w.partnerA1.id }, data: { emailEnabled: false } });
    for (const u of [w.partnerA2, w.partnerB1, w.partnerA1]) {
      const res = await call(resetIndex.action, await postRequest("/reset", { email: u.email }));
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.data)).toMatch(NEUTRAL);
    }
    expect(await prisma.outboxMessage.count({ where: { userId: { in: [w.partnerA1.id, w.partnerA2.id, w.partnerB1.id] } } })).toBe(0);
  });

  it("is rate limited like sign-in, whether or not the address exists", async () => {
    const w = await createWorld();
    for (const email of [w.partnerA1.email, "nobody-limited@example.com"]) {
      for (let i = 0; i < 5; i++) expect((await call(resetIndex.action, await postRequest("/reset", { email }))).status).toBe(200);
      const res = await call(resetIndex.action, await postRequest("/reset", { email }));
      expect(res.status).toBe(429);
      expect(JSON.stringify(res.data)).toMatch(/Try again in \d+ minutes?/);
    }
    expect((await outboxFor(w.partnerA1.id)).length).toBe(5);
  });

  it("a malformed address is a field error that keeps what was typed", async () => {
    const res = await call(resetIndex.action, await postRequest("/reset", { email: "not-an-email" }));
    expect(res.status).toBe(400);
    const result = (res.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(result.error.email?.[0]).toMatch(/email/i);
    expect(result.initialValue.email).toBe("not-an-email");
  });
});
