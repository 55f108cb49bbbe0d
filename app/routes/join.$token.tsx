import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field, FieldError, FormError, formState } from "~/components/forms";
import { checkPassword } from "~/domain/password-policy";
import { HOME_BY_ROLE } from "~/domain/permissions";
import { audit } from "~/utils/audit.server";
import { acceptInvite, lookupInvite } from "~/models/invite.server";
import { signedInRedirect } from "~/utils/auth.server";
import { invalid, NEW_PASSWORD_FIELDS, parseForm, readForm, TYPED_TWICE, typedTwice } from "~/utils/forms.server";
import { clientIp } from "~/utils/http.server";
import { recordFailure, retryAfterMinutes } from "~/utils/rate-limit.server";
import { createSession } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Welcome · Mend" }];

const JoinSchema = z
  .object({
    ...NEW_PASSWORD_FIELDS,
    consent: z.literal("yes", {
      errorMap: () => ({ message: "Please read and accept how Mend shares information before continuing." }),
    }),
  })
  .refine(typedTwice, TYPED_TWICE);

async function inviteLimit(request: Request) {
  return retryAfterMinutes([{ kind: "ip", key: `invite:ip:${clientIp(request)}` }]);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const wait = await inviteLimit(request);
  if (wait !== null) return { state: "limited" as const, wait };
  const invite = await lookupInvite(params.token ?? "");
  if (invite.state !== "valid") {
    if (invite.state === "unknown") await recordFailure([{ kind: "ip", key: `invite:ip:${clientIp(request)}` }]);
    return { state: invite.state };
  }
  return {
    state: "valid" as const,
    name: invite.user.name,
    email: invite.user.email,
    role: invite.user.role,
    practiceName: invite.practiceName,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const wait = await inviteLimit(request);
  if (wait !== null) {
    return data({ result: { status: "error" as const, error: { "": [`Too many attempts. Try again in ${wait} minutes.`] }, initialValue: null } }, { status: 429 });
  }
  const invite = await lookupInvite(token);
  if (invite.state !== "valid") {
    return data({ result: { status: "error" as const, error: { "": [inviteMessage(invite.state)] }, initialValue: null } }, { status: 410 });
  }
  const formData = await readForm(request);
  const submission = parseForm(formData, JoinSchema);
  if (submission.status !== "success") return invalid(submission.reply({ hideFields: ["password", "confirm"] }));
  const policy = checkPassword(submission.value.password, { email: invite.user.email, name: invite.user.name });
  if (!policy.ok) {
    return invalid(submission.reply({ fieldErrors: { password: [policy.message] }, hideFields: ["password", "confirm"] }));
  }
  const user = await acceptInvite(token, submission.value.password);
  if (!user) {
    return data({ result: { status: "error" as const, error: { "": [inviteMessage("used")] }, initialValue: null } }, { status: 410 });
  }
  await audit({ actor: user, action: "accept", entity: "invite", entityId: invite.inviteId, request });
  const sessionId = await createSession(user, { userAgent: request.headers.get("user-agent") });
  return signedInRedirect(sessionId, HOME_BY_ROLE[user.role]);
}

function inviteMessage(state: "used" | "expired" | "unknown" | "limited") {
  switch (state) {
    case "used":
      return "This invitation link has already been used. If that was you, sign in with your email and password. Otherwise ask your therapist for a new link.";
    case "expired":
      return "This invitation link has expired. Ask your therapist to send you a new one.";
    case "limited":
      return "Too many attempts from this connection. Please wait a few minutes and try again.";
    default:
      return "We don't recognise this invitation link. Check that you copied the whole link, or ask for a new one.";
  }
}

export default function Join() {
  const invite = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  if (invite.state !== "valid") {
    return (
      <section className="card narrow">
        <h1>{invite.state === "expired" ? "This link has expired" : invite.state === "used" ? "This link was already used" : "Link not recognised"}</h1>
        <p>{inviteMessage(invite.state)}</p>
        <p>
          <Link to="/login">Go to sign in</Link>
        </p>
      </section>
    );
  }
  const { errors } = formState(actionData);
  const isPartner = invite.role === "partner";
  return (
    <section className="card narrow">
      <h1>Welcome, {invite.name}</h1>
      <p>
        {invite.practiceName} invited you to Mend. Choose a password for <strong>{invite.email}</strong>.
      </p>
      <Form method="post" noValidate>
        <FormError errors={errors[""]} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters. A short phrase works well."
          errors={errors.password}
          required
        />
        <Field label="Type it again" name="confirm" type="password" autoComplete="new-password" errors={errors.confirm} required />
        <div className="notice">
          <h2>How Mend shares what you write</h2>
          {isPartner ? (
            <ul>
              <li>Your therapist sees your check-ins, routine logs and homework, so they can support you both.</li>
              <li>Your partner sees only what you choose to share: appreciations, notes you mark as shared, and homework set as shared.</li>
              <li>
                Your answer to <em>"Do you feel safe at home?"</em>, your private notes and anything you send with the
                <em> "I need help"</em> button stay with your clinicians. Your partner never sees them.
              </li>
              <li>Mend's emails never mention safety or what you wrote.</li>
            </ul>
          ) : (
            <ul>
              <li>You will see clinical records of couples in your practice as your role allows; every view is recorded in the audit log.</li>
            </ul>
          )}
        </div>
        <div className="field">
          <label>
            <input type="checkbox" name="consent" value="yes" aria-invalid={errors.consent ? true : undefined} /> I have read this and agree
          </label>
          <FieldError id="consent-error" errors={errors.consent} />
        </div>
        <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
          Create my account
        </button>
      </Form>
    </section>
  );
}
