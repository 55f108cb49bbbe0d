import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError, SelectField, formState } from "~/components/forms";
import { createStaff, getSecuritySettings, listStaff, setStaffDisabled, updateSecuritySettings } from "~/models/staff.server";
import { requireUserWithPermission } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Staff · Mend" }];

const CreateSchema = z.object({
  intent: z.literal("create"),
  name: z.string({ required_error: "Enter a name." }).trim().min(1, "Enter a name.").max(80, "Use at most 80 characters."),
  email: z.string({ required_error: "Enter an email address." }).trim().max(254).email("Enter an email address like name@example.com."),
  role: z.enum(["therapist", "supervisor", "admin"], { errorMap: () => ({ message: "Choose a role." }) }),
});
const SecuritySchema = z.object({
  intent: z.literal("security"),
  require2fa: z.literal("on").optional(),
  staffIdleMinutes: z.coerce.number({ invalid_type_error: "Enter a number of minutes." }).int("Use whole minutes.").min(5, "At least 5 minutes.").max(720, "At most 720 minutes (12 hours)."),
  partnerIdleDays: z.coerce.number({ invalid_type_error: "Enter a number of days." }).int("Use whole days.").min(1, "At least 1 day.").max(90, "At most 90 days."),
});
const ToggleSchema = z.object({
  intent: z.enum(["disable", "enable"]),
  userId: z.string().min(1).max(40),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:staff:any");
  return { staff: await listStaff(user), me: user.id, security: await getSecuritySettings(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:staff:any");
  const formData = await readForm(request);
  if (formData.get("intent") === "create") {
    const submission = parseForm(formData, CreateSchema);
    if (submission.status !== "success") return invalid(submission.reply());
    const created = await createStaff(user, submission.value, request);
    if (!created.ok) return invalid(submission.reply({ fieldErrors: created.fieldErrors }));
    const url = `${new URL(request.url).origin}/join/${created.token}`;
    return { result: submission.reply({ resetForm: true }), invite: { name: created.user.name, url } };
  }
  if (formData.get("intent") === "security") {
    const submission = parseForm(formData, SecuritySchema);
    if (submission.status !== "success") return invalid(submission.reply());
    const { require2fa, staffIdleMinutes, partnerIdleDays } = submission.value;
    await updateSecuritySettings(user, { require2fa: require2fa === "on", staffIdleMinutes, partnerIdleDays }, request);
    return { result: submission.reply(), saved: "security" as const };
  }
  const submission = parseForm(formData, ToggleSchema);
  if (submission.status !== "success") return invalid(submission.reply({ formErrors: ["That request was not understood."] }));
  const ok = await setStaffDisabled(user, submission.value.userId, submission.value.intent === "disable", request);
  if (!ok) return invalid(submission.reply({ formErrors: ["That account cannot be changed."] }));
  return { result: submission.reply() };
}

export default function Staff() {
  const { staff, me, security } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { errors, values: initial } = formState(actionData);
  const invite = actionData && "invite" in actionData ? actionData.invite : null;
  return (
    <div className="grid two">
      <section className="card">
        <h1>Staff</h1>
        <p><a href="/admin/on-call">On-call rota and safety alerts</a>: who is alerted at once when a serious flag is raised.</p>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Role</th>
                <th>Status</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {staff.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.name}
                    <br />
                    <span className="muted small">{s.email}</span>
                  </td>
                  <td>{s.role}</td>
                  <td>
                    {s.disabledAt ? "Disabled" : s.joined ? "Active" : "Invited"}
                    {s.twoFactor ? <span className="badge ok">2FA</span> : null}
                  </td>
                  <td>
                    {s.id === me ? null : (
                      <Form method="post">
                        <input type="hidden" name="userId" value={s.id} />
                        <button type="submit" name="intent" value={s.disabledAt ? "enable" : "disable"} className="link-button">
                          {s.disabledAt ? "Enable" : "Disable"}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card">
        <h2>Add a staff member</h2>
        {invite ? (
          <div className="notice ok" role="status">
            Send {invite.name} this one-time link (valid 7 days):
            <input type="text" readOnly value={invite.url} aria-label={`Invitation link for ${invite.name}`} />
          </div>
        ) : null}
        <Form method="post" noValidate>
          <FormError errors={errors[""]} />
          <input type="hidden" name="intent" value="create" />
          <Field label="Name" name="name" defaultValue={initial.name} errors={errors.name} />
          <Field label="Email" name="email" type="email" defaultValue={initial.email} errors={errors.email} />
          <SelectField label="Role" name="role" defaultValue={initial.role ?? "therapist"} errors={errors.role}>
            <option value="therapist">Therapist</option>
            <option value="supervisor">Clinical supervisor</option>
            <option value="admin">Admin</option>
          </SelectField>
          <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
            Create account and invitation link
          </button>
        </Form>
      </section>
      <section className="card">
        <h2>Sign-in security</h2>
        {actionData && "saved" in actionData ? (
          <p className="notice ok" role="status">
            Saved.
          </p>
        ) : null}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="security" />
          <div className="field">
            <label>
              <input type="checkbox" name="require2fa" defaultChecked={security.require2fa} /> Require two-step sign-in for all staff
            </label>
          </div>
          <Field
            label="Sign staff out after (minutes idle)"
            name="staffIdleMinutes"
            type="number"
            defaultValue={initial.staffIdleMinutes ?? String(security.staffIdleMinutes)}
            errors={errors.staffIdleMinutes}
          />
          <Field
            label="Sign partners out after (days idle)"
            name="partnerIdleDays"
            type="number"
            defaultValue={initial.partnerIdleDays ?? String(security.partnerIdleDays)}
            errors={errors.partnerIdleDays}
          />
          <button type="submit" className="secondary">
            Save sign-in settings
          </button>
        </Form>
      </section>
    </div>
  );
}
