import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError, formState } from "~/components/forms";
import { audit } from "~/utils/audit.server";
import { beginSetup, cancelReplacement, confirmSetup, disableTwoFactor, pendingSetup, twoFactorStatus, type ProofFailure } from "~/models/two-factor.server";
import { requireUser } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { deleteAllSessions, destroySessionCookie } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Account · Mend" }];

/** A code from the enabled factor (or a recovery code): needed to replace or turn off two-step. */
const currentCode = z.string().trim().max(40, "That code is too long.").optional();

const IntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("signout-everywhere") }),
  z.object({ intent: z.literal("begin-2fa"), currentCode }),
  z.object({ intent: z.literal("confirm-2fa"), code: z.string({ required_error: "Enter the 6-digit code from your app." }).trim().regex(/^\d{6}$/, "Enter the 6-digit code from your app.") }),
  z.object({ intent: z.literal("cancel-2fa-change") }),
  z.object({ intent: z.literal("disable-2fa"), currentCode }),
]);

const HIDE = ["code", "currentCode"];

/** Why the current factor was not proven, as the reply the form shows (429 when locked out). */
function proofRefused(submission: ReturnType<typeof parseForm>, failure: ProofFailure) {
  if (failure.reason === "locked") {
    const wait = failure.minutes ?? 15;
    return data({ result: submission.reply({ formErrors: [`Too many codes that did not work. Try again in ${wait} minute${wait === 1 ? "" : "s"}.`], hideFields: HIDE }), codes: null }, { status: 429 });
  }
  const message = {
    missing: "Enter a current code from your authenticator app, or one of your recovery codes.",
    wrong: "That is not a current code from your app or an unused recovery code.",
    reused: "That code has already been used. Wait for the next current code from your app.",
  }[failure.reason];
  return invalid(submission.reply({ fieldErrors: { currentCode: [message] }, hideFields: HIDE }), { codes: null });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const staff = user.role !== "partner";
  return {
    name: user.name,
    email: user.email,
    staff,
    twoFactor: staff ? await twoFactorStatus(user.id) : null,
    setup: staff ? await pendingSetup(user) : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await readForm(request), IntentSchema);
  if (submission.status !== "success") return invalid(submission.reply({ hideFields: HIDE }));
  const v = submission.value;
  switch (v.intent) {
    case "signout-everywhere":
      await deleteAllSessions(user.id);
      await audit({ actor: user, action: "signout-everywhere", entity: "session", request });
      return redirect("/login", { headers: { "Set-Cookie": await destroySessionCookie() } });
    case "begin-2fa": {
      if (user.role === "partner") throw new Response("Not available", { status: 403 });
      // With two-step already on, the enabled factor stays until the new one is confirmed.
      const begun = await beginSetup(user, v.currentCode);
      if (!begun.ok) return proofRefused(submission, begun);
      return { result: submission.reply({ resetForm: true }), codes: null };
    }
    case "confirm-2fa": {
      if (user.role === "partner") throw new Response("Not available", { status: 403 });
      const codes = await confirmSetup(user, v.code, request);
      if (!codes) return invalid(submission.reply({ fieldErrors: { code: ["That code is not right. Check your app's clock and try the newest code."] }, hideFields: HIDE }));
      return { result: submission.reply({ resetForm: true }), codes };
    }
    case "cancel-2fa-change":
      await cancelReplacement(user);
      return { result: submission.reply(), codes: null };
    case "disable-2fa": {
      const off = await disableTwoFactor(user, v.currentCode, request);
      if (!off.ok) {
        return off.reason === "required"
          ? invalid(submission.reply({ formErrors: ["Your practice requires two-step sign-in, so it cannot be turned off."], hideFields: HIDE }), { codes: null })
          : proofRefused(submission, off);
      }
      return { result: submission.reply({ resetForm: true }), codes: null };
    }
  }
}

export default function Account() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { errors, values } = formState(actionData);
  // Two forms ask for a current code: show its error under the one that was sent.
  const codeErrors = (intent: string) => (values.intent === intent ? errors.currentCode : undefined);
  const [params] = useSearchParams();
  const codes = actionData && "codes" in actionData ? actionData.codes : null;
  return (
    <div className="grid two">
      {params.get("setup") === "required" && !data.twoFactor?.enabled ? (
        <div className="notice warn" role="alert">
          Your practice requires two-step sign-in. Set it up below to continue.
        </div>
      ) : null}
      <section className="card">
        <h1>Your account</h1>
        <dl className="facts">
          <dt>Name</dt>
          <dd>{data.name}</dd>
          <dt>Email</dt>
          <dd>{data.email}</dd>
        </dl>
        <h2 style={{ marginTop: "1rem" }}>Sign out everywhere</h2>
        <p className="muted">Ends every session on every device, including this one.</p>
        <Form method="post">
          <button type="submit" name="intent" value="signout-everywhere" className="secondary">
            Sign out everywhere
          </button>
        </Form>
      </section>
      {data.staff && data.twoFactor ? (
        <section className="card">
          <h2>Two-step sign-in</h2>
          <FormError errors={errors[""]} />
          {codes ? (
            <div className="notice ok" role="status">
              <p>Two-step sign-in is on. Save these recovery codes somewhere safe; each works once and they will not be shown again.</p>
              <ul className="recovery-codes">
                {codes.map((c) => (
                  <li key={c}>
                    <code>{c}</code>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {data.twoFactor.enabled && data.setup ? (
            <>
              <p>
                <span className="badge ok">On</span> Your current app keeps working until the new one is confirmed.
              </p>
              <p>Scan this code with the new authenticator app, or enter the key by hand, then type the 6-digit code it shows.</p>
              <div aria-hidden="true" dangerouslySetInnerHTML={{ __html: data.setup.qrSvg }} />
              <p>
                Key: <code>{data.setup.secret}</code>
              </p>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="confirm-2fa" />
                <Field label="Code from the new app" name="code" inputMode="numeric" autoComplete="one-time-code" errors={errors.code} />
                <button type="submit" className="primary">
                  Switch to the new app
                </button>
              </Form>
              <Form method="post">
                <button type="submit" name="intent" value="cancel-2fa-change" className="secondary">
                  Keep the current app
                </button>
              </Form>
            </>
          ) : data.twoFactor.enabled ? (
            <>
              <p>
                <span className="badge ok">On</span> {data.twoFactor.recoveryCodesLeft} recovery codes left.
              </p>
              <h3>Move to a new phone or app</h3>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="begin-2fa" />
                <Field label="A current code from your app, or a recovery code" name="currentCode" autoComplete="one-time-code" errors={codeErrors("begin-2fa")} />
                <button type="submit" className="secondary">
                  Set up a new app
                </button>
              </Form>
              {!data.twoFactor.required ? (
                <>
                  <h3>Turn off</h3>
                  <Form method="post" noValidate>
                    <input type="hidden" name="intent" value="disable-2fa" />
                    <Field label="A current code from your app, or a recovery code" name="currentCode" autoComplete="one-time-code" errors={codeErrors("disable-2fa")} />
                    <button type="submit" className="secondary">
                      Turn off two-step sign-in
                    </button>
                  </Form>
                </>
              ) : (
                <p className="muted">Required by your practice, so it cannot be turned off.</p>
              )}
            </>
          ) : data.setup ? (
            <>
              <p>Scan this code with an authenticator app, or enter the key by hand, then type the 6-digit code it shows.</p>
              <div aria-hidden="true" dangerouslySetInnerHTML={{ __html: data.setup.qrSvg }} />
              <p>
                Key: <code>{data.setup.secret}</code>
              </p>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="confirm-2fa" />
                <Field label="Code from your app" name="code" inputMode="numeric" autoComplete="one-time-code" errors={errors.code} />
                <button type="submit" className="primary">
                  Turn on
                </button>
              </Form>
            </>
          ) : (
            <Form method="post">
              <p>Add a second step to signing in: a code from an authenticator app on your phone.</p>
              <button type="submit" name="intent" value="begin-2fa" className="primary">
                Set up two-step sign-in
              </button>
            </Form>
          )}
        </section>
      ) : null}
    </div>
  );
}
