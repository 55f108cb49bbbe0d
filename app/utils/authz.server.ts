/**
 * The one place that decides who may see what. Every loader and action starts here:
 *
 *   const user = await requireUser(request)                  // signed in, else → /login
 *   await requirePermission(request, user, "read:caseload:own") // role allows it, else 403
 *   const { couple, access } = await requireCouple(request, user, coupleId, ["clinician"])
 *                                                            // scoped to this user, else 404
 *
 * Every denial writes an audit event. The rules themselves live in app/domain/permissions.ts.
 */
import { redirect } from "@remix-run/node";
import {
  coupleAccess,
  hasPermission,
  type CoupleAccess,
  type Permission,
  type Role,
} from "~/domain/permissions";
import { audit } from "~/models/audit.server";
import { preparedSql } from "./db.server";
import { getSessionUser, type SessionUser } from "./session.server";

export type { SessionUser };

export async function requireUser(request: Request, options: { roles?: Role[] } = {}): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user || user.pending2fa) {
    const url = new URL(request.url);
    const redirectTo = url.pathname + url.search;
    const to = user?.pending2fa ? "/login/2fa" : "/login";
    throw redirect(`${to}?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
  if (user.mustSetUp2fa && !new URL(request.url).pathname.startsWith("/account")) {
    throw redirect("/account?setup=required");
  }
  if (options.roles && !options.roles.includes(user.role)) {
    await denied(request, user, "role", { roles: options.roles });
    throw new Response("You do not have access to this page.", { status: 403 });
  }
  return user;
}

export async function requirePermission(request: Request, user: SessionUser, permission: Permission) {
  if (!hasPermission(user.role, permission)) {
    await denied(request, user, permission);
    throw new Response("You do not have access to this page.", { status: 403 });
  }
}

export async function requireUserWithPermission(request: Request, permission: Permission) {
  const user = await requireUser(request);
  await requirePermission(request, user, permission);
  return user;
}

export interface ScopedCouple {
  id: string;
  practiceId: string;
  therapistId: string;
  partnerAId: string;
  partnerBId: string;
  timeZone: string;
  status: "active" | "paused" | "closed";
}

/** $1 couple, $2 practice, $3 whether to look up if the couple has ever had a safety flag (a supervisor's way in) */
export const COUPLE_BY_ID_SQL = `SELECT c.id, c."practiceId", c."therapistId", c."partnerAId", c."partnerBId", c."timeZone", c.status::text AS status,
  CASE WHEN $3::boolean THEN EXISTS (SELECT 1 FROM "SafetyFlag" f WHERE f."coupleId" = c.id) ELSE false END AS "hasFlag"
  FROM "Couple" c WHERE c.id = $1 AND c."practiceId" = $2`;

/**
 * Loads a couple only if this user may see it in one of the `allowed` ways. A couple the user
 * may not see answers 404 — the same as one that does not exist — and leaves an audit trace.
 */
export async function requireCouple(
  request: Request,
  user: SessionUser,
  coupleId: string | undefined | null,
  allowed: Exclude<CoupleAccess, null>[],
): Promise<{ couple: ScopedCouple; access: Exclude<CoupleAccess, null> }> {
  const [couple] = coupleId ? await preparedSql<ScopedCouple & { hasFlag: boolean }>("mend_couple_by_id", COUPLE_BY_ID_SQL, [coupleId, user.practiceId, user.role === "supervisor"]) : [];
  let access: CoupleAccess = null;
  if (couple) {
    access = coupleAccess(user, couple);
  }
  if (!couple || !access || !allowed.includes(access)) {
    await denied(request, user, "couple", { coupleId: coupleId ?? null }, coupleId ?? null);
    throw new Response("Not found", { status: 404 });
  }
  const { hasFlag: _, ...scoped } = couple;
  return { couple: scoped, access };
}

export async function denied(
  request: Request,
  user: SessionUser | null,
  what: string,
  detail: Record<string, unknown> = {},
  coupleId: string | null = null,
) {
  const url = new URL(request.url);
  await audit({
    actor: user,
    action: "denied",
    entity: what,
    coupleId: null,
    outcome: "denied",
    detail: { method: request.method, path: url.pathname, ...detail, requestedCoupleId: coupleId } as never,
    request,
  });
}
