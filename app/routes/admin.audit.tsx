import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FieldError } from "~/components/forms";
import { isValidLocalDate } from "~/domain/dates";
import { listAudit } from "~/utils/audit.server";
import { requireUserWithPermission } from "~/utils/authz.server";
import { auditFilterChoices } from "~/models/practice.server";
import { LocalTime } from "~/components/local-time";

export const meta: MetaFunction = () => [{ title: "Audit log · Mend" }];

const FIRST_DAY = "2000-01-01";
const LAST_DAY = "2100-12-31";

/**
 * A date filter as typed. Outside 2000–2100 (e.g. 0000-01-01, which PostgreSQL has no year for,
 * or 9999-12-31, whose next day JS cannot write as an ISO date) the filter is ignored with a
 * message next to the field, rather than failing the page.
 */
function filterDay(value: string): { date?: Date; error?: string } {
  if (!value) return {};
  if (!isValidLocalDate(value)) return { error: "Enter a real date, like 2026-03-01." };
  if (value < FIRST_DAY || value > LAST_DAY) return { error: "Enter a date between 2000 and 2100." };
  return { date: new Date(`${value}T00:00:00Z`) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:audit:any");
  const q = new URL(request.url).searchParams;
  const from = q.get("from") ?? "";
  const to = q.get("to") ?? "";
  const actorId = q.get("user")?.slice(0, 40) ?? "";
  const coupleId = q.get("couple")?.slice(0, 40) ?? "";
  const fromDay = filterDay(from);
  const toDay = filterDay(to);
  const events = await listAudit({
    practiceId: user.practiceId,
    actorId: actorId || undefined,
    coupleId: coupleId || undefined,
    from: fromDay.date,
    to: toDay.date ? new Date(toDay.date.getTime() + 86_400_000) : undefined,
  });
  const { users, couples } = await auditFilterChoices(user);
  return {
    filters: { from, to, actorId, coupleId },
    errors: { from: fromDay.error, to: toDay.error },
    users,
    couples: couples.map((c) => ({ id: c.id, label: `${c.partnerA.name} & ${c.partnerB.name}` })),
    events: events.map((e) => ({ ...e, id: String(e.id), createdAt: e.createdAt.toISOString() })),
  };
}

export default function AuditLog() {
  const { events, users, couples, filters, errors } = useLoaderData<typeof loader>();
  const coupleLabel = new Map(couples.map((c) => [c.id, c.label]));
  return (
    <section className="card">
      <h1>Audit log</h1>
      <Form method="get" className="row">
        <label>
          Person{" "}
          <select name="user" defaultValue={filters.actorId}>
            <option value="">Anyone</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.role})
              </option>
            ))}
          </select>
        </label>
        <label>
          Couple{" "}
          <select name="couple" defaultValue={filters.coupleId}>
            <option value="">Any</option>
            {couples.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          From{" "}
          <input type="date" name="from" defaultValue={filters.from} aria-invalid={errors.from ? true : undefined} aria-describedby={errors.from ? "from-error" : undefined} />
          <FieldError id="from-error" errors={errors.from ? [errors.from] : undefined} />
        </label>
        <label>
          To{" "}
          <input type="date" name="to" defaultValue={filters.to} aria-invalid={errors.to ? true : undefined} aria-describedby={errors.to ? "to-error" : undefined} />
          <FieldError id="to-error" errors={errors.to ? [errors.to] : undefined} />
        </label>
        <button type="submit" className="secondary">
          Filter
        </button>
      </Form>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Did</th>
              <th>Record</th>
              <th>Couple</th>
              <th>Outcome</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td><LocalTime iso={e.createdAt} /></td>
                <td>{e.actor ? `${e.actor.name} (${e.actor.role})` : "—"}</td>
                <td>{e.action}</td>
                <td>
                  {e.entity}
                  {e.entityId ? <span className="muted small"> {e.entityId}</span> : null}
                </td>
                <td>{e.coupleId ? coupleLabel.get(e.coupleId) ?? e.coupleId : "—"}</td>
                <td>{e.outcome === "allowed" ? "allowed" : <strong>{e.outcome}</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">Showing the latest {events.length} events.</p>
    </section>
  );
}
