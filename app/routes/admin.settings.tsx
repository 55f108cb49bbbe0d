import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError, formState, TextareaField } from "~/components/forms";
import { parsePhraseLine } from "~/domain/safety";
import { getSafetySettings, updateSafetySettings } from "~/models/practice.server";
import { requireUserWithPermission } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Practice settings · Mend" }];

const hours = (label: string, max: number) =>
  z.coerce.number({ invalid_type_error: `Enter the ${label} SLA in hours.` }).int("Use whole hours.").min(1, "At least 1 hour.").max(max, `At most ${max} hours.`);

const SettingsSchema = z.object({
  phrases: z
    .string()
    .max(20_000, "That list is too long.")
    .optional()
    .transform((s) => [...new Set((s ?? "").split("\n").map((p) => p.trim().replace(/\s+/g, " ")).filter(Boolean))])
    .superRefine((lines, ctx) => {
      for (const line of lines) {
        const parsed = parsePhraseLine(line);
        if (parsed && "error" in parsed) ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.error });
      }
    }),
  slaImminentHours: hours("imminent", 24),
  slaHighHours: hours("high", 168),
  slaMediumHours: hours("medium", 336),
  slaLowHours: hours("low", 720),
  crisisResources: z.string({ required_error: "Crisis resources cannot be empty." }).trim().min(20, "Give at least a phone number and a line of guidance.").max(5000, "Keep it under 5,000 characters."),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:settings:any");
  return { settings: await getSafetySettings(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:settings:any");
  const submission = parseForm(await readForm(request), SettingsSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  await updateSafetySettings(user, submission.value, request);
  return { result: submission.reply(), saved: true };
}

export default function Settings() {
  const { settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { errors, values } = formState(actionData);
  return (
    <section className="card">
      <h1>Practice settings</h1>
      {actionData && "saved" in actionData ? (
        <p className="notice ok" role="status">
          Saved. The change is in the audit log.
        </p>
      ) : null}
      <Form method="post" noValidate>
        <FormError errors={errors[""]} />
        <p>
          Mend recognises danger by concept (violence, strangulation, weapons, threats, sexual violence, threats to children or pets,
          stalking and monitoring, coercive control, fear, suicide and self-harm) in English and Spanish. Your phrases add to that; they
          never replace it. <Link to="/safety/try">Try a note</Link> to see what a text would raise and why.
        </p>
        <TextareaField
          label="Your practice's own phrases (optional, one per line)"
          hint="Whole words, any case and accents. A line is a phrase (raises a high flag), or a severity and a colon: “medium: took my car keys”, “high es: me quitó los papeles”. Severities: low, medium, high, imminent; languages: en, es or any."
          name="phrases"
          rows={6}
          defaultValue={values.phrases ?? settings.phrases.join("\n")}
          errors={errors.phrases}
        />
        <fieldset>
          <legend>Response times (hours until a flag is due)</legend>
          <div className="grid two">
            <Field label="Imminent" name="slaImminentHours" type="number" defaultValue={values.slaImminentHours ?? String(settings.slaImminentHours)} errors={errors.slaImminentHours} />
            <Field label="High" name="slaHighHours" type="number" defaultValue={values.slaHighHours ?? String(settings.slaHighHours)} errors={errors.slaHighHours} />
            <Field label="Medium" name="slaMediumHours" type="number" defaultValue={values.slaMediumHours ?? String(settings.slaMediumHours)} errors={errors.slaMediumHours} />
            <Field label="Low" name="slaLowHours" type="number" defaultValue={values.slaLowHours ?? String(settings.slaLowHours)} errors={errors.slaLowHours} />
          </div>
        </fieldset>
        <p>
          Partners see this text below their country's <Link to="/admin/resources">crisis lines</Link> (and alone where a country has none).
        </p>
        <TextareaField
          label="Crisis resources shown to a partner who asks for help"
          name="crisisResources"
          rows={8}
          defaultValue={values.crisisResources ?? settings.crisisResources}
          errors={errors.crisisResources}
        />
        <button type="submit" className="primary">
          Save settings
        </button>
      </Form>
    </section>
  );
}
