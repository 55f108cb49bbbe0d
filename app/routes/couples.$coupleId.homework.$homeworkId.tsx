import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FieldError, formState } from "~/components/forms";
import { LocalDay } from "~/components/local-time";
import { HomeworkChangeLink } from "~/components/change-links";
import { z } from "zod";
import { audit } from "~/utils/audit.server";
import { giveFeedback, homeworkForReview } from "~/models/homework.server";
import { auditDenied, requireCouple, requireUserWithPermission } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { optionalText } from "~/utils/text-fields";
import { NOTE_MAX } from "~/domain/text-limits";
import { notFound } from "~/utils/http.server";
import { localDateOf } from "~/domain/dates";

export const meta: MetaFunction = () => [{ title: "Review homework · Mend" }];

const FeedbackSchema = z.object({
  submissionId: z.string().min(1).max(40),
  feedback: optionalText(NOTE_MAX, "feedback"),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "review:homework:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const hw = await homeworkForReview(user, couple.id, params.homeworkId ?? "");
  if (!hw) {
    await auditDenied(request, user, "homework", params.homeworkId, couple.id);
    notFound();
  }
  await audit({ actor: user, action: "read", entity: "homework", entityId: hw.id, coupleId: couple.id, request });
  return {
    coupleId: couple.id,
    hw: {
      ...hw,
      dueDate: localDateOf(hw.dueDate, "UTC"),
      submissions: hw.submissions.map((s) => ({ ...s, answers: s.answers as Record<string, string | number | string[]>, submittedAt: s.submittedAt?.toISOString() ?? null, reviewedAt: s.reviewedAt?.toISOString() ?? null })),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "review:homework:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const submission = parseForm(await readForm(request), FeedbackSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  const ok = await giveFeedback(user, couple.id, submission.value.submissionId, submission.value.feedback ?? "", request);
  if (!ok) {
    await auditDenied(request, user, "homework-submission", submission.value.submissionId, couple.id);
    notFound();
  }
  return redirect(`/couples/${couple.id}/homework/${params.homeworkId}`);
}

export default function Review() {
  const { hw, coupleId } = useLoaderData<typeof loader>();
  const { errors, values } = formState(useActionData<typeof action>());
  const show = (p: (typeof hw.prompts)[number], a: string | number | string[] | undefined) =>
    a === undefined ? "—" : Array.isArray(a) ? a.join(", ") : p.type === "scale" && p.options.length && typeof a === "number" ? `${p.options[a]} (${a})` : String(a);
  return (
    <div className="stack">
      <p>
        <Link to={`/couples/${coupleId}`}>← Back to the couple</Link>
      </p>
      <section className="card">
        <h1>{hw.title}</h1>
        <p>{hw.instructions}</p>
        <p className="small muted">
          Due <LocalDay date={hw.dueDate} /> · {hw.visibility === "shared" ? "shared between partners" : "therapist only"}
          {hw.status !== "active" ? <> · {hw.status}</> : null}
        </p>
        {hw.status === "active" && !hw.measure && hw.submissions.length === 0 ? (
          <p className="small">
            <HomeworkChangeLink coupleId={coupleId} homeworkId={hw.id} title={hw.title} /> <span className="muted">(until a partner starts it)</span>
          </p>
        ) : null}
      </section>
      {hw.submissions.length === 0 ? <p className="card">No submissions yet (drafts stay private until submitted).</p> : null}
      {hw.submissions.map((s) => (
        <section key={s.id} className="card">
          <h2>
            {s.partner.name} {s.score !== null ? <span className="badge">CSI-4 score {s.score}</span> : null}
            {s.reviewedAt ? <span className="badge ok">reviewed</span> : null}
          </h2>
          <dl>
            {hw.prompts.map((p) => (
              <div key={p.id}>
                <dt>
                  <strong>{p.label}</strong>
                </dt>
                <dd>{show(p, s.answers[p.id])}</dd>
              </div>
            ))}
          </dl>
          <Form method="post" className="stack">
            <input type="hidden" name="submissionId" value={s.id} />
            <label htmlFor={`fb-${s.id}`}>Feedback for {s.partner.name} (they will see it)</label>
            {/* a refused feedback comes back to its own submission's form, with what was typed */}
            {(() => {
              const mine = values.submissionId === s.id;
              const fieldErrors = mine ? errors.feedback : undefined;
              return (
                <>
                  <textarea
                    id={`fb-${s.id}`}
                    name="feedback"
                    defaultValue={mine && values.feedback !== undefined ? values.feedback : s.feedback ?? ""}
                    aria-invalid={fieldErrors ? true : undefined}
                    aria-describedby={fieldErrors ? `fb-${s.id}-error` : undefined}
                  />
                  <FieldError id={`fb-${s.id}-error`} errors={fieldErrors} />
                </>
              );
            })()}
            <button type="submit" className="primary">
              Save feedback and mark reviewed
            </button>
          </Form>
        </section>
      ))}
    </div>
  );
}
