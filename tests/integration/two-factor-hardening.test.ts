/**
 * Issue 16, item 3: the second step of signing in. Code failures are counted per account across
 * sign-ins (a correct password does not wipe them), a code works once, and the enrolled factor
 * cannot be replaced or removed without proving it.
 */
import { authenticator } from "otplib";
import { describe, expect, it } from "vitest";
import * as account from "~/routes/account";
import * as loginRoute from "~/routes/login";
import * as login2fa from "~/routes/login_.2fa";
import { prisma } from "~/utils/db.server";
import { call, createPractice, createUser, ORIGIN, sessionCookieFor, TEST_PASSWORD } from "../support/fixtures";

type Args = Parameters<typeof loginRoute.action>[0];

function form(path: string, fields: Record<string, string>, opts: { cookie?: string; ip?: string } = {}) {
  const headers = new Headers({ Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" });
  if (opts.cookie) headers.set("Cookie", opts.cookie);
  if (opts.ip) headers.set("x-mend-client-ip", opts.ip);
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers, body: new URLSearchParams(fields) });
}

/** Runs an action and keeps the Set-Cookie header (the fixtures' `call` drops headers). */
async function run(handler: (args: Args) => unknown, request: Request) {
  let value: unknown;
  try {
    value = await handler({ request, params: {}, context: {} } as Args);
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    value = thrown;
  }
  if (value instanceof Response) {
    const setCookie = value.headers.get("Set-Cookie");
    return { status: value.status, location: value.headers.get("Location"), cookie: setCookie ? setCookie.split(";")[0]! : null, data: await value.text() as unknown };
  }
  const v = value as { type?: string; data?: unknown; init?: { status?: number } | null };
  if (v && v.type === "DataWithResponseInit") return { status: v.init?.status ?? 200, location: null, cookie: null, data: v.data };
  return { status: 200, location: null, cookie: null, data: value };
}

const signIn = (email: string, ip: string) => run(loginRoute.action, form("/login", { email, password: TEST_PASSWORD }, { ip }));
const enterCode = (cookie: string, code: string, ip: string) => run(login2fa.action, form("/login/2fa", { code }, { cookie, ip }));

/** The code for the 30-second step `offset` steps from now. */
const codeAt = (secret: string, offset = 0) => authenticator.clone({ epoch: Date.now() + offset * 30_000 }).generate(secret);

/** A 6-digit code that is not valid for this secret right now. */
function wrongCode(secret: string, seed = 0) {
  for (let n = 123_456 + seed * 7919; ; n = (n + 104_729) % 1_000_000) {
    const candidate = n.toString().padStart(6, "0");
    if (!authenticator.check(candidate, secret)) return candidate;
  }
}

async function staffWith2fa(options: { require2fa?: boolean } = {}) {
  const practice = await createPractice({ require2fa: options.require2fa ?? false });
  const user = await createUser(practice.id, "therapist");
  const secret = authenticator.generateSecret();
  await prisma.user.update({ where: { id: user.id }, data: { totpSecret: secret, totpEnabledAt: new Date() } });
  return { practice, user, secret };
}

const fullSessions = (userId: string) => prisma.session.count({ where: { userId, pending2fa: false } });

describe("code failures are counted per account, across sign-ins", () => {
  it("a correct password does not reset the count: after 5 wrong codes even the right code is refused until the window passes", async () => {
    const { user, secret } = await staffWith2fa();
    // Three sign-ins with the (stolen) password from three addresses, two guesses each.
    for (let round = 0; round < 3; round++) {
      const ip = `203.0.113.${round + 1}`;
      const half = await signIn(user.email, ip);
      expect(half.location).toMatch(/^\/login\/2fa/);
      for (let i = 0; i < 2; i++) {
        const res = await enterCode(half.cookie!, wrongCode(secret, round * 2 + i), ip);
        expect([400, 429]).toContain(res.status);
      }
    }
    // The password still works (the password step is not what is being guessed) …
    const half = await signIn(user.email, "198.51.100.9");
    expect(half.location).toMatch(/^\/login\/2fa/);
    // … but code entry is locked for the account, whatever the address.
    const locked = await enterCode(half.cookie!, codeAt(secret), "198.51.100.9");
    expect(locked.status).toBe(429);
    expect(JSON.stringify(locked.data)).toMatch(/Try again in \d+ minutes?/);
    expect(await fullSessions(user.id)).toBe(0);

    // Time passes: failures older than the window no longer count.
    await prisma.authAttempt.updateMany({ data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    const ok = await enterCode(half.cookie!, codeAt(secret), "198.51.100.9");
    expect(ok.status).toBe(302);
    expect(await fullSessions(user.id)).toBe(1);
  });

  it("only a correct code resets the count", async () => {
    const { user, secret } = await staffWith2fa();
    const half = await signIn(user.email, "192.0.2.1");
    for (let i = 0; i < 4; i++) expect((await enterCode(half.cookie!, wrongCode(secret, i), "192.0.2.1")).status).toBe(400);
    expect((await enterCode(half.cookie!, codeAt(secret), "192.0.2.1")).status).toBe(302);
    // After a correct code the person gets the full allowance again.
    const again = await signIn(user.email, "192.0.2.1");
    for (let i = 0; i < 4; i++) expect((await enterCode(again.cookie!, wrongCode(secret, 10 + i), "192.0.2.1")).status).toBe(400);
    expect((await enterCode(again.cookie!, codeAt(secret, 1), "192.0.2.1")).status).toBe(302);
  });
});

describe("a code works once", () => {
  it("the same code cannot be used for a second sign-in, nor an older code after a newer one", async () => {
    const { user, secret } = await staffWith2fa();
    const code = codeAt(secret);
    const first = await signIn(user.email, "192.0.2.10");
    expect((await enterCode(first.cookie!, code, "192.0.2.10")).status).toBe(302);

    const second = await signIn(user.email, "192.0.2.11");
    const replay = await enterCode(second.cookie!, code, "192.0.2.11");
    expect(replay.status).toBe(400);
    expect(JSON.stringify(replay.data)).toMatch(/already been used/);
    const older = await enterCode(second.cookie!, codeAt(secret, -1), "192.0.2.11");
    expect(older.status).toBe(400);
    expect(await fullSessions(user.id)).toBe(1);
    // The next code still works.
    expect((await enterCode(second.cookie!, codeAt(secret, 1), "192.0.2.11")).status).toBe(302);
  });

  it("two submissions of one code at the same moment: exactly one signs in", async () => {
    const { user, secret } = await staffWith2fa();
    const a = await signIn(user.email, "192.0.2.20");
    const b = await signIn(user.email, "192.0.2.21");
    const code = codeAt(secret);
    const results = await Promise.all([enterCode(a.cookie!, code, "192.0.2.20"), enterCode(b.cookie!, code, "192.0.2.21")]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 400]);
    expect(await fullSessions(user.id)).toBe(1);
  });
});

describe("the enrolled factor cannot be replaced or removed without proving it", () => {
  const post = async (user: { id: string }, fields: Record<string, string>) =>
    call(account.action, form("/account", fields, { cookie: await sessionCookieFor(user) }));
  const factor = (id: string) => prisma.user.findUniqueOrThrow({ where: { id }, select: { totpSecret: true, totpEnabledAt: true } });

  it("begin-2fa without a current code (practice requires two-step) leaves the factor as it was, and sign-in still needs a code", async () => {
    const { user, secret } = await staffWith2fa({ require2fa: true });
    const before = await factor(user.id);
    const attempts: Record<string, string>[] = [{ intent: "begin-2fa" }, { intent: "begin-2fa", currentCode: wrongCode(secret) }];
    for (const fields of attempts) {
      const res = await post(user, fields);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.data)).toMatch(/current code/i);
    }
    expect(await factor(user.id)).toEqual(before);
    const half = await signIn(user.email, "192.0.2.30");
    expect(half.location).toMatch(/^\/login\/2fa/);
    expect(await prisma.session.count({ where: { userId: user.id, pending2fa: true } })).toBe(1);
  });

  it("re-enrolling with a current code keeps the old factor until a code from the new one confirms it", async () => {
    const { user, secret } = await staffWith2fa({ require2fa: true });
    const begun = await post(user, { intent: "begin-2fa", currentCode: codeAt(secret) });
    expect(begun.status).toBe(200);
    // The old factor is untouched and still the one sign-in asks for.
    expect(await factor(user.id)).toMatchObject({ totpSecret: secret });
    expect((await factor(user.id)).totpEnabledAt).not.toBeNull();
    const page = await call(account.loader, form("/account", {}, { cookie: await sessionCookieFor(user) }));
    const setup = (page.data as { setup: { secret: string } | null }).setup;
    expect(setup?.secret).toBeTruthy();
    expect(setup!.secret).not.toBe(secret);

    // A code from the old factor does not confirm the new one.
    expect((await post(user, { intent: "confirm-2fa", code: codeAt(secret, 1) })).status).toBe(400);
    expect(await factor(user.id)).toMatchObject({ totpSecret: secret });

    const confirmed = await post(user, { intent: "confirm-2fa", code: codeAt(setup!.secret) });
    expect(confirmed.status).toBe(200);
    expect((confirmed.data as { codes: string[] }).codes).toHaveLength(10);
    expect(await factor(user.id)).toMatchObject({ totpSecret: setup!.secret });

    // Now sign-in takes the new factor's codes, not the old one's.
    const half = await signIn(user.email, "192.0.2.31");
    expect((await enterCode(half.cookie!, codeAt(secret, 1), "192.0.2.31")).status).toBe(400);
    expect((await enterCode(half.cookie!, codeAt(setup!.secret, 1), "192.0.2.31")).status).toBe(302);
  });

  it("disabling is refused outright when the practice requires two-step, even with a valid code", async () => {
    const { user, secret } = await staffWith2fa({ require2fa: true });
    const before = await factor(user.id);
    const res = await post(user, { intent: "disable-2fa", currentCode: codeAt(secret) });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.data)).toMatch(/requires two-step/);
    expect(await factor(user.id)).toEqual(before);
  });

  it("disabling needs a current code or a recovery code", async () => {
    const practice = await createPractice();
    const user = await createUser(practice.id, "supervisor");
    await post(user, { intent: "begin-2fa" });
    const { totpSecret } = await factor(user.id);
    const on = await post(user, { intent: "confirm-2fa", code: codeAt(totpSecret!) });
    const codes = (on.data as { codes: string[] }).codes;

    const without = await post(user, { intent: "disable-2fa" });
    expect(without.status).toBe(400);
    const wrong = await post(user, { intent: "disable-2fa", currentCode: "abcde-12345" });
    expect(wrong.status).toBe(400);
    expect((await factor(user.id)).totpEnabledAt).not.toBeNull();

    const off = await post(user, { intent: "disable-2fa", currentCode: codes[3]! });
    expect(off.status).toBe(200);
    expect(await factor(user.id)).toEqual({ totpSecret: null, totpEnabledAt: null });
  });

  it("wrong codes on the account page count towards the same lock-out", async () => {
    const { user, secret } = await staffWith2fa();
    for (let i = 0; i < 5; i++) await post(user, { intent: "begin-2fa", currentCode: wrongCode(secret, i) });
    const half = await signIn(user.email, "192.0.2.40");
    expect((await enterCode(half.cookie!, codeAt(secret), "192.0.2.40")).status).toBe(429);
  });
});
