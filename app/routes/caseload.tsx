import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FlagBadge } from "~/components/safety";
import { LocalDay } from "~/components/local-time";
import { Sparkline } from "~/components/sparkline";
import { ADHERENCE_WINDOW_DAYS } from "~/domain/adherence";
import { addDays } from "~/domain/dates";
import { cleanNameQuery, matchesName } from "~/domain/name-search";
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
  const search = cleanNameQuery(q.get("q"));
  // Mood trends, adherence and flags of every couple: a read of clinical data like any other
  // (audited beside the queries, not after them).
  let [rows] = await Promise.all([caseload(user), audit({ actor: user, action: "read", entity: "caseload", request })]);
  const total = rows.length;
  if (search) rows = rows.filter((r) => matchesName(r.names, search));
  if (status) rows = rows.filter((r) => r.status === status);
  if (filter === "flagged") rows = rows.filter((r) => r.flags > 0);
  if (filter === "low") rows = rows.filter((r) => r.adherence14 !== null && r.adherence14 < LOW_ADHERENCE);
  if (sort === "name") rows = [...rows].sort((a, b) => a.names.localeCompare(b.names));
  if (sort === "adherence") rows = [...rows].sort((a, b) => (a.adherence14 ?? 101) - (b.adherence14 ?? 101));
  if (sort === "week") rows = [...rows].sort((a, b) => b.week - a.week);
  // Couples with open flags always come first, whatever the chosen order.
  rows = [...rows.filter((r) => r.flags > 0), ...rows.filter((r) => r.flags === 0)];
  return { rows, total, filters: { q: search, status, filter, sort } };
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
          <Form method="get" className="row" role="search" aria-label="Search, filter and sort">
            <label>
              Name{" "}
              <input type="search" name="q" defaultValue={filters.q} maxLength={100} placeholder="Partner's name" autoComplete="off" />
            </label>
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
            {filters.q || filters.status || filters.filter ? <Link to="/caseload">Show all</Link> : null}
          </Form>
          <p className="small muted" role="status">
            {rows.length === total ? `${total} couple${total === 1 ? "" : "s"}` : `${rows.length} of ${total} couples`}
            {filters.q ? ` matching “${filters.q}”` : ""}
          </p>
          {rows.length === 0 ? (
            <div className="notice">
              <h2>No couples match</h2>
              <p>
                {filters.q ? <>No couple has a partner whose name starts with “{filters.q}”{filters.status || filters.filter ? " with these filters" : ""}. </> : "No couple matches these filters. "}
                Check the spelling, or <Link to="/caseload">show all couples</Link>.
              </p>
            </div>
          ) : (
          <div className="table-wrap caseload-wrap">
            <table className="caseload">
              <caption className="visually-hidden">Your couples; flagged couples first</caption>
              <thead>
                <tr>
                  <th>Couple</th>
                  <th>Week</th>
                  <th>Last check-in</th>
                  <th>Mood, last 7 days</th>
                  <th>Adherence ({ADHERENCE_WINDOW_DAYS} days)</th>
                  <th>Overdue homework</th>
                  <th>Safety</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className={r.flags ? "flagged" : undefined}>
                    <td data-label="Couple" className="couple-cell">
                      <Link to={`/couples/${r.id}`}>{r.names}</Link>
                      {r.status !== "active" ? <span className="badge">{r.status}</span> : r.paused ? <span className="badge warn">work paused</span> : null}
                    </td>
                    <td data-label="Week">{r.week <= 8 ? `Week ${r.week} of 8` : `Week ${r.week} (plan done)`}</td>
                    <td data-label="Last check-in">
                      {r.partners.map((p) => (
                        <div key={p.name} className="small">
                          {p.name.split(" ")[0]}: {p.lastCheckIn ? <LocalDay date={p.lastCheckIn} /> : "never"}
                        </div>
                      ))}
                    </td>
                    <td data-label="Mood, last 7 days">
                      {r.partners.map((p, i) => (
                        <div key={p.name}>
                          <Sparkline points={p.trend} name={p.name.split(" ")[0] ?? p.name} partner={i === 0 ? "A" : "B"} from={addDays(r.today, -6)} to={r.today} />
                        </div>
                      ))}
                    </td>
                    <td data-label={`Adherence (${ADHERENCE_WINDOW_DAYS} days)`}>{r.adherence14 === null ? <span className="muted">nothing due yet</span> : `${r.adherence14}%`}</td>
                    <td data-label="Overdue homework">{r.overdueHomework ? <span className="badge warn">{r.overdueHomework}</span> : "0"}</td>
                    <td data-label="Safety" className="safety-cell">{r.flags ? <FlagBadge count={r.flags} severity={r.topSeverity} /> : <span className="muted">no open flags</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          )}
        </>
      )}
    </section>
  );
}
