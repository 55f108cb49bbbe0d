/**
 * Delivers a safety alert to the practice's paging or chat tool: JSON over HTTPS, signed so the
 * receiver can tell it came from Mend (docs/alerts.md): header `X-Mend-Signature` is
 * `sha256=` + HMAC-SHA256(secret, `${timestamp}.${body}`) in hex, with `X-Mend-Timestamp` in
 * Unix seconds so a receiver can refuse replays.
 */
import { createHmac } from "node:crypto";

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export async function deliverWebhook(url: string, body: string, secret: string | null, now = new Date()): Promise<void> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const headers: Record<string, string> = { "Content-Type": "application/json", "User-Agent": "Mend-Alerts/1", "X-Mend-Timestamp": String(timestamp) };
  if (secret) headers["X-Mend-Signature"] = signWebhook(secret, timestamp, body);
  const response = await fetch(url, { method: "POST", headers, body, redirect: "error", signal: AbortSignal.timeout(5_000) });
  // drain, so the connection is released
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}
