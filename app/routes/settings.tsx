import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError, formState, RadioGroup, TextareaField } from "~/components/forms";
import { HelpLink } from "~/components/partner/help-link";
import { isValidTime } from "~/domain/reminder-schedule";
import { CONTACT_METHOD_LABELS, CONTACT_METHODS } from "~/domain/safe-contact";
import { ownSafeContact, SafeContactSchema, saveSafeContact } from "~/models/safe-contact.server";
import { requireUser } from "~/utils/authz.server";
import { ownReminderSettings, saveReminderSettings } from "~/models/reminders.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Settings · Mend" }];

const time = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || isValidTime(v), "Use a time like 20:00 (24-hour clock).");

const SettingsSchema = z.object({
  checkInTime: time,
  routinesTime: time,
  homeworkTime: time,
  quietStart: time,
  quietEnd: time,
  emailEnabled: z.literal("on").optional(),
  discreetName: z.string().trim().max(40, "Keep it under 40 characters.").optional(),
}).refine((v) => Boolean(v.quietStart) === Boolean(v.quietEnd), { path: ["quietEnd"], message: "Give both a start and an end for quiet hours, or neither." });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["partner"] });
  const [u, safeContact] = await Promise.all([
    ownReminderSettings(user),
    ownSafeContact(user),
  ]);
  return { emailEnabled: u.emailEnabled, discreetName: u.discreetName ?? "", prefs: u.reminderPreference, safeContact };
}

/** The safe-contact form is its own form on this page (intent=safe-contact); its errors stay on it. */
async function saveContact(user: Awaited<ReturnType<typeof requireUser>>, form: FormData, request: Request) {
  const submission = parseForm(form, SafeContactSchema);
  if (submission.status !== "success") return invalid(submission.reply(), { intent: "safe-contact" as const });
  const v = submission.value;
  const r = await saveSafeContact(user, { ...v, noVoicemail: v.noVoicemail === "on" }, request);
  if (!r.ok) return invalid(submission.reply({ fieldErrors: r.fieldErrors }), { intent: "safe-contact" as const });
  return { intent: "safe-contact" as const, result: submission.reply(), contactSaved: true };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["partner"] });
  const form = await readForm(request);
  if (form.get("intent") === "safe-contact") return saveContact(user, form, request);
  const submission = parseForm(form, SettingsSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  const v = submission.value;
  await saveReminderSettings(
    user,
    {
      emailEnabled: v.emailEnabled === "on",
      discreetName: v.discreetName || null,
      checkInTime: v.checkInTime || null,
      routinesTime: v.routinesTime || null,
      homeworkTime: v.homeworkTime || null,
      quietStart: v.quietStart || null,
      quietEnd: v.quietEnd || null,
    },
    request,
  );
  return { result: submission.reply(), saved: true };
}

export default function Settings() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // Two forms post here: each shows only its own errors and typed values.
  const forContact = Boolean(actionData && "intent" in actionData && actionData.intent === "safe-contact");
  const { errors, values } = formState(forContact ? undefined : actionData);
  const v = (k: string, fallback: string | null | undefined) => values[k] ?? fallback ?? "";
  return (
    <div className="stack">
      <section className="card">
        <h1>Reminders and privacy</h1>
        {!forContact && actionData && "saved" in actionData ? (
          <p className="notice ok" role="status">
            Saved.
          </p>
        ) : null}
        <Form method="post" noValidate>
          <FormError errors={errors[""]} />
          <fieldset>
            <legend>Remind me at (leave empty for no reminder)</legend>
            <Field label="Daily check-in" name="checkInTime" type="time" defaultValue={v("checkInTime", d.prefs?.checkInTime)} errors={errors.checkInTime} />
            <Field label="Routines due today" name="routinesTime" type="time" defaultValue={v("routinesTime", d.prefs?.routinesTime)} errors={errors.routinesTime} />
            <Field label="Homework due soon" name="homeworkTime" type="time" defaultValue={v("homeworkTime", d.prefs?.homeworkTime)} errors={errors.homeworkTime} />
          </fieldset>
          <fieldset>
            <legend>Quiet hours (no messages between)</legend>
            <Field label="From" name="quietStart" type="time" defaultValue={v("quietStart", d.prefs?.quietStart)} errors={errors.quietStart} />
            <Field label="Until" name="quietEnd" type="time" defaultValue={v("quietEnd", d.prefs?.quietEnd)} errors={errors.quietEnd} />
          </fieldset>
          <div className="field">
            <label>
              <input type="checkbox" name="emailEnabled" defaultChecked={values.emailEnabled ? values.emailEnabled === "on" : d.emailEnabled} /> Send reminders by email
            </label>
            <span className="hint">Turn this off if someone else can read your email. Reminders also wait for you on your Today page.</span>
          </div>
          <Field
            label="Name to use for Mend in emails (optional)"
            hint="Emails never mention what they are about; you can also make the sender name something discreet, like “Garden club”."
            name="discreetName"
            defaultValue={v("discreetName", d.discreetName)}
            errors={errors.discreetName}
            maxLength={40}
          />
          <button type="submit" className="primary">
            Save settings
          </button>
        </Form>
        <p>
          <Link to="/account">Sign out everywhere</Link>
        </p>
      </section>
      <SafeContactSection contact={d.safeContact} actionData={forContact ? actionData : undefined} />
      <HelpLink />
    </div>
  );
}

const METHOD_OPTIONS = CONTACT_METHODS.map((value) => ({ value, label: CONTACT_METHOD_LABELS[value] }));

/** "How we may contact you safely": private to the care team, never shown to the other partner. */
function SafeContactSection({ contact, actionData }: { contact: ReturnType<typeof useLoaderData<typeof loader>>["safeContact"]; actionData: unknown }) {
  const { errors, values } = formState(actionData);
  const posted = "intent" in values;
  const v = (k: string, fallback: string | null | undefined) => (posted ? values[k] : fallback) ?? "";
  const saved = Boolean(actionData && typeof actionData === "object" && "contactSaved" in actionData);
  return (
    <section className="card" aria-labelledby="safe-contact-h">
      <h2 id="safe-contact-h">How we may contact you safely</h2>
      <p>Only your care team sees this — your therapist and the clinical team. It is never shown to your partner.</p>
      {saved ? (
        <p className="notice ok" role="status">
          Saved. Your care team will contact you this way.
        </p>
      ) : null}
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="safe-contact" />
        <FormError errors={errors[""]} />
        <RadioGroup legend="How may we contact you?" name="method" options={METHOD_OPTIONS} defaultValue={v("method", contact?.method) || null} errors={errors.method} />
        <Field label="Phone number (optional)" hint="Only one that is safe for us to call or text." name="phone" type="text" inputMode="tel" autoComplete="off" maxLength={30} defaultValue={v("phone", contact?.phone)} errors={errors.phone} />
        <div className="field">
          <label>
            <input type="checkbox" name="noVoicemail" defaultChecked={posted ? values.noVoicemail === "on" : (contact?.noVoicemail ?? true)} /> Do not leave a voicemail
          </label>
        </div>
        <Field label="Email address (optional)" hint="Only one that nobody else can read." name="email" type="email" autoComplete="off" maxLength={254} defaultValue={v("email", contact?.email)} errors={errors.email} />
        <TextareaField label="Times to avoid (optional)" hint="For example: “evenings and weekends, when we are both home”." name="avoidTimes" maxLength={500} defaultValue={v("avoidTimes", contact?.avoidTimes)} errors={errors.avoidTimes} />
        <Field label="A code word (optional)" hint="A word to use with your care team — for example, one that means “I can't talk freely right now”." name="codeWord" type="text" autoComplete="off" maxLength={60} defaultValue={v("codeWord", contact?.codeWord)} errors={errors.codeWord} />
        <button type="submit" className="primary">
          Save contact preferences
        </button>
      </Form>
    </section>
  );
}
