import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AdherenceBars, AdherenceLegend } from "~/components/charts/adherence-bars";
import { PartnerLegend } from "~/components/charts/partner-styles";
import { StaticTrend } from "~/components/charts/static-trend";
import { LocalDay, LocalTime } from "~/components/local-time";
import { RangePicker } from "~/components/therapist/range-picker";
import { AdherenceWeekTable } from "~/components/therapist/adherence-table";
import { planWeek, PLAN_WEEKS } from "~/domain/adherence";
import { adherenceSummary, ADHERENCE_TARGET, csiSummary, trendSummary } from "~/domain/chart-summary";
import { chartPeriod, markersIn, parseRange, partnerPoints } from "~/domain/chart-series";
import { CSI4_CUTOFF } from "~/domain/csi4";
import { STATUS_LABELS } from "~/domain/flag-workflow";
import { printSummary } from "~/models/export.server";
import { audit } from "~/utils/audit.server";
import { requireCouple, requireUserWithPermission } from "~/utils/authz.server";

export const meta: MetaFunction = () => [{ title: "Progress summary · Mend" }];

const mean = (xs: number[]) => (xs.length ? Math.round((10 * xs.reduce((a, b) => a + b, 0)) / xs.length) / 10 : null);

// A printable summary to bring to a session: who, the period, the charts (as static SVG and
// tables), CSI-4, homework and flags. Never a partner's private words.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:couple:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const range = parseRange(new URL(request.url).searchParams.get("range"));
  const s = await printSummary(couple, range);
  await audit({ actor: user, action: "read", entity: "couple-summary", entityId: couple.id, coupleId: couple.id, request });
  const { header: h, today } = s;
  const period = chartPeriod(range, h.startDate, today, s.series[0]?.d);
  const inPeriod = s.series.filter((x) => x.d >= period.from);
  const points = partnerPoints(inPeriod, h.aId);
  const names = { A: h.aName, B: h.bName };
  const week = planWeek(h.startDate, today);
  // mood and closeness per plan week: the mean of each partner's check-ins in it
  const weeks = [...new Set(inPeriod.map((x) => planWeek(h.startDate, x.d)))].sort((a, b) => a - b);
  const weekly = weeks.map((w) => {
    const of = (id: string) => inPeriod.filter((x) => x.partnerId === id && planWeek(h.startDate, x.d) === w);
    return { week: w, moodA: mean(of(h.aId).map((x) => x.mood)), moodB: mean(of(h.bId).map((x) => x.mood)), closenessA: mean(of(h.aId).map((x) => x.closeness)), closenessB: mean(of(h.bId).map((x) => x.closeness)) };
  });
  const avg = (p: { date: string; avg: number }[]) => p.map((x) => ({ date: x.date, value: x.avg }));
  return {
    today,
    coupleId: couple.id,
    range,
    header: { practice: h.practice, clinician: h.clinician, clinicianEmail: h.clinicianEmail, startDate: h.startDate },
    names,
    week,
    period,
    points: { mood: { A: points.mood.A, B: points.mood.B }, closeness: { A: points.closeness.A, B: points.closeness.B } },
    markers: markersIn(s.timeline, period),
    weekly,
    adherence: s.adherence,
    review: s.review,
    reviewNames: Object.fromEntries([[h.aId, h.aName], [h.bId, h.bName]]),
    csi: s.csi.map((c) => ({ date: c.d, name: c.partnerId === h.aId ? h.aName : h.bName, score: c.score })),
    homework: s.homework,
    flags: s.flags,
    summaries: {
      mood: trendSummary("Mood", [{ name: h.aName, points: avg(points.mood.A) }, { name: h.bName, points: avg(points.mood.B) }]),
      closeness: trendSummary("Closeness", [{ name: h.aName, points: avg(points.closeness.A) }, { name: h.bName, points: avg(points.closeness.B) }]),
      adherence: adherenceSummary("All routines", s.adherence.overall, week, ADHERENCE_TARGET),
      perRoutine: Object.fromEntries(s.adherence.perAssignment.map((a) => [a.id, adherenceSummary(a.title, a.weeks, week, ADHERENCE_TARGET)])),
      csi: csiSummary(
        [h.aId, h.bId].map((id) => ({ name: id === h.aId ? h.aName : h.bName, scores: s.csi.filter((c) => c.partnerId === id).map((c) => ({ date: c.d, score: c.score })) })),
        CSI4_CUTOFF,
      ),
    },
  };
}

function PrintButton() {
  return (
    <button type="button" className="primary no-print print-button" onClick={() => window.print()}>
      Print
    </button>
  );
}

export default function PrintSummary() {
  const d = useLoaderData<typeof loader>();
  const { A, B } = d.names;
  const hasCheckIns = d.points.mood.A.length + d.points.mood.B.length > 0;
  return (
    <article className="card print-summary">
      <div className="spread no-print">
        <p>
          <Link to={`/couples/${d.coupleId}`}>← Back to the couple</Link>
        </p>
        <div className="row">
          <RangePicker label="Period" value={d.range} />
          <PrintButton />
        </div>
      </div>
      <h1>
        Progress summary: {A} &amp; {B}
      </h1>
      <dl className="facts">
        <dt>Practice</dt>
        <dd>{d.header.practice}</dd>
        <dt>Clinician</dt>
        <dd>
          {d.header.clinician} ({d.header.clinicianEmail})
        </dd>
        <dt>Plan</dt>
        <dd>
          started <LocalDay date={d.header.startDate} /> · {d.week <= PLAN_WEEKS ? `week ${d.week} of ${PLAN_WEEKS}` : `week ${d.week} (${PLAN_WEEKS}-week plan done)`}
        </dd>
        <dt>Period</dt>
        <dd>
          <LocalDay date={d.period.from} /> – <LocalDay date={d.period.to} />
        </dd>
        <dt>Prepared</dt>
        <dd>
          <LocalDay date={d.today} />
        </dd>
      </dl>

      <h2>Last 7 days</h2>
      <ul>
        {d.review.moods.map((m) => (
          <li key={m.partnerId}>
            {d.reviewNames[m.partnerId]}: average mood {m.now ?? "no check-ins"} (previous week {m.before ?? "no check-ins"})
          </li>
        ))}
        <li>
          {d.review.adherenceNow === null && d.review.adherenceBefore === null
            ? "No routine was due"
            : `Adherence ${d.review.adherenceNow ?? "—"}% (previous week ${d.review.adherenceBefore ?? "—"}%), ${d.review.missed} missed`}
        </li>
        <li>
          {d.review.homeworkSubmitted} homework submissions · {d.review.sharedNotes} shared notes/appreciations · {d.review.newFlags} new flags
        </li>
      </ul>

      <h2>Mood and closeness</h2>
      {hasCheckIns ? (
        <>
          <PartnerLegend names={d.names} />
          <p>{d.summaries.mood}</p>
          <StaticTrend measure="Mood" points={d.points.mood} period={d.period} markers={d.markers} />
          <p>{d.summaries.closeness}</p>
          <StaticTrend measure="Closeness" points={d.points.closeness} period={d.period} markers={d.markers} />
          <table>
            <caption>Average per plan week</caption>
            <thead>
              <tr>
                <th scope="col">Week</th>
                <th scope="col">{A} mood</th>
                <th scope="col">{B} mood</th>
                <th scope="col">{A} closeness</th>
                <th scope="col">{B} closeness</th>
              </tr>
            </thead>
            <tbody>
              {d.weekly.map((w) => (
                <tr key={w.week}>
                  <td>Week {w.week}</td>
                  <td>{w.moodA ?? "—"}</td>
                  <td>{w.moodB ?? "—"}</td>
                  <td>{w.closenessA ?? "—"}</td>
                  <td>{w.closenessB ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="muted">No check-ins in this period.</p>
      )}

      <h2>Adherence by plan week</h2>
      {d.adherence.overall.length ? (
        <>
          <p>{d.summaries.adherence}</p>
          <AdherenceLegend target={ADHERENCE_TARGET} />
          <AdherenceBars id="print-adh" weeks={d.adherence.overall} planWeeks={PLAN_WEEKS} currentWeek={d.week} target={ADHERENCE_TARGET} />
          <AdherenceWeekTable weeks={d.adherence.overall} caption="All routines" />
          {d.adherence.perAssignment.map((a) => (
            <div key={a.id} className="avoid-break">
              <p>{d.summaries.perRoutine[a.id]}</p>
              <AdherenceWeekTable weeks={a.weeks} caption={a.title} />
            </div>
          ))}
        </>
      ) : (
        <p className="muted">No routine was due yet.</p>
      )}

      <h2>Couples Satisfaction Index (CSI-4)</h2>
      <p>{d.summaries.csi}</p>
      {d.csi.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Week due</th>
              <th scope="col">Partner</th>
              <th scope="col">Score (0–21)</th>
            </tr>
          </thead>
          <tbody>
            {d.csi.map((c) => (
              <tr key={c.date + c.name}>
                <td>
                  <LocalDay date={c.date} />
                </td>
                <td>{c.name}</td>
                <td>{c.score}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h2>Homework</h2>
      {d.homework.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Homework</th>
              <th scope="col">Partner</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
              <th scope="col">Submitted</th>
              <th scope="col">Reviewed</th>
            </tr>
          </thead>
          <tbody>
            {d.homework.map((h) => (
              <tr key={h.title + h.due + h.name}>
                <td>{h.title}</td>
                <td>{h.name}</td>
                <td>
                  <LocalDay date={h.due} />
                </td>
                <td>
                  {h.status}
                  {h.homeworkStatus !== "active" ? ` (${h.homeworkStatus})` : ""}
                  {h.score !== null ? ` · score ${h.score}` : ""}
                </td>
                <td>{h.submittedAt ? <LocalTime iso={h.submittedAt} /> : "—"}</td>
                <td>{h.reviewedAt ? <LocalTime iso={h.reviewedAt} /> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">None assigned.</p>
      )}

      <h2>Safety flags</h2>
      {d.flags.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Raised</th>
              <th scope="col">About</th>
              <th scope="col">Severity</th>
              <th scope="col">Source</th>
              <th scope="col">Status</th>
              <th scope="col">Resolved</th>
            </tr>
          </thead>
          <tbody>
            {d.flags.map((f) => (
              <tr key={f.id}>
                <td>
                  <LocalTime iso={f.raisedAt} />
                </td>
                <td>{f.name}</td>
                <td>{f.severity}</td>
                <td>{f.source.replace(/_/g, " ")}</td>
                <td>{STATUS_LABELS[f.status as keyof typeof STATUS_LABELS] ?? f.status}</td>
                <td>{f.resolvedAt ? <LocalTime iso={f.resolvedAt} /> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No safety flags.</p>
      )}
    </article>
  );
}
