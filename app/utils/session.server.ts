/**
 * Sessions: the cookie carries only a random session id; the Session table holds expiry, so
 * sessions can be revoked ("sign out everywhere") and every instance sees the same state.
 */
import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import type { Role } from "~/domain/permissions";
import { preparedSql, prisma, sql } from "./db.server";
import { env, isProduction } from "./env.server";

let cookie: ReturnType<typeof createCookie> | undefined;
export function sessionCookie() {
  cookie ??= createCookie("mend_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: isProduction() && process.env.MEND_INSECURE_COOKIE !== "1",
    path: "/",
    secrets: env().sessionSecrets,
  });
  return cookie;
}

/** Idle time-outs: a therapist's open laptop should lock soon; a partner's phone can stay in. */
export function idleLimitMs(role: Role, practice: { staffIdleMinutes: number; partnerIdleDays: number }) {
  return role === "partner" ? practice.partnerIdleDays * 86_400_000 : practice.staffIdleMinutes * 60_000;
}

export interface SessionUser {
  id: string;
  sessionId: string;
  email: string;
  name: string;
  role: Role;
  practiceId: string;
  pending2fa: boolean;
  /** staff of a practice that requires two-factor sign-in, who have not set it up yet */
  mustSetUp2fa: boolean;
  /** the zone dates are shown in: the couple's for a partner, the practice's for staff (always set by a session lookup) */
  timeZone?: string;
}

async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

// The root loader and the route's loader both ask for the user during one request: look it up
// once per Request object.
const perRequest = new WeakMap<Request, Promise<SessionUser | null>>();

/** The signed-in user, or null. Expired or idle sessions are deleted on sight. */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  let found = perRequest.get(request);
  if (!found) {
    found = lookupSessionUser(request);
    perRequest.set(request, found);
  }
  return found;
}

interface SessionRow {
  id: string;
  expiresMs: number;
  lastSeenMs: number;
  pending2fa: boolean;
  userId: string;
  email: string;
  name: string;
  role: Role;
  practiceId: string;
  disabled: boolean;
  totpEnabled: boolean;
  staffIdleMinutes: number;
  partnerIdleDays: number;
  require2fa: boolean;
  timeZone: string;
}

// Every request reads this, so it is one hand-written statement (no ORM query planning per request).
export const SESSION_SQL = `
  SELECT s.id, (extract(epoch FROM s."expiresAt") * 1000)::float8 AS "expiresMs", (extract(epoch FROM s."lastSeenAt") * 1000)::float8 AS "lastSeenMs",
         s."pending2fa", u.id AS "userId", u.email, u.name, u.role::text AS role, u."practiceId",
         u."disabledAt" IS NOT NULL AS disabled, u."totpEnabledAt" IS NOT NULL AS "totpEnabled",
         p."staffIdleMinutes", p."partnerIdleDays", p."require2fa",
         COALESCE(CASE WHEN u.role::text = 'partner' THEN (SELECT c."timeZone" FROM "Couple" c WHERE c."partnerAId" = u.id OR c."partnerBId" = u.id LIMIT 1) END, p."timeZone") AS "timeZone"
    FROM "Session" s JOIN "User" u ON u.id = s."userId" JOIN "Practice" p ON p.id = u."practiceId"
   WHERE s.id = $1`;

async function lookupSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  const [s] = await preparedSql<SessionRow>("mend_session", SESSION_SQL, [sessionId]);
  if (!s) return null;
  const now = Date.now();
  const idle = idleLimitMs(s.role, s);
  if (s.expiresMs <= now || now - s.lastSeenMs > idle || s.disabled) {
    await sql(`DELETE FROM "Session" WHERE id = $1`, [s.id]);
    return null;
  }
  // Touch at most once a minute: idle tracking without a write on every request.
  if (now - s.lastSeenMs > 60_000) {
    await sql(`UPDATE "Session" SET "lastSeenAt" = $2::timestamptz AT TIME ZONE 'UTC', "expiresAt" = $3::timestamptz AT TIME ZONE 'UTC' WHERE id = $1`, [
      s.id,
      new Date(now).toISOString(),
      new Date(now + idle).toISOString(),
    ]);
  }
  return {
    id: s.userId,
    sessionId: s.id,
    email: s.email,
    name: s.name,
    role: s.role,
    practiceId: s.practiceId,
    pending2fa: s.pending2fa,
    mustSetUp2fa: s.role !== "partner" && s.require2fa && !s.totpEnabled,
    timeZone: s.timeZone,
  };
}

/** A fresh session id on every sign-in (never reuse one the browser already had). */
export async function createSession(
  user: { id: string; role: Role; practice: { staffIdleMinutes: number; partnerIdleDays: number } },
  options: { pending2fa?: boolean; userAgent?: string | null } = {},
) {
  const id = randomBytes(32).toString("base64url");
  await prisma.session.create({
    data: {
      id,
      userId: user.id,
      expiresAt: new Date(Date.now() + idleLimitMs(user.role, user.practice)),
      pending2fa: options.pending2fa ?? false,
      userAgent: options.userAgent?.slice(0, 300) ?? null,
    },
  });
  return id;
}

export async function commitSession(sessionId: string) {
  return sessionCookie().serialize(sessionId, { maxAge: 60 * 60 * 24 * 30 });
}

export async function destroySessionCookie() {
  return sessionCookie().serialize("", { maxAge: 0 });
}

export async function deleteSession(request: Request) {
  const id = await readSessionId(request);
  if (id) await prisma.session.deleteMany({ where: { id } });
}

export async function deleteAllSessions(userId: string) {
  await prisma.session.deleteMany({ where: { userId } });
}
