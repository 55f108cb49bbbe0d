import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError, formState, SelectField, TextareaField } from "~/components/forms";
import { addDays, isValidLocalDate, localDateOf } from "~/domain/dates";
import { formatLocalDate } from "~/domain/date-format";
import { assignHomework, homeworkForChange, homeworkLibrary, replaceHomework, type PromptInput } from "~/models/homework.server";
import { auditDenied, requireCouple, requireUserWithPermission } from "~/utils/authz.server";
import { notFound } from "~/utils/http.server";
import { coupleOverview } from "~/models/couple.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { optionalText } from "~/utils/text-fields";
import { NOTE_MAX } from "~/domain/text-limits";
import { claimSubmission, newIdempotencyKey } from "~/utils/idempotency.server";
import { IdempotencyField } from "~/components/idempotency";

export const meta: MetaFunction = () => [{ title: "Assign homework · Mend" }];

const PROMPT_ROWS = 5;
const date = z.string({ required_error: "Choose a due date." }).refine(isValidLocalDate, "Enter a real date.").refine((d) => d >= "2000-01-01" && d <= "2100-12-31", "Choose a date between 2000 and 2100.");

const HomeworkSchema = z.object({
  templateId: z.string().max(40).optional(),
  title: z.string().trim().max(120, "Keep the title under 120 characters.").optional(),
  instructions: optionalText(NOTE_MAX, "the instructions"),
  assignee: z.enum(["A", "B", "BOTH"], { errorMap: () => ({ message: "Choose who does it." }) }),
  dueDate: date,
  visibility: z.enum(["shared", "therapist_only"], { errorMap: () => ({ message: "Choose who sees the answers." }) }),
  weeklyUntil: z.string().optional(),
  replaceId: z.string().max(40).optional(),
  ...Object.fromEntries(
    Array.from({ length: PROMPT_ROWS }, (_, i) => [
      [`promptType${i}`, z.enum(["text", "scale", "checklist", "date"]).optional()],
      [`promptLabel${i}`, z.string().trim().max(500, "Keep each prompt under 500 characters.").optional()],
      [`promptOptions${i}`, z.string().trim().max(2000).optional()],
      [`promptOptional${i}`, z.literal("yes").optional()],
    ]).flat(),
  ),
});

/** The due date may be today, never a day that is already over where the couple lives. */
const schemaFor = (today: string) =>
  HomeworkSchema.superRefine((v, ctx) => {
    if (v.dueDate < today) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["dueDate"], message: `Choose today (${formatLocalDate(today)}) or a later day: this date has passed.` });
  });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:homework:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const [library, { partners }] = await Promise.all([
    homeworkLibrary(user),
    coupleOverview(couple.id),
  ]);
  const today = localDateOf(new Date(), couple.timeZone);
  const url = new URL(request.url);
  const templateId = url.searchParams.get("template");
  // ?replace=<id>: the form starts from that homework; saving closes it and assigns this version.
  const replaceId = url.searchParams.get("replace");
  const replacing = replaceId ? await homeworkForChange(user, couple.id, replaceId) : null;
  if (replaceId && !replacing) {
    await auditDenied(request, user, "homework", replaceId, couple.id);
    notFound();
  }
  return {
    replacing: replacing ? { ...replacing, dueDate: localDateOf(replacing.dueDate, "UTC") } : null,
    idem: newIdempotencyKey(),
    coupleId: couple.id,
    library: library.map((l) => ({ id: l.id, title: l.title, instructions: l.instructions, measure: l.measure, promptCount: (l.prompts as unknown[]).length })),
    template: library.find((l) => l.id === templateId) ?? null,
    names: { A: partners[0].name, B: partners[1].name },
    today,
    defaultDue: addDays(today, 7),
    planEnd: addDays(today, 7 * 8),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:homework:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const form = await readForm(request);
  const submission = parseForm(form, schemaFor(localDateOf(new Date(), couple.timeZone)));
  if (submission.status !== "success") return invalid(submission.reply());
  const v = submission.value as Record<string, string | undefined>;
  const prompts: PromptInput[] = [];
  for (let i = 0; i < PROMPT_ROWS; i++) {
    const label = v[`promptLabel${i}`];
    if (!label) continue;
    const type = (v[`promptType${i}`] ?? "text") as PromptInput["type"];
    const options = (v[`promptOptions${i}`] ?? "").split("\n").map((o) => o.trim()).filter(Boolean);
    if (type === "checklist" && options.length === 0) return invalid(submission.reply({ fieldErrors: { [`promptOptions${i}`]: ["List the checklist items, one per line."] } }));
    prompts.push({ type, label, options: type === "checklist" ? options : [], required: v[`promptOptional${i}`] !== "yes" });
  }
  if (!v.templateId || v.replaceId) {
    const fieldErrors: Record<string, string[]> = {};
    if (!v.title) fieldErrors.title = ["Give the homework a title."];
    if (!v.instructions) fieldErrors.instructions = ["Write short instructions."];
    if (prompts.length === 0) fieldErrors.promptLabel0 = ["Add at least one prompt."];
    if (Object.keys(fieldErrors).length) return invalid(submission.reply({ fieldErrors }));
  }
  const claim = await claimSubmission(form, user.id);
  if (claim.duplicate) return redirect(`/couples/${couple.id}`);
  if (v.replaceId) {
    const r = await replaceHomework(user, couple, v.replaceId, { title: v.title!, instructions: v.instructions!, assignee: v.assignee as "A" | "B" | "BOTH", dueDate: v.dueDate!, visibility: v.visibility as "shared" | "therapist_only", prompts }, request);
    if (r.status === "replaced") return redirect(`/couples/${couple.id}`);
    await claim.release();
    if (r.status === "not_found") {
      await auditDenied(request, user, "homework", v.replaceId, couple.id);
      notFound();
    }
    const why = {
      measure: "A weekly measure keeps its validated wording, so it cannot be changed. Close it and assign the measure again instead.",
      started: "A partner has already started or submitted this homework, so it can no longer be changed: their answers belong to these prompts. Assign a new homework instead.",
      closed: "This homework is no longer active, so there is nothing to change.",
    }[r.status];
    return invalid(submission.reply({ formErrors: [why] }));
  }
  const weeklyUntil = v.weeklyUntil && isValidLocalDate(v.weeklyUntil) ? v.weeklyUntil : null;
  const created = await assignHomework(
    user,
    couple,
    {
      templateId: v.templateId || null,
      title: v.title ?? "",
      instructions: v.instructions ?? "",
      assignee: v.assignee as "A" | "B" | "BOTH",
      dueDate: v.dueDate!,
      visibility: v.visibility as "shared" | "therapist_only",
      prompts,
      weeklyUntil,
    },
    request,
  );
  if (!created) {
    // Not a template of this practice's library: refuse, and give the form's key back for the retry.
    await claim.release();
    return invalid(submission.reply({ fieldErrors: { templateId: ["That exercise is not in your practice's library. Choose one from the library or write your own."] } }));
  }
  return redirect(`/couples/${couple.id}`);
}

export default function NewHomework() {
  const { coupleId, library, template: libraryTemplate, replacing, names, today, defaultDue, planEnd, idem } = useLoaderData<typeof loader>();
  const template = replacing ? null : libraryTemplate;
  const was = (i: number) => replacing?.prompts[i];
  const { errors, values } = formState(useActionData<typeof action>());
  return (
    <div className="grid two">
      <section className="card">
        <p>
          <Link to={`/couples/${coupleId}`}>← Back to the couple</Link>
        </p>
        {replacing ? (
          <>
            <h1>Change “{replacing.title}”</h1>
            <p className="notice">Saving closes the current version and assigns this one in its place, in one step. It can be changed only until a partner starts it.</p>
            {replacing.started ? <p className="notice warn">A partner has already started or submitted this homework, so it can no longer be changed.</p> : null}
          </>
        ) : (
          <h1>Assign homework</h1>
        )}
        {template ? (
          <p className="notice">
            From the library: <strong>{template.title}</strong>. <Link to="?">Write your own instead</Link>
          </p>
        ) : null}
        <Form method="post" noValidate key={replacing?.id ?? template?.id ?? "custom"}>
          {replacing ? <input type="hidden" name="replaceId" value={replacing.id} /> : null}
          <FormError errors={errors[""]} />
          <FormError errors={errors.templateId} />
          <input type="hidden" name="templateId" value={template?.id ?? ""} />
          <IdempotencyField value={idem} />
          <Field label="Title" name="title" defaultValue={values.title ?? template?.title ?? replacing?.title} errors={errors.title} />
          <TextareaField label="Instructions" name="instructions" defaultValue={values.instructions ?? template?.instructions ?? replacing?.instructions} errors={errors.instructions} />
          <div className="grid two">
            <SelectField label="Who does it" name="assignee" defaultValue={values.assignee ?? replacing?.assignee ?? "BOTH"} errors={errors.assignee}>
              <option value="BOTH">Both partners</option>
              <option value="A">{names.A}</option>
              <option value="B">{names.B}</option>
            </SelectField>
            <Field label="Due date" name="dueDate" type="date" min={today} defaultValue={values.dueDate ?? replacing?.dueDate ?? defaultDue} errors={errors.dueDate} />
          </div>
          <SelectField label="Who sees the answers" name="visibility" defaultValue={values.visibility ?? replacing?.visibility ?? "therapist_only"} errors={errors.visibility}>
            <option value="therapist_only">Only me (the therapist)</option>
            <option value="shared">Shared with the other partner once both have submitted</option>
          </SelectField>
          {template?.measure ? <Field label="Repeat weekly until" name="weeklyUntil" type="date" defaultValue={values.weeklyUntil ?? planEnd} /> : null}
          {template ? (
            <p className="small muted">The library's {template.prompts && (template.prompts as unknown[]).length} prompts will be used.</p>
          ) : (
            <fieldset>
              <legend>Prompts (blank rows are ignored)</legend>
              {Array.from({ length: 5 }, (_, i) => (
                <div key={i} className="grid two">
                  <Field label={`Prompt ${i + 1}`} name={`promptLabel${i}`} defaultValue={values[`promptLabel${i}`] ?? was(i)?.label} errors={errors[`promptLabel${i}`]} />
                  <SelectField label={`Type of answer ${i + 1}`} name={`promptType${i}`} defaultValue={values[`promptType${i}`] ?? was(i)?.type ?? "text"}>
                    <option value="text">Text</option>
                    <option value="scale">1–10 scale</option>
                    <option value="checklist">Checklist</option>
                    <option value="date">Date</option>
                  </SelectField>
                  <TextareaField label={`Checklist items ${i + 1} (one per line)`} name={`promptOptions${i}`} rows={2} defaultValue={values[`promptOptions${i}`] ?? was(i)?.options.join("\n")} errors={errors[`promptOptions${i}`]} />
                  <label className="small">
                    <input type="checkbox" name={`promptOptional${i}`} value="yes" defaultChecked={Object.keys(values).length === 0 ? was(i)?.required === false : values[`promptOptional${i}`] === "yes"} /> Answer {i + 1} is optional
                  </label>
                </div>
              ))}
            </fieldset>
          )}
          <button type="submit" className="primary">
            {replacing ? "Save the new version" : "Assign homework"}
          </button>
        </Form>
      </section>
      <section className="card">
        <h2>Library</h2>
        <ul className="stack">
          {library.map((l) => (
            <li key={l.id}>
              <Link to={`?template=${l.id}`}>{l.title}</Link> <span className="small muted">({l.promptCount} prompts{l.measure ? ", weekly measure" : ""})</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
