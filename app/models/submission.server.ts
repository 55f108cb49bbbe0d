/** A partner's homework: view, save a draft, submit. The other partner's answers only when shared and both submitted. */
import type { Prisma } from "@prisma/client";
import { scoreCsi4 } from "~/domain/csi4";
import { charCount, tooLongMessage } from "~/domain/text-limits";
import { prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { audit } from "~/utils/audit.server";
import { iso, type PartnerContext } from "./partner.server";
import { applySafetyRules, withSafetyRetry } from "./safety.server";

export type Answer = string | number | string[];
export const MAX_TEXT_ANSWER = 10_000;

export async function getHomeworkForPartner(user: SessionUser, ctx: PartnerContext, homeworkId: string) {
  const hw = await prisma.homework.findFirst({
    where: { id: homeworkId, coupleId: ctx.coupleId },
    select: {
      id: true,
      title: true,
      instructions: true,
      assignee: true,
      dueDate: true,
      visibility: true,
      status: true,
      measure: true,
      prompts: { orderBy: { position: "asc" }, select: { id: true, type: true, label: true, options: true, required: true } },
      submissions: { select: { partnerId: true, status: true, answers: true, feedback: true, submittedAt: true, updatedAt: true } },
    },
  });
  if (!hw) return null;
  const mineToDo = hw.assignee === "BOTH" || hw.assignee === ctx.slot;
  const own = hw.submissions.find((s) => s.partnerId === user.id) ?? null;
  const other = hw.submissions.find((s) => s.partnerId === ctx.otherId) ?? null;
  // Shared homework shows the other's answers once they have submitted; when it was for both,
  // only once both have (nobody reads the other's answers before writing their own). Homework for
  // the other partner alone is read-only here, and does not exist for this partner until then.
  const showOther = hw.visibility === "shared" && other?.status === "submitted" && (!mineToDo || own?.status === "submitted");
  if (!mineToDo && !showOther) return null;
  return {
    id: hw.id,
    title: hw.title,
    instructions: hw.instructions,
    dueDate: iso(hw.dueDate),
    visibility: hw.visibility,
    // a pause of shared work leaves homework for one partner alone editable
    editable: mineToDo && hw.status === "active" && !(ctx.paused && hw.assignee === "BOTH") && own?.status !== "submitted",
    paused: mineToDo && ((ctx.paused && hw.assignee === "BOTH") || hw.status !== "active"),
    measure: hw.measure,
    prompts: hw.prompts,
    own: own ? { status: own.status, answers: own.answers as Record<string, Answer>, feedback: own.feedback, submittedAt: own.submittedAt?.toISOString() ?? null, savedAt: own.updatedAt.toISOString() } : null,
    other: showOther && other ? { name: ctx.otherName, answers: other.answers as Record<string, Answer> } : null,
  };
}
export type PartnerHomework = NonNullable<Awaited<ReturnType<typeof getHomeworkForPartner>>>;

/** Validates answers against the prompts; required ones only when submitting. */
export function validateAnswers(prompts: PartnerHomework["prompts"], form: FormData, submitting: boolean) {
  const answers: Record<string, Answer> = {};
  const errors: Record<string, string[]> = {};
  for (const p of prompts) {
    const key = `p_${p.id}`;
    if (p.type === "checklist") {
      const picked = form.getAll(key).map(String).filter((v) => p.options.includes(v));
      if (picked.length) answers[p.id] = picked;
      else if (submitting && p.required) errors[key] = ["Tick at least one."];
      continue;
    }
    const raw = String(form.get(key) ?? "").trim();
    if (!raw) {
      if (submitting && p.required) errors[key] = ["Please answer this before submitting."];
      continue;
    }
    if (p.type === "text") {
      if (charCount(raw) > MAX_TEXT_ANSWER) errors[key] = [tooLongMessage(MAX_TEXT_ANSWER, charCount(raw), "your answer")];
      else answers[p.id] = raw;
    } else if (p.type === "scale") {
      const n = Number(raw);
      const max = p.options.length ? p.options.length - 1 : 10;
      const min = p.options.length ? 0 : 1;
      if (!Number.isInteger(n) || n < min || n > max) errors[key] = [p.options.length ? "Choose one of the answers." : "Choose a number from 1 to 10."];
      else answers[p.id] = n;
    } else if (p.type === "date") {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) || new Date(`${raw}T00:00:00Z`).toISOString().slice(0, 10) !== raw) errors[key] = ["Enter a real date."];
      else answers[p.id] = raw;
    }
  }
  return { answers, errors };
}

export async function saveSubmission(user: SessionUser, ctx: PartnerContext, hw: PartnerHomework, answers: Record<string, Answer>, submit: boolean, request?: Request) {
  // The validated measure is scored by the domain module (items by position).
  const csi = submit && hw.measure === "csi4" ? scoreCsi4(Object.fromEntries(hw.prompts.map((p, i) => [String(i), answers[p.id]]))) : null;
  const score = csi && csi.ok ? csi.score : null;
  await withSafetyRetry(async (tx) => {
    const data = { answers: answers as Prisma.InputJsonValue, status: submit ? ("submitted" as const) : ("draft" as const), submittedAt: submit ? new Date() : null, score };
    // The conditional update refuses to change a submission that is already submitted.
    const updated = await tx.homeworkSubmission.updateManyAndReturn({ where: { homeworkId: hw.id, partnerId: user.id, status: "draft" }, data, select: { id: true } });
    let submissionId = updated[0]?.id;
    if (!submissionId) {
      const exists = await tx.homeworkSubmission.findUnique({ where: { homeworkId_partnerId: { homeworkId: hw.id, partnerId: user.id } }, select: { status: true } });
      if (exists) return; // already submitted: a double submit changes nothing
      submissionId = (await tx.homeworkSubmission.create({ data: { homeworkId: hw.id, partnerId: user.id, ...data }, select: { id: true } })).id;
    }
    if (submit) {
      const text = hw.prompts.filter((p) => p.type === "text" && typeof answers[p.id] === "string").map((p) => answers[p.id] as string).join("\n");
      if (text) await applySafetyRules(tx, { practiceId: user.practiceId, coupleId: ctx.coupleId, partnerId: user.id, actorId: user.id }, { kind: "text", text, context: "homework answer" }, { entity: "submission", entityId: submissionId });
    }
    await audit({ actor: user, action: submit ? "submit" : "save-draft", entity: "homework", entityId: hw.id, coupleId: ctx.coupleId, request }, tx);
  });
}
