/**
 * One account per practice (issue 16 item 12, docs/decisions/006-one-account-per-practice.md).
 * Creating a couple or a staff member with an address another practice already uses must not
 * tell this practice so: it succeeds exactly as for an unused address, with an account of this
 * practice's own. Only a clash with this practice's own accounts is refused. Signing in, the
 * password says which practice's account is meant; "forgot your password" reaches each account.
 */
import { describe, expect, it } from "vitest";
import * as adminIndex from "~/routes/admin._index";
import * as couplesNew from "~/routes/couples.new";
import * as loginRoute from "~/routes/login";
import * as resetIndex from "~/routes/reset._index";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { call, createPractice, createUser, postRequest, TEST_PASSWORD } from "../support/fixtures";

let n = 0;
const address = (what: string) => `${what}-${Date.now().toString(36)}-${n++}@mail.example`;

function coupleForm(a: string, b: string) {
  return { partnerAName: "Jordan", partnerAEmail: a, partnerBName: "Casey", partnerBEmail: b, startDate: "2026-11-02", timeZone: "Europe/London" };
}

/** The answer with everything that differs between two equal outcomes (ids, links, addresses) taken out. */
function shape(res: { status: number; data: unknown }, ...addresses: string[]) {
  let text = JSON.stringify(res.data).replace(/"[a-z0-9]{20,}"/g, '"<id>"').replace(/\/join\/[A-Za-z0-9_-]+/g, "/join/<token>").replace(/"token":"[^"]+"/g, '"token":"<token>"');
  addresses.forEach((a, i) => (text = text.split(a).join(`<address ${i}>`)));
  return { status: res.status, text };
}

async function twoPractices() {
  const here = await createPractice({ name: "Here Practice" });
  const elsewhere = await createPractice({ name: "Elsewhere Practice" });
  const therapist = await createUser(here.id, "therapist");
  const admin = await createUser(here.id, "admin");
  const taken = await createUser(elsewhere.id, "partner", { email: address("taken") });
  const takenStaff = await createUser(elsewhere.id, "therapist", { email: address("staff") });
  return { here, elsewhere, therapist, admin, taken, takenStaff };
}

describe("creating accounts never tells one practice about another's", () => {
  it("a couple whose partner has an account in another practice is created like any other, with this practice's own account", async () => {
    const w = await twoPractices();
    const fresh = [address("fresh-a"), address("fresh-b")];
    const withFresh = await call(couplesNew.action, await postRequest("/couples/new", coupleForm(fresh[0]!, fresh[1]!), w.therapist));
    const other = address("other-b");
    const withTaken = await call(couplesNew.action, await postRequest("/couples/new", coupleForm(w.taken.email, other), w.therapist));

    expect(withTaken.status).toBe(200);
    expect(JSON.stringify(withTaken.data)).not.toMatch(/already|exists|another|Elsewhere/i);
    // The same answer as for two unused addresses, address for address.
    expect(shape(withTaken, w.taken.email, other)).toEqual(shape(withFresh, fresh[0]!, fresh[1]!));

    const accounts = await prisma.user.findMany({ where: { email: w.taken.email }, select: { id: true, practiceId: true, passwordHash: true } });
    expect(accounts).toHaveLength(2);
    const mine = accounts.find((a) => a.practiceId === w.here.id)!;
    expect(mine.passwordHash).toBeNull(); // a new account, waiting for its own invite
    expect(accounts.find((a) => a.practiceId === w.elsewhere.id)).toMatchObject({ id: w.taken.id, passwordHash: w.taken.passwordHash });
  });

  it("a staff member with an address another practice uses is created like any other", async () => {
    const w = await twoPractices();
    const fresh = address("fresh-staff");
    const staff = (email: string) => postRequest("/", { intent: "create", name: "Morgan", email, role: "therapist" }, w.admin);
    const withFresh = await call(adminIndex.action, await staff(fresh));
    const withTaken = await call(adminIndex.action, await staff(w.takenStaff.email));
    expect(withTaken.status).toBe(200);
    expect(JSON.stringify(withTaken.data)).not.toMatch(/already|exists|another|Elsewhere/i);
    expect(shape(withTaken, w.takenStaff.email)).toEqual(shape(withFresh, fresh));
    expect(await prisma.user.count({ where: { email: w.takenStaff.email, practiceId: w.here.id, role: "therapist" } })).toBe(1);
  });

  it("an address this practice already uses is refused, on the field, keeping what was typed", async () => {
    const w = await twoPractices();
    const mine = await createUser(w.here.id, "partner");
    const other = address("other");
    const couple = await call(couplesNew.action, await postRequest("/couples/new", coupleForm(other, mine.email.toUpperCase()), w.therapist));
    expect(couple.status).toBe(400);
    const reply = (couple.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(reply.error.partnerBEmail).toEqual(["This practice already has an account with this email."]);
    expect(reply.error.partnerAEmail).toBeUndefined();
    expect(reply.initialValue.partnerAEmail).toBe(other);
    expect(await prisma.user.count({ where: { email: other } })).toBe(0);

    const staff = await call(adminIndex.action, await postRequest("/", { intent: "create", name: "Morgan", email: w.therapist.email, role: "admin" }, w.admin));
    expect(staff.status).toBe(400);
    expect(JSON.stringify(staff.data)).toContain("This practice already has an account with this email.");
  });
});

describe("signing in when an address has an account in two practices", () => {
  async function sameAddressTwice(secondPassword: string) {
    const email = address("both");
    const one = await createPractice({ name: "First Practice" });
    const two = await createPractice({ name: "Second Practice" });
    const a = await createUser(one.id, "therapist", { email });
    const b = await createUser(two.id, "therapist", { email });
    await prisma.user.update({ where: { id: b.id }, data: { passwordHash: await hashPassword(secondPassword) } });
    return { email, one, two, a, b };
  }
  const signIn = async (fields: Record<string, string>) => call(loginRoute.action, await postRequest("/login", fields));

  it("each password opens its own practice's account", async () => {
    const s = await sameAddressTwice("the second practice's phrase");
    expect((await signIn({ email: s.email, password: TEST_PASSWORD })).status).toBe(302);
    expect((await signIn({ email: s.email, password: "the second practice's phrase" })).status).toBe(302);
    expect(await prisma.session.count({ where: { userId: s.a.id } })).toBe(1);
    expect(await prisma.session.count({ where: { userId: s.b.id } })).toBe(1);
    const wrong = await signIn({ email: s.email, password: "neither of them" });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.data)).toMatch(/do not match/);
    expect(JSON.stringify(wrong.data)).not.toMatch(/Practice/);
  });

  it("one password for both: the practices are offered, nobody is signed in until one is chosen", async () => {
    const s = await sameAddressTwice(TEST_PASSWORD);
    const ask = await signIn({ email: s.email, password: TEST_PASSWORD });
    expect(ask.status).toBe(400);
    const practices = (ask.data as { practices: { id: string; name: string }[] }).practices;
    expect(practices).toEqual([
      { id: s.one.id, name: "First Practice" },
      { id: s.two.id, name: "Second Practice" },
    ]);
    expect(await prisma.session.count({ where: { userId: { in: [s.a.id, s.b.id] } } })).toBe(0);

    const chosen = await signIn({ email: s.email, password: TEST_PASSWORD, practiceId: s.two.id });
    expect(chosen.status).toBe(302);
    expect(await prisma.session.count({ where: { userId: s.b.id } })).toBe(1);
    expect(await prisma.session.count({ where: { userId: s.a.id } })).toBe(0);
  });

  it("the practices are never offered for a wrong password, and a practice without the address opens nothing", async () => {
    const s = await sameAddressTwice(TEST_PASSWORD);
    const wrong = await signIn({ email: s.email, password: "not it at all" });
    expect((wrong.data as { practices?: unknown }).practices ?? null).toBeNull();
    const stranger = await createPractice({ name: "Third Practice" });
    const elsewhere = await signIn({ email: s.email, password: TEST_PASSWORD, practiceId: stranger.id });
    expect(elsewhere.status).toBe(400);
    expect(JSON.stringify(elsewhere.data)).toMatch(/do not match/);
  });

  it("a disabled account of the address does not count: the other one signs in", async () => {
    const s = await sameAddressTwice(TEST_PASSWORD);
    await prisma.user.update({ where: { id: s.a.id }, data: { disabledAt: new Date() } });
    expect((await signIn({ email: s.email, password: TEST_PASSWORD })).status).toBe(302);
    expect(await prisma.session.count({ where: { userId: s.b.id } })).toBe(1);
  });

  it("'forgot your password' sends each account its own link, with the same answer as for any address", async () => {
    const s = await sameAddressTwice("the second practice's phrase");
    const res = await call(resetIndex.action, await postRequest("/reset", { email: s.email }));
    const unknown = await call(resetIndex.action, await postRequest("/reset", { email: address("nobody") }));
    expect(res.status).toBe(unknown.status);
    expect(JSON.stringify(res.data)).toBe(JSON.stringify(unknown.data));
    const sent = await prisma.outboxMessage.findMany({ where: { toAddress: s.email, kind: "password-reset" }, select: { userId: true, body: true } });
    expect(sent.map((m) => m.userId).sort()).toEqual([s.a.id, s.b.id].sort());
    expect(sent[0]!.body).not.toBe(sent[1]!.body); // two different links
  });
});
