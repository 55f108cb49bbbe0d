/**
 * Issue 18, items 1–3: a repair plan with phases (started from a template or blank, moved on by
 * the therapist only, never back), a role for each partner (role-specific homework goes to the
 * right partner), and restitution actions tracked to done and confirmed — with the bad input the
 * issue lists answered by the field, and the wrong partner, other couples and other therapists
 * refused.
 */
import { describe, expect, it } from "vitest";
import { addDays, localDateOf } from "~/domain/dates";
import { BROKEN_PROMISE, REPAIR_TEMPLATES } from "~/domain/repair/templates";
import { planSummaryForCouple, questionCounts } from "~/models/repair.server";
import * as coupleRoute from "~/routes/couples.$coupleId._index/route";
import * as planRoute from "~/routes/couples.$coupleId.plan";
import * as questionsRoute from "~/routes/plan.questions";
import * as restitutionRoute from "~/routes/restitution.$actionId";
import * as todayRoute from "~/routes/today";
import { HOMEWORK_TEMPLATES, ROUTINE_TEMPLATES } from "~/seed/templates";
import { seedLibrary } from "~/startup.server";
import { prisma, sql } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { call, createWorld, getRequest, postRequest } from "../support/fixtures";

type World = Awaited<ReturnType<typeof createWorld>>;
type PlanData = Awaited<ReturnType<typeof planRoute.loader>>;
type Reply = { intent: string; result: { error: Record<string, string[] | null>; initialValue: Record<string, string> } };
const NY = "America/New_York";

const planUrl = (w: World) => `/couples/${w.coupleA.id}/plan`;
const params = (w: World) => ({ coupleId: w.coupleA.id });
const post = async (w: World, fields: Record<string, string | string[]>, user: { id: string } = w.therapist) => call(planRoute.action, await postRequest(planUrl(w), fields, user), params(w));
const load = async (w: World, user: { id: string } = w.therapist) => (await call(planRoute.loader, await getRequest(planUrl(w), user), params(w))).data as PlanData;

async function startBrokenPromise(w: World) {
  // partner A2 (slot B) was hurt, so partner A1 (slot A) is the partner who broke the promise
  const res = await post(w, { intent: "start", templateKey: "broken-promise", hurtPartner: "B" });
  expect(res.status).toBe(302);
  const d = await load(w);
  return d.plan!;
}

const allCriteria = (n: number) => Array.from({ length: n }, (_, i) => String(i));

describe("a repair plan from a template", () => {
  it("starts with the template's phases in phase 1, with a role for each partner and its history", async () => {
    const w = await createWorld();
    expect((await load(w)).plan).toBeNull();
    const plan = await startBrokenPromise(w);
    expect(plan.title).toBe("Repair after a broken promise");
    expect(plan.phases.map((p) => p.name)).toEqual(BROKEN_PROMISE.phases.map((p) => p.name));
    expect(plan.currentPhase).toBe(0);
    expect(plan.phases.map((p) => p.state)).toEqual(["current", "upcoming", "upcoming", "upcoming", "upcoming", "upcoming", "upcoming"]);
    expect(plan.roles).toEqual({ A: "broke", B: "hurt" });
    expect(plan.events).toMatchObject([{ type: "started", actor: w.therapist.name }]);
    // a second plan for the same couple is refused by the field, not a 500
    const again = await post(w, { intent: "start", templateKey: "affair-recovery", hurtPartner: "A" });
    expect(again.status).toBe(409);
    expect((again.data as Reply).result.error.templateKey?.[0]).toMatch(/already has a repair plan/);
    expect(await prisma.repairPlan.count({ where: { coupleId: w.coupleA.id } })).toBe(1);
    const audited = await prisma.auditEvent.findFirst({ where: { coupleId: w.coupleA.id, entity: "repair-plan", action: "create" } });
    expect(audited?.actorId).toBe(w.therapist.id);
  });

  it("each built-in template can be started, and a blank plan needs its first phase named", async () => {
    for (const t of REPAIR_TEMPLATES) {
      const w = await createWorld();
      expect((await post(w, { intent: "start", templateKey: t.key, hurtPartner: "A" })).status).toBe(302);
      expect((await load(w)).plan!.phases.map((p) => p.name)).toEqual(t.phases.map((p) => p.name));
    }
    const w = await createWorld();
    const blank = await post(w, { intent: "start", templateKey: "blank", hurtPartner: "BOTH", title: "Our plan" });
    expect(blank.status).toBe(400);
    expect((blank.data as Reply).result.error.phaseName?.[0]).toMatch(/Name the first phase/);
    expect((blank.data as Reply).result.initialValue.title).toBe("Our plan");
    expect((await post(w, { intent: "start", templateKey: "blank", hurtPartner: "BOTH", title: "Our plan", phaseName: "Stabilise", exitCriteria: "No contact for 2 weeks" })).status).toBe(302);
    const plan = (await load(w)).plan!;
    expect(plan).toMatchObject({ title: "Our plan", roles: { A: "both", B: "both" } });
    expect(plan.phases).toMatchObject([{ name: "Stabilise", exitCriteria: ["No contact for 2 weeks"] }]);
    expect((await post(w, { intent: "start", templateKey: "no-such-plan", hurtPartner: "A" })).status).toBe(400);
  });

  it("moves on only when the therapist confirms every exit criterion, one phase at a time, and never back", async () => {
    const w = await createWorld();
    const plan = await startBrokenPromise(w);
    const n = plan.phases[0]!.exitCriteria.length;
    const base = { intent: "advance", planId: plan.id, fromPhase: "0" };

    const partly = await post(w, { ...base, toPhase: "1", criteria: ["0"] });
    expect(partly.status).toBe(400);
    expect((partly.data as Reply).result.error.criteria?.[0]).toContain(`1 of ${n}`);

    const skip = await post(w, { ...base, toPhase: "2", criteria: allCriteria(n) });
    expect((skip.data as Reply).result.error.toPhase?.[0]).toMatch(/one phase at a time/);

    const moved = await post(w, { ...base, toPhase: "1", criteria: allCriteria(n), note: "Named it specifically on day 1." });
    expect(moved.status).toBe(302);
    const after = (await load(w)).plan!;
    expect(after.currentPhase).toBe(1);
    expect(after.phases[0]).toMatchObject({ state: "done", completedBy: w.therapist.name, exitNote: "Named it specifically on day 1." });
    expect(after.phases[1]!.state).toBe("current");
    expect(after.events[0]).toMatchObject({ type: "phase_completed", fromPhase: 0, toPhase: 1, actor: w.therapist.name });

    // bad input: moving a phase back → a field error, nothing changed
    const back = await post(w, { intent: "advance", planId: plan.id, fromPhase: "1", toPhase: "0", criteria: allCriteria(5), note: "back please" });
    expect(back.status).toBe(400);
    expect((back.data as Reply).result.error.toPhase?.[0]).toMatch(/only moves forward/);
    expect((back.data as Reply).result.initialValue.note).toBe("back please");
    // a stale page (still showing phase 1) cannot move it again
    const stale = await post(w, { ...base, toPhase: "1", criteria: allCriteria(n) });
    expect(stale.status).toBe(400);
    expect((await load(w)).plan!.currentPhase).toBe(1);
    // the database holds the rule too
    await expect(prisma.repairPlan.update({ where: { id: plan.id }, data: { currentPhase: 0 } })).rejects.toThrow();
    await expect(sql(`DELETE FROM "RepairPlanEvent" WHERE "planId" = $1`, [plan.id])).rejects.toThrow();
    expect(await prisma.auditEvent.count({ where: { coupleId: w.coupleA.id, entity: "repair-plan", action: "advance" } })).toBe(1);
  });

  it("renames the role labels and can make a breach mutual", async () => {
    const w = await createWorld();
    const plan = await startBrokenPromise(w);
    const empty = await post(w, { intent: "roles", planId: plan.id, hurtPartner: "B", hurtLabel: "", brokeLabel: "Partner repairing" });
    expect(empty.status).toBe(400);
    expect((empty.data as Reply).result.error.hurtLabel).toBeTruthy();
    expect((empty.data as Reply).result.initialValue.brokeLabel).toBe("Partner repairing");
    expect((await post(w, { intent: "roles", planId: plan.id, hurtPartner: "BOTH", hurtLabel: "Partner hurting", brokeLabel: "Partner repairing" })).status).toBe(302);
    const after = (await load(w)).plan!;
    expect(after.labels).toEqual({ hurtLabel: "Partner hurting", brokeLabel: "Partner repairing" });
    expect(after.roles).toEqual({ A: "both", B: "both" });
    expect(after.events[0]!.type).toBe("roles_changed");
  });
});

describe("a phase unlocks its homework and routines", () => {
  it("assigns the acknowledgement to the partner who broke the promise, once, and only from a phase the couple has reached", async () => {
    const w = await createWorld();
    await seedLibrary(prisma, w.practice.id);
    const plan = await startBrokenPromise(w);
    const ack = plan.phases[0]!.items[0]!;
    expect(ack).toMatchObject({ title: "Acknowledge the breach", role: "broke", assignee: "A" });
    expect((await post(w, { intent: "assign-item", planId: plan.id, itemId: ack.id })).status).toBe(302);
    const hw = await prisma.homework.findFirstOrThrow({ where: { coupleId: w.coupleA.id } });
    const libraryAck = await prisma.homeworkTemplate.findFirstOrThrow({ where: { practiceId: w.practice.id, title: "Acknowledge the breach" } });
    expect(hw).toMatchObject({ title: "Acknowledge the breach", assignee: "A", templateId: libraryAck.id });
    // due within 48 hours: the step's own deadline
    expect(hw.dueDate.toISOString().slice(0, 10)).toBe(addDays(localDateOf(new Date(), NY), 2));
    expect((await load(w)).plan!.phases[0]!.items[0]!.homeworkId).toBe(hw.id);

    const twice = await post(w, { intent: "assign-item", planId: plan.id, itemId: ack.id });
    expect(twice.status).toBe(400);
    expect(await prisma.homework.count({ where: { coupleId: w.coupleA.id } })).toBe(1);

    const later = plan.phases[2]!.items.find((i) => i.title.startsWith("5 minutes"))!;
    const locked = await post(w, { intent: "assign-item", planId: plan.id, itemId: later.id });
    expect(locked.status).toBe(400);
    expect(await prisma.assignment.count({ where: { coupleId: w.coupleA.id } })).toBe(0);
  });

  it("a routine for both partners becomes an assignment for both; the hurt partner's letter goes to the hurt partner", async () => {
    const w = await createWorld();
    expect((await post(w, { intent: "start", templateKey: "affair-recovery", hurtPartner: "B" })).status).toBe(302);
    const plan = (await load(w)).plan!;
    const impact = plan.phases[0]!.items.find((i) => i.title === "Impact letter")!;
    const timeOut = plan.phases[0]!.items.find((i) => i.title === "Time-out agreement")!;
    expect((await post(w, { intent: "assign-item", planId: plan.id, itemId: impact.id })).status).toBe(302);
    expect((await post(w, { intent: "assign-item", planId: plan.id, itemId: timeOut.id })).status).toBe(302);
    // no library in this practice: the item's own content is used
    expect(await prisma.homework.findFirst({ where: { coupleId: w.coupleA.id }, select: { title: true, assignee: true, templateId: true, prompts: { select: { label: true } } } })).toMatchObject({
      title: "Impact letter",
      assignee: "B",
      templateId: null,
    });
    expect(await prisma.assignment.findFirst({ where: { coupleId: w.coupleA.id }, select: { title: true, responsible: true, kind: true } })).toEqual({ title: "Time-out agreement", responsible: "BOTH", kind: "agreement" });
  });

  it("every library title a template names is in the seeded library", () => {
    const homework = new Set(HOMEWORK_TEMPLATES.map((t) => t.title));
    const routines = new Set(ROUTINE_TEMPLATES.map((t) => t.title));
    for (const t of REPAIR_TEMPLATES)
      for (const p of t.phases)
        for (const i of p.items) if (i.libraryTitle) expect((i.kind === "homework" ? homework : routines).has(i.libraryTitle), `${t.key}/${p.key}/${i.key}`).toBe(true);
  });
});

describe("restitution actions", () => {
  async function withActions(w: World, count: number) {
    const plan = await startBrokenPromise(w);
    const today = localDateOf(new Date(), NY);
    for (let i = 0; i < count; i++) {
      expect((await post(w, { intent: "add-action", planId: plan.id, text: `Action ${i + 1}`, dueOn: addDays(today, i + 1), responsible: "A" })).status).toBe(302);
    }
    return { plan, today };
  }

  it("need a date and a future one, at most three; bad input keeps what was typed", async () => {
    const w = await createWorld();
    const { plan, today } = await withActions(w, 0);
    const noDate = await post(w, { intent: "add-action", planId: plan.id, text: "Tell my brother the truth", responsible: "A" });
    expect(noDate.status).toBe(400);
    expect((noDate.data as Reply).result.error.dueOn?.[0]).toMatch(/needs a date/);
    expect((noDate.data as Reply).result.initialValue.text).toBe("Tell my brother the truth");
    const past = await post(w, { intent: "add-action", planId: plan.id, text: "Repay the savings", dueOn: addDays(today, -1), responsible: "A" });
    expect((past.data as Reply).result.error.dueOn?.[0]).toMatch(/today or a later date/);
    const notADate = await post(w, { intent: "add-action", planId: plan.id, text: "Repay", dueOn: "2026-02-31", responsible: "A" });
    expect((notADate.data as Reply).result.error.dueOn?.[0]).toMatch(/real date/);
    expect(await prisma.restitutionAction.count({ where: { plan: { coupleId: w.coupleA.id } } })).toBe(0);
    for (let i = 0; i < 3; i++) expect((await post(w, { intent: "add-action", planId: plan.id, text: `Action ${i}`, dueOn: addDays(today, 2), responsible: "A" })).status).toBe(302);
    const fourth = await post(w, { intent: "add-action", planId: plan.id, text: "One more", dueOn: addDays(today, 2), responsible: "A" });
    expect(fourth.status).toBe(400);
    expect((fourth.data as Reply).result.error[""]?.[0]).toMatch(/at most 3/);
    expect(await prisma.restitutionAction.count({ where: { planId: plan.id } })).toBe(3);
  });

  it("the responsible partner marks done on Today, the other confirms; the wrong partner is refused", async () => {
    const w = await createWorld();
    await withActions(w, 1);
    const action = await prisma.restitutionAction.findFirstOrThrow({ where: { plan: { coupleId: w.coupleA.id } } });
    const today = async (user: { id: string }) => (await call(todayRoute.loader, await getRequest("/today", user))).data as Awaited<ReturnType<typeof todayRoute.loader>>;
    const step = async (user: { id: string }, fields: Record<string, string>) => call(restitutionRoute.action, await postRequest(`/restitution/${action.id}`, fields, user), { actionId: action.id });

    expect((await today(w.partnerA1)).restitution).toMatchObject([{ id: action.id, mine: true, canMarkDone: true, canConfirm: false, state: "due" }]);
    expect((await today(w.partnerA2)).restitution).toMatchObject([{ id: action.id, mine: false, canMarkDone: false, canConfirm: false }]);

    // the other partner cannot mark it done, nor confirm before it is done
    const wrong = await step(w.partnerA2, { intent: "done" });
    expect(wrong.status).toBe(400);
    expect((wrong.data as Reply).result.error[""]?.[0]).toMatch(/Only the partner who offered/);
    expect((await step(w.partnerA2, { intent: "confirm", answer: "yes" })).status).toBe(400);
    // a partner of another couple gets 404 and nothing changes
    expect((await step(w.partnerB1, { intent: "done" })).status).toBe(404);
    expect((await call(restitutionRoute.loader, await getRequest(`/restitution/${action.id}`, w.partnerB1), { actionId: action.id })).status).toBe(404);
    const denied = await prisma.auditEvent.findFirst({ where: { actorId: w.partnerB1.id, outcome: "denied", entity: "restitution" } });
    expect(denied?.coupleId).toBe(w.coupleA.id);

    const done = await step(w.partnerA1, { intent: "done", note: "Called him on Sunday." });
    expect(done.status).toBe(302);
    expect(done.location).toBe("/today?saved=restitution-done");
    expect((await step(w.partnerA1, { intent: "done" })).status).toBe(400);
    // the one who did it does not confirm it
    expect((await step(w.partnerA1, { intent: "confirm", answer: "yes" })).status).toBe(400);
    expect((await today(w.partnerA2)).restitution).toMatchObject([{ canConfirm: true, state: "done" }]);

    const noAnswer = await step(w.partnerA2, { intent: "confirm", note: "It did" });
    expect(noAnswer.status).toBe(400);
    expect((noAnswer.data as Reply).result.error.answer?.[0]).toMatch(/yes or no/);
    expect((noAnswer.data as Reply).result.initialValue.note).toBe("It did");
    expect((await step(w.partnerA2, { intent: "confirm", answer: "yes", note: "It did." })).status).toBe(302);
    expect((await step(w.partnerA2, { intent: "confirm", answer: "no" })).status).toBe(400);

    const saved = await prisma.restitutionAction.findUniqueOrThrow({ where: { id: action.id } });
    expect(saved).toMatchObject({ doneNote: "Called him on Sunday.", confirmation: "yes", confirmedById: w.partnerA2.id, confirmationNote: "It did." });
    const plan = (await load(w)).plan!;
    expect(plan.restitution[0]).toMatchObject({ state: "confirmed", missed: false, responsibleName: w.partnerA1.name });
    expect(plan.restitutionSummary).toMatchObject({ total: 1, confirmed: 1, missed: 0 });
    const audits = await prisma.auditEvent.findMany({ where: { entity: "restitution", entityId: action.id, outcome: "allowed" }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });
    expect(audits).toEqual([
      { action: "create", actorId: w.therapist.id },
      { action: "mark-done", actorId: w.partnerA1.id },
      { action: "confirm", actorId: w.partnerA2.id },
    ]);
  });

  it("a date passed without the action is a missed date on the couple page's summary and the plan", async () => {
    const w = await createWorld();
    const plan = await startBrokenPromise(w);
    const today = localDateOf(new Date(), NY);
    await prisma.restitutionAction.create({ data: { planId: plan.id, responsibleId: w.partnerA1.id, text: "Repay the savings", dueOn: new Date(`${addDays(today, -2)}T00:00:00Z`), createdById: w.therapist.id } });
    const therapist = (await prisma.user.findUniqueOrThrow({ where: { id: w.therapist.id } })) as unknown as SessionUser;
    const summary = await planSummaryForCouple(therapist, w.coupleA.id);
    expect(summary).toMatchObject({ phase: 1, phaseCount: 7, phaseName: "Acknowledge the breach", restitution: { missed: 1, open: 1 }, restitutionThisWeek: { missed: 1 } });
    expect((await load(w)).plan!.restitution[0]).toMatchObject({ state: "overdue", missed: true });
    // the couple page carries the same line
    const page = (await call(coupleRoute.loader, await getRequest(`/couples/${w.coupleA.id}`, w.therapist), params(w))).data as { repairPlan: unknown };
    expect(page.repairPlan).toMatchObject({ phase: 1, phaseCount: 7, phaseName: "Acknowledge the breach", restitution: { missed: 1 } });
    // another therapist sees nothing of it
    const other = (await prisma.user.findUniqueOrThrow({ where: { id: w.otherTherapist.id } })) as unknown as SessionUser;
    expect(await planSummaryForCouple(other, w.coupleA.id)).toBeNull();
  });

  it("respect a pause as routines do: hidden and refused while the partners know of a pause, unchanged while a safety pause is untold", async () => {
    const w = await createWorld();
    await withActions(w, 1);
    const action = await prisma.restitutionAction.findFirstOrThrow({ where: { plan: { coupleId: w.coupleA.id } } });
    const todayOf = async (user: { id: string }) => ((await call(todayRoute.loader, await getRequest("/today", user))).data as { restitution: unknown[] }).restitution;

    // a high flag's pause, not yet told: nothing the partners see changes
    await prisma.couple.update({ where: { id: w.coupleA.id }, data: { workPausedAt: new Date(), workPauseReason: "safety" } });
    expect(await todayOf(w.partnerA1)).toHaveLength(1);

    // once told (or a therapist's pause): gone from Today, and marking done is refused
    await prisma.couple.update({ where: { id: w.coupleA.id }, data: { pauseToldAt: new Date() } });
    expect(await todayOf(w.partnerA1)).toHaveLength(0);
    const refused = await call(restitutionRoute.action, await postRequest(`/restitution/${action.id}`, { intent: "done" }, w.partnerA1), { actionId: action.id });
    expect(refused.status).toBe(400);
    expect((await prisma.restitutionAction.findUniqueOrThrow({ where: { id: action.id } })).doneAt).toBeNull();
  });
});

describe("who may touch a plan", () => {
  it("another therapist, the partners and another practice's staff are refused, and nothing changes", async () => {
    const w = await createWorld();
    const plan = await startBrokenPromise(w);
    for (const user of [w.otherTherapist, w.partnerA1, w.supervisor, w.otherPracticeTherapist]) {
      const res = await call(planRoute.loader, await getRequest(planUrl(w), user), params(w));
      expect([403, 404], `GET as ${user.role}`).toContain(res.status);
      const moved = await post(w, { intent: "advance", planId: plan.id, fromPhase: "0", toPhase: "1", criteria: allCriteria(3) }, user);
      expect([403, 404], `POST as ${user.role}`).toContain(moved.status);
      const added = await post(w, { intent: "add-action", planId: plan.id, text: "x", dueOn: "2099-01-01", responsible: "A" }, user);
      expect([403, 404]).toContain(added.status);
    }
    expect((await prisma.repairPlan.findUniqueOrThrow({ where: { id: plan.id } })).currentPhase).toBe(0);
    expect(await prisma.restitutionAction.count({ where: { plan: { coupleId: w.coupleA.id } } })).toBe(0);
    // couple B's therapist posting couple A's plan id to their own couple's page finds nothing
    const cross = await call(planRoute.action, await postRequest(`/couples/${w.coupleB.id}/plan`, { intent: "add-action", planId: plan.id, text: "x", dueOn: "2099-01-01", responsible: "A" }, w.otherTherapist), { coupleId: w.coupleB.id });
    expect(cross.status).toBe(404);
    expect(await prisma.restitutionAction.count({ where: { plan: { coupleId: w.coupleA.id } } })).toBe(0);
  });
});

describe("questions and answers, paced by the therapist", () => {
  it("the hurt partner's private list, asked in writing, answered by the right partner, read by the therapist first, then shared", async () => {
    const w = await createWorld();
    const plan = await startBrokenPromise(w); // partner A2 was hurt, partner A1 broke the promise
    const qUrl = "/plan/questions";
    const page = async (user: { id: string }) => (await call(questionsRoute.loader, await getRequest(qUrl, user))).data as Awaited<ReturnType<typeof questionsRoute.loader>>;
    const send = async (user: { id: string }, fields: Record<string, string>) => call(questionsRoute.action, await postRequest(qUrl, fields, user));

    // only the hurt partner keeps the list; an empty question keeps the form
    expect((await send(w.partnerA1, { intent: "add", text: "Not mine to ask" })).status).toBe(400);
    const empty = await send(w.partnerA2, { intent: "add", text: "  " });
    expect((empty.data as Reply).result.error.text?.[0]).toMatch(/Write the question/);
    expect((await send(w.partnerA2, { intent: "add", text: "Who else knew?" })).status).toBe(302);
    expect((await send(w.partnerA2, { intent: "add", text: "Did you see them again after June?" })).status).toBe(302);
    const [q1, q2] = await prisma.repairQuestion.findMany({ where: { planId: plan.id }, orderBy: { createdAt: "asc" } });

    // private: the other partner sees nothing of it, and cannot answer it
    expect((await page(w.partnerA1)).data!.toAnswer).toEqual([]);
    expect(JSON.stringify((await page(w.partnerA1)).data)).not.toContain("Who else knew?");
    expect((await send(w.partnerA1, { intent: "answer", questionId: q1!.id, answer: "probe" })).status).toBe(404);

    // the therapist paces: one asked in writing (read first), one held for a session
    const pace = (questionId: string, step: string, extra: Record<string, string> = {}) => post(w, { intent: "pace", questionId, step, ...extra });
    expect((await pace(q1!.id, "ask", { therapistFirst: "on" })).status).toBe(302);
    expect((await pace(q2!.id, "hold")).status).toBe(302);
    expect((await pace(q2!.id, "release")).status).toBe(400);
    const forA1 = (await page(w.partnerA1)).data!;
    expect(forA1.toAnswer).toMatchObject([{ id: q1!.id, canAnswer: true }]);

    // bad input: answered by the wrong partner (the one who asked) → by the field, nothing saved
    const wrong = await send(w.partnerA2, { intent: "answer", questionId: q1!.id, answer: "I answer myself" });
    expect(wrong.status).toBe(400);
    expect((wrong.data as Reply).result.error.answer?.[0]).toMatch(/the other partner answers it/);
    expect((wrong.data as Reply).result.initialValue.answer).toBe("I answer myself");
    // a partner of another couple: not found
    expect((await send(w.partnerB1, { intent: "answer", questionId: q1!.id, answer: "probe" })).status).toBe(404);

    expect((await send(w.partnerA1, { intent: "answer", questionId: q1!.id, answer: "My brother knew. I'm sorry I hid it." })).status).toBe(302);
    expect((await send(w.partnerA1, { intent: "answer", questionId: q1!.id, answer: "again" })).status).toBe(400);
    // the therapist reads it first: the hurt partner sees "answered", not the answer
    const before = (await page(w.partnerA2)).data!.mine.find((q) => q.id === q1!.id)!;
    expect(before).toMatchObject({ status: "answered", answer: null, waitingForTherapist: true });
    expect(JSON.stringify((await page(w.partnerA2)).data)).not.toContain("My brother knew");
    const therapistView = (await load(w)).questions;
    expect(therapistView.find((q) => q.id === q1!.id)).toMatchObject({ answer: "My brother knew. I'm sorry I hid it.", released: false, steps: ["release"] });

    expect((await pace(q1!.id, "release")).status).toBe(302);
    expect((await page(w.partnerA2)).data!.mine.find((q) => q.id === q1!.id)).toMatchObject({ answer: "My brother knew. I'm sorry I hid it.", waitingForTherapist: false });
    expect((await pace(q1!.id, "revisit")).status).toBe(302);
    const therapist = (await prisma.user.findUniqueOrThrow({ where: { id: w.therapist.id } })) as unknown as SessionUser;
    expect(await questionCounts(therapist, w.coupleA.id)).toEqual({ private: 0, asked: 0, held_for_session: 1, answered: 0, revisited: 1 });
    const audits = await prisma.auditEvent.findMany({ where: { entity: "repair-question", entityId: q1!.id, outcome: "allowed" }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });
    expect(audits.map((a) => a.action)).toEqual(["create", "update", "submit", "send", "update"]);
    // the probes on the private question were refused and audited against couple A
    const probes = await prisma.auditEvent.findMany({ where: { entity: "repair-question", entityId: q1!.id, outcome: "denied" }, select: { actorId: true, coupleId: true } });
    expect(probes.map((p) => p.actorId).sort()).toEqual([w.partnerA1.id, w.partnerB1.id].sort());
    expect(probes.every((p) => p.coupleId === w.coupleA.id)).toBe(true);
  });
});
