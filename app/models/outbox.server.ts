/**
 * The outbox: every message Mend sends is a row first. Workers claim rows with
 * FOR UPDATE SKIP LOCKED, so several can run at once without sending anything twice.
 * A worker that dies after claiming leaves the row 'sending'; after the lease it is retried
 * (at most one duplicate, only if the SMTP server had already accepted it — docs/decisions/003).
 */
import { prisma, sql } from "~/utils/db.server";

export const LEASE_MINUTES = 5;
export const MAX_ATTEMPTS = 8;

export function backoffSeconds(attempts: number) {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

export interface Claimed {
  id: string;
  toAddress: string;
  subject: string;
  body: string;
  attempts: number;
  /** "email" or "webhook" */
  channel: string;
  /** set on safety alerts: their outcome goes on the flag's timeline */
  flagId: string | null;
  recipientName: string | null;
  /** the practice's current signing secret, for webhooks */
  webhookSecret: string | null;
}

export async function claim(workerId: string, limit = 20, channels: "all" | "webhook" = "all"): Promise<Claimed[]> {
  return sql<Claimed>(
    `WITH claimed AS (
       UPDATE "OutboxMessage" SET status = 'sending', "claimedAt" = now(), "claimedBy" = $1, attempts = attempts + 1
        WHERE id IN (SELECT id FROM "OutboxMessage" WHERE status = 'pending' AND "sendAfter" <= now() AND ($3 = 'all' OR channel = $3)
                      ORDER BY "sendAfter" LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING id, "toAddress", subject, body, attempts, channel, "flagId", "userId", "practiceId", "sendAfter")
     SELECT c.id, c."toAddress", c.subject, c.body, c.attempts, c.channel, c."flagId", u.name AS "recipientName",
            CASE WHEN c.channel = 'webhook' THEN p."alertWebhookSecret" END AS "webhookSecret"
       FROM claimed c JOIN "Practice" p ON p.id = c."practiceId" LEFT JOIN "User" u ON u.id = c."userId"
      ORDER BY c."sendAfter"`,
    [workerId, limit, channels],
  );
}

export async function markSent(id: string, workerId: string) {
  await sql(`UPDATE "OutboxMessage" SET status = 'sent', "sentAt" = now(), "lastError" = NULL WHERE id = $1 AND "claimedBy" = $2 AND status = 'sending'`, [id, workerId]);
}

/** Back to the queue with a back-off, or 'failed' after MAX_ATTEMPTS; says which. */
export async function markFailed(id: string, workerId: string, attempts: number, error: string): Promise<{ gaveUp: boolean }> {
  const giveUp = attempts >= MAX_ATTEMPTS;
  await sql(
    `UPDATE "OutboxMessage" SET status = $3::"OutboxStatus", "lastError" = $4, "sendAfter" = now() + make_interval(secs => $5)
      WHERE id = $1 AND "claimedBy" = $2 AND status = 'sending'`,
    [id, workerId, giveUp ? "failed" : "pending", error.slice(0, 500), backoffSeconds(attempts)],
  );
  return { gaveUp: giveUp };
}

/** Rows left 'sending' by a worker that died go back to the queue after the lease. */
export async function recoverStale() {
  await sql(`UPDATE "OutboxMessage" SET status = 'pending' WHERE status = 'sending' AND "claimedAt" < now() - make_interval(mins => $1)`, [LEASE_MINUTES]);
}

export async function enqueue(messages: { practiceId: string; userId: string | null; toAddress: string; subject: string; body: string; kind: string; dedupeKey: string; sendAfter?: Date }[]) {
  if (!messages.length) return 0;
  const r = await prisma.outboxMessage.createMany({ data: messages, skipDuplicates: true });
  return r.count;
}
