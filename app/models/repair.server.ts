/**
 * Repair plans (issue 18): phases, a role for each partner, the work each phase unlocks, and
 * restitution actions tracked to done. Every function takes the acting user and scopes by
 * practice and relationship: therapist functions find the plan only through a couple the user is
 * the therapist of; partner functions only through the partner's own couple.
 *
 * The rules are in app/domain/repair/ (pure); this module reads their inputs, applies them and
 * writes the result with its history event and audit event in one transaction.
 */
import type { PartnerSlot, Prisma, PromptType } from "@prisma/client";
import { addDays, localDateOf } from "~/domain/dates";
import { checkMove, itemsUnlocked, phaseState } from "~/domain/repair/phases";
import { answerVisibleToAsker, checkAnswer, checkPace, visibleToAnswerer, type PaceStep, type QuestionStatus } from "~/domain/repair/questions";
import { checkConfirm, checkMarkDone, checkNewAction, missedDate, restitutionState, restitutionSummary, type RestitutionFacts } from "~/domain/repair/restitution";
import { DEFAULT_LABELS, roleOf, slotFor, type RepairRole, type Slot } from "~/domain/repair/roles";
import { repairTemplate, type HomeworkItem, type PhaseItem, type PhaseTemplate, type RoutineItem } from "~/domain/repair/templates";
import { pauseRangesFromInstants } from "~/domain/schedule";
import { audit } from "~/utils/audit.server";
import { isUniqueViolation, preparedSql, prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { createAssignment } from "./assignment.server";
import { assignHomework } from "./homework.server";
import type { PartnerContext } from "./partner.server";
import { applySafetyRules, withSafetyRetry } from "./safety.server";

export type RepairFailure = { ok: false; status: 400 | 404 | 409; field?: string; error: string };
type Result<T = object> = ({ ok: true } & T) | RepairFailure;

const notFound: RepairFailure = { ok: false, status: 404, error: "Not found" };
const iso = (d: Date) => d.toISOString().slice(0, 10);
const asDate = (d: string) => new Date(`${d}T00:00:00Z`);

/** The couple, only if `user` is its therapist. */
function ownCouple(user: SessionUser, coupleId: string): Prisma.CoupleWhereInput {
  return { id: coupleId, therapistId: user.id, practiceId: user.practiceId };
}

/** The couple's open plan, only if `user` is its therapist. */
function ownPlan(user: SessionUser, coupleId: string, planId?: string): Prisma.RepairPlanWhereInput {
  return { ...(planId ? { id: planId } : {}), coupleId, endedAt: null, couple: ownCouple(user, coupleId) };
}

/** Couple-wide pauses as local-date ranges (clinician view: every pause), for missed dates. */
async function couplePauses(coupleId: string, timeZone: string) {
  const pauses = await prisma.pausePeriod.findMany({ where: { coupleId, assignmentId: null }, select: { startedAt: true, endedAt: true } });
  return pauseRangesFromInstants(pauses.map((p) => ({ start: p.startedAt, end: p.endedAt })), timeZone);
}

function factsOf(a: { dueOn: Date; doneAt: Date | null; confirmation: "yes" | "no" | null }, timeZone: string): RestitutionFacts {
  return { dueOn: iso(a.dueOn), doneOn: a.doneAt ? localDateOf(a.doneAt, timeZone) : null, confirmation: a.confirmation };
}

// ————————————————————————————————————————— therapist —————————————————————————————————————————

/** Everything the plan page shows, or null when the couple has no open plan (or is not the user's). */
export async function planForTherapist(user: SessionUser, coupleId: string) {
  const plan = await prisma.repairPlan.findFirst({
    where: ownPlan(user, coupleId),
    select: {
      id: true,
      title: true,
      templateKey: true,
      hurtPartner: true,
      hurtLabel: true,
      brokeLabel: true,
      currentPhase: true,
      startedAt: true,
      couple: { select: { timeZone: true, partnerA: { select: { id: true, name: true } }, partnerB: { select: { id: true, name: true } } } },
      startedBy: { select: { name: true } },
      phases: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          name: true,
          summary: true,
          goals: true,
          exitCriteria: true,
          startedAt: true,
          completedAt: true,
          exitNote: true,
          completedBy: { select: { name: true } },
          items: { orderBy: { id: "asc" }, select: { id: true, key: true, kind: true, role: true, title: true, content: true, homeworkId: true, assignmentId: true, assignedAt: true } },
        },
      },
      restitution: {
        orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
        select: { id: true, text: true, dueOn: true, responsibleId: true, doneAt: true, doneNote: true, confirmation: true, confirmationNote: true, confirmedAt: true },
      },
      events: { orderBy: { id: "desc" }, take: 30, select: { id: true, type: true, fromPhase: true, toPhase: true, note: true, createdAt: true, actor: { select: { name: true } } } },
    },
  });
  if (!plan) return null;
  const { timeZone, partnerA, partnerB } = plan.couple;
  const today = localDateOf(new Date(), timeZone);
  const pauses = await couplePauses(coupleId, timeZone);
  const name = (id: string) => (id === partnerA.id ? partnerA.name : partnerB.name);
  const slotOf = (id: string): Slot => (id === partnerA.id ? "A" : "B");
  const facts = plan.restitution.map((a) => factsOf(a, timeZone));
  return {
    id: plan.id,
    title: plan.title,
    templateKey: plan.templateKey,
    hurtPartner: plan.hurtPartner,
    labels: { hurtLabel: plan.hurtLabel, brokeLabel: plan.brokeLabel },
    roles: { A: roleOf(plan.hurtPartner, "A"), B: roleOf(plan.hurtPartner, "B") },
    names: { A: partnerA.name, B: partnerB.name },
    currentPhase: plan.currentPhase,
    phaseCount: plan.phases.length,
    startedAt: plan.startedAt.toISOString(),
    startedBy: plan.startedBy.name,
    today,
    phases: plan.phases.map((p) => ({
      id: p.id,
      position: p.position,
      name: p.name,
      summary: p.summary,
      goals: p.goals,
      exitCriteria: p.exitCriteria,
      state: phaseState(p.position, plan.currentPhase),
      unlocked: itemsUnlocked(p.position, plan.currentPhase),
      startedAt: p.startedAt?.toISOString() ?? null,
      completedAt: p.completedAt?.toISOString() ?? null,
      completedBy: p.completedBy?.name ?? null,
      exitNote: p.exitNote,
      items: p.items.map((i) => ({
        id: i.id,
        kind: i.kind,
        role: i.role as RepairRole,
        title: i.title,
        detail: describeItem(i.content as unknown as PhaseItem),
        assignee: slotFor(i.role as RepairRole, plan.hurtPartner),
        assignedAt: i.assignedAt?.toISOString() ?? null,
        homeworkId: i.homeworkId,
      })),
    })),
    restitution: plan.restitution.map((a, k) => ({
      id: a.id,
      text: a.text,
      dueOn: iso(a.dueOn),
      responsible: slotOf(a.responsibleId),
      responsibleName: name(a.responsibleId),
      state: restitutionState(facts[k]!, today),
      missed: missedDate(facts[k]!, today, pauses),
      doneOn: facts[k]!.doneOn,
      doneNote: a.doneNote,
      confirmation: a.confirmation,
      confirmationNote: a.confirmationNote,
    })),
    restitutionSummary: restitutionSummary(facts, today, pauses),
    events: plan.events.map((e) => ({ id: String(e.id), type: e.type, fromPhase: e.fromPhase, toPhase: e.toPhase, note: e.note, at: e.createdAt.toISOString(), actor: e.actor?.name ?? null })),
  };
}
export type TherapistPlan = NonNullable<Awaited<ReturnType<typeof planForTherapist>>>;

function describeItem(item: PhaseItem): string {
  if (item.kind === "homework") return `Homework, due ${item.dueInDays} day${item.dueInDays === 1 ? "" : "s"} after it is assigned`;
  return `${item.routineKind === "agreement" ? "Agreement" : "Routine"}: ${item.target}`;
}

/** $1 couple, $2 practice: the couple's open plan, if any. */
const OPEN_PLAN_SQL = `SELECT rp.id FROM "RepairPlan" rp JOIN "Couple" c ON c.id = rp."coupleId"
  WHERE rp."coupleId" = $1 AND c."practiceId" = $2 AND rp."endedAt" IS NULL`;

/**
 * The couple page's one line: where the couple is on its open plan, and its restitution so far
 * (missed dates counted as in the weekly review). Null when there is no open plan.
 */
export async function planSummaryForCouple(user: SessionUser, coupleId: string) {
  // Most couples have no plan: one indexed probe instead of the ORM's query with its relations.
  const [open] = await preparedSql<{ id: string }>("mend_open_plan_v1", OPEN_PLAN_SQL, [coupleId, user.practiceId]);
  if (!open) return null;
  const plan = await prisma.repairPlan.findFirst({
    where: ownPlan(user, coupleId),
    select: {
      id: true,
      title: true,
      currentPhase: true,
      couple: { select: { timeZone: true } },
      phases: { orderBy: { position: "asc" }, select: { name: true } },
      restitution: { select: { dueOn: true, doneAt: true, confirmation: true } },
    },
  });
  if (!plan) return null;
  const tz = plan.couple.timeZone;
  const today = localDateOf(new Date(), tz);
  const [pauses, questions] = await Promise.all([couplePauses(coupleId, tz), questionCounts(user, coupleId)]);
  const facts = plan.restitution.map((a) => factsOf(a, tz));
  return {
    title: plan.title,
    phase: Math.min(plan.currentPhase + 1, plan.phases.length),
    phaseCount: plan.phases.length,
    phaseName: plan.phases[plan.currentPhase]?.name ?? null,
    complete: plan.currentPhase >= plan.phases.length,
    restitution: restitutionSummary(facts, today, pauses),
    /** the weekly review's 7 days: restitution due in them, and dates missed */
    restitutionThisWeek: restitutionSummary(facts, today, pauses, { from: addDays(today, -6), to: today }),
    /** the questions' statuses (never their text on the couple page) */
    questions,
  };
}
export type CouplePlanSummary = NonNullable<Awaited<ReturnType<typeof planSummaryForCouple>>>;

export interface StartInput {
  templateKey: string | null;
  title: string;
  hurtPartner: PartnerSlot;
  /** a blank plan's first phase */
  firstPhase?: { name: string; goals: string[]; exitCriteria: string[] };
}

/** A template's phases as rows to create with a plan (the demo seed uses it too). */
export function phaseRows(phases: PhaseTemplate[]) {
  return phases.map((p, position) => ({
    position,
    key: p.key,
    name: p.name,
    summary: p.summary,
    goals: p.goals,
    exitCriteria: p.exitCriteria,
    startedAt: position === 0 ? new Date() : null,
    items: { create: p.items.map((i) => ({ key: i.key, kind: i.kind, role: i.role, title: i.title, content: i as unknown as Prisma.InputJsonValue })) },
  }));
}

/** Starts a plan from a built-in template or blank. One open plan per couple (a unique index). */
export async function startPlan(user: SessionUser, coupleId: string, input: StartInput, request?: Request): Promise<Result<{ planId: string }>> {
  const couple = await prisma.couple.findFirst({ where: ownCouple(user, coupleId), select: { id: true } });
  if (!couple) return notFound;
  let phases: PhaseTemplate[];
  let title = input.title;
  if (input.templateKey) {
    const t = repairTemplate(input.templateKey);
    if (!t) return { ok: false, status: 400, field: "templateKey", error: "Choose one of the plans listed." };
    phases = t.phases;
    title = title || t.title;
  } else {
    if (!input.firstPhase?.name) return { ok: false, status: 400, field: "phaseName", error: "Name the first phase of a blank plan." };
    phases = [{ key: "phase-1", name: input.firstPhase.name, summary: "", goals: input.firstPhase.goals, exitCriteria: input.firstPhase.exitCriteria, items: [] }];
    title = title || "Repair plan";
  }
  try {
    const plan = await prisma.$transaction(async (tx) => {
      const p = await tx.repairPlan.create({
        data: { coupleId, templateKey: input.templateKey, title, hurtPartner: input.hurtPartner, hurtLabel: DEFAULT_LABELS.hurt, brokeLabel: DEFAULT_LABELS.broke, startedById: user.id, phases: { create: phaseRows(phases) } },
        select: { id: true },
      });
      await tx.repairPlanEvent.create({ data: { planId: p.id, actorId: user.id, type: "started", toPhase: 0, detail: { templateKey: input.templateKey, hurtPartner: input.hurtPartner } } });
      await audit({ actor: user, action: "create", entity: "repair-plan", entityId: p.id, coupleId, detail: { templateKey: input.templateKey }, request }, tx);
      return p;
    });
    return { ok: true, planId: plan.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, status: 409, field: "templateKey", error: "This couple already has a repair plan." };
    throw error;
  }
}

/** Renames the role labels and/or changes which partner was hurt. */
export async function updateRoles(user: SessionUser, coupleId: string, planId: string, input: { hurtLabel: string; brokeLabel: string; hurtPartner: PartnerSlot }, request?: Request): Promise<Result> {
  const plan = await prisma.repairPlan.findFirst({ where: ownPlan(user, coupleId, planId), select: { id: true, hurtLabel: true, brokeLabel: true, hurtPartner: true } });
  if (!plan) return notFound;
  await prisma.$transaction(async (tx) => {
    await tx.repairPlan.update({ where: { id: plan.id }, data: input });
    await tx.repairPlanEvent.create({ data: { planId: plan.id, actorId: user.id, type: "roles_changed", detail: { from: { hurtLabel: plan.hurtLabel, brokeLabel: plan.brokeLabel, hurtPartner: plan.hurtPartner }, to: input } } });
    await audit({ actor: user, action: "update", entity: "repair-plan", entityId: plan.id, coupleId, detail: { roles: true }, request }, tx);
  });
  return { ok: true };
}

/**
 * Moves the plan on one phase, after the therapist confirmed the phase's exit criteria — never
 * automatically and never back. The conditional update is the lock: of two therapists' tabs
 * moving at once, one moves.
 */
export async function advancePhase(
  user: SessionUser,
  coupleId: string,
  planId: string,
  input: { fromPhase: number; toPhase: number; confirmed: number[]; note: string | null },
  request?: Request,
): Promise<Result<{ finished: boolean }>> {
  const plan = await prisma.repairPlan.findFirst({
    where: ownPlan(user, coupleId, planId),
    select: { id: true, currentPhase: true, endedAt: true, phases: { orderBy: { position: "asc" }, select: { id: true, position: true, exitCriteria: true } } },
  });
  if (!plan) return notFound;
  const phase = plan.phases[plan.currentPhase];
  const check = checkMove(
    { currentPhase: plan.currentPhase, phaseCount: plan.phases.length, ended: plan.endedAt !== null },
    { ...input, criteriaCount: phase?.exitCriteria.length ?? 0 },
  );
  if (!check.ok) return { ok: false, status: 400, field: check.field === "form" ? undefined : check.field, error: check.error };
  const moved = await prisma.$transaction(async (tx) => {
    const now = new Date();
    const updated = await tx.repairPlan.updateMany({ where: { id: plan.id, currentPhase: plan.currentPhase, endedAt: null }, data: { currentPhase: check.to } });
    if (updated.count !== 1) return false;
    await tx.repairPhase.update({ where: { id: phase!.id }, data: { completedAt: now, completedById: user.id, exitNote: input.note } });
    const next = plan.phases[check.to];
    if (next) await tx.repairPhase.update({ where: { id: next.id }, data: { startedAt: now } });
    await tx.repairPlanEvent.create({ data: { planId: plan.id, actorId: user.id, type: "phase_completed", fromPhase: plan.currentPhase, toPhase: check.to, note: input.note, detail: { confirmed: phase!.exitCriteria } } });
    await audit({ actor: user, action: "advance", entity: "repair-plan", entityId: plan.id, coupleId, detail: { fromPhase: plan.currentPhase, toPhase: check.to }, request }, tx);
    return true;
  });
  if (!moved) return { ok: false, status: 409, error: "The plan has moved since this page was loaded. Check where it is now." };
  return { ok: true, finished: check.finishes };
}

/** Appends a phase (a blank plan is built this way; a template's plan may get an extra one). */
export async function addPhase(user: SessionUser, coupleId: string, planId: string, input: { name: string; goals: string[]; exitCriteria: string[] }, request?: Request): Promise<Result> {
  const plan = await prisma.repairPlan.findFirst({ where: ownPlan(user, coupleId, planId), select: { id: true, _count: { select: { phases: true } } } });
  if (!plan) return notFound;
  try {
    await prisma.$transaction(async (tx) => {
      const position = plan._count.phases;
      await tx.repairPhase.create({ data: { planId: plan.id, position, key: `phase-${position + 1}`, name: input.name, goals: input.goals, exitCriteria: input.exitCriteria } });
      await tx.repairPlanEvent.create({ data: { planId: plan.id, actorId: user.id, type: "phase_added", toPhase: position, note: input.name } });
      await audit({ actor: user, action: "update", entity: "repair-plan", entityId: plan.id, coupleId, detail: { phaseAdded: position }, request }, tx);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, status: 409, error: "Someone added a phase at the same time. Reload and try again." };
    throw error;
  }
  return { ok: true };
}

/**
 * Assigns one of a phase's homework or routines through the usual machinery (a Homework or an
 * Assignment), to the partner its role resolves to. The item is claimed first, so a double click
 * assigns it once; if the assignment cannot be made, the claim is given back.
 */
export async function assignPhaseItem(user: SessionUser, coupleId: string, planId: string, itemId: string, request?: Request): Promise<Result<{ kind: "homework" | "routine" }>> {
  const item = await prisma.repairPhaseItem.findFirst({
    where: { id: itemId, phase: { plan: ownPlan(user, coupleId, planId) } },
    select: { id: true, kind: true, role: true, content: true, assignedAt: true, phase: { select: { position: true, plan: { select: { id: true, currentPhase: true, hurtPartner: true, couple: { select: { timeZone: true } } } } } } },
  });
  if (!item) return notFound;
  const plan = item.phase.plan;
  if (!itemsUnlocked(item.phase.position, plan.currentPhase)) return { ok: false, status: 400, error: "This phase's work unlocks when the couple reaches it." };
  if (item.assignedAt) return { ok: false, status: 400, error: "This has already been assigned from the plan." };
  const claimed = await prisma.repairPhaseItem.updateMany({ where: { id: item.id, assignedAt: null }, data: { assignedAt: new Date() } });
  if (claimed.count !== 1) return { ok: false, status: 400, error: "This has already been assigned from the plan." };
  const slot = slotFor(item.role as RepairRole, plan.hurtPartner);
  const today = localDateOf(new Date(), plan.couple.timeZone);
  const content = item.content as unknown as PhaseItem;
  try {
    let link: { homeworkId?: string; assignmentId?: string };
    if (content.kind === "homework") {
      link = { homeworkId: await createPhaseHomework(user, coupleId, content, slot, today, request) };
    } else {
      link = { assignmentId: await createPhaseRoutine(user, coupleId, content, slot, today, request) };
    }
    await prisma.$transaction(async (tx) => {
      await tx.repairPhaseItem.update({ where: { id: item.id }, data: link });
      await tx.repairPlanEvent.create({ data: { planId: plan.id, actorId: user.id, type: "item_assigned", note: content.title, detail: { itemId: item.id, slot, ...link } } });
      await audit({ actor: user, action: "assign", entity: "repair-plan", entityId: plan.id, coupleId, detail: { itemId: item.id, slot, ...link }, request }, tx);
    });
    return { ok: true, kind: content.kind };
  } catch (error) {
    await prisma.repairPhaseItem.updateMany({ where: { id: item.id, homeworkId: null, assignmentId: null }, data: { assignedAt: null } });
    throw error;
  }
}

/** The practice's own library entry when it has one of that title (its edits apply), else the item's own content. */
async function createPhaseHomework(user: SessionUser, coupleId: string, item: HomeworkItem, assignee: PartnerSlot, today: string, request?: Request): Promise<string> {
  const library = item.libraryTitle
    ? await prisma.homeworkTemplate.findFirst({ where: { practiceId: user.practiceId, title: item.libraryTitle, archivedAt: null, measure: null }, select: { id: true } })
    : null;
  const ids = await assignHomework(
    user,
    { id: coupleId },
    {
      templateId: library?.id ?? null,
      title: library ? "" : item.title,
      instructions: library ? "" : item.instructions,
      assignee,
      dueDate: addDays(today, item.dueInDays),
      visibility: item.visibility,
      prompts: item.prompts.map((p) => ({ type: p.type as PromptType, label: p.label, options: p.options ?? [], required: p.required ?? true })),
    },
    request,
  );
  if (!ids?.[0]) throw new Error("homework was not created");
  return ids[0];
}

async function createPhaseRoutine(user: SessionUser, coupleId: string, item: RoutineItem, responsible: PartnerSlot, today: string, request?: Request): Promise<string> {
  const library = item.libraryTitle ? await prisma.routineTemplate.findFirst({ where: { practiceId: user.practiceId, title: item.libraryTitle, archivedAt: null }, select: { id: true } }) : null;
  const a = await createAssignment(
    user,
    coupleId,
    {
      templateId: library?.id ?? null,
      kind: item.routineKind,
      title: item.title,
      target: item.target,
      cadence: item.cadence,
      weekday: item.cadence === "weekly" ? item.weekday ?? 0 : null,
      timesPerWeek: item.cadence === "times_per_week" ? item.timesPerWeek ?? 1 : null,
      responsible,
      startDate: today,
      durationWeeks: item.durationWeeks,
    },
    request,
  );
  return a.id;
}

/** Adds one of the 1–3 restitution actions, each with a date, to the open plan. */
export async function addRestitution(user: SessionUser, coupleId: string, planId: string, input: { text: string; dueOn: string | null; responsible: Slot }, request?: Request): Promise<Result> {
  const plan = await prisma.repairPlan.findFirst({
    where: ownPlan(user, coupleId, planId),
    select: { id: true, couple: { select: { timeZone: true, partnerAId: true, partnerBId: true } } },
  });
  if (!plan) return notFound;
  const today = localDateOf(new Date(), plan.couple.timeZone);
  return prisma.$transaction(async (tx) => {
    // Counted inside the transaction, with the plan row locked, so two tabs cannot make a fourth.
    await tx.$executeRaw`SELECT 1 FROM "RepairPlan" WHERE id = ${plan.id} FOR UPDATE`;
    const existing = await tx.restitutionAction.count({ where: { planId: plan.id } });
    const check = checkNewAction({ text: input.text, dueOn: input.dueOn, existing, today });
    if (!check.ok) return { ok: false as const, status: 400 as const, field: check.field === "form" ? undefined : check.field, error: check.error };
    const a = await tx.restitutionAction.create({
      data: { planId: plan.id, text: input.text.trim(), dueOn: asDate(input.dueOn!), responsibleId: input.responsible === "A" ? plan.couple.partnerAId : plan.couple.partnerBId, createdById: user.id },
      select: { id: true },
    });
    await audit({ actor: user, action: "create", entity: "restitution", entityId: a.id, coupleId, request }, tx);
    return { ok: true as const };
  });
}

// —————————————————————————————————————————— partner ——————————————————————————————————————————

/** The couple's open plan, as a partner of it reaches it (their own practice and couple only). */
function partnersOpenPlan(user: SessionUser, ctx: PartnerContext): Prisma.RepairPlanWhereInput {
  return { coupleId: ctx.coupleId, endedAt: null, couple: { practiceId: user.practiceId } };
}

/** What a partner sees of one action and may do about it (mark done if theirs, confirm if the other's and done). */
function partnerView(a: { id: string; text: string; dueOn: Date; responsibleId: string; doneAt: Date | null; confirmation: "yes" | "no" | null }, user: SessionUser, ctx: PartnerContext) {
  const facts = factsOf(a, ctx.timeZone);
  const mine = a.responsibleId === user.id;
  return {
    id: a.id,
    text: a.text,
    dueOn: facts.dueOn,
    mine,
    state: restitutionState(facts, ctx.today),
    doneOn: facts.doneOn,
    confirmation: a.confirmation,
    canMarkDone: checkMarkDone({ responsible: mine, doneOn: facts.doneOn }).ok,
    canConfirm: checkConfirm({ responsible: mine, doneOn: facts.doneOn, confirmation: a.confirmation }).ok,
  };
}

const PARTNER_ACTION_SELECT = { id: true, text: true, dueOn: true, responsibleId: true, doneAt: true, confirmation: true } as const;

/**
 * The restitution actions a partner sees on Today: the open plan's actions, with what this
 * partner can do about each (mark done if theirs, confirm if the other's and done). Finished ones
 * stay for a week. While shared work is paused (as far as partners know), none are shown.
 */
export async function restitutionForPartner(user: SessionUser, ctx: PartnerContext) {
  if (ctx.paused || !ctx.hasPlan) return [];
  const actions = await prisma.restitutionAction.findMany({
    where: { plan: partnersOpenPlan(user, ctx) },
    orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
    select: { ...PARTNER_ACTION_SELECT, confirmedAt: true },
  });
  const weekAgo = addDays(ctx.today, -7);
  return actions
    .map((a) => ({ ...partnerView(a, user, ctx), finishedOn: a.confirmedAt ? localDateOf(a.confirmedAt, ctx.timeZone) : null }))
    .filter((a) => !a.finishedOn || a.finishedOn >= weekAgo);
}

/** One action as the partner's restitution page shows it (their own couple's only), or null. */
export async function restitutionActionForPartner(user: SessionUser, ctx: PartnerContext, actionId: string) {
  const a = await prisma.restitutionAction.findFirst({ where: { id: actionId, plan: partnersOpenPlan(user, ctx) }, select: PARTNER_ACTION_SELECT });
  return a ? partnerView(a, user, ctx) : null;
}

export type PartnerStep = { intent: "done"; note: string | null } | { intent: "confirm"; answer: "yes" | "no"; note: string | null };

/**
 * The responsible partner marks an action done; the other answers "did this happen as promised?".
 * A note goes through the safety rules like any note a partner writes.
 */
export async function restitutionStep(user: SessionUser, ctx: PartnerContext, actionId: string, step: PartnerStep, request?: Request): Promise<Result> {
  const a = await prisma.restitutionAction.findFirst({
    where: { id: actionId, plan: partnersOpenPlan(user, ctx) },
    select: { id: true, responsibleId: true, doneAt: true, confirmation: true },
  });
  if (!a) return notFound;
  if (ctx.paused) return { ok: false, status: 400, error: "Your therapist has paused shared exercises for now." };
  const mine = a.responsibleId === user.id;
  const doneOn = a.doneAt ? localDateOf(a.doneAt, ctx.timeZone) : null;
  const check = step.intent === "done" ? checkMarkDone({ responsible: mine, doneOn }) : checkConfirm({ responsible: mine, doneOn, confirmation: a.confirmation });
  if (!check.ok) return { ok: false, status: 400, error: check.error };
  const applied = await withSafetyRetry(async (tx) => {
    const now = new Date();
    const updated =
      step.intent === "done"
        ? await tx.restitutionAction.updateMany({ where: { id: a.id, doneAt: null, responsibleId: user.id }, data: { doneAt: now, doneNote: step.note } })
        : await tx.restitutionAction.updateMany({
            where: { id: a.id, doneAt: { not: null }, confirmation: null, responsibleId: { not: user.id } },
            data: { confirmation: step.answer, confirmedAt: now, confirmedById: user.id, confirmationNote: step.note },
          });
    if (updated.count !== 1) return false;
    if (step.note) {
      await applySafetyRules(tx, { practiceId: user.practiceId, coupleId: ctx.coupleId, partnerId: user.id, actorId: user.id }, { kind: "text", text: step.note, context: "restitution note" });
    }
    await audit({ actor: user, action: step.intent === "done" ? "mark-done" : "confirm", entity: "restitution", entityId: a.id, coupleId: ctx.coupleId, detail: step.intent === "confirm" ? { answer: step.answer } : undefined, request }, tx);
    return true;
  });
  if (!applied) return { ok: false, status: 400, error: step.intent === "done" ? "This action is already marked done." : "You have already answered for this action." };
  return { ok: true };
}

/** The couple a restitution action belongs to, within one practice: to file a denied request under it. */
export async function coupleOfRestitution(practiceId: string, actionId: string): Promise<string | null> {
  const a = await prisma.restitutionAction.findFirst({ where: { id: actionId, plan: { couple: { practiceId } } }, select: { plan: { select: { coupleId: true } } } });
  return a?.plan.coupleId ?? null;
}

// ———————————————————————————————————— questions and answers ————————————————————————————————————

const QUESTION_SELECT = {
  id: true,
  text: true,
  status: true,
  therapistFirst: true,
  askerId: true,
  askedAt: true,
  answer: true,
  answeredAt: true,
  releasedAt: true,
  createdAt: true,
} as const;

function factsOfQuestion(q: { status: QuestionStatus; answeredAt: Date | null; releasedAt: Date | null }) {
  return { status: q.status, answered: q.answeredAt !== null, released: q.releasedAt !== null };
}

/** The therapist's view of the plan's questions: everything, answers included (they pace them). */
export async function questionsForTherapist(user: SessionUser, coupleId: string) {
  const qs = await prisma.repairQuestion.findMany({
    where: { plan: ownPlan(user, coupleId) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { ...QUESTION_SELECT, asker: { select: { name: true } } },
  });
  return qs.map((q) => ({
    id: q.id,
    text: q.text,
    status: q.status,
    asker: q.asker.name,
    therapistFirst: q.therapistFirst,
    answer: q.answer,
    answeredAt: q.answeredAt?.toISOString() ?? null,
    released: q.releasedAt !== null,
    steps: (["ask", "hold", "release", "revisit"] as const).filter((s) => checkPace(factsOfQuestion(q), s).ok),
  }));
}

/** The therapist asks a question of the other partner in writing, holds it for a session, releases an answer, or marks it revisited. */
export async function paceQuestion(user: SessionUser, coupleId: string, questionId: string, step: PaceStep, options: { therapistFirst: boolean }, request?: Request): Promise<Result> {
  const q = await prisma.repairQuestion.findFirst({ where: { id: questionId, plan: ownPlan(user, coupleId) }, select: { id: true, planId: true, status: true, answeredAt: true, releasedAt: true, askedAt: true } });
  if (!q) return notFound;
  const check = checkPace(factsOfQuestion(q), step);
  if (!check.ok) return { ok: false, status: 400, error: check.error };
  const now = new Date();
  const data: Prisma.RepairQuestionUpdateManyMutationInput =
    step === "ask"
      ? { status: "asked", askedAt: q.askedAt ?? now, therapistFirst: options.therapistFirst }
      : step === "hold"
        ? { status: "held_for_session", heldAt: now }
        : step === "release"
          ? { releasedAt: now }
          : { status: "revisited", revisitedAt: now };
  const moved = await prisma.$transaction(async (tx) => {
    const updated = await tx.repairQuestion.updateMany({ where: { id: q.id, status: q.status, releasedAt: q.releasedAt }, data });
    if (updated.count !== 1) return false;
    await audit({ actor: user, action: step === "release" ? "send" : "update", entity: "repair-question", entityId: q.id, coupleId, detail: { step }, request }, tx);
    return true;
  });
  if (!moved) return { ok: false, status: 409, error: "This question changed since the page was loaded. Check it again." };
  return { ok: true };
}

/** The partner's role on the couple's open plan, or null when there is none. */
async function partnerPlan(user: SessionUser, ctx: PartnerContext) {
  const plan = await prisma.repairPlan.findFirst({ where: partnersOpenPlan(user, ctx), select: { id: true, hurtPartner: true, hurtLabel: true, brokeLabel: true } });
  return plan ? { ...plan, role: roleOf(plan.hurtPartner, ctx.slot) } : null;
}

/**
 * A partner's questions page: their own list (if they were hurt) with the answers released to
 * them, and the questions asked of them (if they broke the promise). Never another's private
 * question, never an answer before its release.
 */
export async function questionsForPartner(user: SessionUser, ctx: PartnerContext) {
  const plan = ctx.hasPlan ? await partnerPlan(user, ctx) : null;
  if (!plan) return null;
  const [mine, toAnswer] = await Promise.all([
    prisma.repairQuestion.findMany({ where: { planId: plan.id, askerId: user.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: QUESTION_SELECT }),
    // answering in writing is shared work: none while the partners know it is paused
    ctx.paused ? Promise.resolve([]) : prisma.repairQuestion.findMany({ where: { planId: plan.id, askerId: { not: user.id }, askedAt: { not: null }, status: { not: "private" } }, orderBy: [{ askedAt: "asc" }, { id: "asc" }], select: QUESTION_SELECT }),
  ]);
  return {
    role: plan.role,
    canAsk: plan.role !== "broke",
    mine: mine.map((q) => ({
      id: q.id,
      text: q.text,
      status: q.status,
      answer: answerVisibleToAsker(factsOfQuestion(q)) ? q.answer : null,
      waitingForTherapist: q.answeredAt !== null && q.releasedAt === null,
    })),
    toAnswer: toAnswer
      .filter((q) => visibleToAnswerer(q.status, q.askedAt !== null))
      .map((q) => ({ id: q.id, text: q.text, status: q.status, answer: q.answer, canAnswer: checkAnswer({ status: q.status, answered: q.answeredAt !== null, askerIsMe: false }).ok, therapistFirst: q.therapistFirst })),
  };
}

/** The hurt partner adds a question to their private list. Safety rules read it like any note. */
export async function addQuestion(user: SessionUser, ctx: PartnerContext, text: string, request?: Request): Promise<Result> {
  const plan = await partnerPlan(user, ctx);
  if (!plan) return { ok: false, status: 400, error: "There is no repair plan to add questions to yet." };
  if (plan.role === "broke") return { ok: false, status: 400, field: "text", error: "This list is kept by the other partner. You answer the questions your therapist sends you." };
  await withSafetyRetry(async (tx) => {
    const q = await tx.repairQuestion.create({ data: { planId: plan.id, askerId: user.id, text }, select: { id: true } });
    await applySafetyRules(tx, { practiceId: user.practiceId, coupleId: ctx.coupleId, partnerId: user.id, actorId: user.id }, { kind: "text", text, context: "question" });
    await audit({ actor: user, action: "create", entity: "repair-question", entityId: q.id, coupleId: ctx.coupleId, request }, tx);
  });
  return { ok: true };
}

/** The partner a question was asked of answers it in writing; the wrong partner is refused. */
export async function answerQuestion(user: SessionUser, ctx: PartnerContext, questionId: string, answer: string, request?: Request): Promise<Result> {
  const q = await prisma.repairQuestion.findFirst({
    where: { id: questionId, plan: partnersOpenPlan(user, ctx) },
    select: { id: true, status: true, askerId: true, askedAt: true, answeredAt: true, therapistFirst: true },
  });
  // another's private question is not even acknowledged to exist
  if (!q || (q.askerId !== user.id && !visibleToAnswerer(q.status, q.askedAt !== null))) return notFound;
  const check = checkAnswer({ status: q.status, answered: q.answeredAt !== null, askerIsMe: q.askerId === user.id });
  if (!check.ok) return { ok: false, status: 400, field: "answer", error: check.error };
  if (ctx.paused) return { ok: false, status: 400, error: "Your therapist has paused shared exercises for now." };
  const applied = await withSafetyRetry(async (tx) => {
    const now = new Date();
    const updated = await tx.repairQuestion.updateMany({
      where: { id: q.id, status: "asked", answeredAt: null, askerId: { not: user.id } },
      data: { answer, answeredAt: now, answeredById: user.id, status: "answered", releasedAt: q.therapistFirst ? null : now },
    });
    if (updated.count !== 1) return false;
    await applySafetyRules(tx, { practiceId: user.practiceId, coupleId: ctx.coupleId, partnerId: user.id, actorId: user.id }, { kind: "text", text: answer, context: "answer" });
    await audit({ actor: user, action: "submit", entity: "repair-question", entityId: q.id, coupleId: ctx.coupleId, request }, tx);
    return true;
  });
  if (!applied) return { ok: false, status: 400, field: "answer", error: "This question is not waiting for your answer." };
  return { ok: true };
}

/** Counts by status for the couple page. */
export async function questionCounts(user: SessionUser, coupleId: string) {
  const rows = await prisma.repairQuestion.groupBy({ by: ["status"], where: { plan: ownPlan(user, coupleId) }, _count: { _all: true } });
  const counts: Record<QuestionStatus, number> = { private: 0, asked: 0, held_for_session: 0, answered: 0, revisited: 0 };
  for (const r of rows) counts[r.status] = r._count._all;
  return counts;
}

/** The couple a question belongs to, within one practice: to file a denied request under it. */
export async function coupleOfQuestion(practiceId: string, questionId: string): Promise<string | null> {
  const q = await prisma.repairQuestion.findFirst({ where: { id: questionId, plan: { couple: { practiceId } } }, select: { plan: { select: { coupleId: true } } } });
  return q?.plan.coupleId ?? null;
}
