import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FormError, formState, SelectField } from "~/components/forms";
import { COUNTRIES, countryName, isCountryCode, LANGUAGE_LABEL, RESOURCE_LANGUAGES } from "~/domain/crisis-resources";
import { coupleLocale, updateCoupleLocale } from "~/models/crisis.server";
import { requireCouple, requireUserWithPermission } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Country and languages · Mend" }];

const language = z.enum(["en", "es"], { errorMap: () => ({ message: "Choose English or Español." }) });
const DetailsSchema = z.object({
  country: z
    .string({ required_error: "Choose a country." })
    .trim()
    .max(2, "Choose a country from the list.")
    .transform((c) => c.toUpperCase())
    .refine(isCountryCode, "Choose a country from the list."),
  partnerALanguage: language,
  partnerBLanguage: language,
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:couple:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  return { details: await coupleLocale(user, couple.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:couple:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const submission = parseForm(await readForm(request), DetailsSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  if (!(await updateCoupleLocale(user, couple.id, submission.value, request))) notFound();
  return redirect(`/couples/${couple.id}/details?saved=1`);
}

export default function CoupleDetails() {
  const { details } = useLoaderData<typeof loader>();
  const { errors, values } = formState(useActionData<typeof action>());
  const [params] = useSearchParams();
  // A country saved earlier that is not in our list still shows (and stays selected).
  const countries = COUNTRIES.some((c) => c.code === details.country) ? COUNTRIES : [...COUNTRIES, { code: details.country, name: countryName(details.country) }];
  return (
    <section className="card narrow">
      <p>
        <Link to={`/couples/${details.id}`}>← Back to the couple</Link>
      </p>
      <h1>Country and languages</h1>
      <p>
        Partners see the crisis lines of this country, in their own language, on their help page and after a check-in where they did not feel safe.
      </p>
      {params.get("saved") ? (
        <p className="notice ok" role="status">
          Saved.
        </p>
      ) : null}
      <Form method="post" noValidate>
        <FormError errors={errors[""]} />
        <SelectField
          label="Country"
          name="country"
          defaultValue={values.country ?? details.country}
          errors={errors.country}
          hint={`The couple's time zone (${details.timeZone.replace("_", " ")}) suggests ${countryName(details.suggestedCountry)}.`}
        >
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <div className="grid two">
          <SelectField label={`${details.partnerA.name}'s language`} name="partnerALanguage" defaultValue={values.partnerALanguage ?? details.partnerA.language} errors={errors.partnerALanguage}>
            {RESOURCE_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_LABEL[l]}
              </option>
            ))}
          </SelectField>
          <SelectField label={`${details.partnerB.name}'s language`} name="partnerBLanguage" defaultValue={values.partnerBLanguage ?? details.partnerB.language} errors={errors.partnerBLanguage}>
            {RESOURCE_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_LABEL[l]}
              </option>
            ))}
          </SelectField>
        </div>
        <button type="submit" className="primary">
          Save
        </button>
      </Form>
    </section>
  );
}
