import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError, formState } from "~/components/forms";
import { HelpLink } from "~/components/partner/help-link";
import { isValidTime } from "~/domain/reminder-schedule";
import { audit } from "~/models/audit.server";
import { requireUser } from "~/utils/authz.server";
import { prisma } from "~/utils/db.server";
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
  const u = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { emailEnabled: true, discreetName: true, reminderPreference: true } });
  return { emailEnabled: u.emailEnabled, discreetName: u.discreetName ?? "", prefs: u.reminderPreference };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["partner"] });
  const submission = parseForm(await readForm(request), SettingsSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  const v = submission.value;
  const prefs = { checkInTime: v.checkInTime || null, routinesTime: v.routinesTime || null, homeworkTime: v.homeworkTime || null, quietStart: v.quietStart || null, quietEnd: v.quietEnd || null };
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { emailEnabled: v.emailEnabled === "on", discreetName: v.discreetName || null } });
    await tx.reminderPreference.upsert({ where: { userId: user.id }, create: { userId: user.id, ...prefs }, update: prefs });
    await audit({ actor: user, action: "update", entity: "reminder-preferences", entityId: user.id, request }, tx);
  });
  return { result: submission.reply(), saved: true };
}

export default function Settings() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { errors, values } = formState(actionData);
  const v = (k: string, fallback: string | null | undefined) => values[k] ?? fallback ?? "";
  return (
    <div className="stack">
      <section className="card">
        <h1>Reminders and privacy</h1>
        {actionData && "saved" in actionData ? (
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
      <HelpLink />
    </div>
  );
}
