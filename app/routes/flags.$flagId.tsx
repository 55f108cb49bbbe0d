import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FormError, formState, SelectField, TextareaField } from "~/components/forms";
import { EvidenceList, HighlightedText, SEVERITY_LABEL } from "~/components/safety";
import { explain, highlight } from "~/domain/safety";
import { formatOverdue, OUTCOME_LABELS, overdueBy, STATUS_LABELS } from "~/domain/flag-workflow";
import { actOnFlag, getFlag, listSupervisors } from "~/models/flag.server";
import { requireUser } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { claimSubmission, newIdempotencyKey } from "~/utils/idempotency.server";
import { IdempotencyField } from "~/components/idempotency";
import { notFound } from "~/utils/http.server";
import { LocalTime } from "~/components/local-time";

export const meta: MetaFunction = () => [{ title: "Flag · Mend" }];

const note = z.string().trim().max(4000, "Keep the note under 4,000 characters.").optional();
const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("acknowledge"), note }),
  z.object({ intent: z.literal("note"), note: z.string({ required_error: "Write a note." }).trim().min(1, "Write a note.").max(4000, "Keep the note under 4,000 characters.") }),
  z.object({ intent: z.literal("escalate"), assigneeId: z.string({ required_error: "Choose a supervisor." }).min(1, "Choose a supervisor.").max(40), note }),
  z.object({ intent: z.literal("assign_self"), note }),
  z.object({
    intent: z.literal("resolve"),
    outcome: z.enum(["safety_plan", "individual_sessions", "emergency_services", "not_confirmed", "other"], { errorMap: () => ({ message: "Choose an outcome." }) }),
    note: z.string({ required_error: "Write a note about how this was resolved." }).trim().min(1, "Write a note about how this was resolved.").max(4000, "Keep the note under 4,000 characters."),
  }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["therapist", "supervisor"] });
  const found = await getFlag(user, params.flagId ?? "", request);
  if (!found) {
    notFound();
  }
  const { flag, recentCheckIns, ruleConfig } = found;
  const explained = flag.triggerText ? explain(flag.triggerText, ruleConfig) : null;
  const over = overdueBy(flag.dueBy, new Date());
  return {
    idem: newIdempotencyKey(),
    role: user.role,
    supervisors: await listSupervisors(user),
    flag: {
      ...flag,
      dueBy: flag.dueBy.toISOString(),
      createdAt: flag.createdAt.toISOString(),
      resolvedAt: flag.resolvedAt?.toISOString() ?? null,
      overdue: flag.status !== "resolved" && over ? formatOverdue(over) : null,
      trigger: explained?.segments ?? null,
      evidence: explained?.findings ?? [],
      events: flag.events.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    },
    recentCheckIns: recentCheckIns.map((c) => ({
      ...c,
      localDate: c.localDate.toISOString().slice(0, 10),
      note: c.note ? highlight(c.note, ruleConfig) : null,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["therapist", "supervisor"] });
  const form = await readForm(request);
  const submission = parseForm(form, ActionSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  // A double-clicked "Add note" must not add the note twice.
  const claim = await claimSubmission(form, user.id);
  if (claim.duplicate) return redirect(`/flags/${params.flagId}`);
  const result = await actOnFlag(user, params.flagId ?? "", submission.value, request);
  if (!result.ok) await claim.release();
  if (!result.ok) {
    if (result.status === 404) notFound();
    return data(
      { result: submission.reply(result.field ? { fieldErrors: { [result.field]: [result.error] } } : { formErrors: [result.error] }) },
      { status: result.status },
    );
  }
  return redirect(`/flags/${params.flagId}`);
}

const EVENT_LABEL: Record<string, string> = {
  raised: "Raised",
  signal: "New signal",
  severity_raised: "Severity raised",
  acknowledged: "Acknowledged",
  note: "Note",
  escalated: "Escalated",
  assigned: "Assigned",
  resolved: "Resolved",
  work_paused: "Shared work paused",
  work_resumed: "Shared work resumed",
};

export default function FlagPage() {
  const { flag, recentCheckIns, supervisors, role, idem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { errors, values } = formState(actionData);
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const open = flag.status !== "resolved";
  return (
    <div className="grid two">
      <section className="card">
        <p>
          <Link to={role === "supervisor" ? "/flags" : `/couples/${flag.couple.id}`}>← {role === "supervisor" ? "Safety queue" : "Couple"}</Link>
        </p>
        <h1>
          <span className={flag.severity === "high" || flag.severity === "imminent" ? "badge danger" : "badge warn"}>{SEVERITY_LABEL[flag.severity]}</span> Safety flag about {flag.partner.name}
        </h1>
        <dl className="facts">
          <dt>Couple</dt>
          <dd>
            {flag.couple.partnerA.name} &amp; {flag.couple.partnerB.name} (therapist {flag.couple.therapist.name})
          </dd>
          <dt>Status</dt>
          <dd>{STATUS_LABELS[flag.status]}</dd>
          <dt>Due by</dt>
          <dd>
            <LocalTime iso={flag.dueBy} /> {flag.overdue ? <strong className="overdue">— {flag.overdue}</strong> : null}
          </dd>
          <dt>Assigned to</dt>
          <dd>{flag.assignee?.name ?? "Nobody yet"}</dd>
          {flag.outcome ? (
            <>
              <dt>Outcome</dt>
              <dd>{OUTCOME_LABELS[flag.outcome]}</dd>
            </>
          ) : null}
          <dt>Shared work</dt>
          <dd>{flag.couple.workPausedAt ? `Paused (${flag.couple.workPauseReason === "safety" ? "safety" : "by the therapist"})` : "Active"}</dd>
        </dl>
        {flag.trigger ? (
          <>
            <h2>What triggered it</h2>
            <HighlightedText segments={flag.trigger} />
            {flag.evidence.length ? (
              <>
                <h3>Why</h3>
                <EvidenceList items={flag.evidence} />
              </>
            ) : null}
          </>
        ) : null}
        <h2>Timeline</h2>
        <ol className="timeline">
          {flag.events.map((e) => (
            <li key={e.id}>
              <strong>{EVENT_LABEL[e.type] ?? e.type}</strong> · <LocalTime iso={e.createdAt} /> · {e.author?.name ?? "Mend (automatic)"}
              {e.note ? <div>{e.note}</div> : null}
            </li>
          ))}
        </ol>
      </section>
      <section className="card stack">
        <h2>Act on this flag</h2>
        <FormError errors={errors[""]} />
        {open ? (
          <>
            <div className="row">
              {flag.status === "open" ? (
                <Form method="post">
<IdempotencyField value={idem} />
                  <button type="submit" name="intent" value="acknowledge" className="secondary" disabled={busy}>
                    Acknowledge
                  </button>
                </Form>
              ) : null}
              {role === "supervisor" && !flag.assignee ? (
                <Form method="post">
<IdempotencyField value={idem} />
                  <button type="submit" name="intent" value="assign_self" className="secondary" disabled={busy}>
                    Assign to me
                  </button>
                </Form>
              ) : null}
            </div>
            {flag.status !== "escalated" ? (
              <Form method="post" noValidate>
<IdempotencyField value={idem} />
                <input type="hidden" name="intent" value="escalate" />
                <SelectField label="Escalate to supervisor" name="assigneeId" defaultValue={values.assigneeId ?? ""} errors={errors.assigneeId}>
                  <option value="">Choose…</option>
                  {supervisors.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </SelectField>
                <TextareaField label="Note for the supervisor (optional)" name="note" maxLength={4000} />
                <button type="submit" className="secondary" disabled={busy}>
                  Escalate
                </button>
              </Form>
            ) : null}
          </>
        ) : (
          <p>This flag is resolved. Notes can still be added; a new concern needs a new flag.</p>
        )}
        <Form method="post" noValidate>
<IdempotencyField value={idem} />
          <input type="hidden" name="intent" value="note" />
          <TextareaField label="Add a note" name="note" maxLength={4000} defaultValue={values.intent === "note" ? values.note : undefined} errors={values.intent === "note" ? errors.note : undefined} />
          <button type="submit" className="secondary" disabled={busy}>
            Add note
          </button>
        </Form>
        {open ? (
          <Form method="post" noValidate>
<IdempotencyField value={idem} />
            <input type="hidden" name="intent" value="resolve" />
            <SelectField label="Outcome" name="outcome" defaultValue={values.outcome ?? ""} errors={errors.outcome}>
              <option value="">Choose…</option>
              {Object.entries(OUTCOME_LABELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </SelectField>
            <TextareaField label="Resolution note" name="note" maxLength={4000} defaultValue={values.intent === "resolve" ? values.note : undefined} errors={values.intent === "resolve" ? errors.note : undefined} />
            <button type="submit" className="primary" disabled={busy}>
              Resolve
            </button>
          </Form>
        ) : null}
        <h2>Recent check-ins of {flag.partner.name}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Date</th>
                <th>Mood</th>
                <th>Closeness</th>
                <th>Feels safe</th>
                <th>Note</th>
              </tr>
            </thead>
            <tbody>
              {recentCheckIns.map((c) => (
                <tr key={c.localDate}>
                  <td>{c.localDate}</td>
                  <td>{c.mood}</td>
                  <td>{c.closeness}</td>
                  <td>{c.feelSafe === "not_sure" ? "Not sure" : c.feelSafe === "no" ? <strong>No</strong> : "Yes"}</td>
                  <td>{c.note ? c.note.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>)) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
