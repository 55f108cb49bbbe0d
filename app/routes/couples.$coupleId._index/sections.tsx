/**
 * The couple page's sections, one component each, in page order. Clinicians only. Every chart
 * comes with its one-sentence summary (computed in the loader by domain/chart-summary.ts) and a
 * table view, so nothing on a chart is only on the chart. A new section is one more export here
 * and one line in route.tsx.
 */
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { AdherenceBars, AdherenceLegend } from "~/components/charts/adherence-bars";
import { GapStrips } from "~/components/charts/gap-strip";
import { LazyLineChart, LazyMoodPanel } from "~/components/charts/lazy";
import { PARTNER_STYLE, PartnerLegend } from "~/components/charts/partner-styles";
import { HomeworkChangeLink, RoutineChangeLinks } from "~/components/change-links";
import { LocalDay } from "~/components/local-time";
import { RangePicker } from "~/components/therapist/range-picker";
import { AdherenceWeekTable } from "~/components/therapist/adherence-table";
import { planWeek } from "~/domain/adherence";
import { CSI4_CUTOFF } from "~/domain/csi4";
import { formatLocalDate } from "~/domain/date-format";
import { pointsFromRows, RANGES } from "~/domain/chart-series";
import type { CouplePageData } from "./couple-page.server";

type D = CouplePageData;

/** A chart's table view: closed by default, one click (or Enter) away. */
export function TableToggle({ id, label = "View as table", children }: { id: string; label?: string; children: ReactNode }) {
  return (
    <details id={id} className="table-toggle">
      <summary>{label}</summary>
      <div className="table-wrap">{children}</div>
    </details>
  );
}

/** What a chart shows, in one sentence, read before the chart. */
function Summary({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p className="chart-summary" id={id} data-testid={id}>
      {children}
    </p>
  );
}

type ActionData = { invite: string } | { resetSent: true } | { error: string } | undefined;

export function CoupleHeader({ d, actionData }: { d: D; actionData: ActionData }) {
  const { A, B } = d.names;
  return (
    <section className="card">
      <div className="spread">
        <h1>
          {A} &amp; {B}
        </h1>
        <div className="row no-print">
          <Link className="btn" to={`/couples/${d.couple.id}/assign`}>
            Assign a routine
          </Link>
          <Link className="btn secondary" to={`/couples/${d.couple.id}/homework/new`}>
            Assign homework
          </Link>
          <Link to={`/couples/${d.couple.id}/print`}>Progress summary</Link>
          {/* a download, not a page: a plain GET form; private notes only when asked for (audited) */}
          <form method="get" action={`/couples/${d.couple.id}/export.csv`} className="row export-form">
            <button type="submit" className="link-button">
              Export CSV
            </button>
            <label className="small">
              <input type="checkbox" name="includePrivate" value="1" /> with partners' private notes
            </label>
          </form>
          <Link to={`/couples/${d.couple.id}/details`}>Country and languages</Link>
          <Link to={`/couples/${d.couple.id}/access`}>End access</Link>
        </div>
      </div>
      <dl className="facts">
        <dt>Started</dt>
        <dd>
          <LocalDay date={d.couple.startDate} /> · {d.couple.week < 1 ? "not started yet" : d.couple.week <= d.plan.weeks ? `week ${d.couple.week} of ${d.plan.weeks}` : `week ${d.couple.week} (${d.plan.weeks}-week plan done)`}
        </dd>
        <dt>Time zone</dt>
        <dd>{d.couple.timeZone}</dd>
        <dt>Status</dt>
        <dd>
          {d.couple.status}
          {d.couple.paused ? (
            <>
              {" · shared work paused · "}
              <Link to={`/couples/${d.couple.id}/pause`}>{d.couple.pauseToldAt ? "what the partners see" : "partners not told yet"}</Link>
            </>
          ) : (
            ""
          )}
        </dd>
        <dt>Partners</dt>
        <dd>
          {d.couple.partners.map((p) => (
            <div key={p.id}>
              {p.name} ({p.email}){" "}
              {p.joined ? (
                <>
                  <span className="badge ok">joined</span>{" "}
                  <Form method="post" style={{ display: "inline" }}>
                    <input type="hidden" name="partnerId" value={p.id} />
                    <button className="link-button" name="intent" value="send-reset">
                      Send a password-reset email
                    </button>
                  </Form>
                </>
              ) : (
                <Form method="post" style={{ display: "inline" }}>
                  <input type="hidden" name="partnerId" value={p.id} />
                  <button className="link-button" name="intent" value="reinvite">
                    new invitation link
                  </button>
                </Form>
              )}
            </div>
          ))}
        </dd>
      </dl>
      {actionData && "invite" in actionData ? (
        <p className="notice ok" role="status">
          New one-time invitation link (the old one no longer works): <input type="text" readOnly value={actionData.invite} aria-label="New invitation link" />
        </p>
      ) : null}
      {actionData && "resetSent" in actionData ? (
        <p className="notice ok" role="status">
          A password-reset email is on its way to the partner's own address. Its link works once, for one hour; nobody else sees it.
        </p>
      ) : null}
      {actionData && "error" in actionData ? (
        <p className="notice error" role="alert">
          {actionData.error}
        </p>
      ) : null}
    </section>
  );
}

export function WeeklyReview({ d }: { d: D }) {
  const { A, B } = d.names;
  const r = d.review;
  const moods = r.moods.filter((m) => m.now !== null || m.before !== null);
  const nothingYet = !moods.length && r.adherenceNow === null && r.adherenceBefore === null && !r.missed && !r.homeworkSubmitted && !r.sharedNotes && !r.newFlags;
  return (
    <section className="card" aria-labelledby="review-h">
      <h2 id="review-h">Weekly review — the last 7 days</h2>
      {nothingYet ? (
        <p className="muted" data-testid="review-empty">
          Nothing to review yet: no check-ins, routine reports or homework in the last two weeks.
        </p>
      ) : (
        <ul>
          {moods.length ? (
            moods.map((m) => (
              <li key={m.partnerId}>
                {m.partnerId === d.couple.partners[0].id ? A : B}: mood {m.now ?? "no check-ins"} (the week before: {m.before ?? "no check-ins"})
                {m.now !== null && m.before !== null ? ` — ${m.now - m.before >= 0 ? "+" : ""}${(m.now - m.before).toFixed(1)}` : ""}
              </li>
            ))
          ) : (
            <li>No check-ins yet</li>
          )}
          <li>
            {r.adherenceNow === null && r.adherenceBefore === null
              ? "No routine was due in the last two weeks"
              : `Adherence ${r.adherenceNow === null ? "— (nothing due)" : `${r.adherenceNow}%`} (the week before: ${r.adherenceBefore === null ? "nothing due" : `${r.adherenceBefore}%`})`}
          </li>
          <li>
            {r.missed} missed occurrence{r.missed === 1 ? "" : "s"}
          </li>
          <li>
            {r.homeworkSubmitted} homework submission{r.homeworkSubmitted === 1 ? "" : "s"}
          </li>
          <li>
            {r.sharedNotes} shared note{r.sharedNotes === 1 ? "" : "s"} or appreciation{r.sharedNotes === 1 ? "" : "s"}
          </li>
          <li>
            {r.newFlags} new safety flag{r.newFlags === 1 ? "" : "s"}
          </li>
        </ul>
      )}
    </section>
  );
}

function MarkerList({ d }: { d: D }) {
  const { flags, pauses } = d.markers;
  if (!flags.length && !pauses.length) return null;
  return (
    <p className="small muted">
      On the time axis:{" "}
      {[
        ...flags.map((f) => `${f.severity} safety flag raised ${formatLocalDate(f.date)}`),
        ...pauses.map((p) => `shared work paused ${formatLocalDate(p.from)}${p.ongoing ? " and still paused" : ` – ${formatLocalDate(p.to)}`}`),
      ].join("; ")}
      .
    </p>
  );
}

export function MoodAndCloseness({ d }: { d: D }) {
  const { A, B } = d.names;
  const empty = d.mood.length === 0;
  // the panels read the table's rows: each check-in is sent to the page once
  const points = pointsFromRows(d.mood);
  return (
    <section className="card" aria-labelledby="mood-h">
      <div className="spread">
        <h2 id="mood-h">Mood and closeness</h2>
        <RangePicker label="Range" value={d.range} />
      </div>
      {empty ? (
        <p className="empty-state" data-testid="mood-empty">
          {d.period.fromStart ? "No check-ins yet." : `No check-ins in the last ${RANGES[d.range].label}.`} Mood and closeness appear here once either partner checks in.
        </p>
      ) : (
        <>
          <p className="small muted">
            From <LocalDay date={d.period.from} /> to <LocalDay date={d.period.to} />. Lines are each partner's 7-day average; faint points are the day's own answer.
          </p>
          <PartnerLegend names={d.names} />
          <MarkerList d={d} />
          <div className="grid two chart-panels">
            <figure className="chart-panel" aria-labelledby="mood-panel-h mood-summary">
              <h3 id="mood-panel-h">Mood</h3>
              <Summary id="mood-summary">{d.summaries.mood}</Summary>
              <LazyMoodPanel measure="Mood" names={d.names} points={points.mood} period={d.period} markers={d.markers} />
            </figure>
            <figure className="chart-panel" aria-labelledby="closeness-panel-h closeness-summary">
              <h3 id="closeness-panel-h">Closeness</h3>
              <Summary id="closeness-summary">{d.summaries.closeness}</Summary>
              <LazyMoodPanel measure="Closeness" names={d.names} points={points.closeness} period={d.period} markers={d.markers} />
            </figure>
          </div>
          <TableToggle id="mood-table" label="View mood and closeness as a table">
            <table>
              <caption className="visually-hidden">Mood and closeness per day, with each partner's 7-day average</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">{A} mood</th>
                  <th scope="col">{A} mood, 7-day avg</th>
                  <th scope="col">{B} mood</th>
                  <th scope="col">{B} mood, 7-day avg</th>
                  <th scope="col">{A} closeness</th>
                  <th scope="col">{A} closeness, 7-day avg</th>
                  <th scope="col">{B} closeness</th>
                  <th scope="col">{B} closeness, 7-day avg</th>
                </tr>
              </thead>
              <tbody>
                {d.mood.map((r) => (
                  <tr key={String(r.date)}>
                    <td>
                      <LocalDay date={String(r.date)} />
                    </td>
                    <td>{r.moodA ?? "—"}</td>
                    <td>{r.moodAvgA ?? "—"}</td>
                    <td>{r.moodB ?? "—"}</td>
                    <td>{r.moodAvgB ?? "—"}</td>
                    <td>{r.closenessA ?? "—"}</td>
                    <td>{r.closenessAvgA ?? "—"}</td>
                    <td>{r.closenessB ?? "—"}</td>
                    <td>{r.closenessAvgB ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableToggle>
        </>
      )}
    </section>
  );
}

export function Adherence({ d }: { d: D }) {
  const { overall, perAssignment } = d.adherence;
  return (
    <section className="card" aria-labelledby="adh-h">
      <h2 id="adh-h">Adherence per week ({d.plan.weeks}-week plan)</h2>
      {!overall.length ? (
        <p className="empty-state" data-testid="adherence-empty">
          No routine is due yet. Bars per plan week appear here once a routine or agreement with a schedule is assigned and its first day has come.
        </p>
      ) : (
        <>
          <p className="small muted">
            Weeks of the couple's plan, from <LocalDay date={d.couple.startDate} />; a routine counts from the week it started in. Each bar is the week's expected occurrences so far.
          </p>
          <AdherenceLegend target={d.plan.target} />
          <figure className="chart-panel" aria-labelledby="adh-overall-h adherence-summary">
            <h3 id="adh-overall-h">All routines</h3>
            <Summary id="adherence-summary">{d.summaries.adherence}</Summary>
            <AdherenceBars id="adh-all" weeks={overall} planWeeks={d.plan.weeks} currentWeek={d.couple.week} target={d.plan.target} />
          </figure>
          {perAssignment.length > 1 || (perAssignment.length === 1 && perAssignment[0]!.weeks.length) ? (
            <div className="small-multiples">
              {perAssignment.map((a) => (
                <figure key={a.id} className="chart-panel small-chart" aria-labelledby={`adh-${a.id}-h adh-${a.id}-summary`}>
                  <h3 id={`adh-${a.id}-h`} className="small-title">
                    {a.title}
                    {a.status !== "active" ? <span className="badge">{a.status}</span> : null}
                  </h3>
                  <Summary id={`adh-${a.id}-summary`}>{d.summaries.perRoutine[a.id]}</Summary>
                  <AdherenceBars id={`adh-${a.id}`} weeks={a.weeks} planWeeks={d.plan.weeks} currentWeek={d.couple.week} target={d.plan.target} compact />
                </figure>
              ))}
            </div>
          ) : null}
          <TableToggle id="adherence-table" label="View adherence as tables">
            <AdherenceWeekTable weeks={overall} caption="All routines" testIdPrefix="adherence-week" />
            {perAssignment.map((a) => (
              <AdherenceWeekTable key={a.id} weeks={a.weeks} caption={a.title} />
            ))}
          </TableToggle>
        </>
      )}
    </section>
  );
}

export function PerceptionGaps({ d }: { d: D }) {
  return (
    <section className="card" aria-labelledby="gaps-h">
      <h2 id="gaps-h">Perception gaps ({d.gapTotal})</h2>
      {!d.gapStrips.length ? (
        <p className="empty-state">No routines yet, so nothing to compare.</p>
      ) : (
        <>
          <p className="small muted">Occurrences where the two partners reported differently: one mark per occurrence, on the plan's time line.</p>
          <figure className="chart-panel" aria-labelledby="gaps-h gaps-summary">
            <Summary id="gaps-summary">{d.summaries.gaps}</Summary>
            <GapStrips strips={d.gapStrips} from={d.couple.startDate < d.today ? d.couple.startDate : d.today} to={d.today} />
          </figure>
          {d.gaps.length ? (
            <TableToggle id="gaps-table" label="View perception gaps as a table">
              <table>
                <caption className="visually-hidden">Occurrences reported differently, newest first{d.gapTotal > d.gaps.length ? ` (the latest ${d.gaps.length} of ${d.gapTotal})` : ""}</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Plan week</th>
                    <th scope="col">Routine</th>
                    <th scope="col">Reports</th>
                  </tr>
                </thead>
                <tbody>
                  {d.gaps.map((g) => (
                    <tr key={g.assignmentId + g.d}>
                      <td>
                        <LocalDay date={g.d} />
                      </td>
                      <td>Week {planWeek(d.couple.startDate, g.d)}</td>
                      <td>{g.title}</td>
                      <td>{g.reports}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableToggle>
          ) : null}
        </>
      )}
    </section>
  );
}

export function Csi4({ d }: { d: D }) {
  const { A, B } = d.names;
  return (
    <section className="card" aria-labelledby="csi-h">
      <h2 id="csi-h">Couples Satisfaction Index (CSI-4)</h2>
      {d.csi.length ? (
        <>
          <figure className="chart-panel" aria-labelledby="csi-h csi-summary">
            <Summary id="csi-summary">{d.summaries.csi}</Summary>
            <LazyLineChart
              label="CSI-4 scores over time"
              data={d.csi.map((r) => ({ ...r, date: formatLocalDate(String(r.date)) }))}
              yDomain={[0, 21]}
              reference={{ y: CSI4_CUTOFF, label: `distress cut-off ${CSI4_CUTOFF}` }}
              series={[
                { key: "A", label: A, color: PARTNER_STYLE.A.color, dot: true },
                { key: "B", label: B, color: PARTNER_STYLE.B.color, dash: PARTNER_STYLE.B.dash, dot: true },
              ]}
            />
          </figure>
          <TableToggle id="csi-table" label="View CSI-4 as a table">
            <table>
              <caption className="visually-hidden">CSI-4 score per partner and week</caption>
              <thead>
                <tr>
                  <th scope="col">Week due</th>
                  <th scope="col">{A}</th>
                  <th scope="col">{B}</th>
                </tr>
              </thead>
              <tbody>
                {d.csi.map((r) => (
                  <tr key={String(r.date)}>
                    <td>
                      <LocalDay date={String(r.date)} />
                    </td>
                    <td>{r.A ?? "—"}</td>
                    <td>{r.B ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableToggle>
        </>
      ) : (
        <p className="muted">Not assigned yet — assign “Couples Satisfaction Index (CSI-4)” from the homework library to track it weekly.</p>
      )}
    </section>
  );
}

export function Routines({ d }: { d: D }) {
  const { A, B } = d.names;
  return (
    <section className="card" aria-labelledby="asg-h">
      <h2 id="asg-h">Routines and agreements</h2>
      {!d.assignments.length ? <p className="muted">None assigned yet.</p> : null}
      <ul className="stack">
        {d.assignments.map((a) => (
          <li key={a.id}>
            <strong>{a.title}</strong> <span className="badge">{a.status}</span>
            <div className="small">
              {a.target} · {a.cadence.replace(/_/g, " ")} · {a.responsible === "BOTH" ? "both" : a.responsible === "A" ? A : B}
            </div>
            {a.status !== "completed" ? (
              <Form method="post" className="row">
                <input type="hidden" name="assignmentId" value={a.id} />
                {a.status === "active" ? (
                  <button className="link-button" name="intent" value="pause">
                    Pause
                  </button>
                ) : (
                  <button className="link-button" name="intent" value="resume">
                    Resume
                  </button>
                )}
                <RoutineChangeLinks coupleId={d.couple.id} assignmentId={a.id} title={a.title} status={a.status} />
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Homework({ d }: { d: D }) {
  return (
    <section className="card" aria-labelledby="hw-h">
      <h2 id="hw-h">Homework</h2>
      {!d.homework.length ? <p className="muted">None assigned yet.</p> : null}
      <ul>
        {d.homework.map((h) => (
          <li key={h.id}>
            <Link to={`/couples/${d.couple.id}/homework/${h.id}`}>{h.title}</Link> — due <LocalDay date={h.dueDate} /> · {h.submitted}/{h.expected} submitted
            {h.toReview ? <span className="badge warn">{h.toReview} to review</span> : null}
            {h.overdue ? <span className="badge danger">overdue</span> : null}
            {h.submitted === 0 ? (
              <>
                {" "}
                <HomeworkChangeLink coupleId={d.couple.id} homeworkId={h.id} title={h.title} />
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
