import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError, formState, SelectField, TextareaField } from "~/components/forms";
import { isValidLocalDate, localDateOf } from "~/domain/dates";
import { checkMeasurable } from "~/domain/measurable";
import { assignmentForChange, createAssignment, libraryFor, replaceAssignment } from "~/models/assignment.server";
import { formatLocalDate } from "~/domain/date-format";
import { notFound } from "~/utils/http.server";
import { auditDenied, requireCouple, requireUserWithPermission } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { claimSubmission, newIdempotencyKey } from "~/utils/idempotency.server";
import { IdempotencyField } from "~/components/idempotency";

export const meta: MetaFunction = () => [{ title: "Assign a routine · Mend" }];

const AssignSchema = z
  .object({
    templateId: z.string().max(40).optional(),
    kind: z.enum(["routine", "agreement"], { errorMap: () => ({ message: "Choose routine or agreement." }) }),
    title: z.string({ required_error: "Give it a short title." }).trim().min(1, "Give it a short title.").max(120, "Keep the title under 120 characters."),
    target: z.string({ required_error: "Say what counts as done." }).trim().min(1, "Say what counts as done.").max(500, "Keep it under 500 characters."),
    cadence: z.enum(["daily", "weekly", "times_per_week", "as_needed"], { errorMap: () => ({ message: "Choose how often." }) }),
    weekday: z.coerce.number().int().min(0).max(6).optional(),
    timesPerWeek: z.coerce.number({ invalid_type_error: "Enter 1 to 7." }).int("Enter 1 to 7.").min(1, "Enter 1 to 7.").max(7, "Enter 1 to 7.").optional(),
    responsible: z.enum(["A", "B", "BOTH"], { errorMap: () => ({ message: "Choose who is responsible." }) }),
    startDate: z.string({ required_error: "Choose a start date." }).refine(isValidLocalDate, "Enter a real date.").refine((d) => d >= "2000-01-01" && d <= "2100-12-31", "Choose a date between 2000 and 2100."),
    durationWeeks: z.coerce.number({ invalid_type_error: "Enter a number of weeks." }).int("Use whole weeks.").min(1, "At least 1 week.").max(52, "At most 52 weeks."),
    confirmVague: z.literal("yes").optional(),
    replaceId: z.string().max(40).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.cadence === "weekly" && v.weekday === undefined) ctx.addIssue({ code: "custom", path: ["weekday"], message: "Choose the day of the week." });
    if (v.cadence === "times_per_week" && v.timesPerWeek === undefined) ctx.addIssue({ code: "custom", path: ["timesPerWeek"], message: "How many times a week?" });
  });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:assignment:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const library = await libraryFor(user);
  const url = new URL(request.url);
  const templateId = url.searchParams.get("template");
  // ?replace=<id>: the form starts from that routine, and saving ends it and starts this version.
  const replaceId = url.searchParams.get("replace");
  const replacing = replaceId ? await assignmentForChange(user, couple.id, replaceId) : null;
  if (replaceId && !replacing) {
    await auditDenied(request, user, "assignment", replaceId, couple.id);
    notFound();
  }
  return {
    idem: newIdempotencyKey(),
    coupleId: couple.id,
    library,
    template: library.find((t) => t.id === templateId) ?? null,
    replacing: replacing ? { ...replacing, startDate: replacing.startDate.toISOString().slice(0, 10), endedAt: replacing.endedAt?.toISOString() ?? null } : null,
    today: localDateOf(new Date(), couple.timeZone),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:assignment:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const form = await readForm(request);
  const submission = parseForm(form, AssignSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  const v = submission.value;
  const check = checkMeasurable(v.target);
  if (!check.measurable && v.confirmVague !== "yes") {
    return { result: submission.reply(), vague: { suggestion: check.suggestion } };
  }
  const today = localDateOf(new Date(), couple.timeZone);
  // A replacement starts today or later: the days before belong to the version being replaced.
  if (v.replaceId && v.startDate < today) {
    return invalid(submission.reply({ fieldErrors: { startDate: [`The new version starts today (${formatLocalDate(today)}) or later; the days before stay with the old one.`] } }));
  }
  const claim = await claimSubmission(form, user.id);
  if (claim.duplicate) return redirect(`/couples/${couple.id}`);
  const input = {
      templateId: v.templateId || null,
      kind: v.kind,
      title: v.title,
      target: v.target,
      cadence: v.cadence,
      weekday: v.cadence === "weekly" ? v.weekday ?? null : null,
      timesPerWeek: v.cadence === "times_per_week" ? v.timesPerWeek ?? null : null,
      responsible: v.responsible,
      startDate: v.startDate,
      durationWeeks: v.durationWeeks,
  };
  if (v.replaceId) {
    const r = await replaceAssignment(user, couple.id, v.replaceId, input, request);
    if (r.status === "not_found") {
      await claim.release();
      await auditDenied(request, user, "assignment", v.replaceId, couple.id);
      notFound();
    }
    if (r.status === "ended") {
      await claim.release();
      return invalid(submission.reply({ formErrors: ["That routine has already ended, so there is nothing to replace. Assign a new one instead."] }));
    }
    return redirect(`/couples/${couple.id}`);
  }
  await createAssignment(user, couple.id, input, request);
  return redirect(`/couples/${couple.id}`);
}

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export default function Assign() {
  const { coupleId, library, template, replacing, today, idem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { errors, values } = formState(actionData);
  const vague = actionData && "vague" in actionData ? actionData.vague : null;
  const t = replacing ?? template;
  const val = (k: string, fallback: string | number | null | undefined) => values[k] ?? (fallback === null || fallback === undefined ? undefined : String(fallback));
  return (
    <div className="grid two">
      <section className="card">
        <p>
          <Link to={`/couples/${coupleId}`}>← Back to the couple</Link>
        </p>
        {replacing ? (
          <>
            <h1>Change “{replacing.title}”</h1>
            <p className="notice">
              Saving ends the current version today and starts this one on its start date, in one step. Reports and adherence so far stay with the current version.
            </p>
          </>
        ) : (
          <h1>Assign a routine or agreement</h1>
        )}
        {vague ? (
          <div className="notice warn" role="alert">
            <strong>This agreement isn't measurable yet</strong> — it has no number, time or frequency, so neither partner can tell whether it was kept.
            <br />
            Try something like: <em>{vague.suggestion}</em>
            <br />
            Edit it below, or save it as it is.
          </div>
        ) : null}
        <Form method="post" noValidate key={t?.id ?? "custom"}>
          {replacing ? <input type="hidden" name="replaceId" value={replacing.id} /> : null}
          <FormError errors={errors[""]} />
          <input type="hidden" name="templateId" value={(replacing ? replacing.templateId : t?.id) ?? ""} />
          <IdempotencyField value={idem} />
          <SelectField label="Kind" name="kind" defaultValue={val("kind", t?.kind ?? "agreement")} errors={errors.kind}>
            <option value="routine">Routine</option>
            <option value="agreement">Agreement</option>
          </SelectField>
          <Field label="Title" name="title" defaultValue={val("title", t?.title)} errors={errors.title} />
          <TextareaField label="Measurable target" hint="A number, a time or a frequency: “I'll call by 8 PM every day”." name="target" defaultValue={val("target", t?.target)} errors={errors.target} />
          <SelectField label="How often" name="cadence" defaultValue={val("cadence", t?.cadence ?? "daily")} errors={errors.cadence}>
            <option value="daily">Every day</option>
            <option value="weekly">Weekly on a day</option>
            <option value="times_per_week">N times a week</option>
            <option value="as_needed">As needed</option>
          </SelectField>
          <div className="grid two">
            <SelectField label="Day (weekly)" name="weekday" defaultValue={val("weekday", t?.weekday ?? 0)} errors={errors.weekday}>
              {DAYS.map((d, i) => (
                <option key={d} value={i}>
                  {d}
                </option>
              ))}
            </SelectField>
            <Field label="Times a week (N per week)" name="timesPerWeek" type="number" min={1} max={7} defaultValue={val("timesPerWeek", t?.timesPerWeek ?? 3)} errors={errors.timesPerWeek} />
          </div>
          <SelectField label="Responsible" name="responsible" defaultValue={val("responsible", replacing?.responsible ?? "BOTH")} errors={errors.responsible}>
            <option value="BOTH">Both partners</option>
            <option value="A">First partner</option>
            <option value="B">Second partner</option>
          </SelectField>
          <div className="grid two">
            <Field label="Start date" name="startDate" type="date" min={replacing ? today : undefined} defaultValue={val("startDate", today)} errors={errors.startDate} />
            <Field label="Duration (weeks)" name="durationWeeks" type="number" min={1} max={52} defaultValue={val("durationWeeks", replacing?.durationWeeks ?? 8)} errors={errors.durationWeeks} />
          </div>
          <div className="row">
            <button type="submit" className="primary">
              {replacing ? "Save the new version" : "Assign"}
            </button>
            {vague ? (
              <button type="submit" name="confirmVague" value="yes" className="secondary">
                Save anyway
              </button>
            ) : null}
          </div>
        </Form>
      </section>
      <section className="card">
        <h2>From the library</h2>
        <ul className="stack">
          {library.map((l) => (
            <li key={l.id}>
              <Link to={`?template=${l.id}`}>{l.title}</Link>
              <div className="small muted">{l.target}</div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
