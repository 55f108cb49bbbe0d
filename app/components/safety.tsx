import { Form, Link } from "@remix-run/react";
import { AlertTriangle } from "lucide-react";
import { LocalTime } from "~/components/local-time";
import { pausesConjointWork, type Severity } from "~/domain/safety";

export const SEVERITY_LABEL: Record<Severity, string> = { low: "Low", medium: "Medium", high: "High", imminent: "Imminent" };
type Sev = Severity;

/** A severity as a badge: red where it pauses the couple's work (high, imminent), amber below. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={pausesConjointWork(severity) ? "badge danger" : "badge warn"}>{SEVERITY_LABEL[severity]}</span>;
}

/** A red badge with the number of open flags (and the highest severity). */
export function FlagBadge({ count, severity }: { count: number; severity?: Sev | null }) {
  if (!count) return null;
  return (
    <span className="badge danger" title={`${count} open safety flag${count === 1 ? "" : "s"}`}>
      <AlertTriangle size={12} aria-hidden="true" /> {count} flag{count === 1 ? "" : "s"}
      {severity ? ` · ${SEVERITY_LABEL[severity]}` : ""}
    </span>
  );
}

/**
 * The couple page's safety banner: open flags linking to their pages, a "raise a flag" link,
 * and, while conjoint work is paused for safety, the therapist's resume form (a note is required).
 */
export function SafetyBanner({
  coupleId,
  flags,
  pausedForSafety,
  pauseToldAt = null,
  canResume,
}: {
  coupleId: string;
  flags: { id: string; severity: Sev; status: string; dueBy: string; partnerName: string }[];
  pausedForSafety: boolean;
  pauseToldAt?: string | null;
  canResume: boolean;
}) {
  return (
    <section className={flags.length ? "notice error" : "notice"} aria-labelledby="safety-heading">
      <div className="spread">
        <h2 id="safety-heading" style={{ margin: 0 }}>
          {flags.length ? `${flags.length} open safety flag${flags.length === 1 ? "" : "s"}` : "No open safety flags"}
        </h2>
        <Link to={`/flags/new?coupleId=${coupleId}`}>Raise a flag</Link>
      </div>
      {flags.length ? (
        <ul>
          {flags.map((f) => (
            <li key={f.id}>
              <Link to={`/flags/${f.id}`}>
                {SEVERITY_LABEL[f.severity]} — about {f.partnerName} ({f.status}), due <LocalTime iso={f.dueBy} />
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {pausedForSafety ? (
        <div>
          <p>
            <strong>Conjoint routines and homework are paused</strong> because of a safety flag.{" "}
            {pauseToldAt ? "The couple has been told." : "The partners have not been told: nothing they see has changed."}{" "}
            <Link to={`/couples/${coupleId}/pause`}>{pauseToldAt ? "What they see" : "Preview and tell the couple"}</Link>
          </p>
          {canResume ? (
            <Form method="post" action={`/couples/${coupleId}/resume`} className="stack">
              <label htmlFor="resume-note">Resume shared work — note (required)</label>
              <textarea id="resume-note" name="note" required />
              <p className="small muted">Resuming while a high or imminent flag is still open is allowed, but should be a deliberate clinical decision.</p>
              <button type="submit" className="secondary">
                Resume shared work
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** The text that raised a flag (or would), with the words that raised it marked. Clinicians only. */
export function HighlightedText({ segments }: { segments: { text: string; match: boolean }[] }) {
  return <blockquote className="trigger">{segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</blockquote>;
}

/** Why a text raised what it did: each concept found, its severity, reason and words. Clinicians only. */
export function EvidenceList({ items }: { items: { concept: string; severity: Sev; reason: string; words: string[] }[] }) {
  if (!items.length) return null;
  return (
    <ul className="evidence">
      {items.map((e, i) => (
        <li key={i}>
          <SeverityBadge severity={e.severity} /> {e.reason}{" "}
          <span className="muted">
            — {e.concept}: “{e.words.join("”, “")}”
          </span>
        </li>
      ))}
    </ul>
  );
}
