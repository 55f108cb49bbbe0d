import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { LazyLineChart } from "~/components/charts/lazy";
import { SafetyBanner } from "~/components/safety";
import { AdherenceWeekTable } from "~/components/therapist/adherence-table";
import { CSI4_CUTOFF } from "~/domain/csi4";
import { PLAN_WEEKS, planWeek } from "~/domain/adherence";
import { localDateOf } from "~/domain/dates";
import { changeAssignment } from "~/models/assignment.server";
import { audit } from "~/utils/audit.server";
import { coupleOverview, reissueInvite } from "~/models/couple.server";
import { hasJoined } from "~/models/invite.server";
import { sendPartnerPasswordReset } from "~/models/password-reset.server";
import { adherenceByWeek, csiSeries, moodSeries, perceptionGaps, weeklyReview, type Range } from "~/models/couple-stats.server";
import { openFlagsForCouple } from "~/models/flag.server";
import { homeworkList } from "~/models/homework.server";
import { auditDenied, requireCouple, requireUserWithPermission } from "~/utils/authz.server";
import { parseForm, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { screenStatusFor } from "~/models/screen.server";
import { ScreenControls } from "~/components/therapist/screen-controls";

export const meta: MetaFunction = () => [{ title: "Couple · Mend" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:couple:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const range = (["4w", "8w", "all"].find((r) => r === new URL(request.url).searchParams.get("range")) ?? "8w") as Range;
  const today = localDateOf(new Date(), couple.timeZone);
  const [info, series, adherence, gaps, csi, review, flags, homework, screen] = await Promise.all([
    coupleOverview(couple.id),
    moodSeries(couple.id, today, range),
    adherenceByWeek(couple.id, couple.timeZone, today),
    perceptionGaps(couple.id),
    csiSeries(couple.id),
    weeklyReview(couple.id, couple.timeZone, today),
    openFlagsForCouple(couple.id),
    homeworkList(couple.id),
    // the private screen's schedule (never its answers, which are on the partner's flags only)
    screenStatusFor(user, couple.id),
  ]);
  await audit({ actor: user, action: "read", entity: "couple", entityId: couple.id, coupleId: couple.id, request });
  const [A, B] = info.partners;
  const rows = new Map<string, Record<string, string | number | null>>();
  for (const s of series) {
    const key = s.partnerId === A.id ? "A" : "B";
    const row = rows.get(s.d) ?? { date: s.d };
    Object.assign(row, { [`mood${key}`]: s.mood, [`moodAvg${key}`]: s.moodAvg, [`closeness${key}`]: s.closeness, [`closenessAvg${key}`]: s.closenessAvg });
    rows.set(s.d, row);
  }
  const csiRows = new Map<string, Record<string, string | number | null>>();
  for (const s of csi) {
    const row = csiRows.get(s.d) ?? { date: s.d };
    row[s.partnerId === A.id ? "A" : "B"] = s.score;
    csiRows.set(s.d, row);
  }
  const gapWeeks = new Map<number, number>();
  for (const g of gaps) {
    const wk = planWeek(info.startDate, g.d);
    gapWeeks.set(wk, (gapWeeks.get(wk) ?? 0) + 1);
  }
  return {
    couple: {
      id: couple.id,
      status: couple.status,
      timeZone: couple.timeZone,
      startDate: info.startDate,
      week: planWeek(info.startDate, today),
      pausedForSafety: info.paused && info.pauseReason === "safety",
      pauseToldAt: info.pauseToldAt,
      paused: info.paused,
      partners: info.partners,
    },
    screen,
    names: { A: A.name, B: B.name },
    range,
    mood: [...rows.values()],
    adherence,
    gaps: gaps.slice(0, 30),
    gapWeeks: [...gapWeeks.entries()].sort((a, b) => a[0] - b[0]),
    gapTotal: gaps.length,
    csi: [...csiRows.values()],
    review,
    flags: flags.map((f) => ({ id: f.id, severity: f.severity, status: f.status, dueBy: f.dueBy.toISOString(), partnerName: f.partner.name })),
    assignments: info.assignments,
    homework: homework.map((h) => ({
      id: h.id,
      title: h.title,
      dueDate: h.dueDate,
      assignee: h.assignee,
      visibility: h.visibility,
      submitted: h.submissions.filter((s) => s.status === "submitted").length,
      toReview: h.submissions.filter((s) => s.status === "submitted" && !s.reviewed).length,
      expected: h.assignee === "BOTH" ? 2 : 1,
      overdue: h.dueDate < today && !h.complete,
    })),
  };
}

const RESET_REFUSED = {
  not_joined: "This partner has not joined yet, so there is no password to reset: send them a new invitation link instead.",
  email_off: "This partner has turned off email from Mend, so no reset email was sent. They can turn email back on in their Settings.",
  disabled: "This partner's account is turned off, so no reset email was sent.",
} as const;

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["pause", "resume", "end"]), assignmentId: z.string().min(1).max(40) }),
  z.object({ intent: z.literal("reinvite"), partnerId: z.string().min(1).max(40) }),
  z.object({ intent: z.literal("send-reset"), partnerId: z.string().min(1).max(40) }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:assignment:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const submission = parseForm(await readForm(request), ActionSchema);
  if (submission.status !== "success") return data({ error: "That request was not understood." }, { status: 400 });
  const v = submission.value;
  if (v.intent === "reinvite") {
    // A joined partner is never re-invited: whoever accepted the new link would set their
    // password and be signed in as them. Their way back in is a reset email to their own inbox.
    if ((v.partnerId === couple.partnerAId || v.partnerId === couple.partnerBId) && (await hasJoined(v.partnerId))) {
      return data({ error: "This partner has already joined, so they need no invitation. If they cannot sign in, use “Send a password-reset email”: the link goes to their own inbox." }, { status: 400 });
    }
    const token = await reissueInvite(user, couple.id, v.partnerId, request);
    if (!token) {
      await auditDenied(request, user, "invite", v.partnerId, couple.id);
      notFound();
    }
    return { invite: `${new URL(request.url).origin}/join/${token}` };
  }
  if (v.intent === "send-reset") {
    const sent = await sendPartnerPasswordReset(user, couple, v.partnerId, request);
    if (sent === "not_found") {
      await auditDenied(request, user, "partner", v.partnerId, couple.id);
      notFound();
    }
    if (sent !== "sent") return data({ error: RESET_REFUSED[sent] }, { status: 400 });
    return { resetSent: true as const };
  }
  const r = await changeAssignment(user, couple.id, v.assignmentId, v.intent, request);
  if (r === "not_found") {
    await auditDenied(request, user, "assignment", v.assignmentId, couple.id);
    notFound();
  }
  if (r === "invalid") return data({ error: "That change isn't possible for this assignment's current state." }, { status: 400 });
  return redirect(`/couples/${couple.id}`);
}

const LINE = { A: { color: "#1b5e8c", dash: undefined }, B: { color: "#b54708", dash: "6 4" } };

function TableToggle({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <details id={id}>
      <summary>View as table</summary>
      <div className="table-wrap">{children}</div>
    </details>
  );
}

export default function CouplePage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { A, B } = d.names;
  return (
    <div className="stack">
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
            <a href={`/couples/${d.couple.id}/export.csv`}>Export CSV</a>
            <Link to={`/couples/${d.couple.id}/details`}>Country and languages</Link>
            <Link to={`/couples/${d.couple.id}/access`}>End access</Link>
          </div>
        </div>
        <dl className="facts">
          <dt>Started</dt>
          <dd>
            {d.couple.startDate} · {d.couple.week <= 8 ? `week ${d.couple.week} of 8` : `week ${d.couple.week} (8-week plan done)`}
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
                {p.name} ({p.email}) {p.joined ? (
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
      <SafetyBanner coupleId={d.couple.id} flags={d.flags} pausedForSafety={d.couple.pausedForSafety} pauseToldAt={d.couple.pauseToldAt} canResume />
      {d.screen ? <ScreenControls coupleId={d.couple.id} status={d.screen} /> : null}
      <section className="card" aria-labelledby="review-h">
        <h2 id="review-h">Weekly review — the last 7 days</h2>
        <ul>
          {d.review.moods.map((m) => (
            <li key={m.partnerId}>
              {m.partnerId === d.couple.partners[0]!.id ? A : B}: mood {m.now ?? "—"} (before {m.before ?? "—"})
              {m.now !== null && m.before !== null ? ` — ${m.now - m.before >= 0 ? "+" : ""}${(m.now - m.before).toFixed(1)}` : ""}
            </li>
          ))}
          <li>
            Adherence {d.review.adherenceNow ?? "—"}% (before {d.review.adherenceBefore ?? "—"}%)
          </li>
          <li>{d.review.missed} missed occurrences</li>
          <li>{d.review.homeworkSubmitted} homework submissions</li>
          <li>{d.review.sharedNotes} shared notes or appreciations</li>
          <li>{d.review.newFlags} new safety flags</li>
        </ul>
      </section>
      <section className="card" aria-labelledby="mood-h">
        <div className="spread">
          <h2 id="mood-h">Mood and closeness</h2>
          <Form method="get" className="row">
            <label>
              Range{" "}
              <select name="range" defaultValue={d.range}>
                <option value="4w">4 weeks</option>
                <option value="8w">8 weeks</option>
                <option value="all">All</option>
              </select>
            </label>
            <button type="submit" className="secondary">
              Show
            </button>
          </Form>
        </div>
        <p className="small muted">
          Solid line: {A}; dashed line: {B}. Lines show the 7-day moving average; the table has every daily value.
        </p>
        <LazyLineChart
          label="Mood over time"
          data={d.mood}
          yDomain={[1, 10]}
          series={[
            { key: "moodAvgA", label: `${A} mood (7-day avg)`, color: LINE.A.color },
            { key: "moodAvgB", label: `${B} mood (7-day avg)`, color: LINE.B.color, dash: LINE.B.dash },
            { key: "closenessAvgA", label: `${A} closeness (7-day avg)`, color: "#5b8c1b", dash: "2 3" },
            { key: "closenessAvgB", label: `${B} closeness (7-day avg)`, color: "#7a3e9d", dash: "10 3 2 3" },
          ]}
        />
        <TableToggle id="mood-table">
          <table>
            <thead>
              <tr>
                <th>Date</th>
                <th>{A} mood</th>
                <th>{A} 7-day avg</th>
                <th>{B} mood</th>
                <th>{B} 7-day avg</th>
                <th>{A} closeness</th>
                <th>{B} closeness</th>
              </tr>
            </thead>
            <tbody>
              {d.mood.map((r) => (
                <tr key={String(r.date)}>
                  <td>{r.date}</td>
                  <td>{r.moodA ?? "—"}</td>
                  <td>{r.moodAvgA ?? "—"}</td>
                  <td>{r.moodB ?? "—"}</td>
                  <td>{r.moodAvgB ?? "—"}</td>
                  <td>{r.closenessA ?? "—"}</td>
                  <td>{r.closenessB ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableToggle>
      </section>
      <section className="card" aria-labelledby="adh-h">
        <h2 id="adh-h">Adherence per week ({PLAN_WEEKS}-week plan)</h2>
        <p className="small muted">Weeks of the couple's plan, from {d.couple.startDate}; a routine counts from the week it started in.</p>
        <LazyLineChart
          label="Overall adherence per plan week"
          data={d.adherence.overall.map((w) => ({ date: `Week ${w.week}`, percent: w.percent }))}
          yDomain={[0, 100]}
          reference={{ y: 80, label: "80% goal" }}
          series={[{ key: "percent", label: "Overall adherence %", color: "#2f6f73", dot: true }]}
        />
        <TableToggle id="adherence-table">
          <AdherenceWeekTable weeks={d.adherence.overall} caption="All routines" testIdPrefix="adherence-week" />
          {d.adherence.perAssignment.map((a) => (
            <AdherenceWeekTable key={a.id} weeks={a.weeks} caption={a.title} />
          ))}
        </TableToggle>
      </section>
      <section className="card" aria-labelledby="gaps-h">
        <h2 id="gaps-h">Perception gaps ({d.gapTotal})</h2>
        <p className="small muted">Occurrences where the two partners reported differently.</p>
        <p>
          Per week:{" "}
          {d.gapWeeks.length ? d.gapWeeks.map(([w, n]) => `week ${w}: ${n}`).join(" · ") : "none"}
        </p>
        <ul>
          {d.gaps.map((g) => (
            <li key={g.assignmentId + g.d}>
              {g.d} — {g.title}: {g.reports}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="csi-h">
        <h2 id="csi-h">Couples Satisfaction Index (CSI-4)</h2>
        {d.csi.length ? (
          <>
            <LazyLineChart
              label="CSI-4 scores over time"
              data={d.csi}
              yDomain={[0, 21]}
              reference={{ y: CSI4_CUTOFF, label: `distress cut-off ${CSI4_CUTOFF}` }}
              series={[
                { key: "A", label: A, color: LINE.A.color, dot: true },
                { key: "B", label: B, color: LINE.B.color, dash: LINE.B.dash, dot: true },
              ]}
            />
            <TableToggle id="csi-table">
              <table>
                <thead>
                  <tr>
                    <th>Week due</th>
                    <th>{A}</th>
                    <th>{B}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.csi.map((r) => (
                    <tr key={String(r.date)}>
                      <td>{r.date}</td>
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
      <div className="grid two">
        <section className="card" aria-labelledby="asg-h">
          <h2 id="asg-h">Routines and agreements</h2>
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
                    <button className="link-button" name="intent" value="end">
                      End
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="hw-h">
          <h2 id="hw-h">Homework</h2>
          <ul>
            {d.homework.map((h) => (
              <li key={h.id}>
                <Link to={`/couples/${d.couple.id}/homework/${h.id}`}>{h.title}</Link> — due {h.dueDate} · {h.submitted}/{h.expected} submitted
                {h.toReview ? <span className="badge warn">{h.toReview} to review</span> : null}
                {h.overdue ? <span className="badge danger">overdue</span> : null}
              </li>
            ))}
          </ul>
        </section>
      </div>

    </div>
  );
}
