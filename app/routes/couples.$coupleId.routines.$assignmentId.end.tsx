import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FieldError, FormError, formState } from "~/components/forms";
import { LocalDay } from "~/components/local-time";
import { assignmentForChange, changeAssignment } from "~/models/assignment.server";
import { auditDenied, requireCouple, requireUserWithPermission } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "End a routine · Mend" }];

const CONFIRM = "Tick the box to confirm that this routine ends.";
const EndSchema = z.object({ confirm: z.literal("yes", { errorMap: () => ({ message: CONFIRM }) }) });

/**
 * Ending a routine cannot be undone, so it is a step of its own: this page says what ending
 * means and the form needs a ticked box. Works the same without JavaScript.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:assignment:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const a = await assignmentForChange(user, couple.id, params.assignmentId ?? "");
  if (!a) {
    await auditDenied(request, user, "assignment", params.assignmentId, couple.id);
    notFound();
  }
  return { coupleId: couple.id, assignment: { id: a.id, title: a.title, target: a.target, status: a.status, startDate: a.startDate.toISOString().slice(0, 10) } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:assignment:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const submission = parseForm(await readForm(request), EndSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  const r = await changeAssignment(user, couple.id, params.assignmentId ?? "", "end", request);
  if (r === "not_found") {
    await auditDenied(request, user, "assignment", params.assignmentId, couple.id);
    notFound();
  }
  if (r === "invalid") return invalid(submission.reply({ formErrors: ["This routine has already ended."] }));
  return redirect(`/couples/${couple.id}`);
}

export default function EndRoutine() {
  const { coupleId, assignment: a } = useLoaderData<typeof loader>();
  const { errors } = formState(useActionData<typeof action>());
  return (
    <div className="stack">
      <p>
        <Link to={`/couples/${coupleId}`}>← Back to the couple</Link>
      </p>
      <h1>End “{a.title}”?</h1>
      <section className="card stack">
        <p>
          {a.target} · since <LocalDay date={a.startDate} />
        </p>
        {a.status === "completed" ? (
          <p className="notice">This routine has already ended.</p>
        ) : (
          <>
            <p>
              Ending it takes it off both partners' Today from today. Their reports and its adherence so far are kept. It cannot be restarted: to change its wording or schedule instead,{" "}
              <Link to={`/couples/${coupleId}/assign?replace=${a.id}`}>change it</Link> (that ends this version and starts the new one in one step).
            </p>
            <Form method="post" noValidate className="stack">
              <FormError errors={errors[""]} />
              <div className="field">
                <label>
                  <input type="checkbox" name="confirm" value="yes" aria-invalid={errors.confirm ? true : undefined} aria-describedby={errors.confirm ? "confirm-error" : undefined} /> Yes, end “{a.title}”
                </label>
                <FieldError id="confirm-error" errors={errors.confirm} />
              </div>
              <div className="row">
                <button type="submit" className="danger">
                  End the routine
                </button>
                <Link to={`/couples/${coupleId}`}>Keep it</Link>
              </div>
            </Form>
          </>
        )}
      </section>
    </div>
  );
}
