import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError, formState, SelectField, TextareaField } from "~/components/forms";
import { IdempotencyField } from "~/components/idempotency";
import { isValidLocalDate, localDateOf } from "~/domain/dates";
import { progressLabel } from "~/domain/repair/phases";
import { STATE_LABEL } from "~/domain/repair/restitution";
import { defaultResponsible, roleLabel } from "~/domain/repair/roles";
import { REPAIR_TEMPLATES } from "~/domain/repair/templates";
import { QUESTION_STATUS_LABEL } from "~/domain/repair/questions";
import { addPhase, addRestitution, advancePhase, assignPhaseItem, paceQuestion, planForTherapist, questionsForTherapist, startPlan, updateRoles, type RepairFailure } from "~/models/repair.server";
import { audit } from "~/utils/audit.server";
import { auditDenied, requireCouple, requireUserWithPermission } from "~/utils/authz.server";
import { coupleOverview } from "~/models/couple.server";
import { parseForm, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { claimSubmission, newIdempotencyKey } from "~/utils/idempotency.server";

export const meta: MetaFunction = () => [{ title: "Repair plan · Mend" }];

const lines = (s: string | undefined) => (s ?? "").split("\n").map((l) => l.trim()).filter(Boolean).slice(0, 12);
const slot = z.enum(["A", "B", "BOTH"], { errorMap: () => ({ message: "Choose which partner was hurt (or both, for a mutual breach)." }) });
const label = (what: string) => z.string({ required_error: `Give the ${what} a label.` }).trim().min(1, `Give the ${what} a label.`).max(60, "Keep a label under 60 characters.");
const phaseIndex = z.coerce.number({ invalid_type_error: "Choose the next phase." }).int().min(-1).max(100);

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("start"),
    templateKey: z.string({ required_error: "Choose a plan, or a blank one." }).max(40),
    title: z.string().trim().max(120, "Keep the title under 120 characters.").optional(),
    hurtPartner: slot,
    phaseName: z.string().trim().max(120, "Keep the name under 120 characters.").optional(),
    goals: z.string().max(4000).optional(),
    exitCriteria: z.string().max(4000).optional(),
  }),
  z.object({ intent: z.literal("roles"), planId: z.string().min(1).max(40), hurtPartner: slot, hurtLabel: label("partner who was hurt"), brokeLabel: label("partner who broke the promise") }),
  z.object({
    intent: z.literal("advance"),
    planId: z.string().min(1).max(40),
    fromPhase: phaseIndex,
    toPhase: phaseIndex,
    criteria: z.array(z.coerce.number().int().min(0).max(50)).max(50).optional(),
    note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").optional(),
  }),
  z.object({
    intent: z.literal("add-phase"),
    planId: z.string().min(1).max(40),
    phaseName: z.string({ required_error: "Name the phase." }).trim().min(1, "Name the phase.").max(120, "Keep the name under 120 characters."),
    goals: z.string().max(4000).optional(),
    exitCriteria: z.string({ required_error: "Give at least one exit criterion you will confirm." }).max(4000),
  }),
  z.object({ intent: z.literal("pace"), questionId: z.string().min(1).max(40), step: z.enum(["ask", "hold", "release", "revisit"]), therapistFirst: z.literal("on").optional() }),
  z.object({ intent: z.literal("assign-item"), planId: z.string().min(1).max(40), itemId: z.string().min(1).max(40) }),
  z.object({
    intent: z.literal("add-action"),
    planId: z.string().min(1).max(40),
    text: z.string({ required_error: "Say what the action is, concretely." }).trim().min(1, "Say what the action is, concretely.").max(500, "Keep an action under 500 characters."),
    dueOn: z.string({ required_error: "Give the action a date: restitution needs a date to be kept." }).refine(isValidLocalDate, "Enter a real date.").refine((d) => d >= "2000-01-01" && d <= "2100-12-31", "Choose a date between 2000 and 2100."),
    responsible: z.enum(["A", "B"], { errorMap: () => ({ message: "Choose who does it." }) }),
  }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:repair:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const [plan, questions, people] = await Promise.all([
    planForTherapist(user, couple.id),
    questionsForTherapist(user, couple.id),
    coupleOverview(couple.id),
  ]);
  await audit({ actor: user, action: "read", entity: "repair-plan", entityId: plan?.id ?? null, coupleId: couple.id, request });
  return {
    idem: newIdempotencyKey(),
    coupleId: couple.id,
    closed: couple.status === "closed",
    paused: people.paused,
    names: { A: people.partners[0].name, B: people.partners[1].name },
    today: localDateOf(new Date(), couple.timeZone),
    templates: REPAIR_TEMPLATES.map((t) => ({ key: t.key, title: t.title, basis: t.basis, summary: t.summary, phases: t.phases.map((p) => p.name) })),
    plan,
    questions,
  };
}

type Reply = ReturnType<Extract<ReturnType<typeof parseForm>, { reply: unknown }>["reply"]>;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:repair:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const form = await readForm(request);
  const submission = parseForm(form, ActionSchema);
  const intent = String(form.get("intent") ?? "");
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  const v = submission.value;
  const claim = await claimSubmission(form, user.id);
  if (claim.duplicate) return redirect(`/couples/${couple.id}/plan`);
  const refuse = async (r: RepairFailure, itemName?: string) => {
    await claim.release();
    if (r.status === 404) {
      await auditDenied(request, user, "repair-plan", itemName ?? ("planId" in v ? v.planId : null), couple.id);
      notFound();
    }
    const reply: Reply = submission.reply(r.field ? { fieldErrors: { [r.field]: [r.error] } } : { formErrors: [r.error] });
    return data({ intent, result: reply }, { status: r.status === 409 ? 409 : 400 });
  };
  let result;
  switch (v.intent) {
    case "start": {
      const blank = v.templateKey === "blank";
      if (blank && !v.phaseName) {
        await claim.release();
        return data({ intent, result: submission.reply({ fieldErrors: { phaseName: ["Name the first phase of a blank plan."] } }) }, { status: 400 });
      }
      result = await startPlan(
        user,
        couple.id,
        { templateKey: blank ? null : v.templateKey, title: v.title ?? "", hurtPartner: v.hurtPartner, firstPhase: blank ? { name: v.phaseName!, goals: lines(v.goals), exitCriteria: lines(v.exitCriteria) } : undefined },
        request,
      );
      break;
    }
    case "roles":
      result = await updateRoles(user, couple.id, v.planId, { hurtPartner: v.hurtPartner, hurtLabel: v.hurtLabel, brokeLabel: v.brokeLabel }, request);
      break;
    case "advance":
      result = await advancePhase(user, couple.id, v.planId, { fromPhase: v.fromPhase, toPhase: v.toPhase, confirmed: v.criteria ?? [], note: v.note || null }, request);
      break;
    case "add-phase": {
      const criteria = lines(v.exitCriteria);
      if (!criteria.length) {
        await claim.release();
        return data({ intent, result: submission.reply({ fieldErrors: { exitCriteria: ["Give at least one exit criterion you will confirm."] } }) }, { status: 400 });
      }
      result = await addPhase(user, couple.id, v.planId, { name: v.phaseName, goals: lines(v.goals), exitCriteria: criteria }, request);
      break;
    }
    case "pace":
      result = await paceQuestion(user, couple.id, v.questionId, v.step, { therapistFirst: v.therapistFirst === "on" }, request);
      break;
    case "assign-item":
      result = await assignPhaseItem(user, couple.id, v.planId, v.itemId, request);
      break;
    case "add-action":
      result = await addRestitution(user, couple.id, v.planId, { text: v.text, dueOn: v.dueOn, responsible: v.responsible }, request);
      break;
  }
  if (!result.ok) return refuse(result);
  return redirect(`/couples/${couple.id}/plan?saved=${v.intent}`);
}

const SAVED: Record<string, string> = {
  start: "The plan has started.",
  roles: "Roles saved.",
  advance: "The couple has moved on to the next phase.",
  "add-phase": "Phase added.",
  "assign-item": "Assigned. It is on the couple page and on the partner's Today.",
  "add-action": "Restitution action added.",
  pace: "Question updated.",
};

export default function RepairPlanPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failedIntent = (actionData as { intent?: string } | undefined)?.intent;
  const stateFor = (intent: string) => (failedIntent === intent ? formState(actionData) : { errors: {} as Record<string, string[] | undefined>, values: {} as Record<string, string | undefined> });
  return (
    <div className="stack">
      <p>
        <Link to={`/couples/${d.coupleId}`}>← Back to the couple</Link>
      </p>
      <h1>
        Repair plan: {d.names.A} &amp; {d.names.B}
      </h1>
      <SavedNotice />
      {d.paused ? (
        <p className="notice warn" role="status">
          Shared work is paused for this couple. Restitution actions and the plan's routines do not reach the partners until you resume it.
        </p>
      ) : null}
      {d.plan ? <PlanView stateFor={stateFor} /> : <StartPlan state={stateFor("start")} />}
    </div>
  );
}

/** What was just saved, from the redirect's ?saved= (so it works without JavaScript too). */
function SavedNotice() {
  const [params] = useSearchParams();
  const saved = params.get("saved");
  if (!saved || !SAVED[saved]) return null;
  return (
    <p className="notice ok" role="status">
      {SAVED[saved]}
    </p>
  );
}

type FormStateOf = { errors: Record<string, string[] | undefined>; values: Record<string, string | undefined> };

function StartPlan({ state }: { state: FormStateOf }) {
  const d = useLoaderData<typeof loader>();
  const { errors, values } = state;
  return (
    <section className="card" aria-labelledby="start-h">
      <h2 id="start-h">Start a repair plan</h2>
      <p className="muted">Each phase unlocks its homework and routines. You move the couple on when you have confirmed the phase's exit criteria — never automatically.</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="start" />
        <IdempotencyField value={d.idem} />
        <FormError errors={errors[""]} />
        <fieldset className="field" aria-describedby={errors.templateKey ? "template-error" : undefined}>
          <legend>Plan</legend>
          {d.templates.map((t, i) => (
            <label key={t.key} className="choice-card">
              <input type="radio" name="templateKey" value={t.key} defaultChecked={(values.templateKey ?? REPAIR_TEMPLATES[0]!.key) === t.key || (!values.templateKey && i === 0)} />
              <span>
                <strong>{t.title}</strong> <span className="small muted">— {t.basis}</span>
                <br />
                <span className="small">{t.phases.join(" → ")}</span>
              </span>
            </label>
          ))}
          <label className="choice-card">
            <input type="radio" name="templateKey" value="blank" defaultChecked={values.templateKey === "blank"} />
            <span>
              <strong>A blank plan</strong> <span className="small muted">— name the phases yourself</span>
            </span>
          </label>
          {errors.templateKey ? (
            <p className="field-error" id="template-error" role="alert">
              {errors.templateKey.join(" ")}
            </p>
          ) : null}
        </fieldset>
        <SelectField label="Who was hurt?" hint="The other partner is the partner who broke the promise. Choose both for a mutual breach." name="hurtPartner" defaultValue={values.hurtPartner ?? "A"} errors={errors.hurtPartner}>
          <option value="A">{d.names.A}</option>
          <option value="B">{d.names.B}</option>
          <option value="BOTH">Both (a mutual breach)</option>
        </SelectField>
        <Field label="Title (optional)" name="title" defaultValue={values.title} errors={errors.title} />
        <details open={values.templateKey === "blank"}>
          <summary>For a blank plan: its first phase</summary>
          <Field label="First phase name" name="phaseName" defaultValue={values.phaseName} errors={errors.phaseName} />
          <TextareaField label="Goals (one per line)" name="goals" defaultValue={values.goals} errors={errors.goals} />
          <TextareaField label="Exit criteria you will confirm (one per line)" name="exitCriteria" defaultValue={values.exitCriteria} errors={errors.exitCriteria} />
        </details>
        <button type="submit" className="primary">
          Start the plan
        </button>
      </Form>
    </section>
  );
}

function PlanView({ stateFor }: { stateFor: (intent: string) => FormStateOf }) {
  const d = useLoaderData<typeof loader>();
  const plan = d.plan!;
  const who = (s: "A" | "B" | "BOTH") => (s === "BOTH" ? "both partners" : d.names[s]);
  const roles = stateFor("roles");
  const advance = stateFor("advance");
  const assign = stateFor("assign-item");
  const addAction = stateFor("add-action");
  const addPhaseState = stateFor("add-phase");
  const current = plan.phases[plan.currentPhase];
  return (
    <>
      <section className="card" aria-labelledby="plan-h">
        <h2 id="plan-h">{plan.title}</h2>
        <p>
          <strong>{progressLabel(plan)}</strong>
          {current ? <> — {current.name}</> : null}. Started by {plan.startedBy} on {plan.startedAt.slice(0, 10)}.
        </p>
        <ol className="phase-steps">
          {plan.phases.map((p) => (
            <li key={p.id} aria-current={p.state === "current" ? "step" : undefined}>
              {p.name} <span className={`badge${p.state === "done" ? " ok" : p.state === "current" ? " warn" : ""}`}>{p.state}</span>
            </li>
          ))}
        </ol>
      </section>

      <section className="card" aria-labelledby="roles-h">
        <h2 id="roles-h">Roles</h2>
        <ul>
          {(["A", "B"] as const).map((s) => (
            <li key={s}>
              {d.names[s]}: {roleLabel(plan.roles[s], plan.labels)}
            </li>
          ))}
        </ul>
        <Form method="post" noValidate className="stack">
          <input type="hidden" name="intent" value="roles" />
          <input type="hidden" name="planId" value={plan.id} />
          <IdempotencyField value={d.idem} />
          <FormError errors={roles.errors[""]} />
          <SelectField label="Who was hurt?" name="hurtPartner" defaultValue={roles.values.hurtPartner ?? plan.hurtPartner} errors={roles.errors.hurtPartner}>
            <option value="A">{d.names.A}</option>
            <option value="B">{d.names.B}</option>
            <option value="BOTH">Both (a mutual breach)</option>
          </SelectField>
          <div className="grid two">
            <Field label="Label for the partner who was hurt" name="hurtLabel" defaultValue={roles.values.hurtLabel ?? plan.labels.hurtLabel} errors={roles.errors.hurtLabel} />
            <Field label="Label for the partner who broke the promise" name="brokeLabel" defaultValue={roles.values.brokeLabel ?? plan.labels.brokeLabel} errors={roles.errors.brokeLabel} />
          </div>
          <button type="submit" className="secondary">
            Save roles
          </button>
        </Form>
      </section>

      {plan.phases.map((p) => (
        <section key={p.id} className="card" aria-labelledby={`phase-${p.position}-h`}>
          <h2 id={`phase-${p.position}-h`}>
            Phase {p.position + 1}: {p.name} <span className={`badge${p.state === "done" ? " ok" : p.state === "current" ? " warn" : ""}`}>{p.state}</span>
          </h2>
          {p.summary ? <p>{p.summary}</p> : null}
          {p.state === "done" ? (
            <p className="small muted">
              Exit criteria confirmed by {p.completedBy ?? "the therapist"} on {p.completedAt?.slice(0, 10)}
              {p.exitNote ? <>: “{p.exitNote}”</> : null}
            </p>
          ) : null}
          <details open={p.state === "current"}>
            <summary>Goals, work and exit criteria</summary>
            {p.goals.length ? (
              <>
                <h3>Goals</h3>
                <ul>
                  {p.goals.map((g) => (
                    <li key={g}>{g}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {p.items.length ? (
              <>
                <h3>Homework and routines</h3>
                <FormError errors={assign.errors[""]} />
                <ul className="stack">
                  {p.items.map((i) => (
                    <li key={i.id}>
                      <strong>{i.title}</strong> — for {i.role === "both" ? "both partners" : roleLabel(i.role, plan.labels).toLowerCase()} ({who(i.assignee)})
                      <div className="small muted">{i.detail}</div>
                      {i.assignedAt ? (
                        <span className="badge ok">assigned {i.assignedAt.slice(0, 10)}</span>
                      ) : p.unlocked ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="assign-item" />
                          <input type="hidden" name="planId" value={plan.id} />
                          <input type="hidden" name="itemId" value={i.id} />
                          <IdempotencyField value={d.idem} />
                          <button type="submit" className="secondary" aria-label={`Assign ${i.title} to ${who(i.assignee)}`}>
                            Assign to {who(i.assignee)}
                          </button>
                        </Form>
                      ) : (
                        <span className="small muted">Unlocks when the couple reaches this phase.</span>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <h3>Exit criteria</h3>
            {p.state === "current" ? (
              <Form method="post" noValidate className="stack" aria-label={`Confirm the exit criteria of ${p.name}`}>
                <input type="hidden" name="intent" value="advance" />
                <input type="hidden" name="planId" value={plan.id} />
                <input type="hidden" name="fromPhase" value={p.position} />
                <input type="hidden" name="toPhase" value={p.position + 1} />
                <IdempotencyField value={d.idem} />
                <FormError errors={advance.errors[""]} />
                <fieldset className="field">
                  <legend>Confirm each one before moving on</legend>
                  {p.exitCriteria.map((c, k) => (
                    <label key={c} className="check">
                      <input type="checkbox" name="criteria" value={k} /> {c}
                    </label>
                  ))}
                  {advance.errors.criteria ? (
                    <p className="field-error" role="alert">
                      {advance.errors.criteria.join(" ")}
                    </p>
                  ) : null}
                  {advance.errors.toPhase ? (
                    <p className="field-error" role="alert">
                      {advance.errors.toPhase.join(" ")}
                    </p>
                  ) : null}
                </fieldset>
                <TextareaField label="Note (optional)" name="note" defaultValue={advance.values.note} errors={advance.errors.note} />
                <button type="submit" className="primary">
                  {p.position + 1 < plan.phaseCount ? `Confirm and move on to phase ${p.position + 2}` : "Confirm and complete the plan"}
                </button>
              </Form>
            ) : (
              <ul>
                {p.exitCriteria.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            )}
          </details>
        </section>
      ))}

      <section className="card" aria-labelledby="restitution-h">
        <h2 id="restitution-h">Restitution actions</h2>
        <p className="small muted">
          1–3 concrete actions, each with a date. The partner responsible marks each one done on their Today; the other partner confirms whether it happened as promised. A date passed
          without it is a missed date in the weekly review.
        </p>
        {plan.restitution.length ? (
          <table>
            <caption className="visually-hidden">Restitution actions</caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Who</th>
                <th scope="col">Date</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {plan.restitution.map((a) => (
                <tr key={a.id}>
                  <td>
                    {a.text}
                    {a.doneNote ? <div className="small muted">Note when done: {a.doneNote}</div> : null}
                    {a.confirmationNote ? <div className="small muted">Other partner's note: {a.confirmationNote}</div> : null}
                  </td>
                  <td>{a.responsibleName}</td>
                  <td>{a.dueOn}</td>
                  <td>
                    {STATE_LABEL[a.state]}
                    {a.missed ? <span className="badge warn">missed date</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No actions yet.</p>
        )}
        <p>
          {plan.restitutionSummary.confirmed} confirmed · {plan.restitutionSummary.awaitingConfirmation} waiting for confirmation · {plan.restitutionSummary.open} open ·{" "}
          {plan.restitutionSummary.missed} missed date{plan.restitutionSummary.missed === 1 ? "" : "s"}
        </p>
        {plan.restitution.length < 3 ? (
          <Form method="post" noValidate className="stack" aria-label="Add a restitution action">
            <input type="hidden" name="intent" value="add-action" />
            <input type="hidden" name="planId" value={plan.id} />
            <IdempotencyField value={d.idem} />
            <FormError errors={addAction.errors[""]} />
            <Field label="Action" hint="Concrete: what, for whom. “Tell my sister the truth about the loan.”" name="text" defaultValue={addAction.values.text} errors={addAction.errors.text} />
            <div className="grid two">
              <Field label="Done by (date)" name="dueOn" type="date" min={d.today} defaultValue={addAction.values.dueOn} errors={addAction.errors.dueOn} />
              <SelectField label="Who does it" name="responsible" defaultValue={addAction.values.responsible ?? defaultResponsible(plan.hurtPartner)} errors={addAction.errors.responsible}>
                <option value="A">{d.names.A}</option>
                <option value="B">{d.names.B}</option>
              </SelectField>
            </div>
            <button type="submit" className="secondary">
              Add the action
            </button>
          </Form>
        ) : (
          <p className="small muted">Three actions is the most a restitution has: keep them few and concrete.</p>
        )}
      </section>

      <QuestionsSection state={stateFor("pace")} />

      <section className="card" aria-labelledby="add-phase-h">
        <h2 id="add-phase-h">Add a phase</h2>
        <details open={failedIntent(addPhaseState)}>
          <summary>Add a phase at the end of the plan</summary>
          <Form method="post" noValidate className="stack">
            <input type="hidden" name="intent" value="add-phase" />
            <input type="hidden" name="planId" value={plan.id} />
            <IdempotencyField value={d.idem} />
            <FormError errors={addPhaseState.errors[""]} />
            <Field label="Phase name" name="phaseName" defaultValue={addPhaseState.values.phaseName} errors={addPhaseState.errors.phaseName} />
            <TextareaField label="Goals (one per line)" name="goals" defaultValue={addPhaseState.values.goals} errors={addPhaseState.errors.goals} />
            <TextareaField label="Exit criteria you will confirm (one per line)" name="exitCriteria" defaultValue={addPhaseState.values.exitCriteria} errors={addPhaseState.errors.exitCriteria} />
            <button type="submit" className="secondary">
              Add the phase
            </button>
          </Form>
        </details>
      </section>

      <section className="card" aria-labelledby="history-h">
        <h2 id="history-h">History</h2>
        <ul className="small">
          {plan.events.map((e) => (
            <li key={e.id}>
              {e.at.slice(0, 10)} · {e.actor ?? "Mend"} · {EVENT_TEXT[e.type] ?? e.type}
              {e.type === "phase_completed" && e.fromPhase !== null ? ` (phase ${e.fromPhase + 1} → ${e.toPhase !== null && e.toPhase < plan.phaseCount ? `phase ${e.toPhase + 1}` : "plan complete"})` : ""}
              {e.note ? `: ${e.note}` : ""}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function failedIntent(state: FormStateOf): boolean {
  return Object.keys(state.errors).length > 0;
}

const EVENT_TEXT: Record<string, string> = {
  started: "started the plan",
  phase_completed: "confirmed the exit criteria and moved on",
  phase_added: "added a phase",
  roles_changed: "changed the roles",
  item_assigned: "assigned",
  ended: "ended the plan",
};

const STEP_LABEL = { ask: "Ask in writing", hold: "Hold for session", release: "Share the answer", revisit: "Mark revisited" } as const;

/** The hurt partner's questions, paced here: asked in writing or held for a session; answers read first when chosen. */
function QuestionsSection({ state }: { state: FormStateOf }) {
  const d = useLoaderData<typeof loader>();
  return (
    <section className="card" aria-labelledby="questions-h">
      <h2 id="questions-h">Questions and answers</h2>
      <p className="small muted">The partner who was hurt keeps a private list on their Questions page. You decide which go to the other partner to answer in writing and which wait for a session, and whether you read an answer before it is shared.</p>
      <FormError errors={state.errors[""]} />
      {d.questions.length === 0 ? <p className="muted">No questions yet.</p> : null}
      <ul className="stack">
        {d.questions.map((q) => (
          <li key={q.id}>
            <p>
              <strong>{q.text}</strong> <span className="badge">{QUESTION_STATUS_LABEL[q.status]}</span>
            </p>
            <p className="small muted">
              From {q.asker}
              {q.answer ? (q.released ? " · answer shared" : " · answer waiting for you") : ""}
            </p>
            {q.answer ? <blockquote>{q.answer}</blockquote> : null}
            <div className="row">
              {q.steps.map((step) => (
                <Form method="post" key={step}>
                  <input type="hidden" name="intent" value="pace" />
                  <input type="hidden" name="questionId" value={q.id} />
                  <input type="hidden" name="step" value={step} />
                  <IdempotencyField value={d.idem} />
                  {step === "ask" ? (
                    <label className="small">
                      <input type="checkbox" name="therapistFirst" defaultChecked /> I read the answer first
                    </label>
                  ) : null}
                  <button type="submit" className="secondary">
                    {STEP_LABEL[step]}
                  </button>
                </Form>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
