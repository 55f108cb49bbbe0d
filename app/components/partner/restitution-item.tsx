import { Form } from "@remix-run/react";
import { useId } from "react";
import { FieldError, FormError } from "~/components/forms";

export interface RestitutionView {
  id: string;
  text: string;
  dueOn: string;
  mine: boolean;
  state: "due" | "overdue" | "done" | "confirmed" | "disputed";
  canMarkDone: boolean;
  canConfirm: boolean;
}

const STATUS: Record<RestitutionView["state"], string> = {
  due: "to do",
  overdue: "the date has passed",
  done: "done — waiting for the other's answer",
  confirmed: "done and confirmed",
  disputed: "done — answered “not as promised”",
};

/**
 * One restitution action with what this partner can do about it: the partner responsible marks it
 * done, the other answers "did this happen as promised?". Plain forms: they work without JavaScript.
 */
export function RestitutionItem({
  action,
  otherName,
  errors = {},
  values = {},
}: {
  action: RestitutionView;
  otherName: string;
  errors?: Record<string, string[] | undefined>;
  values?: Record<string, string | undefined>;
}) {
  const id = useId();
  return (
    <li>
      <h3>{action.text}</h3>
      <p className="small">
        {action.mine ? "Yours" : `${otherName}'s`} · by {action.dueOn} · {STATUS[action.state]}
      </p>
      <FormError errors={errors[""]} />
      {action.canMarkDone ? (
        <Form method="post" action={`/restitution/${action.id}`} className="stack">
          <input type="hidden" name="intent" value="done" />
          <label htmlFor={`${id}-note`}>Note (optional)</label>
          <input id={`${id}-note`} type="text" name="note" defaultValue={values.note} aria-invalid={errors.note ? true : undefined} aria-describedby={errors.note ? `${id}-note-error` : undefined} />
          <FieldError id={`${id}-note-error`} errors={errors.note} />
          <button type="submit" className="primary">
            Mark done
          </button>
        </Form>
      ) : null}
      {action.canConfirm ? (
        <Form method="post" action={`/restitution/${action.id}`} className="stack">
          <input type="hidden" name="intent" value="confirm" />
          <fieldset className="field" aria-invalid={errors.answer ? true : undefined} aria-describedby={errors.answer ? `${id}-answer-error` : undefined}>
            <legend>Did this happen as promised?</legend>
            <div className="choices">
              <label>
                <input type="radio" name="answer" value="yes" defaultChecked={values.answer === "yes"} /> <span>Yes</span>
              </label>
              <label>
                <input type="radio" name="answer" value="no" defaultChecked={values.answer === "no"} /> <span>No</span>
              </label>
            </div>
            <FieldError id={`${id}-answer-error`} errors={errors.answer} />
          </fieldset>
          <label htmlFor={`${id}-cnote`}>Note (optional)</label>
          <input id={`${id}-cnote`} type="text" name="note" defaultValue={values.note} aria-invalid={errors.note ? true : undefined} aria-describedby={errors.note ? `${id}-cnote-error` : undefined} />
          <FieldError id={`${id}-cnote-error`} errors={errors.note} />
          <button type="submit" className="primary">
            Send my answer
          </button>
        </Form>
      ) : null}
    </li>
  );
}
