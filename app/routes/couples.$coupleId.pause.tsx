import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormError, formState, TextareaField } from "~/components/forms";
import { LocalTime } from "~/components/local-time";
import { DEFAULT_PAUSE_NOTICE, PAUSE_NOTICE_MAX, pauseOverview, tellCoupleAboutPause } from "~/models/flag.server";
import { requireCouple, requireUserWithPermission } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { requiredText } from "~/utils/text-fields";

export const meta: MetaFunction = () => [{ title: "Shared work · Mend" }];

const TellSchema = z.object({
  notice: requiredText(PAUSE_NOTICE_MAX, "Write what the couple will read."),
});

/**
 * A safety pause is invisible to both partners until the therapist decides: this page shows what
 * each partner sees now, and lets the therapist tell the couple, in neutral words they choose.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "resume:work:own");
  await requireCouple(request, user, params.coupleId, ["clinician"]);
  const overview = await pauseOverview(user, params.coupleId!);
  if (!overview) notFound();
  return {
    ...overview,
    pausedAt: overview.pausedAt?.toISOString() ?? null,
    toldAt: overview.toldAt?.toISOString() ?? null,
    defaultNotice: DEFAULT_PAUSE_NOTICE,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "resume:work:own");
  await requireCouple(request, user, params.coupleId, ["clinician"]);
  const submission = parseForm(await readForm(request), TellSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await tellCoupleAboutPause(user, params.coupleId!, submission.value.notice, request);
  if (result === "not_found") notFound();
  if (result === "not_paused") return invalid(submission.reply({ formErrors: ["Shared work is not paused, so there is nothing to tell."] }));
  return redirect(`/couples/${params.coupleId}/pause?told=1`);
}

export default function PausePage() {
  const d = useLoaderData<typeof loader>();
  const { errors, values } = formState(useActionData<typeof action>());
  return (
    <div className="stack">
      <p>
        <Link to={`/couples/${d.id}`}>← Couple</Link>
      </p>
      <h1>Shared work</h1>
      {!d.paused ? (
        <p>Shared work is not paused.</p>
      ) : (
        <>
          <p>
            Paused {d.reason === "safety" ? "because of a safety flag" : "by you"} since <LocalTime iso={d.pausedAt!} />.{" "}
            {d.toldAt ? (
              <>
                The couple was told on <LocalTime iso={d.toldAt} />.
              </>
            ) : (
              <strong>The partners have not been told: nothing they see has changed.</strong>
            )}
          </p>
          <section className="card" aria-labelledby="preview-h">
            <h2 id="preview-h">What each partner sees now</h2>
            {d.partners.map((name) => (
              <div key={name}>
                <h3>{name}'s Today page, shared exercises</h3>
                {d.partnersSee.kind === "notice" ? <blockquote>{d.partnersSee.text}</blockquote> : <p className="muted">Their routines and homework, as usual. Reminders for shared work have stopped, without a message.</p>}
              </div>
            ))}
          </section>
          <section className="card" aria-labelledby="tell-h">
            <h2 id="tell-h">{d.toldAt ? "Change what the couple reads" : "Tell the couple"}</h2>
            <p className="small">Both partners will see these words on their Today page instead of their shared routines and homework. Keep them neutral: the other partner reads them too.</p>
            <Form method="post" noValidate className="stack">
              <FormError errors={errors[""]} />
              <TextareaField label="What the couple will read" name="notice" defaultValue={values.notice ?? d.notice ?? d.defaultNotice} errors={errors.notice} />
              <button type="submit" className="primary">
                {d.toldAt ? "Save the new wording" : "Tell the couple"}
              </button>
            </Form>
          </section>
        </>
      )}
    </div>
  );
}
