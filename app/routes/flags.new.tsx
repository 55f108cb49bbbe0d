import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormError, formState, RadioGroup, TextareaField } from "~/components/forms";
import { raiseByHand } from "~/models/flag.server";
import { requireCouple, requireUserWithPermission } from "~/utils/authz.server";
import { coupleOverview } from "~/models/couple.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { requiredText } from "~/utils/text-fields";
import { NOTE_MAX } from "~/domain/text-limits";
import { SEVERITIES } from "~/domain/safety";

export const meta: MetaFunction = () => [{ title: "Raise a flag · Mend" }];

const RaiseSchema = z.object({
  coupleId: z.string().min(1).max(40),
  partnerId: z.string({ required_error: "Choose the partner this concern is about." }).min(1).max(40),
  severity: z.enum(SEVERITIES, { errorMap: () => ({ message: "Choose a severity." }) }),
  note: requiredText(NOTE_MAX, "Describe the concern.", "the note"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:flag:own");
  const coupleId = new URL(request.url).searchParams.get("coupleId");
  const { couple } = await requireCouple(request, user, coupleId, ["clinician"]);
  const { partners } = await coupleOverview(couple.id);
  return { coupleId: couple.id, partners: partners.map(({ id, name }) => ({ id, name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:flag:own");
  const form = await readForm(request);
  // Authorise before validating, so a stranger learns nothing from error messages.
  await requireCouple(request, user, String(form.get("coupleId") ?? ""), ["clinician"]);
  const submission = parseForm(form, RaiseSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await raiseByHand(user, submission.value, request);
  if (!result.ok) return invalid(submission.reply({ fieldErrors: { [result.field]: [result.error] } }));
  return redirect(`/flags/${result.flagId}`);
}

export default function RaiseFlag() {
  const { coupleId, partners } = useLoaderData<typeof loader>();
  const { errors, values } = formState(useActionData<typeof action>());
  return (
    <section className="card narrow">
      <h1>Raise a safety flag</h1>
      <Form method="post" noValidate>
        <FormError errors={errors[""]} />
        <input type="hidden" name="coupleId" value={coupleId} />
        <RadioGroup legend="Who is the concern about?" name="partnerId" options={partners.map((p) => ({ value: p.id, label: p.name }))} defaultValue={values.partnerId} errors={errors.partnerId} />
        <RadioGroup
          legend="Severity"
          name="severity"
          options={[
            { value: "low", label: "Low" },
            { value: "medium", label: "Medium" },
            { value: "high", label: "High (pauses shared work)" },
            { value: "imminent", label: "Imminent (pauses shared work)" },
          ]}
          defaultValue={values.severity}
          errors={errors.severity}
        />
        <TextareaField label="Note" name="note" defaultValue={values.note} errors={errors.note} />
        <button type="submit" className="primary">
          Raise flag
        </button>
      </Form>
    </section>
  );
}
