/**
 * Who is alerted about a high or imminent flag, and when the alert escalates. Pure rules; the
 * outbox worker (app/models/alerts.server.ts) applies them each minute.
 *
 * Round 1, at once: the couple's therapist and whoever is first on call now (the fallback when
 * nobody is). Round 2, when nobody acknowledged within the window: the next person on call (the
 * fallback when there is none). Round 3, after another window: every supervisor. Then nothing
 * more is sent; the queue shows the flag as overdue.
 */
import type { Severity } from "./safety";

export const ALERT_ROUNDS = 3;

/** Only high and imminent flags alert anyone at once; lower ones wait in the queue. */
export const ALERT_SEVERITIES: readonly Severity[] = ["high", "imminent"];

export function alertsFor(severity: Severity): boolean {
  return ALERT_SEVERITIES.includes(severity);
}

export interface AckWindows {
  ackImminentMinutes: number;
  ackHighMinutes: number;
}

/** How long a flag may stay unacknowledged before its alert goes further. */
export function ackWindowMinutes(severity: Severity, windows: AckWindows): number {
  return severity === "imminent" ? windows.ackImminentMinutes : windows.ackHighMinutes;
}

export interface RoundInput {
  therapistId: string;
  /** user ids on call now, in rota order */
  onCall: readonly string[];
  fallbackId: string | null;
  supervisorIds: readonly string[];
}

/** The users alerted in a round (1-based), without duplicates. */
export function roundRecipients(round: number, input: RoundInput): string[] {
  let ids: (string | null | undefined)[];
  if (round === 1) ids = [input.therapistId, input.onCall[0] ?? input.fallbackId];
  else if (round === 2) ids = [input.onCall[1] ?? input.fallbackId];
  else if (round === 3) ids = [...input.supervisorIds];
  else ids = [];
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}

/** When the round after `round` is due, or null when this was the last one. */
export function nextRoundAt(round: number, severity: Severity, windows: AckWindows, now: Date): Date | null {
  if (round >= ALERT_ROUNDS) return null;
  return new Date(now.getTime() + ackWindowMinutes(severity, windows) * 60_000);
}

/** What the practice's paging tool receives: no names, no words of the partner (docs/alerts.md). */
export interface WebhookPayload {
  type: "mend.alert";
  version: 1;
  alertId: string;
  flagId: string;
  severity: "high" | "imminent";
  round: number;
  dueBy: string;
  url: string;
  sentAt: string;
}

export function webhookPayload(input: { flagId: string; severity: Severity; round: number; dueBy: Date; url: string; at: Date }): WebhookPayload {
  return {
    type: "mend.alert",
    version: 1,
    alertId: `${input.flagId}:${input.round}`,
    flagId: input.flagId,
    severity: input.severity === "imminent" ? "imminent" : "high",
    round: input.round,
    dueBy: input.dueBy.toISOString(),
    url: input.url,
    sentAt: input.at.toISOString(),
  };
}
