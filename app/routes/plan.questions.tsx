import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FormError, formState, TextareaField } from "~/components/forms";
import { HelpLink } from "~/components/partner/help-link";
import { QUESTION_STATUS_LABEL } from "~/domain/repair/questions";
import { partnerContext } from "~/models/partner.server";
import { addQuestion, answerQuestion, coupleOfQuestion, questionsForPartner } from "~/models/repair.server";
import { auditDenied, requireUser } from "~/utils/authz.server";
import { parseForm, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import styles from "~/styles/partner.css";

// A neutral title: this page may be open on a shared screen.
export const meta: MetaFunction = () => [{ title: "Notes · Mend" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const Schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), text: z.string({ required_error: "Write the question." }).trim().min(1, "Write the question.").max(2000, "Keep a question under 2,000 characters.") }),
  z.object({
    intent: z.literal("answer"),
    questionId: z.string().min(1).max(40),
    answer: z.string({ required_error: "Write your answer." }).trim().min(1, "Write your answer.").max(8000, "Keep an answer under 8,000 characters."),
  }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["partner"] });
  const ctx = await partnerContext(user);
  return { data: await questionsForPartner(user, ctx), otherName: ctx.otherName };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["partner"] });
  const ctx = await partnerContext(user);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const submission = parseForm(form, Schema);
  if (submission.status !== "success") return data({ intent, questionId: String(form.get("questionId") ?? ""), result: submission.reply() }, { status: 400 });
  const v = submission.value;
  const result = v.intent === "add" ? await addQuestion(user, ctx, v.text, request) : await answerQuestion(user, ctx, v.questionId, v.answer, request);
  if (!result.ok) {
    if (result.status === 404) {
      const questionId = v.intent === "answer" ? v.questionId : null;
      await auditDenied(request, user, "repair-question", questionId, questionId ? await coupleOfQuestion(user.practiceId, questionId) : null);
      notFound();
    }
    const reply = submission.reply(result.field ? { fieldErrors: { [result.field]: [result.error] } } : { formErrors: [result.error] });
    return data({ intent, questionId: v.intent === "answer" ? v.questionId : "", result: reply }, { status: 400 });
  }
  return redirect(`/plan/questions?saved=${v.intent}`);
}

export default function PlanQuestions() {
  const { data: d, otherName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { intent?: string; questionId?: string } | undefined;
  const [params] = useSearchParams();
  const add = actionData?.intent === "add" ? formState(actionData) : { errors: {}, values: {} as Record<string, string | undefined> };
  const answer = actionData?.intent === "answer" ? formState(actionData) : null;
  return (
    <div className="stack partner-page">
      <p>
        <Link to="/today">← Today</Link>
      </p>
      <h1>Questions</h1>
      {params.get("saved") ? (
        <p className="notice ok" role="status">
          {params.get("saved") === "add" ? "Added to your list. Only you and your therapist see it." : "Thank you — your answer is saved."}
        </p>
      ) : null}
      {!d ? <p className="muted">Nothing here yet.</p> : null}
      {d?.canAsk ? (
        <section className="card" aria-labelledby="mine-h">
          <h2 id="mine-h">Questions I still need answered</h2>
          <p className="small muted">Private to you and your therapist. Your therapist decides with you which go to {otherName} to answer in writing, and which to talk about in a session.</p>
          {d.mine.length ? (
            <ul className="stack">
              {d.mine.map((q) => (
                <li key={q.id}>
                  <p>{q.text}</p>
                  <p className="small">
                    {QUESTION_STATUS_LABEL[q.status]}
                    {q.waitingForTherapist ? " — answered; your therapist will go through it with you first" : ""}
                  </p>
                  {q.answer ? <blockquote>{q.answer}</blockquote> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No questions yet.</p>
          )}
          <Form method="post" noValidate className="stack">
            <input type="hidden" name="intent" value="add" />
            <FormError errors={add.errors[""]} />
            <TextareaField label="A question I still need answered" name="text" defaultValue={add.values.text} errors={add.errors.text} />
            <button type="submit" className="primary">
              Add to my list
            </button>
          </Form>
        </section>
      ) : null}
      {d && d.role !== "hurt" ? (
        <section className="card" aria-labelledby="answer-h">
          <h2 id="answer-h">Questions to answer</h2>
          {d.toAnswer.length === 0 ? <p className="muted">No questions for you right now.</p> : null}
          <ul className="stack">
            {d.toAnswer.map((q) => {
              const state = answer && actionData?.questionId === q.id ? answer : null;
              return (
                <li key={q.id}>
                  <p>
                    <strong>{q.text}</strong>
                  </p>
                  {q.canAnswer ? (
                    <Form method="post" noValidate className="stack">
                      <input type="hidden" name="intent" value="answer" />
                      <input type="hidden" name="questionId" value={q.id} />
                      <FormError errors={state?.errors[""]} />
                      <TextareaField
                        label="My answer"
                        hint={q.therapistFirst ? "Your therapist reads it first and decides with you how it is shared." : `${otherName} will see your answer.`}
                        name="answer"
                        defaultValue={state?.values.answer}
                        errors={state?.errors.answer}
                      />
                      <button type="submit" className="primary">
                        Send my answer
                      </button>
                    </Form>
                  ) : (
                    <p className="small">
                      {QUESTION_STATUS_LABEL[q.status]}
                      {q.answer ? <> — you answered: {q.answer}</> : null}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <HelpLink />
    </div>
  );
}
