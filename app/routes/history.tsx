import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LazyLineChart } from "~/components/charts/lazy";
import { HelpLink } from "~/components/partner/help-link";
import { LocalDay } from "~/components/local-time";
import { ADHERENCE_WINDOW_DAYS } from "~/domain/adherence";
import { historyData } from "~/models/partner.server";
import { requireUser } from "~/utils/authz.server";
import styles from "~/styles/partner.css";

export const meta: MetaFunction = () => [{ title: "History · Mend" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["partner"] });
  const d = await historyData(user);
  return { streak: d.streak, checkIns: d.checkIns, shared: d.shared, sharedHomework: d.sharedHomework, agreements: d.agreements, otherName: d.ctx.otherName };
}

export default function History() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="stack partner-page">
      <h1>Your history</h1>
      <section className="card">
        <h2>Mood and closeness, last 8 weeks</h2>
        {d.checkIns.length ? (
          <p>
            Check-in streak: <strong>{d.streak}</strong> day{d.streak === 1 ? "" : "s"}. Trends matter more than any single day.
          </p>
        ) : null}
        {d.checkIns.length === 0 ? (
          <p className="muted">No check-ins yet. Your first check-in starts this chart.</p>
        ) : d.checkIns.length === 1 ? (
          <p>
            One check-in so far (<LocalDay date={d.checkIns[0]!.date} />: mood {d.checkIns[0]!.mood}, closeness {d.checkIns[0]!.closeness}). The chart starts with your second.
          </p>
        ) : (
          <LazyLineChart
            label="Your mood and closeness over time"
            data={d.checkIns}
            yDomain={[1, 10]}
            series={[
              { key: "mood", label: "Mood", color: "#2f6f73", dot: true },
              { key: "closeness", label: "Closeness", color: "#9a4d00", dash: "6 4" },
            ]}
          />
        )}
        {d.checkIns.length > 1 ? (
        <details>
          <summary>View as table</summary>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Date</th>
                  <th>Mood</th>
                  <th>Closeness</th>
                </tr>
              </thead>
              <tbody>
                {d.checkIns.map((c) => (
                  <tr key={c.date}>
                    <td className="date">
                      <LocalDay date={c.date} />
                    </td>
                    <td>{c.mood}</td>
                    <td>{c.closeness}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        ) : null}
      </section>
      <section className="card">
        <h2>Your agreements, last {ADHERENCE_WINDOW_DAYS} days</h2>
        {d.agreements.length === 0 ? <p className="muted">No agreements of yours right now.</p> : null}
        <ul>
          {d.agreements.map((a) => (
            <li key={a.id}>
              {a.title}: {a.percent === null ? "nothing expected yet" : `${a.percent}%`} <span className="muted small">({a.kept} kept, {a.partly} partly, {a.missed} missed of {a.expected})</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2>What {d.otherName} shared with you</h2>
        {d.shared.length === 0 && d.sharedHomework.length === 0 ? <p className="muted">Nothing shared yet.</p> : null}
        <ul>
          {d.shared.map((s) => (
            <li key={s.date}>
              <span className="muted small">
                <LocalDay date={s.date} />
              </span> {s.appreciation ? <>“{s.appreciation}”</> : null} {s.note ? <em>{s.note}</em> : null}
            </li>
          ))}
          {d.sharedHomework.map((h) => (
            <li key={h.id}>
              Shared homework: <Link to={`/homework/${h.id}`}>{h.title}</Link>
            </li>
          ))}
        </ul>
      </section>
      <HelpLink />
    </div>
  );
}
