/**
 * "Try a note" (admins and supervisors): paste a text, see what the practice's safety rules
 * would raise and why. Nothing is saved; each use is audited (without the text).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requiredText } from "~/utils/text-fields";
import { FormError, formState, TextareaField } from "~/components/forms";
import { EvidenceList, HighlightedText, SeverityBadge } from "~/components/safety";
import { tryNote } from "~/models/practice.server";
import { requireUserWithPermission } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Try a note · Mend" }];

const TRY_NOTE_MAX = 20_000;
const TrySchema = z.object({
  text: requiredText(TRY_NOTE_MAX, "Paste or type a note to try.", "the note"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "test:rules:any");
  return { role: user.role };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "test:rules:any");
  const submission = parseForm(await readForm(request), TrySchema);
  if (submission.status !== "success") return invalid(submission.reply());
  return { result: submission.reply(), tried: await tryNote(user, submission.value.text, request) };
}

export default function TryNote() {
  const actionData = useActionData<typeof action>();
  const { errors, values } = formState(actionData);
  const tried = actionData && "tried" in actionData ? actionData.tried : null;
  const busy = useNavigation().state !== "idle";
  return (
    <section className="card">
      <h1>Try a note</h1>
      <p>
        Paste a text to see what Mend's safety rules would raise for it, with your practice's own phrases, and why. Nothing is saved and no
        flag is opened; the use is recorded in the audit log without the text. <Link to="/admin/settings">Practice phrases</Link> are set by an admin.
      </p>
      <Form method="post" noValidate>
        <FormError errors={errors[""]} />
        <TextareaField label="Note" name="text" rows={6} defaultValue={values.text ?? ""} errors={errors.text} />
        <button type="submit" className="primary" disabled={busy}>
          Try it
        </button>
      </Form>
      {tried ? (
        <div className="try-result" aria-live="polite">
          <h2>
            {tried.severity === "none" ? (
              "Nothing would be raised"
            ) : (
              <>
                Would raise a <SeverityBadge severity={tried.severity} /> flag
                {tried.severity === "high" || tried.severity === "imminent" ? " and pause the couple's shared work" : " (nothing paused)"}
              </>
            )}
          </h2>
          <HighlightedText segments={tried.segments} />
          <EvidenceList items={tried.findings} />
        </div>
      ) : null}
    </section>
  );
}
