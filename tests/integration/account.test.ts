import { authenticator } from "otplib";
import { describe, expect, it } from "vitest";
import * as account from "~/routes/account";
import * as caseload from "~/routes/caseload";
import * as loginRoute from "~/routes/login";
import * as login2fa from "~/routes/login_.2fa";
import { prisma } from "~/utils/db.server";
import { getSessionUser } from "~/utils/session.server";
import { call, createPractice, createUser, getRequest, ORIGIN, postRequest, sessionCookieFor, TEST_PASSWORD } from "../support/fixtures";

function cookieFrom(setCookie: string | null) {
  return setCookie!.split(";")[0]!;
}

async function loginCookie(email: string) {
  const res = await loginRoute.action({ request: await postRequest("/login", { email, password: TEST_PASSWORD }), params: {}, context: {} }).catch((r: unknown) => r);
  const response = res as Response;
  return { location: response.headers.get("Location"), cookie: cookieFrom(response.headers.get("Set-Cookie")) };
}

function withCookie(path: string, cookie: string, fields?: Record<string, string>) {
  if (!fields) return new Request(`${ORIGIN}${path}`, { headers: { Cookie: cookie } });
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

describe("sessions", () => {
  it("'sign out everywhere' ends every session of the user", async () => {
    const practice = await createPractice();
    const user = await createUser(practice.id, "therapist");
    const c1 = await sessionCookieFor(user);
    await sessionCookieFor(user);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2);
    const res = await call(account.action, withCookie("/account", c1, { intent: "signout-everywhere" }));
    expect(res.status).toBe(302);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it.each([
    ["therapist", 31 * 60_000, false],
    ["therapist", 10 * 60_000, true],
    ["partner", 13 * 86_400_000, true],
    ["partner", 15 * 86_400_000, false],
  ] as const)("a %s idle for %i ms is still signed in: %s", async (role, idleMs, stillIn) => {
    const practice = await createPractice();
    const user = await createUser(practice.id, role);
    const cookie = await sessionCookieFor(user);
    await prisma.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date(Date.now() - idleMs) } });
    const who = await getSessionUser(withCookie("/", cookie));
    expect(who !== null).toBe(stillIn);
  });
});

describe("two-step sign-in", () => {
  it("set-up, then sign-in needs a code; a recovery code works once", async () => {
    const practice = await createPractice();
    const user = await createUser(practice.id, "therapist");
    const cookie = await sessionCookieFor(user);
    await call(account.action, withCookie("/account", cookie, { intent: "begin-2fa" }));
    const { totpSecret } = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const bad = await call(account.action, withCookie("/account", cookie, { intent: "confirm-2fa", code: "000000" }));
    expect(bad.status).toBe(400);
    const ok = await call(account.action, withCookie("/account", cookie, { intent: "confirm-2fa", code: authenticator.generate(totpSecret!) }));
    const codes = (ok.data as { codes: string[] }).codes;
    expect(codes).toHaveLength(10);

    // password alone now gives a half session that only reaches the code page
    const first = await loginCookie(user.email);
    expect(first.location).toMatch(/^\/login\/2fa/);
    const blocked = await call(caseload.loader, withCookie("/caseload", first.cookie));
    expect(blocked.location).toMatch(/^\/login\/2fa/);

    const wrong = await call(login2fa.action, withCookie("/login/2fa", first.cookie, { code: "123456" }));
    expect(wrong.status).toBe(400);
    const right = await login2fa.action({ request: withCookie("/login/2fa", first.cookie, { code: codes[0]! }), params: {}, context: {} }).catch((r: unknown) => r as Response);
    expect((right as Response).status).toBe(302);
    const full = cookieFrom((right as Response).headers.get("Set-Cookie"));
    expect(full).not.toBe(first.cookie); // a new session id after the second factor
    expect((await call(caseload.loader, withCookie("/caseload", full))).status).toBe(200);

    // the same recovery code does not work twice
    const second = await loginCookie(user.email);
    const reuse = await call(login2fa.action, withCookie("/login/2fa", second.cookie, { code: codes[0]! }));
    expect(reuse.status).toBe(400);
  });

  it("when the practice requires it, staff without it are sent to set it up", async () => {
    const practice = await createPractice({ require2fa: true });
    const user = await createUser(practice.id, "supervisor");
    const res = await call(caseload.loader, await getRequest("/caseload", user));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/account?setup=required");
    const page = await call(account.loader, await getRequest("/account", user));
    expect(page.status).toBe(200);
  });
});
