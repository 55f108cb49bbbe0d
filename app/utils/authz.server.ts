/**
 * The one place that decides who may see what. Every loader and action starts here:
 *
 *   const user = await requireUser(request)                  // signed in, else → /login
 *   await requirePermission(request, user, "read:caseload:own") // role allows it, else 403
 *   const { couple, access } = await requireCouple(request, user, coupleId, ["clinician"])
 *                                                            // scoped to this user, else 404
 *
 * Every denial writes an audit event, filed under the couple it targeted (`denied`, and
 * `auditDenied` where a scoped lookup comes back empty). The rules live in app/domain/permissions.ts.
 */
import { redirect } from "@remix-run/node";
import {
  coupleAccess,
  hasPermission,
  type CoupleAccess,
  type Permission,
  type Role,
} from "~/domain/permissions";
import type { AuditEntity } from "~/domain/audit-vocabulary";
import { audit } from "~/utils/audit.server";
import { preparedSql, sql } from "./db.server";
import { rejectUnreadableUrl } from "./forms.server";
import { getSessionUser, type SessionUser } from "./session.server";

export type { SessionUser };

export async function requireUser(request: Request, options: { roles?: Role[] } = {}): Promise<SessionUser> {
  // The URL boundary (ids and filters), once for every signed-in page: see forms.server.ts.
  rejectUnreadableUrl(request);
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
    await denied(request, user, "permission", { permission });
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
  options: { allowClosed?: boolean } = {},
): Promise<{ couple: ScopedCouple; access: Exclude<CoupleAccess, null> }> {
  const [couple] = coupleId ? await preparedSql<ScopedCouple & { hasFlag: boolean }>("mend_couple_by_id", COUPLE_BY_ID_SQL, [coupleId, user.practiceId, user.role === "supervisor"]) : [];
  let access: CoupleAccess = null;
  if (couple) {
    access = coupleAccess(user, couple);
  }
  if (!couple || !access || !allowed.includes(access)) {
    await denied(request, user, "couple", { coupleId: coupleId ?? null }, coupleId ?? null, coupleId ? coupleId.slice(0, 100) : null);
    throw new Response("Not found", { status: 404 });
  }
  // A closed couple's records are kept as they were: pages still show them, nothing changes them
  // (only the access page itself, which is how a couple is closed, passes allowClosed).
  if (couple.status === "closed" && request.method !== "GET" && request.method !== "HEAD" && !options.allowClosed) {
    throw new Response("This couple's programme has ended; its records are kept read-only.", { status: 409, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const { hasFlag: _, ...scoped } = couple;
  return { couple: scoped, access };
}

/** Records a URL names, so a denial found before any lookup is still filed under its couple. */
const URL_TARGETS: { pattern: RegExp; entity: AuditEntity }[] = [
  { pattern: /^\/couples\/([^/]+)/, entity: "couple" },
  { pattern: /^\/flags\/(?!new$|resolved$)([^/]+)/, entity: "flag" },
  { pattern: /^\/a\/([^/]+)/, entity: "flag" },
  { pattern: /^\/homework\/([^/]+)/, entity: "homework" },
];

/** $1 the record's id, $2 the actor's practice: the couple the record belongs to, within that practice only. */
const COUPLE_OF: Partial<Record<AuditEntity, string>> = {
  couple: `SELECT c.id FROM "Couple" c WHERE c.id = $1 AND c."practiceId" = $2`,
  flag: `SELECT f."coupleId" AS id FROM "SafetyFlag" f WHERE f.id = $1 AND f."practiceId" = $2`,
  homework: `SELECT c.id FROM "Homework" h JOIN "Couple" c ON c.id = h."coupleId" WHERE h.id = $1 AND c."practiceId" = $2`,
  "homework-submission": `SELECT c.id FROM "HomeworkSubmission" s JOIN "Homework" h ON h.id = s."homeworkId" JOIN "Couple" c ON c.id = h."coupleId" WHERE s.id = $1 AND c."practiceId" = $2`,
  assignment: `SELECT c.id FROM "Assignment" a JOIN "Couple" c ON c.id = a."coupleId" WHERE a.id = $1 AND c."practiceId" = $2`,
  screen: `SELECT c.id FROM "SafetyScreen" s JOIN "Couple" c ON c.id = s."coupleId" WHERE s.id = $1 AND c."practiceId" = $2`,
  partner: `SELECT c.id FROM "Couple" c WHERE (c."partnerAId" = $1 OR c."partnerBId" = $1) AND c."practiceId" = $2`,
  invite: `SELECT c.id FROM "Couple" c WHERE (c."partnerAId" = $1 OR c."partnerBId" = $1) AND c."practiceId" = $2`,
};

type Target = { entity: AuditEntity; id: string };

function urlTarget(url: URL): Target | null {
  for (const { pattern, entity } of URL_TARGETS) {
    const m = pattern.exec(url.pathname);
    if (m?.[1]) return { entity, id: decodeURIComponent(m[1]).slice(0, 100) };
  }
  const coupleId = url.searchParams.get("coupleId");
  return coupleId ? { entity: "couple", id: coupleId.slice(0, 100) } : null;
}

/**
 * The couple a denied request was aimed at: the first of the candidates (the record named, the
 * couple named, the URL's record) that exists in the actor's own practice. An id from another
 * practice or no record at all gives null — the request is still in `detail`.
 */
async function coupleOfTargets(practiceId: string, targets: (Target | null)[]): Promise<string | null> {
  for (const t of targets) {
    const query = t && COUPLE_OF[t.entity];
    if (!t || !query) continue;
    const [row] = await sql<{ id: string }>(query, [t.id, practiceId]);
    if (row) return row.id;
  }
  return null;
}

/**
 * Every refusal leaves an audit event filed under the couple it targeted, so an admin filtering
 * the log by a couple sees the attempts on it. `what` is the record (or the gate, "role" or
 * "permission") that was refused; when only a gate is known, the record the URL names is used.
 */
export async function denied(
  request: Request,
  user: SessionUser | null,
  what: AuditEntity,
  detail: Record<string, unknown> = {},
  coupleId: string | null = null,
  entityId: string | null = null,
) {
  const url = new URL(request.url);
  const named: Target | null = entityId ? { entity: what, id: entityId } : null;
  const fromUrl = urlTarget(url);
  const gate = what === "role" || what === "permission";
  const record = named ?? (gate ? fromUrl : null);
  const targetCouple = user ? await coupleOfTargets(user.practiceId, [named, coupleId ? { entity: "couple", id: coupleId } : null, fromUrl]) : null;
  await audit({
    actor: user,
    action: "denied",
    entity: record?.entity ?? what,
    entityId: record?.id ?? null,
    coupleId: targetCouple,
    outcome: "denied",
    detail: { method: request.method, path: url.pathname, ...(gate ? { check: what } : {}), ...detail, requestedCoupleId: coupleId ?? (fromUrl?.entity === "couple" ? fromUrl.id : null) } as never,
    request,
  });
}

/**
 * For a scoped lookup that came back empty (a flag, homework, submission or assignment id the
 * user may not touch, or that does not exist): audits the denial against the record's couple.
 * The caller then answers 404 as before.
 */
export async function auditDenied(
  request: Request,
  user: SessionUser,
  entity: AuditEntity,
  entityId: string | null | undefined,
  coupleId: string | null = null,
) {
  await denied(request, user, entity, {}, coupleId, entityId ? String(entityId).slice(0, 100) : null);
}
