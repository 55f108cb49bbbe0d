import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FlagBadge } from "~/components/safety";
import { Sparkline } from "~/components/sparkline";
import { audit } from "~/utils/audit.server";
import { caseload } from "~/models/couple-stats.server";
import { requireUserWithPermission } from "~/utils/authz.server";

export const meta: MetaFunction = () => [{ title: "Caseload · Mend" }];

const LOW_ADHERENCE = 60;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:caseload:own");
  const q = new URL(request.url).searchParams;
  const status = ["active", "paused", "closed"].includes(q.get("status") ?? "") ? q.get("status")! : "";
  const filter = ["flagged", "low"].includes(q.get("filter") ?? "") ? q.get("filter")! : "";
  const sort = ["flags", "name", "adherence", "week"].includes(q.get("sort") ?? "") ? q.get("sort")! : "flags";
  let rows = await caseload(user);
  // Mood trends, adherence and flags of every couple: a read of clinical data like any other.
  await audit({ actor: user, action: "read", entity: "caseload", request });
  const total = rows.length;
  if (status) rows = rows.filter((r) => r.status === status);
  if (filter === "flagged") rows = rows.filter((r) => r.flags > 0);
  if (filter === "low") rows = rows.filter((r) => r.adherence14 !== null && r.adherence14 < LOW_ADHERENCE);
  if (sort === "name") rows = [...rows].sort((a, b) => a.names.localeCompare(b.names));
  if (sort === "adherence") rows = [...rows].sort((a, b) => (a.adherence14 ?? 101) - (b.adherence14 ?? 101));
  if (sort === "week") rows = [...rows].sort((a, b) => b.week - a.week);
  // Couples with open flags always come first, whatever the chosen order.
  rows = [...rows.filter((r) => r.flags > 0), ...rows.filter((r) => r.flags === 0)];
  return { rows, total, filters: { status, filter, sort } };
}

export default function Caseload() {
  const { rows, total, filters } = useLoaderData<typeof loader>();
  return (
    <section className="card">
      <div className="spread">
        <h1>Caseload</h1>
        <Link className="btn" to="/couples/new">
          Add a couple
        </Link>
      </div>
      {total === 0 ? (
        <div className="notice">
          <h2>No couples yet</h2>
          <p>Add your first couple: you'll get a private invitation link for each partner to set up their account.</p>
        </div>
      ) : (
        <>
          <Form method="get" className="row" aria-label="Filter and sort">
            <label>
              Status{" "}
              <select name="status" defaultValue={filters.status}>
                <option value="">All</option>
                <option value="active">Active</option>
                <option value="paused">Paused</option>
                <option value="closed">Closed</option>
              </select>
            </label>
            <label>
              Show{" "}
              <select name="filter" defaultValue={filters.filter}>
                <option value="">Everyone</option>
                <option value="flagged">Flagged</option>
                <option value="low">Low adherence (&lt; {LOW_ADHERENCE}%)</option>
              </select>
            </label>
            <label>
              Sort{" "}
              <select name="sort" defaultValue={filters.sort}>
                <option value="flags">Flags first</option>
                <option value="adherence">Lowest adherence</option>
                <option value="week">Furthest in plan</option>
                <option value="name">Name</option>
              </select>
            </label>
            <button type="submit" className="secondary">
              Apply
            </button>
          </Form>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Your couples; flagged couples first</caption>
              <thead>
                <tr>
                  <th>Couple</th>
                  <th>Week</th>
                  <th>Last check-in</th>
                  <th>Mood, last 7 days</th>
                  <th>Adherence (14 days)</th>
                  <th>Overdue homework</th>
                  <th>Safety</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className={r.flags ? "flagged" : undefined}>
                    <td>
                      <Link to={`/couples/${r.id}`}>{r.names}</Link>
                      {r.status !== "active" ? <span className="badge">{r.status}</span> : r.paused ? <span className="badge warn">work paused</span> : null}
                    </td>
                    <td>{r.week <= 8 ? `Week ${r.week} of 8` : `Week ${r.week} (plan done)`}</td>
                    <td>
                      {r.partners.map((p) => (
                        <div key={p.name} className="small">
                          {p.name.split(" ")[0]}: {p.lastCheckIn ?? "never"}
                        </div>
                      ))}
                    </td>
                    <td>
                      {r.partners.map((p) => (
                        <div key={p.name}>
                          <Sparkline points={p.trend} label={`${p.name}'s mood`} />
                        </div>
                      ))}
                    </td>
                    <td>{r.adherence14 === null ? "—" : `${r.adherence14}%`}</td>
                    <td>{r.overdueHomework ? <span className="badge warn">{r.overdueHomework}</span> : "0"}</td>
                    <td>{r.flags ? <FlagBadge count={r.flags} severity={r.topSeverity} /> : <span className="muted">none</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
