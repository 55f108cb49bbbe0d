import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { formState } from "~/components/forms";
import { SeverityBadge } from "~/components/safety";
import { actOnFlag } from "~/models/flag.server";
import { auditDenied, requireUser } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { claimSubmission, newIdempotencyKey } from "~/utils/idempotency.server";
import { notFound } from "~/utils/http.server";
import { optionalText, requiredText } from "~/utils/text-fields";
import { NOTE_MAX } from "~/domain/text-limits";
import { RESOLUTION_OUTCOMES } from "~/domain/flag-workflow";
import { SafeContactCard } from "~/components/safe-contact";
import { loadFlagPage } from "./flag-page.server";
import { FlagActions, FlagFacts, RecentCheckIns, Timeline, WhatRaisedIt } from "./sections";

export const meta: MetaFunction = () => [{ title: "Flag · Mend" }];

const note = optionalText(NOTE_MAX, "the note");
const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("acknowledge"), note }),
  z.object({ intent: z.literal("note"), note: requiredText(NOTE_MAX, "Write a note.", "the note") }),
  z.object({ intent: z.literal("escalate"), assigneeId: z.string({ required_error: "Choose a supervisor." }).min(1, "Choose a supervisor.").max(40), note }),
  z.object({ intent: z.literal("assign_self"), note }),
  z.object({
    intent: z.literal("resolve"),
    outcome: z.enum(RESOLUTION_OUTCOMES, { errorMap: () => ({ message: "Choose an outcome." }) }),
    note: requiredText(NOTE_MAX, "Write a note about how this was resolved.", "the note"),
  }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["therapist", "supervisor"] });
  const page = await loadFlagPage(user, params.flagId ?? "", request);
  if (!page) {
    await auditDenied(request, user, "flag", params.flagId);
    notFound();
  }
  return { idem: newIdempotencyKey(), ...page };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["therapist", "supervisor"] });
  const form = await readForm(request);
  const submission = parseForm(form, ActionSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  // A double-clicked "Add note" must not add the note twice.
  const claim = await claimSubmission(form, user.id);
  if (claim.duplicate) return redirect(`/flags/${params.flagId}`);
  const result = await actOnFlag(user, params.flagId ?? "", submission.value, request);
  if (!result.ok) await claim.release();
  if (!result.ok) {
    if (result.status === 404) {
      await auditDenied(request, user, "flag", params.flagId);
      notFound();
    }
    return data(
      { result: submission.reply(result.field ? { fieldErrors: { [result.field]: [result.error] } } : { formErrors: [result.error] }) },
      { status: result.status },
    );
  }
  return redirect(`/flags/${params.flagId}`);
}

export default function FlagPage() {
  const { flag, alerts, source, safeContact, recentCheckIns, supervisors, role, viewerId, idem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = formState(actionData);
  return (
    <div className="grid two">
      <section className="card">
        <p>
          <Link to={role === "supervisor" ? "/flags" : `/couples/${flag.couple.id}`}>← {role === "supervisor" ? "Safety queue" : "Couple"}</Link>
        </p>
        <h1>
          <SeverityBadge severity={flag.severity} /> Safety flag about {flag.partner.name}
        </h1>
        <FlagFacts flag={flag} alerts={alerts} />
        <WhatRaisedIt flag={flag} source={source} />
        <Timeline events={flag.events} />
      </section>
      <section className="card stack">
        <SafeContactCard contact={safeContact} />
        <FlagActions flag={flag} role={role} viewerId={viewerId} supervisors={supervisors} idem={idem} form={form} />
        <RecentCheckIns partnerName={flag.partner.name} rows={recentCheckIns} />
      </section>
    </div>
  );
}
