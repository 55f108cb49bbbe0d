/** The flag page's sections. Clinicians only: nothing here is ever rendered for a partner. */
import { Form, useNavigation } from "@remix-run/react";
import { FormError, SelectField, TextareaField } from "~/components/forms";
import { IdempotencyField } from "~/components/idempotency";
import { LocalDay, LocalTime } from "~/components/local-time";
import { EvidenceList, HighlightedText } from "~/components/safety";
import { OUTCOME_LABELS, STATUS_LABELS } from "~/domain/flag-workflow";
import type { FlagPageData, VersionView } from "./flag-page.server";

type Flag = FlagPageData["flag"];
type FormState = { errors: Record<string, string[] | undefined>; values: Record<string, string | undefined> };

const ALERT_STATUS: Record<string, string> = { pending: "queued", sending: "sending", sent: "sent", failed: "failed" };

export function FlagFacts({ flag, alerts }: { flag: Flag; alerts: FlagPageData["alerts"] }) {
  return (
    <dl className="facts">
      <dt>Couple</dt>
      <dd>
        {flag.couple.partnerA.name} &amp; {flag.couple.partnerB.name} (therapist {flag.couple.therapist.name})
      </dd>
      <dt>Status</dt>
      <dd>{STATUS_LABELS[flag.status]}</dd>
      <dt>Due by</dt>
      <dd>
        <LocalTime iso={flag.dueBy} /> {flag.overdue ? <strong className="overdue">— {flag.overdue}</strong> : null}
      </dd>
      <dt>Assigned to</dt>
      <dd>{flag.assignee?.name ?? "Nobody yet"}</dd>
      {alerts.length ? (
        <>
          <dt>Alerted</dt>
          <dd>
            <ul className="plain">
              {alerts.map((a) => (
                <li key={a.id}>
                  {a.to} ({a.channel}) — {ALERT_STATUS[a.status] ?? a.status}
                  {a.status === "pending" && a.attempts > 0 ? `, retrying after ${a.attempts} attempt${a.attempts === 1 ? "" : "s"}` : ""} · <LocalTime iso={a.at} />
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {flag.outcome ? (
        <>
          <dt>Outcome</dt>
          <dd>{OUTCOME_LABELS[flag.outcome]}</dd>
        </>
      ) : null}
      <dt>Shared work</dt>
      <dd>
        {flag.couple.workPausedAt
          ? `Paused (${flag.couple.workPauseReason === "safety" ? "safety" : "by the therapist"})${flag.couple.pauseToldAt ? " — the couple has been told" : " — the partners have not been told"}`
          : "Active"}
      </dd>
    </dl>
  );
}

function Version({ v }: { v: VersionView }) {
  return (
    <>
      {v.text ? <HighlightedText segments={v.text} /> : null}
      {v.facts.length ? (
        <dl className="facts">
          {v.facts.map(([k, value]) => (
            <div key={k} style={{ display: "contents" }}>
              <dt>{k}</dt>
              <dd>{k === "Feels safe" && value !== "Yes" ? <strong>{value}</strong> : value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </>
  );
}

/**
 * What raised the flag as the partner first saved it (the snapshot), why, and every later edit:
 * an edit that clears the words does not clear them here.
 */
export function WhatRaisedIt({ flag, source }: { flag: Flag; source: FlagPageData["source"] }) {
  if (source) {
    return (
      <>
        <h2>What raised it</h2>
        <p className="small muted">
          From the partner's {source.context}, as saved at <LocalTime iso={source.original.at} />.
        </p>
        <Version v={source.original} />
        {source.findings.length ? (
          <>
            <h3>Why</h3>
            <EvidenceList items={source.findings} />
          </>
        ) : null}
        {source.later.length ? (
          <section aria-labelledby="changed-h">
            <h3 id="changed-h">Changed since ({source.later.length})</h3>
            <p className="small">The partner edited this after it raised the flag. The original above is kept; the flag stays as it is.</p>
            <ol className="timeline">
              {source.later.map((v) => (
                <li key={v.at}>
                  <LocalTime iso={v.at} />
                  <Version v={v} />
                  {!v.text ? <p className="small muted">(no text)</p> : null}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </>
    );
  }
  if (!flag.trigger) return null;
  return (
    <>
      <h2>What triggered it</h2>
      <HighlightedText segments={flag.trigger} />
      {flag.findings.length ? (
        <>
          <h3>Why</h3>
          <EvidenceList items={flag.findings} />
        </>
      ) : null}
    </>
  );
}

const EVENT_LABEL: Record<string, string> = {
  raised: "Raised",
  signal: "New signal",
  severity_raised: "Severity raised",
  acknowledged: "Acknowledged",
  note: "Note",
  escalated: "Escalated",
  assigned: "Assigned",
  resolved: "Resolved",
  work_paused: "Shared work paused",
  work_resumed: "Shared work resumed",
  disclosure_changed: "Changed by the partner",
  notified: "Alert sent",
  notify_failed: "Alert failed",
  alert_escalated: "Alert escalated",
  couple_told: "Couple told about the pause",
};

export function Timeline({ events }: { events: Flag["events"] }) {
  return (
    <>
      <h2 id="timeline-h">Timeline</h2>
      <ol className="timeline" aria-labelledby="timeline-h">
        {events.map((e) => (
          <li key={e.id}>
            <strong>{EVENT_LABEL[e.type] ?? e.type}</strong> · <LocalTime iso={e.createdAt} /> · {e.author?.name ?? "Mend (automatic)"}
            {e.note ? <div>{e.note}</div> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

export function FlagActions({ flag, role, viewerId, supervisors, idem, form }: { flag: Flag; role: string; viewerId: string; supervisors: { id: string; name: string }[]; idem: string; form: FormState }) {
  const { errors, values } = form;
  const busy = useNavigation().state !== "idle";
  const open = flag.status !== "resolved";
  return (
    <>
      <h2>Act on this flag</h2>
      <FormError errors={errors[""]} />
      {open ? (
        <>
          <div className="row">
            {flag.status === "open" ? (
              <Form method="post">
                <IdempotencyField value={idem} />
                <button type="submit" name="intent" value="acknowledge" className="secondary" disabled={busy}>
                  Acknowledge
                </button>
              </Form>
            ) : null}
            {role === "supervisor" && flag.assignee?.id !== viewerId ? (
              <Form method="post">
                <IdempotencyField value={idem} />
                <button type="submit" name="intent" value="assign_self" className="secondary" disabled={busy}>
                  Assign to me
                </button>
              </Form>
            ) : null}
          </div>
          {flag.status !== "escalated" ? (
            <Form method="post" noValidate>
              <IdempotencyField value={idem} />
              <input type="hidden" name="intent" value="escalate" />
              <SelectField label="Escalate to supervisor" name="assigneeId" defaultValue={values.assigneeId ?? ""} errors={errors.assigneeId}>
                <option value="">Choose…</option>
                {supervisors.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </SelectField>
              <TextareaField label="Note for the supervisor (optional)" name="note" defaultValue={values.intent === "escalate" ? values.note : undefined} errors={values.intent === "escalate" ? errors.note : undefined} />
              <button type="submit" className="secondary" disabled={busy}>
                Escalate
              </button>
            </Form>
          ) : null}
        </>
      ) : (
        <p>This flag is resolved. Notes can still be added; a new concern needs a new flag.</p>
      )}
      <Form method="post" noValidate>
        <IdempotencyField value={idem} />
        <input type="hidden" name="intent" value="note" />
        <TextareaField label="Add a note" name="note" defaultValue={values.intent === "note" ? values.note : undefined} errors={values.intent === "note" ? errors.note : undefined} />
        <button type="submit" className="secondary" disabled={busy}>
          Add note
        </button>
      </Form>
      {open ? (
        <Form method="post" noValidate>
          <IdempotencyField value={idem} />
          <input type="hidden" name="intent" value="resolve" />
          <SelectField label="Outcome" name="outcome" defaultValue={values.outcome ?? ""} errors={errors.outcome}>
            <option value="">Choose…</option>
            {Object.entries(OUTCOME_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </SelectField>
          <TextareaField label="Resolution note" name="note" defaultValue={values.intent === "resolve" ? values.note : undefined} errors={values.intent === "resolve" ? errors.note : undefined} />
          <button type="submit" className="primary" disabled={busy}>
            Resolve
          </button>
        </Form>
      ) : null}
    </>
  );
}

export function RecentCheckIns({ partnerName, rows }: { partnerName: string; rows: FlagPageData["recentCheckIns"] }) {
  return (
    <>
      <h2>Recent check-ins of {partnerName}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Date</th>
              <th>Mood</th>
              <th>Closeness</th>
              <th>Feels safe</th>
              <th>Note</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.localDate}>
                <td className="date">
                  <LocalDay date={c.localDate} />
                </td>
                <td>{c.mood}</td>
                <td>{c.closeness}</td>
                <td>{c.feelSafe === "not_sure" ? "Not sure" : c.feelSafe === "no" ? <strong>No</strong> : "Yes"}</td>
                <td>
                  {c.note ? <HighlightedText segments={c.note} /> : "—"}
                  {c.earlier.length ? (
                    <details>
                      <summary>Edited — {c.earlier.length} earlier version{c.earlier.length === 1 ? "" : "s"}</summary>
                      {c.earlier.map((v) => (
                        <div key={v.at}>
                          <LocalTime iso={v.at} />
                          <Version v={v} />
                        </div>
                      ))}
                    </details>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
