import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError, SelectField, formState } from "~/components/forms";
import { COUNTRIES, countryFromTimeZone, DEFAULT_COUNTRY, isCountryCode, LANGUAGE_LABEL, RESOURCE_LANGUAGES } from "~/domain/crisis-resources";
import { isValidLocalDate, isValidTimeZone, localDateOf } from "~/domain/dates";
import { createCouple } from "~/models/couple.server";
import { requireUserWithPermission } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { TIME_ZONES } from "~/utils/time-zones";
import { IdempotencyField } from "~/components/idempotency";
import { newIdempotencyKey, once, readIdempotencyKey, releaseIdempotencyKey } from "~/utils/idempotency.server";

export const meta: MetaFunction = () => [{ title: "New couple · Mend" }];


const name = (label: string) =>
  z.string({ required_error: `Enter ${label}.` }).trim().min(1, `Enter ${label}.`).max(80, "Use at most 80 characters.");
const email = z
  .string({ required_error: "Enter an email address." })
  .trim()
  .max(254, "That email address is too long.")
  .email("Enter an email address like name@example.com.");

const language = z.enum(["en", "es"], { errorMap: () => ({ message: "Choose English or Español." }) });

const CoupleSchema = z
  .object({
    partnerAName: name("the first partner's name"),
    partnerAEmail: email,
    partnerBName: name("the second partner's name"),
    partnerBEmail: email,
    startDate: z
      .string({ required_error: "Choose a start date." })
      .refine(isValidLocalDate, "Enter a real date (YYYY-MM-DD).")
      .refine((d) => d >= "2000-01-01" && d <= "2100-12-31", "Choose a date between 2000 and 2100."),
    timeZone: z.string({ required_error: "Choose a time zone." }).refine(isValidTimeZone, "Choose a time zone from the list."),
    // Blank: the country the time zone points to (which crisis lines the partners see).
    country: z
      .string()
      .trim()
      .max(2, "Choose a country from the list.")
      .transform((c) => c.toUpperCase())
      .refine(isCountryCode, "Choose a country from the list.")
      .optional(),
    partnerALanguage: language.optional(),
    partnerBLanguage: language.optional(),
  })
  .refine((v) => v.partnerAEmail.toLowerCase() !== v.partnerBEmail.toLowerCase(), {
    path: ["partnerBEmail"],
    message: "Each partner needs their own email address.",
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:couple:own");
  // the practice's today, decided here so the server's and the browser's forms agree
  return { idem: newIdempotencyKey(), today: localDateOf(new Date(), user.timeZone ?? "UTC") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:couple:own");
  const form = await readForm(request);
  const submission = parseForm(form, CoupleSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  // A double-clicked submit must not try to create the couple twice.
  const key = readIdempotencyKey(form);
  const claim = await once(key, user.id, async () => null);
  if (claim.duplicate) return redirect("/caseload");
  const v = submission.value;
  const country = v.country || (countryFromTimeZone(v.timeZone) ?? DEFAULT_COUNTRY);
  const created = await createCouple(user, { ...v, country }, request).catch(async (error) => {
    await releaseIdempotencyKey(key, user.id);
    throw error;
  });
  if (!created.ok) {
    await releaseIdempotencyKey(key, user.id);
    return invalid(submission.reply({ fieldErrors: created.fieldErrors }));
  }
  const origin = new URL(request.url).origin;
  return {
    result: submission.reply({ resetForm: true }),
    created: { coupleId: created.coupleId, links: created.links.map((l) => ({ ...l, url: `${origin}/join/${l.token}` })) },
  };
}

export default function NewCouple() {
  const actionData = useActionData<typeof action>();
  const { idem, today } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const created = actionData && "created" in actionData ? actionData.created : null;
  const { errors, values: initial } = formState(actionData);
  if (created) {
    return (
      <section className="card">
        <h1>Couple added</h1>
        <p>Send each partner their own link, privately (each link works once and expires in 7 days). They will not be shown again.</p>
        <ul className="stack">
          {created.links.map((l) => (
            <li key={l.email}>
              <strong>{l.name}</strong> ({l.email})<br />
              <input type="text" readOnly value={l.url} aria-label={`Invitation link for ${l.name}`} onFocus={(e) => e.currentTarget.select()} />
            </li>
          ))}
        </ul>
        <p className="row">
          <Link className="btn" to={`/couples/${created.coupleId}`}>
            Open the couple's page
          </Link>
          <Link to="/caseload">Back to caseload</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="card">
      <h1>Add a couple</h1>
      <Form method="post" noValidate>
        <FormError errors={errors[""]} />
        <IdempotencyField value={idem} />
        <div className="grid two">
          <fieldset>
            <legend>First partner</legend>
            <Field label="Name" name="partnerAName" defaultValue={initial.partnerAName} errors={errors.partnerAName} autoComplete="off" />
            <Field label="Email" name="partnerAEmail" type="email" defaultValue={initial.partnerAEmail} errors={errors.partnerAEmail} autoComplete="off" />
            <LanguageSelect name="partnerALanguage" defaultValue={initial.partnerALanguage} errors={errors.partnerALanguage} />
          </fieldset>
          <fieldset>
            <legend>Second partner</legend>
            <Field label="Name" name="partnerBName" defaultValue={initial.partnerBName} errors={errors.partnerBName} autoComplete="off" />
            <Field label="Email" name="partnerBEmail" type="email" defaultValue={initial.partnerBEmail} errors={errors.partnerBEmail} autoComplete="off" />
            <LanguageSelect name="partnerBLanguage" defaultValue={initial.partnerBLanguage} errors={errors.partnerBLanguage} />
          </fieldset>
        </div>
        <div className="grid two">
          <Field label="Start date" name="startDate" type="date" defaultValue={initial.startDate ?? today} errors={errors.startDate} />
          <SelectField label="Couple's time zone" name="timeZone" defaultValue={initial.timeZone ?? "America/New_York"} errors={errors.timeZone} hint="“Today” for check-ins follows this zone.">
            {TIME_ZONES.map((tz) => (
              <option key={tz} value={tz}>
                {tz.replace("_", " ")}
              </option>
            ))}
          </SelectField>
        </div>
        <SelectField label="Country" name="country" defaultValue={initial.country ?? ""} errors={errors.country} hint="Which crisis lines the partners see. Left as it is, it follows the time zone.">
          <option value="">From the time zone</option>
          {COUNTRIES.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
          Add couple and create invitation links
        </button>
      </Form>
    </section>
  );
}

/** A partner's language: the wording of their crisis lines, and which lines they see first. */
function LanguageSelect({ name, defaultValue, errors }: { name: string; defaultValue?: string; errors?: string[] }) {
  return (
    <SelectField label="Language" name={name} defaultValue={defaultValue ?? "en"} errors={errors}>
      {RESOURCE_LANGUAGES.map((l) => (
        <option key={l} value={l}>
          {LANGUAGE_LABEL[l]}
        </option>
      ))}
    </SelectField>
  );
}
