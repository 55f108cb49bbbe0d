import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { audit } from "~/utils/audit.server";
import { digestCounts } from "~/models/digest.server";
import { requireUserWithPermission } from "~/utils/authz.server";

export const meta: MetaFunction = () => [{ title: "Daily summary · Mend" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:digest:own");
  const counts = await digestCounts(user);
  // Names with missed check-ins and open flags: clinical data, so the view is audited.
  await audit({ actor: user, action: "read", entity: "digest", request });
  return counts;
}

export default function Digest() {
  const d = useLoaderData<typeof loader>();
  const list = (items: { id: string; names: string; extra?: string }[]) =>
    items.length ? (
      <ul>
        {items.map((i) => (
          <li key={i.id}>
            <Link to={`/couples/${i.id}`}>{i.names}</Link>
            {i.extra ? ` — ${i.extra}` : ""}
          </li>
        ))}
      </ul>
    ) : (
      <p className="muted">None.</p>
    );
  return (
    <div className="grid two">
      <section className="card">
        <h1>Daily summary</h1>
        <h2>Open safety flags ({d.openFlags})</h2>
        {list(d.flagged.map((f) => ({ id: f.id, names: f.names, extra: `${f.count} open` })))}
        <h2>No check-in for 3+ days ({d.missedCheckIns.length})</h2>
        {list(d.missedCheckIns)}
      </section>
      <section className="card">
        <h2>Overdue homework ({d.overdueHomework})</h2>
        {list(d.overdueByCouple.map((c) => ({ id: c.id, names: c.names, extra: `${c.count} overdue` })))}
        <h2>Adherence falling week over week ({d.fallingAdherence.length})</h2>
        {list(d.fallingAdherence.map((c) => ({ id: c.id, names: c.names, extra: `${c.before}% → ${c.now}%` })))}
      </section>
    </div>
  );
}
