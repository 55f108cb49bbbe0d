/** Homework for the therapist: assign from the library or custom, list, review and give feedback. */
import type { HomeworkVisibility, PartnerSlot, PromptType } from "@prisma/client";
import { addDays } from "~/domain/dates";
import { prisma, sql } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { audit } from "~/utils/audit.server";

export interface PromptInput {
  type: PromptType;
  label: string;
  options: string[];
  required: boolean;
}

export function homeworkLibrary(user: SessionUser) {
  return prisma.homeworkTemplate.findMany({ where: { practiceId: user.practiceId, archivedAt: null }, orderBy: { title: "asc" }, select: { id: true, title: true, instructions: true, prompts: true, measure: true } });
}

/**
 * Creates the homework (one per week for a repeating measure) and returns the ids, or null when
 * `templateId` is not in the therapist's practice's library (another practice's, archived or
 * unknown): nothing is created then, rather than an empty homework pointing at it.
 */
export async function assignHomework(
  user: SessionUser,
  couple: { id: string; startDate?: Date },
  input: { templateId: string | null; title: string; instructions: string; assignee: PartnerSlot; dueDate: string; visibility: HomeworkVisibility; prompts: PromptInput[]; weeklyUntil?: string | null },
  request?: Request,
) {
  let { title, instructions, prompts } = input;
  let measure: string | null = null;
  if (input.templateId) {
    const t = await prisma.homeworkTemplate.findFirst({ where: { id: input.templateId, practiceId: user.practiceId, archivedAt: null } });
    if (!t) return null;
    title = input.title || t.title;
    instructions = input.instructions || t.instructions;
    prompts = (t.prompts as unknown as { type: PromptType; label: string; options?: string[]; required?: boolean }[]).map((p) => ({ type: p.type, label: p.label, options: p.options ?? [], required: p.required ?? true }));
    measure = t.measure;
  }
  // A measure repeats weekly until the given date (the CSI-4 is weekly).
  const dues = [input.dueDate];
  if (measure && input.weeklyUntil) for (let d = addDays(input.dueDate, 7); d <= input.weeklyUntil && dues.length < 52; d = addDays(d, 7)) dues.push(d);
  return prisma.$transaction(async (tx) => {
    const ids: string[] = [];
    for (const due of dues) {
      const hw = await tx.homework.create({
        data: {
          coupleId: couple.id,
          templateId: input.templateId,
          title,
          instructions,
          assignee: measure ? "BOTH" : input.assignee,
          dueDate: new Date(`${due}T00:00:00Z`),
          visibility: measure ? "therapist_only" : input.visibility,
          measure,
          createdById: user.id,
          prompts: { create: prompts.map((p, position) => ({ position, ...p })) },
        },
        select: { id: true },
      });
      ids.push(hw.id);
      await audit({ actor: user, action: "create", entity: "homework", entityId: hw.id, coupleId: couple.id, request }, tx);
    }
    return ids;
  });
}

export async function homeworkForReview(user: SessionUser, coupleId: string, homeworkId: string) {
  return prisma.homework.findFirst({
    where: { id: homeworkId, coupleId, couple: { therapistId: user.id, practiceId: user.practiceId } },
    select: {
      id: true,
      title: true,
      instructions: true,
      dueDate: true,
      assignee: true,
      visibility: true,
      measure: true,
      status: true,
      prompts: { orderBy: { position: "asc" }, select: { id: true, type: true, label: true, options: true } },
      // Drafts stay the partner's own until submitted.
      submissions: { where: { status: "submitted" }, select: { id: true, answers: true, score: true, submittedAt: true, feedback: true, reviewedAt: true, partner: { select: { name: true } } } },
    },
  });
}

export async function giveFeedback(user: SessionUser, coupleId: string, submissionId: string, feedback: string, request?: Request) {
  const s = await prisma.homeworkSubmission.findFirst({ where: { id: submissionId, status: "submitted", homework: { coupleId, couple: { therapistId: user.id, practiceId: user.practiceId } } }, select: { id: true } });
  if (!s) return false;
  const now = new Date();
  await prisma.homeworkSubmission.update({ where: { id: s.id }, data: { feedback: feedback || undefined, feedbackAt: feedback ? now : undefined, feedbackById: feedback ? user.id : undefined, reviewedAt: now } });
  await audit({ actor: user, action: "review", entity: "homework-submission", entityId: s.id, coupleId, request });
  return true;
}

export const HOMEWORK_LIST_SQL = `SELECT h.id, h.title, to_char(h."dueDate", 'YYYY-MM-DD') AS "dueDate", h.assignee::text AS assignee, h.visibility::text AS visibility, h.measure, h.status::text AS status,
       h."completedAt" IS NOT NULL AS complete,
       (SELECT coalesce(json_agg(json_build_object('status', s.status, 'reviewed', s."reviewedAt" IS NOT NULL, 'partnerId', s."partnerId")), '[]')
          FROM "HomeworkSubmission" s WHERE s."homeworkId" = h.id) AS submissions
  FROM "Homework" h WHERE h."coupleId" = $1 ORDER BY h."dueDate" DESC, h.id LIMIT 60`;

/** The couple's 60 latest homework (by due date) with each submission's status; `complete` once everyone assigned has submitted (the trigger-kept completedAt). */
export function homeworkList(coupleId: string) {
  return sql<{ id: string; title: string; dueDate: string; assignee: "A" | "B" | "BOTH"; visibility: "shared" | "therapist_only"; measure: string | null; status: string; complete: boolean; submissions: { status: "draft" | "submitted"; reviewed: boolean; partnerId: string }[] }>(HOMEWORK_LIST_SQL, [coupleId]);
}

/** One homework of the therapist's own couple, to start its change form from. */
export async function homeworkForChange(user: SessionUser, coupleId: string, homeworkId: string) {
  const hw = await prisma.homework.findFirst({
    where: { id: homeworkId, coupleId, couple: { therapistId: user.id, practiceId: user.practiceId } },
    select: {
      id: true,
      title: true,
      instructions: true,
      assignee: true,
      dueDate: true,
      visibility: true,
      status: true,
      measure: true,
      prompts: { orderBy: { position: "asc" }, select: { type: true, label: true, options: true, required: true } },
      _count: { select: { submissions: true } },
    },
  });
  if (!hw) return null;
  const { _count, ...rest } = hw;
  return { ...rest, started: _count.submissions > 0 };
}

/**
 * Changing homework after it was assigned is "close and replace" in one step: the old one is
 * closed (it stays in the list, with its own dates) and the edited version is assigned in the same
 * transaction. Only while nobody has started it: answers belong to the prompts they answered.
 */
export async function replaceHomework(
  user: SessionUser,
  couple: { id: string },
  homeworkId: string,
  input: { title: string; instructions: string; assignee: PartnerSlot; dueDate: string; visibility: HomeworkVisibility; prompts: PromptInput[] },
  request?: Request,
) {
  const old = await homeworkForChange(user, couple.id, homeworkId);
  if (!old) return { status: "not_found" as const };
  if (old.measure) return { status: "measure" as const };
  return prisma.$transaction(async (tx) => {
    // Conditional on "still active and nobody has a draft or answer", so a partner saving at the same moment wins.
    const closed = await tx.$executeRaw`UPDATE "Homework" SET status = 'closed', "updatedAt" = now() WHERE id = ${old.id} AND status = 'active' AND NOT EXISTS (SELECT 1 FROM "HomeworkSubmission" s WHERE s."homeworkId" = ${old.id})`;
    if (closed !== 1) return { status: old.status !== "active" ? ("closed" as const) : ("started" as const) };
    await audit({ actor: user, action: "close", entity: "homework", entityId: old.id, coupleId: couple.id, request }, tx);
    const hw = await tx.homework.create({
      data: {
        coupleId: couple.id,
        title: input.title,
        instructions: input.instructions,
        assignee: input.assignee,
        dueDate: new Date(`${input.dueDate}T00:00:00Z`),
        visibility: input.visibility,
        createdById: user.id,
        prompts: { create: input.prompts.map((p, position) => ({ position, ...p })) },
      },
      select: { id: true },
    });
    await audit({ actor: user, action: "create", entity: "homework", entityId: hw.id, coupleId: couple.id, request }, tx);
    return { status: "replaced" as const, id: hw.id };
  });
}
