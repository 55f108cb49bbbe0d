import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError, formState, SelectField } from "~/components/forms";
import { LocalTime } from "~/components/local-time";
import { COUNTRIES, countryName, KIND_LABEL, LANGUAGE_LABEL, RESOURCE_KINDS, RESOURCE_LANGUAGES, validateResource } from "~/domain/crisis-resources";
import { createResource, deleteResource, getResource, listResources, markResourceVerified, seedResourcesAsAdmin, updateResource } from "~/models/crisis.server";
import { requireUserWithPermission } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Crisis lines · Mend" }];

const text = (max: number) => z.string().max(max, `Use at most ${max} characters.`).optional();

// Shape only (lengths, so a huge body is refused); what the values mean is checked by the domain
// (validateResource), which reports every problem against its field.
const ResourceSchema = z.object({
  intent: z.enum(["create", "update"]),
  id: z.string().max(40).optional(),
  label: text(500),
  country: text(20),
  language: text(10),
  kind: text(40),
  phone: text(100),
  sms: text(100),
  smsBody: text(500),
  hours: text(1000),
  position: text(10),
});
const RowSchema = z.object({ intent: z.enum(["delete", "verify"]), id: z.string().min(1).max(40) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:settings:any");
  const editId = new URL(request.url).searchParams.get("edit");
  const [rows, editing] = await Promise.all([listResources(user), editId ? getResource(user, editId.slice(0, 40)) : Promise.resolve(null)]);
  if (editId && !editing) notFound();
  const plain = <T extends { verifiedAt: Date | null }>(r: T) => ({ ...r, verifiedAt: r.verifiedAt ? r.verifiedAt.toISOString() : null });
  const groups = new Map<string, ReturnType<typeof plain<(typeof rows)[number]>>[]>();
  for (const r of rows) groups.set(r.country, [...(groups.get(r.country) ?? []), plain(r)]);
  return {
    groups: [...groups.entries()].map(([country, lines]) => ({ country, name: countryName(country), lines })),
    editing: editing ? plain(editing) : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:settings:any");
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "seed") {
    await seedResourcesAsAdmin(user, request);
    return redirect("/admin/resources?saved=seeded");
  }
  if (intent === "delete" || intent === "verify") {
    const submission = parseForm(form, RowSchema);
    if (submission.status !== "success") return invalid(submission.reply({ formErrors: ["That request was not understood."] }));
    const { id } = submission.value;
    const ok = intent === "delete" ? await deleteResource(user, id, request) : await markResourceVerified(user, id, request);
    if (!ok) notFound();
    return redirect(`/admin/resources?saved=${intent === "delete" ? "deleted" : "verified"}`);
  }
  const submission = parseForm(form, ResourceSchema);
  if (submission.status !== "success") {
    const known = intent === "create" || intent === "update";
    return invalid(submission.reply(known ? {} : { formErrors: ["That request was not understood."] }), { intent: known ? intent : "" });
  }
  const checked = validateResource(submission.value);
  if (!checked.ok) return invalid(submission.reply({ fieldErrors: checked.fieldErrors }), { intent: submission.value.intent });
  if (submission.value.intent === "update") {
    const ok = submission.value.id ? await updateResource(user, submission.value.id, checked.value, request) : false;
    if (!ok) notFound();
    return redirect("/admin/resources?saved=updated");
  }
  await createResource(user, checked.value, request);
  return redirect("/admin/resources?saved=created");
}

const SAVED: Record<string, string> = {
  created: "Line added.",
  updated: "Line saved. If you changed a number, verify it again.",
  deleted: "Line deleted.",
  verified: "Marked as verified.",
  seeded: "Suggested lines added. Verify each number before relying on it.",
};

type Line = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["editing"]>;

function ResourceForm({ intent, line, errors, values }: { intent: "create" | "update"; line: Line | null; errors: Record<string, string[] | undefined>; values: Record<string, string | undefined> }) {
  const v = (k: string, fallback: string | number | null | undefined) => values[k] ?? (fallback === null || fallback === undefined ? "" : String(fallback));
  return (
    <Form method="post" action={line ? `/admin/resources?edit=${line.id}` : "/admin/resources"} noValidate>
      <FormError errors={errors[""]} />
      <input type="hidden" name="intent" value={intent} />
      {line ? <input type="hidden" name="id" value={line.id} /> : null}
      <Field label="Name of the line" name="label" defaultValue={v("label", line?.label)} errors={errors.label} />
      <div className="grid two">
        <Field
          label="Country (two-letter code)"
          hint={`e.g. ${COUNTRIES.map((c) => c.code).join(", ")}`}
          name="country"
          list="country-codes"
          maxLength={2}
          autoComplete="off"
          defaultValue={v("country", line?.country)}
          errors={errors.country}
        />
        <SelectField label="Language" name="language" defaultValue={v("language", line?.language ?? "en")} errors={errors.language}>
          {RESOURCE_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_LABEL[l]}
            </option>
          ))}
        </SelectField>
      </div>
      <SelectField label="Kind" name="kind" defaultValue={v("kind", line?.kind ?? "crisis")} errors={errors.kind}>
        {RESOURCE_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_LABEL[k]}
          </option>
        ))}
      </SelectField>
      <div className="grid two">
        <Field label="Number to call" name="phone" type="tel" defaultValue={v("phone", line?.phone)} errors={errors.phone} />
        <Field label="Number to text (optional)" name="sms" type="tel" defaultValue={v("sms", line?.sms)} errors={errors.sms} />
      </div>
      <div className="grid two">
        <Field label="What to text (optional)" hint="e.g. START" name="smsBody" defaultValue={v("smsBody", line?.smsBody)} errors={errors.smsBody} />
        <Field label="Order (lower first)" name="position" type="number" min={0} max={999} defaultValue={v("position", line?.position ?? 0)} errors={errors.position} />
      </div>
      <Field label="Hours and notes (optional)" hint="In the line's language, e.g. “Free, 24/7”." name="hours" defaultValue={v("hours", line?.hours)} errors={errors.hours} />
      <button type="submit" className="primary">
        {line ? "Save this line" : "Add line"}
      </button>
    </Form>
  );
}

export default function Resources() {
  const { groups, editing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { errors, values } = formState(actionData);
  const failed = actionData && "intent" in actionData ? actionData.intent : null;
  const saved = SAVED[params.get("saved") ?? ""];
  const none = { errors: {}, values: {} };
  return (
    <div className="stack">
      <section className="card">
        <h1>Crisis lines</h1>
        <p>
          Partners see the lines of their couple's country, in their language (English lines when there are none in it), as tap-to-call and
          tap-to-text links — on the help page before they send anything, and after a check-in where they did not feel safe. Below them they
          see the text in <Link to="/admin/settings">Practice settings</Link>, which is all they see where a country has no lines here.
        </p>
        {saved ? (
          <p className="notice ok" role="status">
            {saved}
          </p>
        ) : null}
        {failed !== "create" && failed !== "update" ? <FormError errors={errors[""]} /> : null}
        {groups.length === 0 ? (
          <Form method="post">
            <p>This practice has no lines yet.</p>
            <button type="submit" name="intent" value="seed" className="secondary">
              Add the suggested national lines (US, CA, GB, IE, AU, NZ, ES, MX)
            </button>
          </Form>
        ) : null}
        <datalist id="country-codes">
          {COUNTRIES.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </datalist>
      </section>
      {groups.map((g) => (
        <section className="card" key={g.country} aria-labelledby={`country-${g.country}`}>
          <h2 id={`country-${g.country}`}>
            {g.name} ({g.country})
          </h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Line</th>
                  <th>Language</th>
                  <th>Call</th>
                  <th>Text</th>
                  <th>Status</th>
                  <th>
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {g.lines.map((l) => (
                  <tr key={l.id}>
                    <td>
                      {l.label}
                      <br />
                      <span className="muted small">
                        {KIND_LABEL[l.kind as keyof typeof KIND_LABEL] ?? l.kind}
                        {l.hours ? ` · ${l.hours}` : ""}
                      </span>
                    </td>
                    <td>{LANGUAGE_LABEL[l.language as keyof typeof LANGUAGE_LABEL] ?? l.language}</td>
                    <td>{l.phone ?? "—"}</td>
                    <td>{l.sms ? `${l.smsBody ? `${l.smsBody} to ` : ""}${l.sms}` : "—"}</td>
                    <td>{l.verifiedAt ? <span className="badge ok">Verified <LocalTime iso={l.verifiedAt} dateOnly /></span> : <span className="badge warn">Verify this number</span>}</td>
                    <td>
                      <div className="row">
                        <Link to={`/admin/resources?edit=${l.id}#edit`}>Edit</Link>
                        {l.verifiedAt ? null : (
                          <Form method="post">
                            <input type="hidden" name="id" value={l.id} />
                            <button type="submit" name="intent" value="verify" className="link-button">
                              Mark as verified
                            </button>
                          </Form>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {editing ? (
        <section className="card" id="edit" aria-labelledby="edit-h">
          <h2 id="edit-h">Edit “{editing.label}”</h2>
          <ResourceForm intent="update" line={editing} {...(failed === "update" ? { errors, values } : none)} />
          <Form method="post" className="row">
            <input type="hidden" name="id" value={editing.id} />
            <button type="submit" name="intent" value="delete" className="danger">
              Delete this line
            </button>
            <Link to="/admin/resources">Cancel</Link>
          </Form>
        </section>
      ) : null}
      <section className="card" aria-labelledby="add-h">
        <h2 id="add-h">Add a line</h2>
        <p className="muted small">Call the number yourself before marking it verified. Use a line's official number only.</p>
        <ResourceForm intent="create" line={null} {...(failed === "create" ? { errors, values } : none)} />
      </section>
    </div>
  );
}
