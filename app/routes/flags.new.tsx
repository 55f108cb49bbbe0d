import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormError, formState, RadioGroup, TextareaField } from "~/components/forms";
import { raiseByHand } from "~/models/flag.server";
import { requireCouple, requireUserWithPermission } from "~/utils/authz.server";
import { prisma } from "~/utils/db.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Raise a flag · Mend" }];

const RaiseSchema = z.object({
  coupleId: z.string().min(1).max(40),
  partnerId: z.string({ required_error: "Choose the partner this concern is about." }).min(1).max(40),
  severity: z.enum(["low", "medium", "high", "imminent"], { errorMap: () => ({ message: "Choose a severity." }) }),
  note: z.string({ required_error: "Describe the concern." }).trim().min(1, "Describe the concern.").max(4000, "Keep it under 4,000 characters."),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:flag:own");
  const coupleId = new URL(request.url).searchParams.get("coupleId");
  const { couple } = await requireCouple(request, user, coupleId, ["clinician"]);
  const partners = await prisma.user.findMany({ where: { id: { in: [couple.partnerAId, couple.partnerBId] } }, select: { id: true, name: true } });
  return { coupleId: couple.id, partners };
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
        <TextareaField label="Note" name="note" maxLength={4000} defaultValue={values.note} errors={errors.note} />
        <button type="submit" className="primary">
          Raise flag
        </button>
      </Form>
    </section>
  );
}
