import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CrisisResources } from "~/components/crisis-resources";
import { formState, TextareaField } from "~/components/forms";
import { partnerContext } from "~/models/partner.server";
import { resourcesForPartner } from "~/models/crisis.server";
import { sendHelpRequest } from "~/models/help.server";
import { requireUser } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { optionalText } from "~/utils/text-fields";
import { NOTE_MAX } from "~/domain/text-limits";
import { claimSubmission, newIdempotencyKey } from "~/utils/idempotency.server";
import { IdempotencyField } from "~/components/idempotency";
import styles from "~/styles/partner.css";

// Neutral title: someone may glance at the screen or the browser history.
export const meta: MetaFunction = () => [{ title: "Mend" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const HelpSchema = z.object({ message: optionalText(NOTE_MAX) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["partner"] });
  // Shown before anything is sent: someone in danger should not have to send a form to get a number.
  return { idem: newIdempotencyKey(), crisis: await resourcesForPartner(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["partner"] });
  const ctx = await partnerContext(user);
  const form = await readForm(request);
  const submission = parseForm(form, HelpSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  const message = submission.value.message || null;
  const claim = await claimSubmission(form, user.id);
  if (claim.duplicate) return { sent: true as const, crisis: await resourcesForPartner(user) };
  // Stored first, on its own: whatever happens next, the request for help is not lost.
  await sendHelpRequest(user, ctx, message, request);
  return { sent: true as const, crisis: await resourcesForPartner(user) };
}

export default function Help() {
  const actionData = useActionData<typeof action>();
  const { idem, crisis } = useLoaderData<typeof loader>();
  const { errors, values } = formState(actionData);
  const navigation = useNavigation();
  if (actionData && "sent" in actionData) {
    return (
      <div className="stack partner-page">
        <section className="card" role="status">
          <h1>Your message was sent to your care team</h1>
          <p>
            Your therapist has been told that you asked for help and will contact you as soon as possible, as set in{" "}
            <Link to="/settings">Settings → How we may contact you safely</Link>.
          </p>
        </section>
        <CrisisResources {...actionData.crisis} context="help" />
      </div>
    );
  }
  return (
    <div className="stack partner-page">
      <h1>Ask for help</h1>
      <CrisisResources {...crisis} context="help" />
      <section className="card" aria-labelledby="help-form-h">
        <h2 id="help-form-h">Send a private message to your care team</h2>
        <p>This goes privately to your therapist and clinical team. Your partner is never told.</p>
        <Form method="post" noValidate>
          <IdempotencyField value={idem} />
          <TextareaField label="Anything you want to tell us (optional)" name="message" defaultValue={values.message} errors={errors.message} />
          <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
            Send to my care team
          </button>
        </Form>
      </section>
    </div>
  );
}
