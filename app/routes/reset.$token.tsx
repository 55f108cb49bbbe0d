import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError, formState } from "~/components/forms";
import { checkPassword } from "~/domain/password-policy";
import { HOME_BY_ROLE } from "~/domain/permissions";
import { completePasswordReset, lookupPasswordReset } from "~/models/password-reset.server";
import { loginLimitKeys, signedInRedirect } from "~/utils/auth.server";
import { invalid, NEW_PASSWORD_FIELDS, parseForm, readForm, TYPED_TWICE, typedTwice } from "~/utils/forms.server";
import { clientIp } from "~/utils/http.server";
import { clearFailures, recordFailure, retryAfterMinutes } from "~/utils/rate-limit.server";
import { createSession, deleteSession } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Choose a new password · Mend" }];

const NewPasswordSchema = z.object(NEW_PASSWORD_FIELDS).refine(typedTwice, TYPED_TWICE);

/** Guessing links is limited per connection, as for invite links. */
const linkLimitKey = (request: Request) => [{ kind: "ip" as const, key: `reset-link:ip:${clientIp(request)}` }];

type LinkState = "used" | "expired" | "unknown" | "limited";

function linkMessage(state: LinkState) {
  switch (state) {
    case "used":
      return "This link has already been used. If that was you, sign in with your new password. Otherwise ask for a new link.";
    case "expired":
      return "This link has expired: links work for one hour. Ask for a new one.";
    case "limited":
      return "Too many attempts from this connection. Please wait a few minutes and try again.";
    default:
      return "We don't recognise this link. Check that you opened the whole link from the email, or ask for a new one.";
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const wait = await retryAfterMinutes(linkLimitKey(request));
  if (wait !== null) return { state: "limited" as const };
  const reset = await lookupPasswordReset(params.token ?? "");
  if (reset.state !== "valid") {
    if (reset.state === "unknown") await recordFailure(linkLimitKey(request));
    return { state: reset.state };
  }
  return { state: "valid" as const, name: reset.user.name, email: reset.user.email };
}

function gone(state: LinkState, status = 410) {
  return data({ result: { status: "error" as const, error: { "": [linkMessage(state)] }, initialValue: null } }, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  if ((await retryAfterMinutes(linkLimitKey(request))) !== null) return gone("limited", 429);
  const reset = await lookupPasswordReset(token);
  if (reset.state !== "valid") {
    if (reset.state === "unknown") await recordFailure(linkLimitKey(request));
    return gone(reset.state);
  }
  const submission = parseForm(await readForm(request), NewPasswordSchema);
  if (submission.status !== "success") return invalid(submission.reply({ hideFields: ["password", "confirm"] }));
  const policy = checkPassword(submission.value.password, { email: reset.user.email, name: reset.user.name });
  if (!policy.ok) return invalid(submission.reply({ fieldErrors: { password: [policy.message] }, hideFields: ["password", "confirm"] }));
  const user = await completePasswordReset(token, submission.value.password, request);
  if (!user) return gone("used");
  // Proving the inbox also lifts a sign-in lock-out on the account.
  await clearFailures([loginLimitKeys(user.email, request)[0]!]);
  // Every earlier session of the account was ended in completePasswordReset; whatever session
  // this browser had (perhaps someone else's) ends too, and this one is new. Staff with a second
  // factor still have to enter it.
  await deleteSession(request);
  const needs2fa = user.role !== "partner" && user.totpEnabledAt !== null;
  const sessionId = await createSession(user, { pending2fa: needs2fa, userAgent: request.headers.get("user-agent") });
  return signedInRedirect(sessionId, needs2fa ? "/login/2fa" : HOME_BY_ROLE[user.role]);
}

export default function ResetPassword() {
  const link = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  if (link.state !== "valid") {
    return (
      <section className="card narrow">
        <h1>{link.state === "expired" ? "This link has expired" : link.state === "used" ? "This link was already used" : link.state === "limited" ? "Please wait" : "Link not recognised"}</h1>
        <p>{linkMessage(link.state)}</p>
        <p>
          <Link to="/reset">Ask for a new link</Link> · <Link to="/login">Go to sign in</Link>
        </p>
      </section>
    );
  }
  const { errors } = formState(actionData);
  return (
    <section className="card narrow">
      <h1>Choose a new password</h1>
      <p>
        For <strong>{link.email}</strong>. Choosing a new password signs you out everywhere else.
      </p>
      <Form method="post" noValidate>
        <FormError errors={errors[""]} />
        <input type="hidden" name="username" autoComplete="username" value={link.email} readOnly />
        <Field
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters. A short phrase works well."
          errors={errors.password}
          required
        />
        <Field label="Type it again" name="confirm" type="password" autoComplete="new-password" errors={errors.confirm} required />
        <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
          Save my new password
        </button>
      </Form>
    </section>
  );
}
