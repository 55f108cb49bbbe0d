/**
 * Safety flag workflow: SLA due-by, allowed status transitions, resolution rules and the
 * supervisor's queue order. Pure: no I/O, no clock (callers pass `now`).
 */
import { SEVERITIES, severityRank, type Severity } from "./safety/severity";
import { charCount, NOTE_MAX } from "./text-limits";

export const FLAG_STATUSES = ["open", "acknowledged", "escalated", "resolved"] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];
export const STATUS_LABELS: Record<FlagStatus, string> = {
  open: "Open",
  acknowledged: "Acknowledged",
  escalated: "Escalated",
  resolved: "Resolved",
};

/** How a flag was resolved (the database enum ResolutionOutcome follows this list). */
export const RESOLUTION_OUTCOMES = ["safety_plan", "individual_sessions", "emergency_services", "not_confirmed", "other"] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];
export const OUTCOME_LABELS: Record<ResolutionOutcome, string> = {
  safety_plan: "Safety plan made",
  individual_sessions: "Referred to individual sessions",
  emergency_services: "Referred to emergency services",
  not_confirmed: "Concern not confirmed",
  other: "Other",
};

export function isResolutionOutcome(value: unknown): value is ResolutionOutcome {
  return typeof value === "string" && (RESOLUTION_OUTCOMES as readonly string[]).includes(value);
}

/* ─── SLA ───────────────────────────────────────────────────────────────────────────────── */

export interface SlaHours {
  imminent: number;
  high: number;
  medium: number;
  low: number;
}
export const DEFAULT_SLA_HOURS: SlaHours = { imminent: 1, high: 24, medium: 72, low: 168 };

const HOUR_MS = 3_600_000;

/**
 * The practice's hours for a severity. A missing, zero, negative or non-numeric setting falls
 * back to the default rather than producing an invalid date, which would make the save that
 * raised the flag fail — and lose the answer along with the flag.
 */
export function slaHoursFor(severity: Severity, sla: SlaHours): number {
  const hours = sla?.[severity];
  return typeof hours === "number" && Number.isFinite(hours) && hours > 0 ? hours : DEFAULT_SLA_HOURS[severity];
}

export function dueBy(openedAt: Date, severity: Severity, sla: SlaHours): Date {
  return new Date(openedAt.getTime() + slaHoursFor(severity, sla) * HOUR_MS);
}

/**
 * When an unresolved flag's severity is raised at `now`, its due-by becomes
 * min(existing due-by, now + SLA of the new severity): raising can only bring the deadline closer,
 * never push it back.
 */
export function recomputeDueBy(existingDueBy: Date, now: Date, newSeverity: Severity, sla: SlaHours): Date {
  const candidate = dueBy(now, newSeverity, sla);
  const existing = existingDueBy.getTime();
  return Number.isNaN(existing) || candidate.getTime() < existing ? candidate : existingDueBy;
}

/** Milliseconds past due-by, or null when not (yet) overdue. Exactly at due-by is not overdue. */
export function overdueBy(due: Date, now: Date): number | null {
  const ms = now.getTime() - due.getTime();
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

/**
 * "1 min overdue" (anything under a minute shows as 1 min — it is overdue), "45 min overdue",
 * "2 h overdue", "2 h 5 min overdue" (under 48 h), "3 days overdue" (whole days, from 48 h).
 */
export function formatOverdue(ms: number): string {
  const minutes = Math.max(1, Math.floor((Number.isFinite(ms) ? ms : 0) / 60_000));
  if (minutes < 60) return `${minutes} min overdue`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min overdue` : `${hours} h overdue`;
  return `${Math.floor(hours / 24)} days overdue`;
}

/* ─── Transitions ───────────────────────────────────────────────────────────────────────── */

export type FlagAction = "acknowledge" | "escalate" | "resolve" | "note" | "assign" | "raise_severity";
export const FLAG_ACTIONS: readonly FlagAction[] = ["acknowledge", "escalate", "resolve", "note", "assign", "raise_severity"];

export const RESOLVED_ERROR = "This flag is resolved; raise a new flag instead.";

/**
 *   acknowledge     open → acknowledged
 *   escalate        open | acknowledged → escalated
 *   resolve         open | acknowledged | escalated → resolved
 *   note, assign, raise_severity   keep the status (any unresolved flag)
 *
 * On a resolved flag only `note` is allowed: the timeline is append-only history, and a
 * follow-up ("called her a week later, still safe") belongs next to what it follows up.
 * Everything else on a resolved flag is refused — a new concern gets a new flag, so it gets a
 * fresh due-by and shows up in the queue again. Unknown statuses/actions are refused, never thrown.
 */
export function nextStatus(current: FlagStatus, action: FlagAction): { ok: true; status: FlagStatus } | { ok: false; error: string } {
  if (!FLAG_STATUSES.includes(current)) return { ok: false, error: "This flag's status is not recognised." };
  if (!FLAG_ACTIONS.includes(action)) return { ok: false, error: "That action is not available for a flag." };
  if (current === "resolved") return action === "note" ? { ok: true, status: "resolved" } : { ok: false, error: RESOLVED_ERROR };
  switch (action) {
    case "note":
    case "assign":
    case "raise_severity":
      return { ok: true, status: current };
    case "acknowledge":
      return current === "open" ? { ok: true, status: "acknowledged" } : { ok: false, error: `This flag is already ${current}.` };
    case "escalate":
      return current === "escalated" ? { ok: false, error: "This flag is already escalated." } : { ok: true, status: "escalated" };
    case "resolve":
      return { ok: true, status: "resolved" };
  }
}

/* ─── Resolution ────────────────────────────────────────────────────────────────────────── */

export const RESOLUTION_NOTE_MAX = NOTE_MAX;

/**
 * Field errors for resolving a flag, or null when it may be resolved. Outcome: one of the
 * outcomes. Note: required, 1–4,000 characters after trimming (counted as characters the
 * person typed, so an emoji counts once).
 */
export function validateResolution(input: { outcome?: unknown; note?: unknown } | null | undefined): Record<string, string> | null {
  const errors: Record<string, string> = {};
  if (!isResolutionOutcome(input?.outcome)) errors.outcome = "Choose an outcome.";
  const note = typeof input?.note === "string" ? input.note.trim() : "";
  if (!note) errors.note = "Write a note about how this was resolved.";
  else if (charCount(note) > RESOLUTION_NOTE_MAX) errors.note = "Keep the note to 4,000 characters or fewer.";
  return Object.keys(errors).length ? errors : null;
}

/* ─── Queue order ───────────────────────────────────────────────────────────────────────── */

export interface QueueItem {
  severity: Severity;
  dueBy: Date;
  /** when the flag was opened; `createdAt` (the database column) is accepted too */
  openedAt?: Date;
  createdAt?: Date;
  id?: string;
}

function openedTime(x: QueueItem): number {
  const t = (x.openedAt ?? x.createdAt)?.getTime();
  return t === undefined || Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

function dueTime(x: QueueItem): number {
  const t = x.dueBy.getTime();
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t; // an unreadable deadline goes to the top
}

function rank(s: Severity): number {
  const r = severityRank(s);
  return r < 0 ? SEVERITIES.length : r; // an unknown severity is treated as the most urgent
}

/**
 * Comparator for the supervisor's queue: severity (imminent first), then the nearest due-by,
 * then the oldest; `id` breaks remaining ties so the order is stable across requests.
 */
export function queueOrder(a: QueueItem, b: QueueItem): number {
  return (
    rank(b.severity) - rank(a.severity) ||
    Math.sign(dueTime(a) - dueTime(b)) ||
    Math.sign(openedTime(a) - openedTime(b)) ||
    (a.id !== undefined && b.id !== undefined ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : 0)
  );
}
