/**
 * Safety flags for clinicians: the supervisor queue, a flag's page, and every transition.
 * Therapists act on their own couples' flags; supervisors on every flag of the practice.
 * Events are append-only; status changes use a conditional update so two people acting at
 * once cannot silently overwrite each other.
 */
import type { Prisma, ResolutionOutcome, Severity } from "@prisma/client";
import { nextStatus, validateResolution, type FlagAction } from "~/domain/flag-workflow";
import { pausesConjointWork, SEVERITIES } from "~/domain/safety";
import { revisionsOf } from "./revision.server";
import { ruleConfigOf, type FlagEvidence, pauseForSafety, raise, slaOf, withSafetyRetry } from "./safety.server";
import { prisma, sql } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { audit } from "~/utils/audit.server";

/** Which flags this user may see at all: the practice's (supervisor), their own couples' (therapist), or none. */
function flagScopeOf(user: SessionUser): { practiceId: string; therapistId: string | null } | null {
  if (user.role === "supervisor") return { practiceId: user.practiceId, therapistId: null };
  if (user.role === "therapist") return { practiceId: user.practiceId, therapistId: user.id };
  return null;
}

/** flagScopeOf as an ORM filter. */
function flagScope(user: SessionUser): Prisma.SafetyFlagWhereInput {
  const scope = flagScopeOf(user);
  if (!scope) return { id: "__none__" };
  return scope.therapistId ? { practiceId: scope.practiceId, couple: { therapistId: scope.therapistId } } : { practiceId: scope.practiceId };
}

export const QUEUE_PAGE_SIZE = 50;

export interface QueueRow {
  id: string;
  severity: Severity;
  status: "open" | "acknowledged" | "escalated";
  source: string;
  dueBy: Date;
  createdAt: Date;
  partnerName: string;
  coupleNames: string;
  therapistName: string;
  assigneeName: string | null;
}

/** $1 practice and $2 therapist (null: all) from flagScopeOf, $3 therapist filter, $4 severity filter, $5 page size, $6 offset */
export const QUEUE_PAGE_SQL = `SELECT f.id, f.severity::text AS severity, f.status::text AS status, f.source::text AS source,
        (extract(epoch FROM f."dueBy") * 1000)::float8 AS "dueMs", (extract(epoch FROM f."createdAt") * 1000)::float8 AS "createdMs",
        pt.name AS "partnerName", pa.name || ' & ' || pb.name AS "coupleNames", th.name AS "therapistName", asg.name AS "assigneeName",
        count(*) OVER ()::int AS total
   FROM "SafetyFlag" f
   JOIN "Couple" c ON c.id = f."coupleId"
   JOIN "User" th ON th.id = c."therapistId" JOIN "User" pa ON pa.id = c."partnerAId" JOIN "User" pb ON pb.id = c."partnerBId"
   JOIN "User" pt ON pt.id = f."partnerId" LEFT JOIN "User" asg ON asg.id = f."assigneeId"
  WHERE f."practiceId" = $1 AND f.status <> 'resolved'
    AND ($2::text IS NULL OR c."therapistId" = $2) AND ($3::text IS NULL OR c."therapistId" = $3)
    AND ($4::text IS NULL OR f.severity::text = $4)
  ORDER BY f.severity DESC, f."dueBy", f."createdAt", f.id COLLATE "C"
  LIMIT $5 OFFSET $6`;

/**
 * One page of unresolved flags in queue order (the `queueOrder` rule of flag-workflow.ts, written
 * as ORDER BY so the database pages it; a test holds the two together), with the total count.
 */
export async function listQueue(
  user: SessionUser,
  filters: { therapistId?: string; severity?: Severity } = {},
  page = 1,
): Promise<{ flags: QueueRow[]; total: number; pageSize: number }> {
  const scope = flagScopeOf(user);
  if (!scope) return { flags: [], total: 0, pageSize: QUEUE_PAGE_SIZE };
  const rows = await sql<Omit<QueueRow, "dueBy" | "createdAt"> & { dueMs: number; createdMs: number; total: number }>(QUEUE_PAGE_SQL, [scope.practiceId, scope.therapistId, filters.therapistId ?? null, filters.severity ?? null, QUEUE_PAGE_SIZE, (Math.max(1, page) - 1) * QUEUE_PAGE_SIZE]);
  const total = rows[0]?.total ?? (page > 1 ? (await listQueue(user, filters, 1)).total : 0);
  return {
    total,
    pageSize: QUEUE_PAGE_SIZE,
    flags: rows.map(({ dueMs, createdMs, total: _total, ...r }) => ({ ...r, dueBy: new Date(dueMs), createdAt: new Date(createdMs) })),
  };
}

export async function listTherapists(user: SessionUser) {
  return prisma.user.findMany({ where: { practiceId: user.practiceId, role: "therapist" }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export async function listSupervisors(user: SessionUser) {
  return prisma.user.findMany({ where: { practiceId: user.practiceId, role: "supervisor", disabledAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export async function getFlag(user: SessionUser, flagId: string, request?: Request) {
  const flag = await prisma.safetyFlag.findFirst({
    where: { id: flagId, ...flagScope(user) },
    select: {
      id: true,
      severity: true,
      status: true,
      source: true,
      concern: true,
      dueBy: true,
      createdAt: true,
      resolvedAt: true,
      outcome: true,
      triggerText: true,
      evidence: true,
      partnerId: true,
      assignee: { select: { id: true, name: true } },
      partner: { select: { id: true, name: true } },
      couple: {
        select: {
          id: true,
          timeZone: true,
          status: true,
          workPausedAt: true,
          workPauseReason: true,
          pauseToldAt: true,
          therapist: { select: { id: true, name: true } },
          partnerA: { select: { id: true, name: true } },
          partnerB: { select: { id: true, name: true } },
        },
      },
      events: { orderBy: { createdAt: "asc" }, select: { id: true, type: true, note: true, severity: true, fromStatus: true, toStatus: true, createdAt: true, author: { select: { name: true } } } },
    },
  });
  if (!flag) return null;
  const recentCheckIns = await prisma.checkIn.findMany({
    where: { partnerId: flag.partnerId, coupleId: flag.couple.id },
    orderBy: { localDate: "desc" },
    take: 14,
    select: { id: true, localDate: true, mood: true, closeness: true, feelSafe: true, note: true, noteShared: true },
  });
  const evidence = (flag.evidence ?? null) as FlagEvidence | null;
  // Earlier versions of the check-ins shown, and every save of the record that raised the flag:
  // what the partner first wrote stays in front of the clinician however it was edited since.
  const checkInRevisions = await revisionsOf(flag.couple.id, "checkin", recentCheckIns.map((c) => c.id));
  const sourceRevisions = evidence?.entity && evidence.entityId ? ((evidence.entity === "checkin" ? checkInRevisions : await revisionsOf(flag.couple.id, evidence.entity, [evidence.entityId])).get(evidence.entityId) ?? []) : [];
  const practice = await prisma.practice.findUniqueOrThrow({ where: { id: user.practiceId }, select: { flagPhrases: true } });
  // The alerts this flag sent, so a clinician sees who has been told (and what is still queued).
  const alerts = await prisma.outboxMessage.findMany({
    where: { flagId: flag.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, channel: true, status: true, attempts: true, createdAt: true, sentAt: true, user: { select: { name: true } } },
  });
  if (request) await audit({ actor: user, action: "read", entity: "flag", entityId: flag.id, coupleId: flag.couple.id, request });
  return { flag, alerts, evidence, sourceRevisions, checkInRevisions, recentCheckIns, ruleConfig: ruleConfigOf(practice.flagPhrases, [flag.couple.partnerA.name, flag.couple.partnerB.name]) };
}

export type FlagActionInput =
  | { intent: "acknowledge"; note?: string }
  | { intent: "note"; note: string }
  | { intent: "escalate"; assigneeId: string; note?: string }
  | { intent: "assign_self"; note?: string }
  | { intent: "resolve"; outcome: ResolutionOutcome; note: string };

export type ActResult = { ok: true } | { ok: false; status: 400 | 404 | 409; error: string; field?: string };

export async function actOnFlag(user: SessionUser, flagId: string, input: FlagActionInput, request?: Request): Promise<ActResult> {
  const flag = await prisma.safetyFlag.findFirst({ where: { id: flagId, ...flagScope(user) }, select: { id: true, status: true, coupleId: true } });
  if (!flag) return { ok: false, status: 404, error: "Not found" };
  const action: FlagAction = input.intent === "assign_self" ? "assign" : input.intent;
  const next = nextStatus(flag.status, action);
  if (!next.ok) return { ok: false, status: 400, error: next.error };
  if (input.intent === "resolve") {
    const errors = validateResolution(input);
    if (errors) {
      const [field, error] = Object.entries(errors)[0]!;
      return { ok: false, status: 400, error, field };
    }
  }
  let assigneeId: string | undefined;
  if (input.intent === "escalate") {
    const supervisor = await prisma.user.findFirst({ where: { id: input.assigneeId, practiceId: user.practiceId, role: "supervisor", disabledAt: null }, select: { id: true, name: true } });
    if (!supervisor) return { ok: false, status: 400, error: "Choose a supervisor of this practice.", field: "assigneeId" };
    assigneeId = supervisor.id;
  }
  if (input.intent === "assign_self") {
    if (user.role !== "supervisor") return { ok: false, status: 400, error: "Only a supervisor can take a flag." };
    assigneeId = user.id;
  }
  const result = await prisma.$transaction(async (tx) => {
    // The conditional update is the lock: if someone changed the status meanwhile, nothing moves.
    const moved = await tx.safetyFlag.updateMany({
      where: { id: flag.id, status: flag.status },
      data: {
        status: next.status,
        assigneeId,
        // someone has it in hand: the alert goes no further
        ...(next.status !== "open" || input.intent === "assign_self" ? { escalateAt: null } : {}),
        ...(input.intent === "resolve" ? { outcome: input.outcome, resolvedAt: new Date() } : {}),
      },
    });
    if (moved.count !== 1) return false;
    const type = ({ acknowledge: "acknowledged", note: "note", escalate: "escalated", assign_self: "assigned", resolve: "resolved" } as const)[input.intent];
    await tx.flagEvent.create({
      data: {
        flagId: flag.id,
        authorId: user.id,
        type,
        note: input.note?.trim() || null,
        fromStatus: flag.status !== next.status ? flag.status : null,
        toStatus: flag.status !== next.status ? next.status : null,
      },
    });
    if (input.intent === "escalate" && assigneeId) {
      await tx.flagEvent.create({ data: { flagId: flag.id, authorId: user.id, type: "assigned", note: "Assigned to a supervisor" } });
    }
    await audit({ actor: user, action: input.intent, entity: "flag", entityId: flag.id, coupleId: flag.coupleId, request }, tx);
    return true;
  });
  return result ? { ok: true } : { ok: false, status: 409, error: "Someone else changed this flag a moment ago. Review the timeline and try again." };
}

/** A therapist raises a flag by hand for one of their couples' partners. */
export async function raiseByHand(
  user: SessionUser,
  input: { coupleId: string; partnerId: string; severity: Severity; note: string },
  request?: Request,
): Promise<{ ok: true; flagId: string } | { ok: false; field: string; error: string }> {
  const couple = await prisma.couple.findFirst({
    where: { id: input.coupleId, practiceId: user.practiceId, therapistId: user.id },
    select: { id: true, partnerAId: true, partnerBId: true, practice: { select: { slaImminentHours: true, slaHighHours: true, slaMediumHours: true, slaLowHours: true } } },
  });
  if (!couple) return { ok: false, field: "coupleId", error: "Choose one of your couples." };
  if (input.partnerId !== couple.partnerAId && input.partnerId !== couple.partnerBId) return { ok: false, field: "partnerId", error: "Choose one of this couple's partners." };
  const flagId = await withSafetyRetry(async (tx) => {
    const { flagId, severity } = await raise(
      tx,
      { practiceId: user.practiceId, coupleId: couple.id, partnerId: input.partnerId, actorId: user.id },
      { source: "therapist", concern: "therapist", severity: input.severity, reason: input.note, excerpt: input.note },
      slaOf(couple.practice),
      { raisedById: user.id, note: input.note },
    );
    if (pausesConjointWork(severity)) await pauseForSafety(tx, couple.id, flagId);
    await audit({ actor: user, action: "create", entity: "flag", entityId: flagId, coupleId: couple.id, request }, tx);
    return flagId;
  });
  return { ok: true, flagId };
}

/** The same event on every unresolved flag that pauses the couple's work (what happened to the pause). */
async function noteOnPausingFlags(tx: Prisma.TransactionClient, coupleId: string, event: { authorId: string; type: "work_resumed" | "couple_told"; note: string }) {
  const open = await tx.safetyFlag.findMany({ where: { coupleId, status: { not: "resolved" }, severity: { in: SEVERITIES.filter(pausesConjointWork) } }, select: { id: true } });
  if (open.length) await tx.flagEvent.createMany({ data: open.map((f) => ({ flagId: f.id, ...event })) });
}

/** Only the couple's therapist resumes conjoint work, with a note. */
export async function resumeWork(user: SessionUser, coupleId: string, note: string, request?: Request) {
  const couple = await prisma.couple.findFirst({ where: { id: coupleId, practiceId: user.practiceId, therapistId: user.id }, select: { id: true, workPausedAt: true } });
  if (!couple) return "not_found" as const;
  if (!couple.workPausedAt) return "not_paused" as const;
  await prisma.$transaction(async (tx) => {
    const now = new Date();
    await tx.pausePeriod.updateMany({ where: { coupleId, assignmentId: null, endedAt: null }, data: { endedAt: now, endedById: user.id, endNote: note } });
    await tx.couple.update({ where: { id: coupleId }, data: { workPausedAt: null, workPauseReason: null, pauseToldAt: null, pauseNotice: null } });
    await noteOnPausingFlags(tx, coupleId, { authorId: user.id, type: "work_resumed", note });
    await audit({ actor: user, action: "resume", entity: "couple-work", entityId: coupleId, coupleId, request }, tx);
  });
  return "resumed" as const;
}

export const OPEN_FLAGS_SQL = `SELECT f.id, f.severity::text AS severity, f.status::text AS status, (extract(epoch FROM f."dueBy") * 1000)::float8 AS "dueMs", u.name AS "partnerName"
   FROM "SafetyFlag" f JOIN "User" u ON u.id = f."partnerId"
  WHERE f."coupleId" = $1 AND f.status <> 'resolved' ORDER BY f."dueBy", f.id`;

/** Open flags of one couple, for the couple page banner and the caseload. */
export async function openFlagsForCouple(coupleId: string) {
  const rows = await sql<{ id: string; severity: Severity; status: QueueRow["status"]; dueMs: number; partnerName: string }>(OPEN_FLAGS_SQL, [coupleId]);
  return rows.map((r) => ({ id: r.id, severity: r.severity, status: r.status, dueBy: new Date(r.dueMs), partner: { name: r.partnerName } }));
}

export const PAUSE_NOTICE_MAX = 500;
/** What the therapist's "tell the couple" form starts with: neutral, about both of them. */
export const DEFAULT_PAUSE_NOTICE = "We're taking a short break from shared exercises. We'll talk about it together at your next session. You can still check in each day.";

/**
 * The therapist tells the couple that shared work is paused, in words they chose. Until then a
 * safety pause is invisible to both partners. Only the couple's therapist, only while paused.
 */
export async function tellCoupleAboutPause(user: SessionUser, coupleId: string, notice: string, request?: Request) {
  const couple = await prisma.couple.findFirst({ where: { id: coupleId, practiceId: user.practiceId, therapistId: user.id }, select: { id: true, workPausedAt: true } });
  if (!couple) return "not_found" as const;
  if (!couple.workPausedAt) return "not_paused" as const;
  await prisma.$transaction(async (tx) => {
    await tx.couple.update({ where: { id: coupleId }, data: { pauseToldAt: new Date(), pauseNotice: notice } });
    await noteOnPausingFlags(tx, coupleId, { authorId: user.id, type: "couple_told", note: `Told the couple: “${notice}”` });
    await audit({ actor: user, action: "tell", entity: "couple-work", entityId: coupleId, coupleId, request }, tx);
  });
  return "told" as const;
}

/** The pause as the therapist manages it, with what each partner sees now. */
export async function pauseOverview(user: SessionUser, coupleId: string) {
  const c = await prisma.couple.findFirst({
    where: { id: coupleId, practiceId: user.practiceId, therapistId: user.id },
    select: { id: true, workPausedAt: true, workPauseReason: true, pauseToldAt: true, pauseNotice: true, partnerA: { select: { name: true } }, partnerB: { select: { name: true } } },
  });
  if (!c) return null;
  const visible = Boolean(c.workPausedAt && (c.workPauseReason !== "safety" || c.pauseToldAt));
  return {
    id: c.id,
    paused: Boolean(c.workPausedAt),
    reason: c.workPauseReason,
    pausedAt: c.workPausedAt,
    toldAt: c.pauseToldAt,
    notice: c.pauseNotice,
    partners: [c.partnerA.name, c.partnerB.name],
    /** what Today's shared-work section shows each partner (the same for both) */
    partnersSee: visible ? { kind: "notice" as const, text: c.pauseNotice ?? "Your therapist has paused shared exercises for now. You can still check in each day." } : { kind: "as_usual" as const },
  };
}
