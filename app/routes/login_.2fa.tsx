import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError, formState } from "~/components/forms";
import { HOME_BY_ROLE } from "~/domain/permissions";
import { proveSecondFactor } from "~/models/two-factor.server";
import { completeSecondFactor, loginLimitKeys, safeRedirect, signedInRedirect } from "~/utils/auth.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { getSessionUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Mend" }];

const CodeSchema = z.object({
  code: z.string({ required_error: "Enter the 6-digit code from your app, or a recovery code." }).trim().min(6, "Enter the 6-digit code from your app, or a recovery code.").max(20),
  // Not length-checked: safeRedirect falls back to home for anything unusable (as on /login).
  redirectTo: z.string().optional(),
});

async function pendingUser(request: Request) {
  const user = await getSessionUser(request);
  if (!user) throw redirect("/login");
  if (!user.pending2fa) throw redirect(HOME_BY_ROLE[user.role]);
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await pendingUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await pendingUser(request);
  const submission = parseForm(await readForm(request), CodeSchema);
  if (submission.status !== "success") return invalid(submission.reply({ hideFields: ["code"] }));
  // Failures count per account (not per sign-in: a correct password does not reset them) and,
  // like wrong passwords, towards this address's limit.
  const proof = await proveSecondFactor(user.id, submission.value.code, { alsoCount: loginLimitKeys(user.email, request).filter((k) => k.kind === "ip") });
  if (!proof.ok) {
    if (proof.reason === "locked") {
      const wait = proof.minutes ?? 15;
      const message = `Too many codes that did not work. Try again in ${wait} minute${wait === 1 ? "" : "s"}.`;
      return data({ result: submission.reply({ formErrors: [message], hideFields: ["code"] }) }, { status: 429 });
    }
    const message = proof.reason === "reused" ? "That code has already been used. Wait for the next code from your app." : "That code is not right. Codes change every 30 seconds.";
    return invalid(submission.reply({ fieldErrors: { code: [message] }, hideFields: ["code"] }));
  }
  const sessionId = await completeSecondFactor(request, user.id);
  return signedInRedirect(sessionId, safeRedirect(submission.value.redirectTo, HOME_BY_ROLE[user.role]));
}

export default function SecondFactor() {
  const actionData = useActionData<typeof action>();
  const { errors } = formState(actionData);
  const [params] = useSearchParams();
  return (
    <section className="card narrow">
      <h1>Two-step sign-in</h1>
      <p>Enter the code from your authenticator app, or one of your recovery codes.</p>
      <Form method="post" noValidate>
        <FormError errors={errors[""]} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field label="Code" name="code" inputMode="text" autoComplete="one-time-code" errors={errors.code} autoFocus />
        <button type="submit" className="primary">
          Continue
        </button>
      </Form>
    </section>
  );
}
