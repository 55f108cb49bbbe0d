import { type ActionFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError, formState } from "~/components/forms";
import { requestPasswordReset } from "~/models/password-reset.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Choose a new password · Mend" }];

const ResetRequestSchema = z.object({
  email: z
    .string({ required_error: "Enter your email address." })
    .trim()
    .max(254, "That email address is too long.")
    .email("Enter an email address like name@example.com."),
});

/** The same words whether or not the address has an account, so the page cannot be used to find accounts. */
const SENT = "If that address has an account, we sent a link to choose a new password. It works once, for one hour. Check your inbox (and spam folder).";

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseForm(await readForm(request), ResetRequestSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await requestPasswordReset(submission.value.email, request);
  if (!result.ok) {
    const m = result.wait;
    return data({ result: submission.reply({ formErrors: [`Too many requests. Try again in ${m} minute${m === 1 ? "" : "s"}.`] }) }, { status: 429 });
  }
  return { sent: true as const, message: SENT };
}

export default function ResetRequest() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  if (actionData && "sent" in actionData) {
    return (
      <section className="card narrow">
        <h1>Check your email</h1>
        <p role="status">{actionData.message}</p>
        <p>
          <Link to="/login">Back to sign in</Link>
        </p>
      </section>
    );
  }
  const { errors, values } = formState(actionData);
  return (
    <section className="card narrow">
      <h1>Choose a new password</h1>
      <p>Enter the email address you sign in with. We will send a link to choose a new password.</p>
      <Form method="post" noValidate>
        <FormError errors={errors[""]} />
        <Field label="Email" name="email" type="email" autoComplete="username" defaultValue={values.email ?? ""} errors={errors.email} required />
        <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
          Send the link
        </button>
      </Form>
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </section>
  );
}
