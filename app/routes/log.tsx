import { type ActionFunctionArgs, data, redirect } from "@remix-run/node";
import { z } from "zod";
import { isValidLocalDate } from "~/domain/dates";
import { logRoutine } from "~/models/adherence.server";
import { partnerContext } from "~/models/partner.server";
import { auditDenied, requireUser } from "~/utils/authz.server";
import { safeRedirect } from "~/utils/auth.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

const LogSchema = z.object({
  assignmentId: z.string({ required_error: "Choose a routine." }).min(1).max(40),
  date: z.string({ required_error: "Choose a day." }).refine(isValidLocalDate, "Choose a real date."),
  status: z.enum(["kept", "partly", "missed"], { errorMap: () => ({ message: "Choose kept, partly or missed." }) }),
  note: z.string().trim().max(2000, "Keep your note under 2,000 characters.").optional(),
  // Checked by safeRedirect (which falls back to Today), not refused: it is a hidden field.
  returnTo: z.string().optional(),
});

export async function loader() {
  return redirect("/today");
}

// Routine reports posted from Today (and History): upsert per partner, occurrence and day.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["partner"] });
  const ctx = await partnerContext(user);
  const submission = parseForm(await readForm(request), LogSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await logRoutine(user, ctx, { ...submission.value, note: submission.value.note || null }, request);
  if (!result.ok) {
    if (result.status === 404) {
      await auditDenied(request, user, "assignment", submission.value.assignmentId, ctx.coupleId);
      notFound();
    }
    return data({ result: submission.reply(result.field ? { fieldErrors: { [result.field]: [result.error] } } : { formErrors: [result.error] }) }, { status: 400 });
  }
  return redirect(safeRedirect(submission.value.returnTo, "/today"));
}
