import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SEVERITY_LABEL } from "~/components/safety";
import { formatOverdue, overdueBy, STATUS_LABELS } from "~/domain/flag-workflow";
import { listQueue, listTherapists } from "~/models/flag.server";
import { audit } from "~/models/audit.server";
import { requireUserWithPermission } from "~/utils/authz.server";

export const meta: MetaFunction = () => [{ title: "Safety queue · Mend" }];

const SEVERITIES = ["imminent", "high", "medium", "low"] as const;

// The supervisor's queue: every open, acknowledged or escalated flag of the practice.
// (Therapists see their own couples' flags on the caseload and couple pages instead.)
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:flag:any");
  const url = new URL(request.url);
  const severity = SEVERITIES.find((s) => s === url.searchParams.get("severity"));
  const therapistId = url.searchParams.get("therapist")?.slice(0, 40) || undefined;
  const [flags, therapists] = await Promise.all([listQueue(user, { severity, therapistId }), listTherapists(user)]);
  await audit({ actor: user, action: "read", entity: "flag-queue", request });
  const now = new Date();
  return {
    therapists,
    filters: { severity: severity ?? "", therapistId: therapistId ?? "" },
    flags: flags.map((f) => {
      const over = overdueBy(f.dueBy, now);
      return {
        id: f.id,
        severity: f.severity,
        status: f.status,
        dueBy: f.dueBy.toISOString(),
        overdue: over ? formatOverdue(over) : null,
        partner: f.partner.name,
        couple: `${f.couple.partnerA.name} & ${f.couple.partnerB.name}`,
        therapist: f.couple.therapist.name,
        assignee: f.assignee?.name ?? null,
      };
    }),
  };
}

export default function Queue() {
  const { flags, therapists, filters } = useLoaderData<typeof loader>();
  return (
    <section className="card">
      <h1>Safety queue</h1>
      <Form method="get" className="row">
        <label>
          Severity{" "}
          <select name="severity" defaultValue={filters.severity}>
            <option value="">All</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {SEVERITY_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Therapist{" "}
          <select name="therapist" defaultValue={filters.therapistId}>
            <option value="">All</option>
            {therapists.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="secondary">
          Filter
        </button>
      </Form>
      {flags.length === 0 ? (
        <p>No open flags. </p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Open safety flags, most severe and most urgent first</caption>
            <thead>
              <tr>
                <th>Severity</th>
                <th>Couple</th>
                <th>About</th>
                <th>Status</th>
                <th>Due by</th>
                <th>Therapist</th>
                <th>Assigned to</th>
              </tr>
            </thead>
            <tbody>
              {flags.map((f) => (
                <tr key={f.id} className={f.overdue ? "flagged" : undefined}>
                  <td>
                    <span className={f.severity === "high" || f.severity === "imminent" ? "badge danger" : "badge warn"}>{SEVERITY_LABEL[f.severity]}</span>
                  </td>
                  <td>
                    <Link to={`/flags/${f.id}`}>{f.couple}</Link>
                  </td>
                  <td>{f.partner}</td>
                  <td>{STATUS_LABELS[f.status]}</td>
                  <td>
                    {new Date(f.dueBy).toLocaleString()}
                    {f.overdue ? (
                      <>
                        <br />
                        <strong className="overdue">{f.overdue}</strong>
                      </>
                    ) : null}
                  </td>
                  <td>{f.therapist}</td>
                  <td>{f.assignee ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
