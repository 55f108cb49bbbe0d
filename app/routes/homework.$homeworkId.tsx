import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FieldError, FormError } from "~/components/forms";
import { LocalDay, LocalTime } from "~/components/local-time";
import { promptLabel } from "~/domain/prompt-label";
import { HelpLink } from "~/components/partner/help-link";
import { partnerContext } from "~/models/partner.server";
import { getHomeworkForPartner, saveSubmission, validateAnswers, type Answer, type PartnerHomework } from "~/models/submission.server";
import { auditDenied, requireUser } from "~/utils/authz.server";
import { readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import styles from "~/styles/partner.css";

export const meta: MetaFunction = () => [{ title: "Homework · Mend" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["partner"] });
  const ctx = await partnerContext(user);
  const hw = await getHomeworkForPartner(user, ctx, params.homeworkId ?? "");
  if (!hw) {
    await auditDenied(request, user, "homework", params.homeworkId, ctx.coupleId);
    notFound();
  }
  return { hw, saved: new URL(request.url).searchParams.get("saved") === "1" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["partner"] });
  const ctx = await partnerContext(user);
  const hw = await getHomeworkForPartner(user, ctx, params.homeworkId ?? "");
  if (!hw) {
    await auditDenied(request, user, "homework", params.homeworkId, ctx.coupleId);
    notFound();
  }
  const form = await readForm(request);
  const submit = form.get("intent") === "submit";
  const values = Object.fromEntries([...form.keys()].map((k) => [k, form.getAll(k).map(String)]));
  if (!hw.editable) {
    return data({ errors: { "": [hw.paused ? "Your therapist has paused shared exercises for now." : "This homework is already submitted."] }, values }, { status: 400 });
  }
  const { answers, errors } = validateAnswers(hw.prompts, form, submit);
  if (Object.keys(errors).length) return data({ errors, values }, { status: 400 });
  await saveSubmission(user, ctx, hw, answers, submit, request);
  return redirect(submit ? `/homework/${hw.id}?submitted=1` : `/homework/${hw.id}?saved=1`);
}

function PromptField({ p, current, errors, disabled }: { p: PartnerHomework["prompts"][number]; current: Answer | string[] | undefined; errors?: string[]; disabled: boolean }) {
  const name = `p_${p.id}`;
  const errorId = `${name}-error`;
  const first = Array.isArray(current) ? current[0] : current;
  const label = (
    <>
      {promptLabel(p.label)}
      {p.required ? null : <span className="muted"> (optional)</span>}
    </>
  );
  if (p.type === "text") {
    return (
      <div className="field prompt">
        <label htmlFor={name}>{label}</label>
        <textarea id={name} name={name} defaultValue={first !== undefined ? String(first) : ""} disabled={disabled} aria-invalid={errors ? true : undefined} aria-describedby={errors ? errorId : undefined} />
        <FieldError id={errorId} errors={errors} />
      </div>
    );
  }
  if (p.type === "date") {
    return (
      <div className="field prompt">
        <label htmlFor={name}>{label}</label>
        <input id={name} type="date" name={name} defaultValue={first !== undefined ? String(first) : ""} disabled={disabled} aria-invalid={errors ? true : undefined} aria-describedby={errors ? errorId : undefined} />
        <FieldError id={errorId} errors={errors} />
      </div>
    );
  }
  const options =
    p.type === "scale"
      ? p.options.length
        ? p.options.map((label, i) => ({ value: String(i), label }))
        : Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))
      : p.options.map((o) => ({ value: o, label: o }));
  const checked = new Set((Array.isArray(current) ? current : first !== undefined ? [first] : []).map(String));
  return (
    <fieldset className="field prompt" aria-invalid={errors ? true : undefined} aria-describedby={errors ? errorId : undefined}>
      <legend>{label}</legend>
      <div className={p.type === "scale" && !p.options.length ? "choices scale" : "choices"}>
        {options.map((o) => (
          <label key={o.value}>
            <input type={p.type === "checklist" ? "checkbox" : "radio"} name={name} value={o.value} defaultChecked={checked.has(o.value)} disabled={disabled} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}

function display(p: PartnerHomework["prompts"][number], a: Answer | undefined) {
  if (a === undefined) return "—";
  if (Array.isArray(a)) return a.join(", ");
  if (p.type === "scale" && p.options.length && typeof a === "number") return p.options[a] ?? String(a);
  return String(a);
}

export default function Homework() {
  const { hw, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = (actionData?.errors ?? {}) as Record<string, string[] | undefined>;
  const typed = actionData?.values as Record<string, string[]> | undefined;
  const submitted = hw.own?.status === "submitted";
  return (
    <div className="stack partner-page">
      <p>
        <Link to="/today">← Today</Link>
      </p>
      <section className="card">
        <h1>{hw.title}</h1>
        <p>{hw.instructions}</p>
        <p className="small muted">
          Due <LocalDay date={hw.dueDate} /> · {hw.visibility === "shared" ? "Shared with your partner once you have both submitted" : "Seen only by you and your therapist"}
        </p>
        {hw.own?.feedback ? (
          <div className="notice ok">
            <h2>Your therapist's feedback</h2>
            <p>{hw.own.feedback}</p>
          </div>
        ) : null}
        {submitted ? <p className="notice ok">Submitted. Thank you.</p> : null}
        {saved && !actionData && hw.own?.status === "draft" ? (
          <p className="notice ok" role="status">
            Draft saved at <LocalTime iso={hw.own.savedAt} />. Only you can see it until you submit.
          </p>
        ) : null}
        {hw.paused && !submitted ? <p className="notice">Your therapist has paused shared exercises for now.</p> : null}
        <Form method="post" noValidate>
          <FormError errors={errors[""]} />
          {hw.prompts.map((p) => (
            <PromptField key={p.id} p={p} current={typed ? typed[`p_${p.id}`] : hw.own?.answers[p.id]} errors={errors[`p_${p.id}`]} disabled={!hw.editable} />
          ))}
          {hw.editable ? (
            <div className="row">
              <button type="submit" name="intent" value="draft" className="secondary" disabled={navigation.state !== "idle"}>
                Save draft
              </button>
              <button type="submit" name="intent" value="submit" className="primary" disabled={navigation.state !== "idle"}>
                Submit
              </button>
            </div>
          ) : null}
        </Form>
      </section>
      {hw.other ? (
        <section className="card">
          <h2>{hw.other.name}'s answers</h2>
          <dl>
            {hw.prompts.map((p) => (
              <div key={p.id}>
                <dt>{p.label}</dt>
                <dd>{display(p, hw.other!.answers[p.id])}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <HelpLink />
    </div>
  );
}
