/** Assignments (routines and agreements) for the therapist's own couples. */
import type { AssignmentKind, Cadence, PartnerSlot } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { audit } from "~/utils/audit.server";

export interface AssignmentInput {
  templateId: string | null;
  kind: AssignmentKind;
  title: string;
  target: string;
  cadence: Cadence;
  weekday: number | null;
  timesPerWeek: number | null;
  responsible: PartnerSlot;
  startDate: string;
  durationWeeks: number;
}

export function libraryFor(user: SessionUser) {
  return prisma.routineTemplate.findMany({ where: { practiceId: user.practiceId, archivedAt: null }, orderBy: { title: "asc" }, select: { id: true, kind: true, title: true, target: true, cadence: true, weekday: true, timesPerWeek: true } });
}

export async function createAssignment(user: SessionUser, coupleId: string, input: AssignmentInput, request?: Request) {
  if (input.templateId) {
    const t = await prisma.routineTemplate.findFirst({ where: { id: input.templateId, practiceId: user.practiceId }, select: { id: true } });
    if (!t) input = { ...input, templateId: null };
  }
  return prisma.$transaction(async (tx) => {
    const a = await tx.assignment.create({
      data: { coupleId, ...input, startDate: new Date(`${input.startDate}T00:00:00Z`), createdById: user.id },
      select: { id: true },
    });
    await audit({ actor: user, action: "create", entity: "assignment", entityId: a.id, coupleId, request }, tx);
    return a;
  });
}

/** Pause / resume / end one assignment; pauses are periods so paused days don't count against adherence. */
export async function changeAssignment(user: SessionUser, coupleId: string, assignmentId: string, change: "pause" | "resume" | "end", request?: Request) {
  const a = await prisma.assignment.findFirst({ where: { id: assignmentId, coupleId, couple: { therapistId: user.id, practiceId: user.practiceId } }, select: { id: true, status: true } });
  if (!a) return "not_found" as const;
  const allowed = { pause: a.status === "active", resume: a.status === "paused", end: a.status !== "completed" }[change];
  if (!allowed) return "invalid" as const;
  await prisma.$transaction(async (tx) => {
    const now = new Date();
    if (change === "pause") {
      await tx.assignment.update({ where: { id: a.id }, data: { status: "paused" } });
      await tx.pausePeriod.create({ data: { coupleId, assignmentId: a.id, reason: "therapist", startedAt: now, startedById: user.id } });
    } else {
      await tx.pausePeriod.updateMany({ where: { assignmentId: a.id, endedAt: null }, data: { endedAt: now, endedById: user.id } });
      await tx.assignment.update({ where: { id: a.id }, data: change === "resume" ? { status: "active" } : { status: "completed", endedAt: now } });
    }
    await audit({ actor: user, action: change, entity: "assignment", entityId: a.id, coupleId, request }, tx);
  });
  return "ok" as const;
}

/** One assignment of the therapist's own couple, as its change and end pages show it. */
export function assignmentForChange(user: SessionUser, coupleId: string, assignmentId: string) {
  return prisma.assignment.findFirst({
    where: { id: assignmentId, coupleId, couple: { therapistId: user.id, practiceId: user.practiceId } },
    select: { id: true, templateId: true, kind: true, title: true, target: true, cadence: true, weekday: true, timesPerWeek: true, responsible: true, startDate: true, durationWeeks: true, status: true, endedAt: true },
  });
}

/**
 * Changing a routine after it was assigned is "end and replace" in one step: the old one ends
 * now (its reports and adherence so far stay as they were: history is not rewritten) and the new
 * version, with the edited wording or schedule, starts on its own start date. One transaction, so
 * there is never a moment with both or neither.
 */
export async function replaceAssignment(user: SessionUser, coupleId: string, assignmentId: string, input: AssignmentInput, request?: Request) {
  const old = await assignmentForChange(user, coupleId, assignmentId);
  if (!old) return { status: "not_found" as const };
  if (old.status === "completed") return { status: "ended" as const };
  if (input.templateId) {
    const t = await prisma.routineTemplate.findFirst({ where: { id: input.templateId, practiceId: user.practiceId }, select: { id: true } });
    if (!t) input = { ...input, templateId: null };
  }
  const created = await prisma.$transaction(async (tx) => {
    const now = new Date();
    // Conditional: a second submit of the same form finds it already ended and changes nothing.
    const ended = await tx.assignment.updateMany({ where: { id: old.id, status: { not: "completed" } }, data: { status: "completed", endedAt: now } });
    if (ended.count !== 1) return null;
    await tx.pausePeriod.updateMany({ where: { assignmentId: old.id, endedAt: null }, data: { endedAt: now, endedById: user.id } });
    await audit({ actor: user, action: "end", entity: "assignment", entityId: old.id, coupleId, request }, tx);
    const a = await tx.assignment.create({ data: { coupleId, ...input, startDate: new Date(`${input.startDate}T00:00:00Z`), createdById: user.id }, select: { id: true } });
    await audit({ actor: user, action: "create", entity: "assignment", entityId: a.id, coupleId, request }, tx);
    return a;
  });
  return created ? { status: "replaced" as const, id: created.id } : { status: "ended" as const };
}
