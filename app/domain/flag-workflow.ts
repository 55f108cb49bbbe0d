/** Safety flag workflow: SLA due-by, allowed transitions, resolution rules, queue order. */
import { severityRank, type FlagStatus, type Severity } from "./flag-rules";

export type { FlagStatus };
export type ResolutionOutcome = "safety_plan" | "individual_sessions" | "emergency_services" | "not_confirmed" | "other";
export const OUTCOME_LABELS: Record<ResolutionOutcome, string> = {
  safety_plan: "Safety plan made",
  individual_sessions: "Referred to individual sessions",
  emergency_services: "Referred to emergency services",
  not_confirmed: "Concern not confirmed",
  other: "Other",
};
export const STATUS_LABELS: Record<FlagStatus, string> = { open: "Open", acknowledged: "Acknowledged", escalated: "Escalated", resolved: "Resolved" };

export interface SlaHours {
  imminent: number;
  high: number;
  medium: number;
  low: number;
}
export const DEFAULT_SLA_HOURS: SlaHours = { imminent: 1, high: 24, medium: 72, low: 168 };

export function dueBy(openedAt: Date, severity: Severity, sla: SlaHours): Date {
  return new Date(openedAt.getTime() + sla[severity] * 3_600_000);
}

/** A raised severity can only bring the deadline closer. */
export function recomputeDueBy(existing: Date, now: Date, severity: Severity, sla: SlaHours): Date {
  const candidate = dueBy(now, severity, sla);
  return candidate < existing ? candidate : existing;
}

export function overdueBy(due: Date, now: Date): number | null {
  const ms = now.getTime() - due.getTime();
  return ms > 0 ? ms : null;
}

export function formatOverdue(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${Math.max(1, minutes)} min overdue`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min overdue`;
  return `${Math.floor(hours / 24)} days overdue`;
}

export type FlagAction = "acknowledge" | "escalate" | "resolve" | "note" | "assign" | "raise_severity";

/**
 * open → acknowledged; open|acknowledged → escalated; any unresolved → resolved.
 * Notes stay allowed on resolved flags (history is append-only; a follow-up belongs there);
 * everything else on a resolved flag is refused — a new concern gets a new flag.
 */
export function nextStatus(current: FlagStatus, action: FlagAction): { ok: true; status: FlagStatus } | { ok: false; error: string } {
  if (current === "resolved" && action !== "note") return { ok: false, error: "This flag is resolved; raise a new flag instead." };
  switch (action) {
    case "note":
    case "assign":
    case "raise_severity":
      return { ok: true, status: current };
    case "acknowledge":
      return current === "open" ? { ok: true, status: "acknowledged" } : { ok: false, error: `This flag is already ${current}.` };
    case "escalate":
      return current === "open" || current === "acknowledged" ? { ok: true, status: "escalated" } : { ok: false, error: "This flag is already escalated." };
    case "resolve":
      return { ok: true, status: "resolved" };
  }
}

export function validateResolution(input: { outcome?: unknown; note?: unknown }): Record<string, string> | null {
  const errors: Record<string, string> = {};
  if (typeof input.outcome !== "string" || !(input.outcome in OUTCOME_LABELS)) errors.outcome = "Choose an outcome.";
  const note = typeof input.note === "string" ? input.note.trim() : "";
  if (!note) errors.note = "Write a note about how this was resolved.";
  else if (note.length > 4000) errors.note = "Keep the note under 4,000 characters.";
  return Object.keys(errors).length ? errors : null;
}

export function queueOrder(a: { severity: Severity; dueBy: Date; createdAt: Date }, b: { severity: Severity; dueBy: Date; createdAt: Date }) {
  return severityRank(b.severity) - severityRank(a.severity) || a.dueBy.getTime() - b.dueBy.getTime() || a.createdAt.getTime() - b.createdAt.getTime();
}
