import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { formState } from "~/components/forms";
import { HelpLink } from "~/components/partner/help-link";
import { RestitutionItem } from "~/components/partner/restitution-item";
import { partnerContext } from "~/models/partner.server";
import { coupleOfRestitution, restitutionActionForPartner, restitutionStep } from "~/models/repair.server";
import { auditDenied, requireUser } from "~/utils/authz.server";
import { parseForm, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import styles from "~/styles/partner.css";

export const meta: MetaFunction = () => [{ title: "Today · Mend" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const note = z.string().trim().max(2000, "Keep your note under 2,000 characters.").optional();
const StepSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("done"), note }),
  z.object({ intent: z.literal("confirm"), answer: z.enum(["yes", "no"], { errorMap: () => ({ message: "Choose yes or no." }) }), note }),
]);

/** A partner's restitution action, only within their own couple; another's → 404, audited against the couple it belongs to. */
async function load(request: Request, actionId: string | undefined) {
  const user = await requireUser(request, { roles: ["partner"] });
  const ctx = await partnerContext(user);
  const item = actionId ? await restitutionActionForPartner(user, ctx, actionId) : null;
  if (!item) {
    await auditDenied(request, user, "restitution", actionId, actionId ? await coupleOfRestitution(user.practiceId, actionId) : null);
    notFound();
  }
  return { user, ctx, item };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, item } = await load(request, params.actionId);
  return { item, otherName: ctx.otherName, paused: ctx.paused };
}

// Posted from Today (plain forms, no JavaScript needed); a refusal re-renders this page with the message by the field.
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, ctx, item } = await load(request, params.actionId);
  const submission = parseForm(await readForm(request), StepSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  const result = await restitutionStep(user, ctx, item.id, v.intent === "done" ? { intent: "done", note: v.note || null } : { intent: "confirm", answer: v.answer, note: v.note || null }, request);
  if (!result.ok) {
    if (result.status === 404) notFound();
    return data({ result: submission.reply({ formErrors: [result.error] }) }, { status: 400 });
  }
  return redirect(`/today?saved=${v.intent === "done" ? "restitution-done" : "restitution-confirmed"}`);
}

export default function RestitutionPage() {
  const { item, otherName, paused } = useLoaderData<typeof loader>();
  const { errors, values } = formState(useActionData<typeof action>());
  return (
    <div className="stack partner-page">
      <p>
        <Link to="/today">← Today</Link>
      </p>
      <h1>Restitution</h1>
      <section className="card">
        {paused ? <p>Your therapist has paused shared exercises for now.</p> : null}
        <ul className="routines">
          <RestitutionItem action={item} otherName={otherName} errors={errors} values={values} />
        </ul>
      </section>
      <HelpLink />
    </div>
  );
}
