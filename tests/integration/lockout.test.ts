/**
 * Issue 16, item 6: wrong passwords from one address must not lock the partner (or anyone) out of
 * their own account. Limits are per account *and* address; the account as a whole only slows down.
 */
import { describe, expect, it } from "vitest";
import * as loginRoute from "~/routes/login";
import { loginLimitKeys } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { recordFailure } from "~/utils/rate-limit.server";
import { call, createPractice, createUser, ORIGIN, TEST_PASSWORD } from "../support/fixtures";

function loginFrom(ip: string, email: string, password: string) {
  const headers = new Headers({ Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded", "x-mend-client-ip": ip });
  return call(loginRoute.action, new Request(`${ORIGIN}/login`, { method: "POST", headers, body: new URLSearchParams({ email, password }) }));
}

const ATTACKER = "203.0.113.66";
const OWNER = "198.51.100.23";

describe("sign-in limits per account and address", () => {
  it("an attacker's 10 wrong passwords do not lock the owner out; the attacker stays limited", async () => {
    const practice = await createPractice();
    const partner = await createUser(practice.id, "partner");
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await loginFrom(ATTACKER, partner.email, `guess ${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429, 429, 429, 429]);

    const started = Date.now();
    const owner = await loginFrom(OWNER, partner.email, TEST_PASSWORD);
    expect(owner.status).toBe(302);
    expect(owner.location).toBe("/today");
    expect(Date.now() - started).toBeLessThan(2_000); // at once: no wait imposed on the owner

    // The owner signing in does not lift the attacker's limit, even with the right password.
    const attacker = await loginFrom(ATTACKER, partner.email, TEST_PASSWORD);
    expect(attacker.status).toBe(429);
    expect(JSON.stringify(attacker.data)).toMatch(/Try again in \d+ minutes?/);
    expect(await prisma.session.count({ where: { userId: partner.id } })).toBe(1);
  });

  it("the owner's own typos from their address still lock that address after 5", async () => {
    const practice = await createPractice();
    const user = await createUser(practice.id, "therapist");
    for (let i = 0; i < 5; i++) expect((await loginFrom(OWNER, user.email, `typo ${i}`)).status).toBe(400);
    expect((await loginFrom(OWNER, user.email, TEST_PASSWORD)).status).toBe(429);
  });

  it("one address is still limited across accounts (20 failures)", async () => {
    const practice = await createPractice();
    const users = await Promise.all(Array.from({ length: 6 }, () => createUser(practice.id, "therapist")));
    const sprayer = "203.0.113.99";
    let n = 0;
    for (const u of users.slice(0, 5)) for (let i = 0; i < 4; i++, n++) expect((await loginFrom(sprayer, u.email, `spray ${n}`)).status).toBe(400);
    expect((await loginFrom(sprayer, users[5]!.email, TEST_PASSWORD)).status).toBe(429);
    expect((await loginFrom(OWNER, users[5]!.email, TEST_PASSWORD)).status).toBe(302);
  });

  it("many addresses: over the account's ceiling, addresses that failed are refused but a fresh one with the right password signs in", async () => {
    const practice = await createPractice();
    const user = await createUser(practice.id, "supervisor");
    // 60 failures from 60 addresses (one each), recorded as the sign-in would record them.
    for (let i = 0; i < 60; i++) {
      const req = new Request(`${ORIGIN}/login`, { headers: { "x-mend-client-ip": `10.9.${Math.floor(i / 250)}.${i % 250}` } });
      await recordFailure(loginLimitKeys(user.email, req));
    }
    const failedBefore = await loginFrom("10.9.0.7", user.email, TEST_PASSWORD);
    expect(failedBefore.status).toBe(429);
    const fresh = await loginFrom(OWNER, user.email, TEST_PASSWORD);
    expect(fresh.status).toBe(302);
  });

  it("the account as a whole slows down as failures from many addresses grow", async () => {
    const practice = await createPractice();
    const user = await createUser(practice.id, "therapist");
    const timeOne = async (ip: string) => {
      const started = Date.now();
      const res = await loginFrom(ip, user.email, "still guessing");
      return { status: res.status, ms: Date.now() - started };
    };
    const calm = await timeOne("10.8.0.1");
    for (let i = 0; i < 14; i++) {
      const req = new Request(`${ORIGIN}/login`, { headers: { "x-mend-client-ip": `10.8.1.${i}` } });
      await recordFailure(loginLimitKeys(user.email, req));
    }
    const slowed = await timeOne("10.8.0.2");
    expect(calm.status).toBe(400);
    expect(slowed.status).toBe(400);
    expect(slowed.ms - calm.ms).toBeGreaterThan(500);
  });
});
