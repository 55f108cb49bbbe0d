import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { ScreenControls } from "~/components/therapist/screen-controls";
import { MAX_SCREEN_WEEKS } from "~/domain/safety/screen";
import { screenStatusFor, sendScreenNow, setScreenInterval } from "~/models/screen.server";
import { requireCouple, requireUserWithPermission } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Couple · Mend" }];

const weeksMessage = `Enter a whole number of weeks from 0 to ${MAX_SCREEN_WEEKS}.`;
const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("send-now"), partnerId: z.string().max(40).optional() }),
  z.object({
    intent: z.literal("interval"),
    weeks: z.coerce
      .number({ required_error: weeksMessage, invalid_type_error: weeksMessage })
      .int(weeksMessage)
      .min(0, weeksMessage)
      .max(MAX_SCREEN_WEEKS, weeksMessage),
  }),
]);

/** The panel's forms post here with ?form=1 (see ScreenControls). */
const FORM_FLAG = "form";

/**
 * Every GET is "not found" — except the page a refused post renders without JavaScript: Remix
 * runs this loader on the form's own URL to draw it, so that URL (?form=1) answers the couple's
 * therapist with nothing but the page; the data is in the action's reply.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (new URL(request.url).searchParams.get(FORM_FLAG) !== "1") notFound();
  const user = await requireUserWithPermission(request, "update:couple:own");
  await requireCouple(request, user, params.coupleId, ["clinician"]);
  return null;
}

/** The couple's therapist: "send one now" and the screen's interval. Redirects back to the couple page. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:couple:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const submission = parseForm(await readForm(request), ActionSchema);
  // Without JavaScript the errors render on this route's page, so it needs the panel's data too.
  const page = async () => ({ coupleId: couple.id, status: await screenStatusFor(user, couple.id) });
  if (submission.status !== "success") return invalid(submission.reply(), await page());
  const v = submission.value;
  const r = v.intent === "send-now" ? await sendScreenNow(user, couple.id, v.partnerId || null, request) : await setScreenInterval(user, couple.id, v.weeks, request);
  if (!r.ok) {
    if (r.status === 404) notFound();
    return invalid(submission.reply(r.field ? { fieldErrors: { [r.field]: [r.error] } } : { formErrors: [r.error] }), await page());
  }
  return redirect(`/couples/${couple.id}`);
}

export default function CoupleScreen() {
  const d = useActionData<typeof action>();
  if (!d || !("status" in d) || !d.status) {
    return (
      <section className="card">
        <p>
          <Link to="/caseload">Back to the caseload</Link>
        </p>
      </section>
    );
  }
  return (
    <div className="stack">
      <p>
        <Link to={`/couples/${d.coupleId}`}>Back to the couple</Link>
      </p>
      <ScreenControls coupleId={d.coupleId} status={d.status} reply={d.result} />
    </div>
  );
}
