import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError, formState } from "~/components/forms";
import { checkPassword } from "~/domain/password-policy";
import { audit } from "~/utils/audit.server";
import { seedCrisisResources } from "~/models/crisis.server";
import { signedInRedirect } from "~/utils/auth.server";
import { firstRunTransaction, seedLibrary } from "~/startup.server";
import { DEFAULT_CRISIS_RESOURCES } from "~/utils/crisis";
import { hasNoAccounts } from "~/models/practice.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { hashPassword } from "~/utils/password.server";
import { createSession } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Set up Mend" }];

// First run of a production install: create the practice and its first admin. Gone once any
// account exists.
const SetupSchema = z.object({
  practiceName: z.string({ required_error: "Enter the practice's name." }).trim().min(1).max(120),
  name: z.string({ required_error: "Enter your name." }).trim().min(1).max(80),
  email: z.string({ required_error: "Enter your email." }).trim().max(254).email("Enter an email address like name@example.com."),
  password: z.string({ required_error: "Choose a password." }).max(200),
});

async function requireNoAccounts() {
  if (!(await hasNoAccounts())) notFound();
}

export async function loader(_: LoaderFunctionArgs) {
  await requireNoAccounts();
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireNoAccounts();
  const submission = parseForm(await readForm(request), SetupSchema);
  if (submission.status !== "success") return invalid(submission.reply({ hideFields: ["password"] }));
  const v = submission.value;
  const policy = checkPassword(v.password, { email: v.email, name: v.name });
  if (!policy.ok) return invalid(submission.reply({ fieldErrors: { password: [policy.message] }, hideFields: ["password"] }));
  const passwordHash = await hashPassword(v.password);
  // Single winner, decided in the database: two people (or a double-click) submitting at once on
  // an empty instance must not make two practices with an admin each.
  const user = await firstRunTransaction(async (tx) => {
    const practice = await tx.practice.create({
      data: { name: v.practiceName, crisisResources: DEFAULT_CRISIS_RESOURCES, flagPhrases: [] },
      select: { id: true },
    });
    await seedLibrary(tx, practice.id);
    const admin = await tx.user.create({
      data: { practiceId: practice.id, name: v.name, email: v.email.toLowerCase(), role: "admin", passwordHash },
      select: { id: true, role: true, practiceId: true, practice: { select: { staffIdleMinutes: true, partnerIdleDays: true } } },
    });
    await audit({ actor: admin, action: "create", entity: "practice", entityId: practice.id, request }, tx);
    return admin;
  });
  if (!user) {
    return data(
      { result: submission.reply({ formErrors: ["This Mend is already set up: someone created the practice a moment ago. Sign in instead."], hideFields: ["password"] }) },
      { status: 409 },
    );
  }
  // Its own transaction (it locks the practice row); a failure here is repaired by the start-up backfill.
  await seedCrisisResources(user.practiceId);
  const sessionId = await createSession(user);
  return signedInRedirect(sessionId, "/admin");
}

export default function Setup() {
  const actionData = useActionData<typeof action>();
  const { errors, values: initial } = formState(actionData);
  return (
    <section className="card narrow">
      <h1>Set up your practice</h1>
      <Form method="post" noValidate>
        <FormError errors={errors[""]} />
        <Field label="Practice name" name="practiceName" defaultValue={initial.practiceName} errors={errors.practiceName} />
        <Field label="Your name" name="name" defaultValue={initial.name} errors={errors.name} />
        <Field label="Your email" name="email" type="email" defaultValue={initial.email} errors={errors.email} />
        <Field label="Password" name="password" type="password" autoComplete="new-password" errors={errors.password} />
        <button type="submit" className="primary">
          Create practice and admin account
        </button>
      </Form>
    </section>
  );
}
