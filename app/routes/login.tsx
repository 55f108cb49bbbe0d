import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect, data } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError, RadioGroup, formState } from "~/components/forms";
import { HOME_BY_ROLE } from "~/domain/permissions";
import { login, safeRedirect, signedInRedirect } from "~/utils/auth.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { getSessionUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Mend" }];

const LoginSchema = z.object({
  email: z
    .string({ required_error: "Enter your email address." })
    .trim()
    .max(254, "That email address is too long.")
    .email("Enter an email address like name@example.com."),
  password: z.string({ required_error: "Enter your password." }).max(200, "That password is too long."),
  // Not length-checked here: an unusable redirectTo falls back to home in safeRedirect rather
  // than failing the sign-in on a hidden field.
  redirectTo: z.string().optional(),
  // Set only when the email and password opened accounts in more than one practice.
  practiceId: z.string().max(40).optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user && !user.pending2fa) return redirect(HOME_BY_ROLE[user.role]);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseForm(formData, LoginSchema);
  if (submission.status !== "success") {
    return invalid(submission.reply({ hideFields: ["password"] }));
  }
  const { email, password, redirectTo, practiceId } = submission.value;
  const result = await login(request, email, password, practiceId);
  if (!result.ok) {
    return data(
      { result: submission.reply({ formErrors: [result.formError], hideFields: ["password"] }), practices: result.practices ?? null },
      { status: result.status },
    );
  }
  if (result.needs2fa) {
    return signedInRedirect(result.sessionId, `/login/2fa?redirectTo=${encodeURIComponent(safeRedirect(redirectTo, result.home))}`);
  }
  return signedInRedirect(result.sessionId, safeRedirect(redirectTo, result.home));
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { errors, values: initial } = formState(actionData);
  const practices = (actionData as { practices?: { id: string; name: string }[] | null } | undefined)?.practices;
  return (
    <section className="card narrow">
      <h1>Sign in to Mend</h1>
      <Form method="post" noValidate>
        <FormError errors={errors[""]} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={initial.email ?? ""}
          errors={errors.email}
          required
        />
        {practices ? (
          <RadioGroup legend="Which practice?" name="practiceId" options={practices.map((p) => ({ value: p.id, label: p.name }))} />
        ) : null}
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          errors={errors.password}
          required
        />
        <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Signing in…" : "Sign in"}
        </button>
      </Form>
      <p>
        <Link to="/reset">Forgot your password?</Link>
      </p>
      <p className="muted small">Partners: use the invitation link your therapist sent you to set up your account.</p>
    </section>
  );
}
