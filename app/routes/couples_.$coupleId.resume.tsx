import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormError, formState, TextareaField } from "~/components/forms";
import { LocalTime } from "~/components/local-time";
import { SHORT_NOTE_MAX } from "~/domain/text-limits";
import { pauseOverview, resumeWork } from "~/models/flag.server";
import { requireCouple, requireUserWithPermission } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { requiredText } from "~/utils/text-fields";

export const meta: MetaFunction = () => [{ title: "Resume shared work · Mend" }];

const NOTE_REQUIRED = "Write a note explaining why shared work resumes.";
const ResumeSchema = z.object({ note: requiredText(SHORT_NOTE_MAX, NOTE_REQUIRED, "the note") });

/**
 * The resume form on its own page: the couple page's safety banner posts here, and a note that
 * is missing, only spaces or too long comes back to this page with the message by the field and
 * what was typed, rather than an error page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "resume:work:own");
  await requireCouple(request, user, params.coupleId, ["clinician"]);
  const overview = await pauseOverview(user, params.coupleId!);
  if (!overview) notFound();
  return { id: overview.id, paused: overview.paused, reason: overview.reason, pausedAt: overview.pausedAt?.toISOString() ?? null };
}

// Only the couple's therapist resumes paused conjoint work, and always with a note.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "resume:work:own");
  await requireCouple(request, user, params.coupleId, ["clinician"]);
  const submission = parseForm(await readForm(request), ResumeSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await resumeWork(user, params.coupleId!, submission.value.note, request);
  if (result === "not_found") notFound();
  if (result === "not_paused") return invalid(submission.reply({ formErrors: ["Shared work is not paused, so there is nothing to resume."] }));
  return redirect(`/couples/${params.coupleId}`);
}

export default function ResumePage() {
  const d = useLoaderData<typeof loader>();
  const { errors, values } = formState(useActionData<typeof action>());
  return (
    <div className="stack">
      <p>
        <Link to={`/couples/${d.id}`}>← Couple</Link>
      </p>
      <h1>Resume shared work</h1>
      {d.paused ? (
        <p>
          Shared routines and homework are paused{d.reason === "safety" ? " because of a safety flag" : ""}
          {d.pausedAt ? (
            <>
              {" "}
              since <LocalTime iso={d.pausedAt} />
            </>
          ) : null}
          .
        </p>
      ) : (
        <p>Shared work is not paused.</p>
      )}
      <Form method="post" noValidate className="card stack">
        <FormError errors={errors[""]} />
        <TextareaField label="Note (required)" hint="Why shared work resumes; it is added to the pausing flags' history." name="note" defaultValue={values.note} errors={errors.note} />
        <p className="small muted">Resuming while a high or imminent flag is still open is allowed, but should be a deliberate clinical decision.</p>
        <button type="submit" className="secondary">
          Resume shared work
        </button>
      </Form>
    </div>
  );
}
