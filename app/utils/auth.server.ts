/** Sign-in: password check, rate limits, a fresh session id, audit. */
import { redirect } from "@remix-run/node";
import { HOME_BY_ROLE } from "~/domain/permissions";
import { audit } from "~/models/audit.server";
import { prisma } from "./db.server";
import { clientIp } from "./http.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import { clearFailures, recordFailure, retryAfterMinutes, type LimitKey } from "./rate-limit.server";
import { commitSession, createSession, deleteSession, destroySessionCookie } from "./session.server";

export type LoginResult =
  | { ok: true; sessionId: string; home: string; needs2fa: boolean }
  | { ok: false; formError: string; status: 400 | 429 };

export function loginLimitKeys(email: string, request: Request): LimitKey[] {
  return [
    { kind: "account", key: `login:account:${email.toLowerCase()}` },
    { kind: "ip", key: `login:ip:${clientIp(request)}` },
  ];
}

export async function login(request: Request, email: string, password: string): Promise<LoginResult> {
  const keys = loginLimitKeys(email, request);
  const wait = await retryAfterMinutes(keys);
  if (wait !== null) {
    return {
      ok: false,
      status: 429,
      formError: `Too many sign-in attempts. Try again in ${wait} minute${wait === 1 ? "" : "s"}.`,
    };
  }
  const user = await prisma.user.findUnique({
    where: { email: email.toLowerCase() },
    select: {
      id: true,
      role: true,
      practiceId: true,
      passwordHash: true,
      disabledAt: true,
      totpEnabledAt: true,
      practice: { select: { staffIdleMinutes: true, partnerIdleDays: true, require2fa: true } },
    },
  });
  // Verify against a dummy hash for unknown accounts so response time does not reveal them.
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid || user.disabledAt) {
    await recordFailure(keys);
    if (user) {
      await audit({ actor: user, action: "login", entity: "session", outcome: "failed", request });
    }
    return { ok: false, status: 400, formError: "That email and password do not match an account." };
  }
  await clearFailures([keys[0]!]);
  const needs2fa = user.role !== "partner" && user.totpEnabledAt !== null;
  const sessionId = await createSession(user, { pending2fa: needs2fa, userAgent: request.headers.get("user-agent") });
  await audit({ actor: user, action: "login", entity: "session", request });
  return { ok: true, sessionId, home: HOME_BY_ROLE[user.role], needs2fa };
}

/** After a correct second factor: replace the half-signed-in session with a fresh one. */
export async function completeSecondFactor(request: Request, userId: string) {
  await deleteSession(request);
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, role: true, practiceId: true, practice: { select: { staffIdleMinutes: true, partnerIdleDays: true } } },
  });
  await audit({ actor: user, action: "login-2fa", entity: "session", request });
  return createSession(user, { userAgent: request.headers.get("user-agent") });
}

export async function logout(request: Request) {
  await deleteSession(request);
  return redirect("/login", { headers: { "Set-Cookie": await destroySessionCookie() } });
}

export async function signedInRedirect(sessionId: string, to: string) {
  return redirect(to, { headers: { "Set-Cookie": await commitSession(sessionId) } });
}

/** Only same-site relative paths, so a crafted link cannot send someone elsewhere. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string) {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
