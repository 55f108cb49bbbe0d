import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FormError, formState, RadioGroup } from "~/components/forms";
import { SCREEN_ANSWER_LABELS, SCREEN_ANSWERS, SCREEN_QUESTIONS } from "~/domain/safety/screen";
import { answerScreen, dueScreenFor, snoozeScreen } from "~/models/screen.server";
import { requireUser } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import styles from "~/styles/partner.css";

// Neutral title and wording: someone may glance at the screen, the tab or the browser history.
export const meta: MetaFunction = () => [{ title: "Mend" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const QUESTIONS_URL = "/questions?step=questions";
const choose = { errorMap: () => ({ message: "Choose an answer — “Prefer not to say” is fine." }) };
const screenId = z.string({ required_error: "Something went wrong; open the questions again." }).min(1).max(40);

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("snooze"), screenId }),
  z.object({ intent: z.literal("answer"), screenId, ...Object.fromEntries(SCREEN_QUESTIONS.map((q) => [q.id, z.enum(SCREEN_ANSWERS, choose)])) }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["partner"] });
  const url = new URL(request.url);
  if (url.searchParams.get("done") === "1") return { state: "done" as const };
  const screen = await dueScreenFor(user);
  if (!screen) return { state: "none" as const };
  // The questions are only sent once the partner has said it is safe to answer now.
  if (url.searchParams.get("step") !== "questions") return { state: "ask" as const, screenId: screen.id };
  return { state: "questions" as const, screenId: screen.id, questions: SCREEN_QUESTIONS.map((q) => ({ id: q.id, text: q.text })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["partner"] });
  const submission = parseForm(await readForm(request), ActionSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  const v = submission.value;
  if (v.intent === "snooze") {
    const r = await snoozeScreen(user, v.screenId);
    if (!r.ok) notFound();
    return redirect("/today");
  }
  const { intent: _i, screenId: id, ...answers } = v;
  const r = await answerScreen(user, id, answers, request);
  if (!r.ok) {
    if (r.status === 404) notFound();
    return invalid(submission.reply(r.field ? { fieldErrors: { [r.field]: [r.error] } } : { formErrors: [r.error] }));
  }
  // The same thank-you whatever was answered: the page must not show that anything was raised.
  return redirect("/questions?done=1");
}

const OPTIONS = SCREEN_ANSWERS.map((value) => ({ value, label: SCREEN_ANSWER_LABELS[value] }));

export default function Questions() {
  const d = useLoaderData<typeof loader>();
  const { errors, values } = formState(useActionData<typeof action>());
  const navigation = useNavigation();
  const formErrors = errors[""] ?? errors.intent ?? errors.screenId;

  if (d.state === "done") {
    return (
      <section className="card" role="status">
        <h1>Thank you</h1>
        <p>Your answers are saved. Only your care team sees them.</p>
        <p>
          If you ever want to talk to your care team privately, the <Link to="/help">help page</Link> is there any time.
        </p>
        <p>
          <Link to="/today">Back to Today</Link>
        </p>
      </section>
    );
  }
  if (d.state === "none") {
    return (
      <section className="card">
        <h1>A few private questions</h1>
        <FormError errors={formErrors} />
        <p>There is nothing to answer right now.</p>
        <p>
          <Link to="/today">Back to Today</Link>
        </p>
      </section>
    );
  }
  if (d.state === "ask") {
    return (
      <section className="card">
        <h1>A few private questions</h1>
        <FormError errors={formErrors} />
        <p>They take about two minutes. Only your care team sees your answers — never your partner.</p>
        <h2>Is it safe to answer these now?</h2>
        <div className="row">
          <Link className="btn" to={QUESTIONS_URL}>
            Yes
          </Link>
          <Form method="post" action="/questions">
            <input type="hidden" name="screenId" value={d.screenId} />
            <button type="submit" name="intent" value="snooze" className="secondary">
              Not now
            </button>
          </Form>
        </div>
      </section>
    );
  }
  return (
    <section className="card">
      <h1>A few private questions</h1>
      <p className="muted">Only your care team sees your answers — never your partner. Answer each with yes, no or “prefer not to say”.</p>
      <Form method="post" action={QUESTIONS_URL} noValidate>
        <FormError errors={formErrors} />
        <input type="hidden" name="screenId" value={d.screenId} />
        {d.questions.map((q) => (
          <RadioGroup key={q.id} legend={q.text} name={q.id} options={OPTIONS} defaultValue={values[q.id] ?? null} errors={errors[q.id]} />
        ))}
        <div className="row">
          <button type="submit" name="intent" value="answer" className="primary" disabled={navigation.state === "submitting"}>
            Save answers
          </button>
          <button type="submit" name="intent" value="snooze" className="secondary" formNoValidate>
            Not now
          </button>
        </div>
      </Form>
    </section>
  );
}
