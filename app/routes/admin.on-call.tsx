import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { IdempotencyField } from "~/components/idempotency";
import { Field, FieldError, FormError, SelectField, formState } from "~/components/forms";
import { DEFAULT_ACK_HIGH_MINUTES, DEFAULT_ACK_IMMINENT_MINUTES, describeHours, describeWeekdays, WEEKDAY_NAMES } from "~/domain/on-call";
import { addShift, listRota, removeShift, saveAlertSettings } from "~/models/on-call.server";
import { requireUserWithPermission } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { claimSubmission, newIdempotencyKey } from "~/utils/idempotency.server";

export const meta: MetaFunction = () => [{ title: "On-call rota · Mend" }];

// The schemas only bound the shape and size of what arrives; the rules (days, clock times,
// https, minute ranges, who may be on call) live in app/domain/on-call.ts and the model, so
// nothing can reach the database around them.
const text = z.string().max(2000, "That is too long.").optional();
const AddSchema = z.object({
  intent: z.literal("add"),
  userId: text,
  weekdays: z.preprocess(
    (v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]),
    z
      .array(z.unknown())
      .max(14, "Choose days from the list.")
      .transform((days) => days.filter((d) => d !== undefined && d !== "").map((d) => (typeof d === "string" ? d : "?"))),
  ),
  startTime: text,
  endTime: text,
  position: text,
});
const RemoveSchema = z.object({ intent: z.literal("remove"), shiftId: z.string().max(64) });
const AlertsSchema = z.object({ intent: z.literal("alerts"), webhookUrl: text, ackImminentMinutes: text, ackHighMinutes: text, fallbackId: text });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:settings:any");
  return { ...(await listRota(user)), idem: newIdempotencyKey() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:settings:any");
  const formData = await readForm(request);
  const intent = formData.get("intent");

  if (intent === "add") {
    const submission = parseForm(formData, AddSchema);
    if (submission.status !== "success") return invalid(submission.reply(), { form: "add" as const });
    const claim = await claimSubmission(formData, user.id);
    if (claim.duplicate) return redirect("/admin/on-call");
    const added = await addShift(user, submission.value, request);
    if (!added.ok) {
      await claim.release();
      return invalid(submission.reply({ fieldErrors: added.fieldErrors }), { form: "add" as const });
    }
    return redirect("/admin/on-call");
  }

  if (intent === "remove") {
    const submission = parseForm(formData, RemoveSchema);
    if (submission.status !== "success" || !(await removeShift(user, submission.value.shiftId, request))) notFound("That rota entry was not found.");
    return redirect("/admin/on-call");
  }

  if (intent === "alerts" || intent === "rotate") {
    const submission = intent === "alerts" ? parseForm(formData, AlertsSchema) : null;
    if (submission && submission.status !== "success") return invalid(submission.reply(), { form: "alerts" as const });
    const v = submission?.status === "success" ? submission.value : null;
    const saved = await saveAlertSettings(user, v ? { webhookUrl: v.webhookUrl, ackImminentMinutes: v.ackImminentMinutes, ackHighMinutes: v.ackHighMinutes, fallbackId: v.fallbackId } : { rotateSecret: true }, request);
    if (!saved.ok) {
      if (!submission) return invalid({ status: "error", error: { "": saved.formErrors ?? ["The secret could not be rotated."] } }, { form: "rotate" as const });
      return invalid(submission.reply({ fieldErrors: saved.fieldErrors, formErrors: saved.formErrors }), { form: "alerts" as const });
    }
    // The new secret travels only in this one response (never in the loader), and no cache keeps it.
    return data(
      { result: submission?.reply() ?? null, form: "alerts" as const, saved: true, secret: saved.secret },
      { headers: saved.secret ? { "Cache-Control": "no-store" } : undefined },
    );
  }

  return invalid({ status: "error", error: { "": ["That request was not understood."] } });
}

const ROLE_LABEL: Record<string, string> = { therapist: "Therapist", supervisor: "Supervisor" };

export default function OnCall() {
  const { timeZone, shifts, staff, gaps, onCallNow, nextPosition, settings, idem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { errors, values } = formState(actionData);
  // which of the page's forms answered (every reply carries it; their field names never clash)
  const form = (actionData as { form?: "add" | "alerts" | "rotate" } | undefined)?.form ?? null;
  const addErrors = form === "add" ? errors : {};
  const addValues = form === "add" ? values : {};
  const secret = actionData && "secret" in actionData ? actionData.secret : null;
  const saved = Boolean(actionData && "saved" in actionData);
  // after a refused save the fields show what was typed (conform leaves blanked fields out)
  const alertFailed = form === "alerts" && !saved;
  const alertErrors = alertFailed ? errors : {};
  const alertValues = alertFailed ? values : {};
  const typedOr = (name: string, stored: string) => (alertFailed ? (alertValues[name] ?? "") : stored);
  // the checkboxes a failed submission had ticked (one value arrives as a string, several as a list)
  const typedDays = (() => {
    const v = (addValues as Record<string, unknown>).weekdays;
    return new Set(Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : []);
  })();

  return (
    <div className="grid two">
      <section className="card">
        <h1>On-call rota</h1>
        <p>
          When a high or imminent safety flag is raised, whoever is on call is alerted at once, in this order. Times are in the practice's time zone (
          {timeZone}).
        </p>
        <p role="status">
          {onCallNow.length ? (
            <>
              On call now: <strong>{onCallNow.join(", ")}</strong>
            </>
          ) : (
            <>Nobody on the rota is on call right now.</>
          )}
        </p>
        {gaps.length ? (
          <div className="notice warn" role="alert">
            <strong>Nobody is on call:</strong>
            <ul>
              {gaps.map((g) => (
                <li key={`${g.weekday}-${g.from}`}>
                  {WEEKDAY_NAMES[g.weekday]} {describeHours(g.from, g.to)}
                </li>
              ))}
            </ul>
            {settings.fallbackName ? <>{settings.fallbackName} (the fallback) gets alerts then.</> : <>No fallback is chosen: choose one below so someone is alerted then.</>}
          </div>
        ) : (
          <p className="notice ok">Every hour of the week is covered.</p>
        )}
        {shifts.length ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Who</th>
                  <th>Days</th>
                  <th>Hours</th>
                  <th>Order</th>
                  <th>
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shifts.map((s) => (
                  <tr key={s.id}>
                    <td>
                      {s.userName}
                      <br />
                      <span className="muted small">{ROLE_LABEL[s.role] ?? s.role}</span>
                      {s.alerted ? null : <span className="badge warn">not alerted: account disabled</span>}
                    </td>
                    <td>{describeWeekdays(s.weekdays)}</td>
                    <td>{describeHours(s.startTime, s.endTime)}</td>
                    <td>{s.position}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="shiftId" value={s.id} />
                        <button type="submit" className="link-button" aria-label={`Remove ${s.userName}, ${describeWeekdays(s.weekdays)} ${describeHours(s.startTime, s.endTime)}`}>
                          Remove
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">The rota is empty.</p>
        )}
      </section>

      <section className="card">
        <h2>Add a shift</h2>
        {/* a fresh key after every save remounts the form, so a successful add leaves it empty */}
        <Form method="post" noValidate key={idem}>
          <FormError errors={addErrors[""]} />
          <input type="hidden" name="intent" value="add" />
          <IdempotencyField value={idem} />
          <SelectField label="Who" name="userId" defaultValue={addValues.userId ?? ""} errors={addErrors.userId}>
            <option value="">Choose a therapist or supervisor</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({ROLE_LABEL[s.role] ?? s.role})
              </option>
            ))}
          </SelectField>
          <fieldset className="field" aria-invalid={addErrors.weekdays?.length ? true : undefined} aria-describedby={addErrors.weekdays?.length ? "weekdays-error" : undefined}>
            <legend>Days (the day the shift starts)</legend>
            <div className="choices">
              {[1, 2, 3, 4, 5, 6, 0].map((d) => (
                <label key={d}>
                  <input type="checkbox" name="weekdays" value={d} defaultChecked={typedDays.has(String(d))} />
                  <span>{WEEKDAY_NAMES[d]}</span>
                </label>
              ))}
            </div>
            <FieldError id="weekdays-error" errors={addErrors.weekdays} />
          </fieldset>
          <div className="grid two">
            <Field label="Starts" name="startTime" type="time" defaultValue={addValues.startTime} errors={addErrors.startTime} />
            <Field label="Ends" hint="Before the start: ends the next day. Same as the start: 24 hours." name="endTime" type="time" defaultValue={addValues.endTime} errors={addErrors.endTime} />
          </div>
          <Field label="Order" hint="Lower numbers are alerted first." name="position" type="number" min={0} defaultValue={addValues.position ?? String(nextPosition)} errors={addErrors.position} />
          <button type="submit" className="primary">
            Add to the rota
          </button>
        </Form>
      </section>

      <section className="card">
        <h2>Alerts</h2>
        {secret ? (
          <div className="notice ok" role="status">
            <p>
              <strong>Copy the new signing secret now: it is shown only this once.</strong> Your paging tool uses it to check that alerts come from Mend.
            </p>
            <input type="text" readOnly value={secret} aria-label="Webhook signing secret" />
          </div>
        ) : saved ? (
          <p className="notice ok" role="status">
            Saved. The change is in the audit log.
          </p>
        ) : null}
        <Form method="post" noValidate>
          <FormError errors={alertFailed ? alertErrors[""] : form === "rotate" ? errors[""] : undefined} />
          <input type="hidden" name="intent" value="alerts" />
          <SelectField
            label="Fallback when nobody is on call"
            name="fallbackId"
            defaultValue={typedOr("fallbackId", settings.fallbackId ?? "")}
            errors={alertErrors.fallbackId}
          >
            <option value="">No fallback</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({ROLE_LABEL[s.role] ?? s.role})
              </option>
            ))}
          </SelectField>
          <Field
            label="Webhook address (optional)"
            hint={
              <>
                Your paging or chat tool's https:// address; alerts are sent there as signed JSON as well as by email.
                {settings.secretHint ? <> Signing secret: {settings.secretHint}</> : null}
              </>
            }
            name="webhookUrl"
            type="url"
            inputMode="url"
            defaultValue={typedOr("webhookUrl", settings.webhookUrl ?? "")}
            errors={alertErrors.webhookUrl}
          />
          <fieldset>
            <legend>Escalate if nobody acknowledges within (minutes)</legend>
            <div className="grid two">
              <Field
                label="Imminent"
                hint={`1–240; blank: ${DEFAULT_ACK_IMMINENT_MINUTES}`}
                name="ackImminentMinutes"
                type="number"
                defaultValue={typedOr("ackImminentMinutes", String(settings.ackImminentMinutes))}
                errors={alertErrors.ackImminentMinutes}
              />
              <Field
                label="High"
                hint={`5–1440; blank: ${DEFAULT_ACK_HIGH_MINUTES}`}
                name="ackHighMinutes"
                type="number"
                defaultValue={typedOr("ackHighMinutes", String(settings.ackHighMinutes))}
                errors={alertErrors.ackHighMinutes}
              />
            </div>
          </fieldset>
          <button type="submit" className="primary">
            Save alert settings
          </button>
        </Form>
        {settings.webhookUrl ? (
          <Form method="post">
            <input type="hidden" name="intent" value="rotate" />
            <p className="muted small">Rotating makes a new secret at once; alerts signed with the old one will fail your tool's check until you update it there.</p>
            <button type="submit" className="secondary">
              Rotate secret
            </button>
          </Form>
        ) : null}
      </section>
    </div>
  );
}
