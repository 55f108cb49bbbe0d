import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SafetyBanner } from "~/components/safety";
import { RepairPlanSummary } from "~/components/therapist/repair-summary";
import { ScreenControls } from "~/components/therapist/screen-controls";
import { changeAssignment } from "~/models/assignment.server";
import { reissueInvite } from "~/models/couple.server";
import { hasJoined } from "~/models/invite.server";
import { sendPartnerPasswordReset } from "~/models/password-reset.server";
import { auditDenied, requireCouple, requireUserWithPermission } from "~/utils/authz.server";
import { parseForm, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { loadCouplePage, rangeOf } from "./couple-page.server";
import { Adherence, CoupleHeader, Csi4, Homework, MoodAndCloseness, PerceptionGaps, Routines, WeeklyReview } from "./sections";

export const meta: MetaFunction = () => [{ title: "Couple · Mend" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:couple:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  return loadCouplePage(user, couple, rangeOf(new URL(request.url)), request);
}

const RESET_REFUSED = {
  not_joined: "This partner has not joined yet, so there is no password to reset: send them a new invitation link instead.",
  email_off: "This partner has turned off email from Mend, so no reset email was sent. They can turn email back on in their Settings.",
  disabled: "This partner's account is turned off, so no reset email was sent.",
} as const;

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["pause", "resume"]), assignmentId: z.string().min(1).max(40) }),
  z.object({ intent: z.literal("reinvite"), partnerId: z.string().min(1).max(40) }),
  z.object({ intent: z.literal("send-reset"), partnerId: z.string().min(1).max(40) }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:assignment:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const submission = parseForm(await readForm(request), ActionSchema);
  if (submission.status !== "success") return data({ error: "That request was not understood." }, { status: 400 });
  const v = submission.value;
  if (v.intent === "reinvite") {
    // A joined partner is never re-invited: whoever accepted the new link would set their
    // password and be signed in as them. Their way back in is a reset email to their own inbox.
    if ((v.partnerId === couple.partnerAId || v.partnerId === couple.partnerBId) && (await hasJoined(v.partnerId))) {
      return data({ error: "This partner has already joined, so they need no invitation. If they cannot sign in, use “Send a password-reset email”: the link goes to their own inbox." }, { status: 400 });
    }
    const token = await reissueInvite(user, couple.id, v.partnerId, request);
    if (!token) {
      await auditDenied(request, user, "invite", v.partnerId, couple.id);
      notFound();
    }
    return { invite: `${new URL(request.url).origin}/join/${token}` };
  }
  if (v.intent === "send-reset") {
    const sent = await sendPartnerPasswordReset(user, couple, v.partnerId, request);
    if (sent === "not_found") {
      await auditDenied(request, user, "partner", v.partnerId, couple.id);
      notFound();
    }
    if (sent !== "sent") return data({ error: RESET_REFUSED[sent] }, { status: 400 });
    return { resetSent: true as const };
  }
  const r = await changeAssignment(user, couple.id, v.assignmentId, v.intent, request);
  if (r === "not_found") {
    await auditDenied(request, user, "assignment", v.assignmentId, couple.id);
    notFound();
  }
  if (r === "invalid") return data({ error: "That change isn't possible for this assignment's current state." }, { status: 400 });
  return redirect(`/couples/${couple.id}`);
}

export default function CouplePage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack">
      <CoupleHeader d={d} actionData={actionData} />
      <SafetyBanner coupleId={d.couple.id} flags={d.flags} pausedForSafety={d.couple.pausedForSafety} pauseToldAt={d.couple.pauseToldAt} canResume />
      {d.screen ? <ScreenControls coupleId={d.couple.id} status={d.screen} /> : null}
      <WeeklyReview d={d} />
      <RepairPlanSummary coupleId={d.couple.id} plan={d.repairPlan} />
      <MoodAndCloseness d={d} />
      <Adherence d={d} />
      <PerceptionGaps d={d} />
      <Csi4 d={d} />
      <div className="grid two">
        <Routines d={d} />
        <Homework d={d} />
      </div>
    </div>
  );
}
