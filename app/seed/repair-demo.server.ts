/**
 * Demo repair plans (issue 18): three couples at different phases, so the couple page and the
 * plan page have something to show. Called at the end of seedDemo; deterministic.
 */
import type { PrismaClient } from "@prisma/client";
import { addDays } from "~/domain/dates";
import { DEFAULT_LABELS } from "~/domain/repair/roles";
import { repairTemplate } from "~/domain/repair/templates";
import { phaseRows } from "~/models/repair.server";

interface DemoCouple {
  id: string;
  aId: string;
  bId: string;
  start: string;
  today: string;
  therapistId: string;
}

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const noon = (d: string) => new Date(`${d}T12:00:00Z`);

interface PlanSpec {
  templateKey: string;
  hurtPartner: "A" | "B";
  /** phases already completed */
  done: number;
  /** restitution actions: due this many days from today, done/confirmed */
  actions?: { text: string; dueIn: number; done?: boolean; confirmed?: "yes" | "no" }[];
  /** the hurt partner's questions and where they are */
  questions?: { text: string; status: "private" | "asked" | "held_for_session" | "answered"; answer?: string; released?: boolean }[];
}

export async function seedRepairDemo(prisma: PrismaClient, couples: DemoCouple[], plans: Record<number, PlanSpec>) {
  for (const [index, spec] of Object.entries(plans)) {
    const c = couples[Number(index)];
    const template = repairTemplate(spec.templateKey);
    if (!c || !template) continue;
    const started = addDays(c.start, 2);
    // each completed phase took about a week
    const phaseStart = (i: number) => addDays(started, i * 7);
    const plan = await prisma.repairPlan.create({
      data: {
        coupleId: c.id,
        templateKey: template.key,
        title: template.title,
        hurtPartner: spec.hurtPartner,
        hurtLabel: DEFAULT_LABELS.hurt,
        brokeLabel: DEFAULT_LABELS.broke,
        currentPhase: spec.done,
        startedAt: noon(started),
        startedById: c.therapistId,
        phases: {
          create: phaseRows(template.phases).map((row, i) => ({
            ...row,
            startedAt: i <= spec.done ? noon(phaseStart(i)) : null,
            completedAt: i < spec.done ? noon(phaseStart(i + 1)) : null,
            completedById: i < spec.done ? c.therapistId : null,
            exitNote: i < spec.done ? "Confirmed in session." : null,
          })),
        },
      },
      select: { id: true },
    });
    await prisma.repairPlanEvent.createMany({
      data: [
        { planId: plan.id, actorId: c.therapistId, type: "started", toPhase: 0, createdAt: noon(started) },
        ...Array.from({ length: spec.done }, (_, i) => ({ planId: plan.id, actorId: c.therapistId, type: "phase_completed" as const, fromPhase: i, toPhase: i + 1, note: "Confirmed in session.", createdAt: noon(phaseStart(i + 1)) })),
      ],
    });
    const responsibleId = spec.hurtPartner === "A" ? c.bId : c.aId;
    const otherId = spec.hurtPartner === "A" ? c.aId : c.bId;
    for (const [k, q] of (spec.questions ?? []).entries()) {
      const at = noon(addDays(c.today, -9 + k));
      await prisma.repairQuestion.create({
        data: {
          planId: plan.id,
          askerId: otherId,
          text: q.text,
          status: q.status,
          askedAt: q.status === "asked" || q.status === "answered" ? at : null,
          heldAt: q.status === "held_for_session" ? at : null,
          answer: q.answer ?? null,
          answeredAt: q.answer ? noon(addDays(c.today, -5 + k)) : null,
          answeredById: q.answer ? responsibleId : null,
          releasedAt: q.answer && q.released ? noon(addDays(c.today, -4 + k)) : null,
          createdAt: at,
        },
      });
    }
    for (const a of spec.actions ?? []) {
      const due = addDays(c.today, a.dueIn);
      await prisma.restitutionAction.create({
        data: {
          planId: plan.id,
          responsibleId,
          text: a.text,
          dueOn: day(due),
          doneAt: a.done ? noon(addDays(due, -1)) : null,
          confirmation: a.confirmed ?? null,
          confirmedAt: a.confirmed ? noon(due) : null,
          confirmedById: a.confirmed ? otherId : null,
          createdById: c.therapistId,
          createdAt: noon(addDays(c.today, -10)),
        },
      });
    }
  }
}

/** Which demo couples (by their place in the demo list) have a plan, and where they are on it. */
export const DEMO_PLANS: Record<number, PlanSpec> = {
  // Drew & Avery: at restitution — one action done and confirmed, one date missed, one coming up
  4: {
    templateKey: "broken-promise",
    hurtPartner: "B",
    done: 4,
    actions: [
      { text: "Tell my sister the truth about the loan", dueIn: -6, done: true, confirmed: "yes" },
      { text: "Move the savings back into the joint account", dueIn: -2 },
      { text: "Cancel the second credit card, together", dueIn: 3 },
    ],
  },
  // Skyler & Reese: just started atoning
  6: { templateKey: "atone-attune-attach", hurtPartner: "A", done: 0 },
  // Logan & Peyton: past the impact phase, working on meaning
  8: {
    templateKey: "affair-recovery",
    hurtPartner: "B",
    done: 1,
    questions: [
      { text: "When did it start, and when did it end?", status: "answered", answer: "It started in March and ended in August, when you found the messages.", released: true },
      { text: "Did you ever bring them to our home?", status: "answered", answer: "Once, in June, when you were away. I'm sorry." },
      { text: "What did you tell them about us?", status: "held_for_session" },
      { text: "Are you still in touch?", status: "private" },
    ],
  },
};
