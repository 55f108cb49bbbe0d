/**
 * Supervisor oversight of resolved flags. A therapist may resolve their own couple's flag, and a
 * resolved flag leaves the queue: without this, a serious concern closed by one person alone
 * would never be seen by anyone else. Two views, both of the supervisor's own practice only:
 *
 * - the resolved history (filter by outcome, therapist and resolution date; paged);
 * - the review list: high or imminent flags resolved with no supervisor ever on the timeline.
 *
 * "Mark reviewed" is a FlagEvent (type `note`, authored by the supervisor), not an AuditEvent:
 * the review then sits on the flag's own append-only timeline, where the next clinician reading
 * the flag sees it, and "a supervisor has acted on this flag" stays one rule — an event by a
 * supervisor — for the list, the history's column and the timeline alike. It is audited too.
 */
import type { Prisma, ResolutionOutcome, Severity } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { audit } from "~/utils/audit.server";

export const RESOLVED_PAGE_SIZE = 50;
export const REVIEW_PAGE_SIZE = 20;

/** The fixed text of a supervisor's review on the flag's timeline. */
export const SUPERVISOR_REVIEW_NOTE = "Supervisor review of the therapist's resolution";

/** Severities a therapist may not close alone without a supervisor looking at it afterwards. */
export const REVIEWED_SEVERITIES: readonly Severity[] = ["high", "imminent"];

export interface ResolvedFilters {
  outcome?: ResolutionOutcome;
  therapistId?: string;
  /** resolved at or after this instant */
  from?: Date;
  /** resolved before this instant */
  to?: Date;
}

export interface ResolvedRow {
  id: string;
  severity: Severity;
  outcome: ResolutionOutcome | null;
  resolvedAt: Date | null;
  coupleNames: string;
  partnerName: string;
  therapistName: string;
  resolvedBy: string | null;
  resolutionNote: string | null;
  /** a supervisor acted on the flag at some point (any event they authored) */
  supervisorInvolved: boolean;
}

const isSupervisor = (user: SessionUser) => user.role === "supervisor";

/** No event on the timeline was written by a supervisor. */
const NO_SUPERVISOR: Prisma.FlagEventListRelationFilter = { none: { author: { role: "supervisor" } } };

/** High or imminent, resolved by a therapist, with no supervisor on the timeline: what the review list shows. */
function unreviewedWhere(practiceId: string): Prisma.SafetyFlagWhereInput {
  return {
    practiceId,
    status: "resolved",
    severity: { in: [...REVIEWED_SEVERITIES] },
    AND: [{ events: { some: { type: "resolved", author: { role: "therapist" } } } }, { events: NO_SUPERVISOR }],
  };
}

const ROW_SELECT = {
  id: true,
  severity: true,
  outcome: true,
  resolvedAt: true,
  partner: { select: { name: true } },
  couple: { select: { therapist: { select: { name: true } }, partnerA: { select: { name: true } }, partnerB: { select: { name: true } } } },
  // only what the rows need: the resolution, and whether any supervisor ever wrote on the flag
  events: {
    where: { OR: [{ type: "resolved" as const }, { author: { role: "supervisor" as const } }] },
    orderBy: { createdAt: "asc" as const },
    select: { type: true, note: true, author: { select: { name: true, role: true } } },
  },
} satisfies Prisma.SafetyFlagSelect;

function rowOf(f: Prisma.SafetyFlagGetPayload<{ select: typeof ROW_SELECT }>): ResolvedRow {
  const resolution = f.events.filter((e) => e.type === "resolved").at(-1);
  return {
    id: f.id,
    severity: f.severity,
    outcome: f.outcome,
    resolvedAt: f.resolvedAt,
    coupleNames: `${f.couple.partnerA.name} & ${f.couple.partnerB.name}`,
    partnerName: f.partner.name,
    therapistName: f.couple.therapist.name,
    resolvedBy: resolution?.author?.name ?? null,
    resolutionNote: resolution?.note ?? null,
    supervisorInvolved: f.events.some((e) => e.author?.role === "supervisor"),
  };
}

function pageOf(page: number) {
  return Math.min(10_000, Math.max(1, Math.floor(page) || 1));
}

/** One page of the practice's resolved flags, most recently resolved first. Supervisors only. */
export async function listResolved(user: SessionUser, filters: ResolvedFilters = {}, page = 1): Promise<{ rows: ResolvedRow[]; total: number; pageSize: number }> {
  if (!isSupervisor(user)) return { rows: [], total: 0, pageSize: RESOLVED_PAGE_SIZE };
  const where: Prisma.SafetyFlagWhereInput = {
    practiceId: user.practiceId,
    status: "resolved",
    outcome: filters.outcome,
    couple: filters.therapistId ? { therapistId: filters.therapistId } : undefined,
    resolvedAt: filters.from || filters.to ? { gte: filters.from, lt: filters.to } : undefined,
  };
  const [total, flags] = await Promise.all([
    prisma.safetyFlag.count({ where }),
    prisma.safetyFlag.findMany({ where, orderBy: [{ resolvedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }], skip: (pageOf(page) - 1) * RESOLVED_PAGE_SIZE, take: RESOLVED_PAGE_SIZE, select: ROW_SELECT }),
  ]);
  return { rows: flags.map(rowOf), total, pageSize: RESOLVED_PAGE_SIZE };
}

/** High/imminent flags a therapist resolved with no supervisor involved, oldest resolution first. */
export async function listAwaitingReview(user: SessionUser, page = 1): Promise<{ rows: ResolvedRow[]; total: number; pageSize: number }> {
  if (!isSupervisor(user)) return { rows: [], total: 0, pageSize: REVIEW_PAGE_SIZE };
  const where = unreviewedWhere(user.practiceId);
  const [total, flags] = await Promise.all([
    prisma.safetyFlag.count({ where }),
    prisma.safetyFlag.findMany({ where, orderBy: [{ resolvedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }], skip: (pageOf(page) - 1) * REVIEW_PAGE_SIZE, take: REVIEW_PAGE_SIZE, select: ROW_SELECT }),
  ]);
  return { rows: flags.map(rowOf), total, pageSize: REVIEW_PAGE_SIZE };
}

export type ReviewResult = "reviewed" | "already_reviewed" | "not_eligible" | "not_found";

/**
 * A supervisor marks a therapist's lone resolution as reviewed: a `note` on the flag's timeline
 * with the fixed text, which also takes it off the review list. The flag row is locked first, so
 * two supervisors clicking at once add one review, not two. A flag of another practice (or none)
 * is "not_found"; one that is unresolved, or not high/imminent, is "not_eligible".
 */
export async function markResolutionReviewed(user: SessionUser, flagId: string, request?: Request): Promise<ReviewResult> {
  if (!isSupervisor(user) || !flagId) return "not_found";
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string; coupleId: string; status: string; severity: string }[]>`SELECT id, "coupleId", status::text AS status, severity::text AS severity FROM "SafetyFlag" WHERE id = ${flagId} AND "practiceId" = ${user.practiceId} FOR UPDATE`;
    const flag = locked[0];
    if (!flag) return "not_found" as const;
    if (flag.status !== "resolved" || !(REVIEWED_SEVERITIES as readonly string[]).includes(flag.severity)) return "not_eligible" as const;
    const pending = await tx.safetyFlag.count({ where: { id: flag.id, ...unreviewedWhere(user.practiceId) } });
    if (!pending) return "already_reviewed" as const;
    await tx.flagEvent.create({ data: { flagId: flag.id, authorId: user.id, type: "note", note: SUPERVISOR_REVIEW_NOTE } });
    await audit({ actor: user, action: "review", entity: "flag", entityId: flag.id, coupleId: flag.coupleId, request }, tx);
    return "reviewed" as const;
  });
}
