/** Sign-in: password check, rate limits, a fresh session id, audit. */
import { redirect } from "@remix-run/node";
import { HOME_BY_ROLE } from "~/domain/permissions";
import { audit } from "~/utils/audit.server";
import { prisma } from "./db.server";
import { clientIp } from "./http.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import { clearFailures, recordFailure, retryAfterMinutes, type LimitKey } from "./rate-limit.server";
import { commitSession, createSession, deleteSession, destroySessionCookie } from "./session.server";

export type LoginResult =
  | { ok: true; sessionId: string; home: string; needs2fa: boolean }
  | { ok: false; formError: string; status: 400 | 429; practices?: { id: string; name: string }[] };

/** More practices than one person is in; it bounds the password checks one sign-in costs. */
const MAX_ACCOUNTS_PER_EMAIL = 10;

export function loginLimitKeys(email: string, request: Request): LimitKey[] {
  return [
    { kind: "account", key: `login:account:${email.toLowerCase()}` },
    { kind: "ip", key: `login:ip:${clientIp(request)}` },
  ];
}

/**
 * Accounts are per practice (docs/decisions/006-one-account-per-practice.md): an address may
 * have one in each of several practices, and the password says which is meant. When it opens
 * more than one, the answer lists those practices (only someone who knows the password sees
 * them) and the person signs in again with `practiceId` set.
 */
export async function login(request: Request, email: string, password: string, practiceId?: string): Promise<LoginResult> {
  const keys = loginLimitKeys(email, request);
  const wait = await retryAfterMinutes(keys);
  if (wait !== null) {
    return {
      ok: false,
      status: 429,
      formError: `Too many sign-in attempts. Try again in ${wait} minute${wait === 1 ? "" : "s"}.`,
    };
  }
  const accounts = await prisma.user.findMany({
    where: { email: email.toLowerCase(), ...(practiceId ? { practiceId } : {}) },
    orderBy: { createdAt: "asc" },
    take: MAX_ACCOUNTS_PER_EMAIL,
    select: {
      id: true,
      role: true,
      practiceId: true,
      passwordHash: true,
      disabledAt: true,
      totpEnabledAt: true,
      practice: { select: { name: true, staffIdleMinutes: true, partnerIdleDays: true, require2fa: true } },
    },
  });
  // Every account's hash at once, and a dummy one for an unknown address, so the time taken
  // reveals neither whether the address has an account nor how many.
  const hashes = accounts.length ? accounts.map((a) => a.passwordHash) : [await dummyPasswordHash()];
  const valid = await Promise.all(hashes.map((h) => verifyPassword(h, password)));
  const matches = accounts.filter((a, i) => valid[i] && !a.disabledAt);
  if (matches.length === 0) {
    await recordFailure(keys);
    for (const account of accounts) await audit({ actor: account, action: "login", entity: "session", outcome: "failed", request });
    return { ok: false, status: 400, formError: "That email and password do not match an account." };
  }
  if (matches.length > 1) {
    return {
      ok: false,
      status: 400,
      formError: "This email and password open accounts in more than one practice. Choose one and sign in again.",
      practices: matches.map((a) => ({ id: a.practiceId, name: a.practice.name })),
    };
  }
  const user = matches[0]!;
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

export const MAX_REDIRECT_LENGTH = 500;

/** A path on this site, in the characters a URL may carry unencoded (RFC 3986), nothing else. */
const SAFE_PATH = /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@/?#%]*$/;
/** After decoding: no control character (C0, DEL, C1), no backslash, and no second slash or backslash at the start. */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const UNSAFE_DECODED = /[\u0000-\u001F\u007F-\u009F\\]|^\/[/\\]/;

/**
 * The one check for every redirect target taken from a request (redirectTo, returnTo): only a
 * same-origin path. Browsers drop tabs and newlines from a Location and read a backslash as "/",
 * so "/<tab>/evil.example" or "/<backslash>evil.example" would leave the site, and a raw CR/LF in a Location
 * header is a 500 — hence a whitelist of characters rather than a list of bad prefixes. The
 * percent-decoded forms (up to three rounds, for links that were encoded twice on the way) are
 * checked too, since "/%2F/evil.example" becomes "//evil.example" wherever it is decoded again.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string" || to.length > MAX_REDIRECT_LENGTH || !SAFE_PATH.test(to)) return fallback;
  let current = to;
  for (let round = 0; round < 3; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return fallback; // malformed percent-encoding
    }
    if (UNSAFE_DECODED.test(next)) return fallback;
    if (next === current) break;
    current = next;
  }
  return to;
}
