import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FieldError, FormError, formState } from "~/components/forms";
import { LocalTime } from "~/components/local-time";
import { accessOverview, CLOSE_CONFIRMATION, closeCouple, revokePartner } from "~/models/couple-access.server";
import { auditDenied, requireCouple, requirePermission, requireUser, type SessionUser } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "End access · Mend" }];

/**
 * The couple's own therapist (through the usual couple scope) or an admin of the practice (who
 * manages accounts but may not read the couple's clinical records). Anyone else: 403 or 404.
 * A closed couple stays reachable here, so the page can say it is closed.
 */
async function authorise(request: Request, coupleId: string | undefined) {
  const user = await requireUser(request, { roles: ["therapist", "admin"] });
  if (user.role === "therapist") {
    await requirePermission(request, user, "update:couple:own");
    await requireCouple(request, user, coupleId, ["clinician"], { allowClosed: true });
  } else {
    await requirePermission(request, user, "manage:staff:any");
  }
  return user;
}

async function overviewOr404(request: Request, user: SessionUser, coupleId: string | undefined) {
  const overview = coupleId ? await accessOverview(user, coupleId) : null;
  if (!overview) {
    await auditDenied(request, user, "couple", coupleId, coupleId ?? null);
    notFound();
  }
  return overview;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await authorise(request, params.coupleId);
  const o = await overviewOr404(request, user, params.coupleId);
  return {
    role: user.role,
    couple: { ...o, partners: o.partners.map((p) => ({ ...p, revokedAt: p.revokedAt?.toISOString() ?? null })) },
  };
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("close"),
    confirm: z
      .string({ required_error: `Type ${CLOSE_CONFIRMATION} to confirm.` })
      .trim()
      .max(20, `Type ${CLOSE_CONFIRMATION} to confirm.`)
      .refine((v) => v.toUpperCase() === CLOSE_CONFIRMATION, `Type ${CLOSE_CONFIRMATION} to confirm.`),
  }),
  z.object({
    intent: z.literal("revoke"),
    partnerId: z.string({ required_error: "Choose a partner." }).min(1, "Choose a partner.").max(40),
    confirm: z.literal("yes", { errorMap: () => ({ message: "Tick the box to confirm." }) }),
  }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await authorise(request, params.coupleId);
  const o = await overviewOr404(request, user, params.coupleId);
  const form = await readForm(request);
  const submission = parseForm(form, ActionSchema);
  // Which form was sent, so the error shows under that form only.
  const which = { intent: String(form.get("intent") ?? ""), partnerId: String(form.get("partnerId") ?? "").slice(0, 40) };
  if (submission.status !== "success") {
    const known = which.intent === "close" || which.intent === "revoke";
    return invalid(known ? submission.reply() : submission.reply({ formErrors: ["That request was not understood."] }), { which });
  }
  const v = submission.value;
  if (v.intent === "close") {
    const r = await closeCouple(user, o.id, request);
    if (r === "not_found") notFound();
    if (r === "already_closed") return invalid(submission.reply({ formErrors: ["This couple is already closed."] }), { which });
    return redirect(`/couples/${o.id}/access?done=closed`);
  }
  const r = await revokePartner(user, o.id, v.partnerId, request);
  if (r === "not_found") {
    await auditDenied(request, user, "partner", v.partnerId, o.id);
    notFound();
  }
  if (r === "already_revoked") return invalid(submission.reply({ formErrors: ["This partner's access has already ended."] }), { which });
  return redirect(`/couples/${o.id}/access?done=revoked`);
}

export default function AccessPage() {
  const { couple, role } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { errors, values } = formState(actionData);
  const which = actionData && "which" in actionData ? actionData.which : null;
  const closed = couple.status === "closed";
  const names = couple.partners.map((p) => p.name).join(" & ");
  const done = params.get("done");
  // An error belongs under the form that was sent; if that form is no longer shown, it goes at the top.
  const formShown = !closed && (which?.intent === "close" || (which?.intent === "revoke" && couple.partners.some((p) => p.id === which.partnerId && !p.revokedAt)));
  return (
    <div className="stack">
      <p>{role === "therapist" ? <Link to={`/couples/${couple.id}`}>← Couple</Link> : <Link to="/admin">← Staff</Link>}</p>
      <section className="card">
        <h1>End access: {names}</h1>
        {done ? (
          <p className="notice ok" role="status">
            {done === "closed" ? "The couple is closed. Both partners are signed out and can no longer sign in." : "Done. That partner is signed out and can no longer sign in."}
          </p>
        ) : null}
        {which && !formShown ? <FormError errors={errors[""]} /> : null}
        <p>
          Status: <strong>{closed ? "closed" : couple.status}</strong> · therapist {couple.therapistName}
        </p>
        <ul>
          {couple.partners.map((p) => (
            <li key={p.id}>
              {p.name}:{" "}
              {p.revokedAt ? (
                <>
                  access ended <LocalTime iso={p.revokedAt} />
                </>
              ) : p.joined ? (
                "can sign in"
              ) : (
                `not joined yet${p.openInvites ? " (an invitation link is open)" : ""}`
              )}
            </li>
          ))}
        </ul>
      </section>

      {closed ? (
        <section className="card">
          <p>This couple is closed. Its records are kept and can still be read; nothing about it can be changed, and neither partner can sign in.</p>
        </section>
      ) : (
        <>
          <section className="card" aria-labelledby="close-h">
            <h2 id="close-h">Close the couple</h2>
            <p>Closing ends the programme for both partners:</p>
            <ul>
              <li>both are signed out everywhere and can no longer sign in (they see the usual sign-in message, nothing about the programme);</li>
              <li>unused invitation links stop working, and reminders stop;</li>
              <li>every record is kept, read-only.</li>
            </ul>
            {couple.openFlags > 0 ? (
              <p className="notice warn">
                {couple.openFlags} open safety flag{couple.openFlags === 1 ? "" : "s"} stay{couple.openFlags === 1 ? "s" : ""} open in the supervisor's queue until resolved.
              </p>
            ) : null}
            <Form method="post" noValidate>
              {which?.intent === "close" ? <FormError errors={errors[""]} /> : null}
              <input type="hidden" name="intent" value="close" />
              <div className="field">
                <label htmlFor="close-confirm">Type {CLOSE_CONFIRMATION} to confirm</label>
                <input
                  id="close-confirm"
                  name="confirm"
                  autoComplete="off"
                  required
                  defaultValue={which?.intent === "close" ? values.confirm ?? "" : ""}
                  aria-invalid={which?.intent === "close" && errors.confirm ? true : undefined}
                  aria-describedby={which?.intent === "close" && errors.confirm ? "close-confirm-error" : undefined}
                />
                <FieldError id="close-confirm-error" errors={which?.intent === "close" ? errors.confirm : undefined} />
              </div>
              <button type="submit" className="primary danger">
                Close the couple
              </button>
            </Form>
          </section>

          <section className="card" aria-labelledby="revoke-h">
            <h2 id="revoke-h">End one partner's access</h2>
            <p>The partner is signed out everywhere and can no longer sign in or use an invitation link. The couple and the other partner carry on as they are.</p>
            {couple.partners
              .filter((p) => !p.revokedAt)
              .map((p) => {
                const mine = which?.intent === "revoke" && which.partnerId === p.id;
                const errorId = `revoke-${p.id}-error`;
                return (
                  <Form method="post" noValidate key={p.id} className="stack">
                    {mine ? <FormError errors={errors[""]} /> : null}
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="partnerId" value={p.id} />
                    <div className="field">
                      <label>
                        <input type="checkbox" name="confirm" value="yes" required aria-invalid={mine && errors.confirm ? true : undefined} aria-describedby={mine && errors.confirm ? errorId : undefined} /> I understand{" "}
                        {p.name} will be signed out and can no longer sign in
                      </label>
                      <FieldError id={errorId} errors={mine ? errors.confirm : undefined} />
                    </div>
                    <button type="submit" className="secondary">
                      End {p.name}'s access
                    </button>
                  </Form>
                );
              })}
          </section>
        </>
      )}
    </div>
  );
}
