import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { audit } from "~/utils/audit.server";
import { giveFeedback, homeworkForReview } from "~/models/homework.server";
import { auditDenied, requireCouple, requireUserWithPermission } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Review homework · Mend" }];

const FeedbackSchema = z.object({
  submissionId: z.string().min(1).max(40),
  feedback: z.string().trim().max(4000, "Keep feedback under 4,000 characters.").optional(),
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
      dueDate: hw.dueDate.toISOString().slice(0, 10),
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
          Due {hw.dueDate} · {hw.visibility === "shared" ? "shared between partners" : "therapist only"}
        </p>
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
            <textarea id={`fb-${s.id}`} name="feedback" defaultValue={s.feedback ?? ""} maxLength={4000} />
            <button type="submit" className="primary">
              Save feedback and mark reviewed
            </button>
          </Form>
        </section>
      ))}
    </div>
  );
}
