import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SEVERITY_LABEL, SeverityBadge } from "~/components/safety";
import { formatOverdue, overdueBy, STATUS_LABELS } from "~/domain/flag-workflow";
import { SEVERITIES_MOST_URGENT_FIRST } from "~/domain/safety";
import { listQueue, listTherapists } from "~/models/flag.server";
import { audit } from "~/utils/audit.server";
import { requireUserWithPermission } from "~/utils/authz.server";
import { LocalTime } from "~/components/local-time";

export const meta: MetaFunction = () => [{ title: "Safety queue · Mend" }];


// The supervisor's queue: every open, acknowledged or escalated flag of the practice.
// (Therapists see their own couples' flags on the caseload and couple pages instead.)
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:flag:any");
  const url = new URL(request.url);
  const severity = SEVERITIES_MOST_URGENT_FIRST.find((s) => s === url.searchParams.get("severity"));
  const therapistId = url.searchParams.get("therapist")?.slice(0, 40) || undefined;
  const page = Math.min(10_000, Math.max(1, Math.floor(Number(url.searchParams.get("page")) || 1)));
  const [queue, therapists] = await Promise.all([listQueue(user, { severity, therapistId }, page), listTherapists(user)]);
  await audit({ actor: user, action: "read", entity: "flag-queue", request });
  const now = new Date();
  return {
    therapists,
    filters: { severity: severity ?? "", therapistId: therapistId ?? "" },
    page,
    total: queue.total,
    pageSize: queue.pageSize,
    flags: queue.flags.map((f) => {
      const over = overdueBy(f.dueBy, now);
      return {
        id: f.id,
        severity: f.severity,
        status: f.status,
        dueBy: f.dueBy.toISOString(),
        overdue: over ? formatOverdue(over) : null,
        partner: f.partnerName,
        couple: f.coupleNames,
        therapist: f.therapistName,
        assignee: f.assigneeName,
      };
    }),
  };
}

function pageLink(filters: { severity: string; therapistId: string }, page: number) {
  const q = new URLSearchParams();
  if (filters.severity) q.set("severity", filters.severity);
  if (filters.therapistId) q.set("therapist", filters.therapistId);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `?${s}` : ".";
}

export default function Queue() {
  const { flags, therapists, filters, page, total, pageSize } = useLoaderData<typeof loader>();
  const first = (page - 1) * pageSize + 1;
  const last = first + flags.length - 1;
  return (
    <section className="card">
      <h1>Safety queue</h1>
      <p className="muted">
        <Link to="/safety/try">Try a note</Link> to see what the safety rules would raise for a text, and why.
      </p>
      <p>
        <Link to="/flags/resolved#review">Resolved by the therapist alone — review</Link> · <Link to="/flags/resolved#history">Resolved flags</Link>
      </p>
      <Form method="get" className="row">
        <label>
          Severity{" "}
          <select name="severity" defaultValue={filters.severity}>
            <option value="">All</option>
            {SEVERITIES_MOST_URGENT_FIRST.map((s) => (
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
        total > 0 ? (
          <p>
            No flags on this page. <Link to={pageLink(filters, 1)}>Back to the first page</Link>
          </p>
        ) : (
          <p>No open flags. </p>
        )
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
                    <SeverityBadge severity={f.severity} />
                  </td>
                  <td>
                    <Link to={`/flags/${f.id}`}>{f.couple}</Link>
                  </td>
                  <td>{f.partner}</td>
                  <td>{STATUS_LABELS[f.status]}</td>
                  <td>
                    <LocalTime iso={f.dueBy} />
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
          <nav className="row" aria-label="Queue pages">
            <span>
              {first}–{last} of {total} open flags
            </span>
            {page > 1 ? <Link to={pageLink(filters, page - 1)}>Previous {pageSize}</Link> : null}
            {last < total ? <Link to={pageLink(filters, page + 1)}>Next {Math.min(pageSize, total - last)}</Link> : null}
          </nav>
        </div>
      )}
    </section>
  );
}
