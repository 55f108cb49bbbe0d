/**
 * Alerts for high and imminent flags, run by the outbox worker each minute (and at once after a
 * flag is raised, on the embedded set-up). A flag that needs alerting has `escalateAt` due; the
 * worker that wins the row lock queues the round's emails and webhook, moves `alertLevel` on and
 * schedules the next round (app/domain/alerts.ts decides who and when). Acknowledging a flag
 * clears `escalateAt`, so nothing further is sent.
 */
import type { Prisma } from "@prisma/client";
import { ALERT_ROUNDS, ALERT_SEVERITIES, nextRoundAt, roundRecipients, webhookPayload } from "~/domain/alerts";
import { alertMessage } from "~/domain/message-text";
import { prisma } from "~/utils/db.server";
import { onCallNow } from "./on-call.server";

/** The neutral short link in alerts: /a/:id opens the flag for a signed-in clinician. */
export function alertLink(baseUrl: string, flagId: string) {
  return `${baseUrl.replace(/\/+$/, "")}/a/${flagId}`;
}

/** Queues every alert round that is due at `now`; returns how many messages were queued. */
export async function queueDueAlerts(now: Date, baseUrl: string): Promise<number> {
  // Rounds whose flag was acknowledged (or lowered) meanwhile are simply dropped.
  await prisma.safetyFlag.updateMany({ where: { escalateAt: { lte: now }, OR: [{ status: { not: "open" } }, { severity: { notIn: [...ALERT_SEVERITIES] } }] }, data: { escalateAt: null } });
  // Who is on call is read before the row-locking transactions (the embedded database has one
  // connection, so a read outside the transaction would wait for it).
  const practices = await prisma.safetyFlag.findMany({ where: { escalateAt: { lte: now }, status: "open" }, select: { practiceId: true }, distinct: ["practiceId"] });
  const rota = new Map<string, Awaited<ReturnType<typeof onCallNow>>>();
  for (const { practiceId } of practices) rota.set(practiceId, await onCallNow(practiceId, now));
  let queued = 0;
  for (;;) {
    const n = await queueOneRound(now, baseUrl, rota);
    if (n === null) return queued;
    queued += n;
  }
}

/** One due flag's next round, in its own transaction; null when none is due. */
async function queueOneRound(now: Date, baseUrl: string, rota: Map<string, Awaited<ReturnType<typeof onCallNow>>>): Promise<number | null> {
  if (!rota.size) return null;
  return prisma.$transaction(async (tx) => {
    const [due] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "SafetyFlag" WHERE "escalateAt" <= ${now} AND status = 'open' AND severity::text = ANY(${[...ALERT_SEVERITIES]}) AND "practiceId" = ANY(${[...rota.keys()]}) ORDER BY "escalateAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
    if (!due) return null;
    const flag = await tx.safetyFlag.findUniqueOrThrow({
      where: { id: due.id },
      select: {
        id: true,
        practiceId: true,
        severity: true,
        alertLevel: true,
        dueBy: true,
        couple: { select: { therapistId: true } },
        practice: { select: { ackImminentMinutes: true, ackHighMinutes: true, alertWebhookUrl: true } },
      },
    });
    const round = flag.alertLevel + 1;
    // raise() resets the level whenever it schedules a round, so this is only a guard
    if (round > ALERT_ROUNDS) {
      await tx.safetyFlag.update({ where: { id: flag.id }, data: { escalateAt: null } });
      return 0;
    }
    const { onCall, fallbackId } = rota.get(flag.practiceId) ?? { onCall: [], fallbackId: null };
    const supervisors = await tx.user.findMany({ where: { practiceId: flag.practiceId, role: "supervisor", disabledAt: null }, select: { id: true }, orderBy: { name: "asc" } });
    const ids = roundRecipients(round, { therapistId: flag.couple.therapistId, onCall, fallbackId, supervisorIds: supervisors.map((s) => s.id) });
    const people = await tx.user.findMany({ where: { id: { in: ids }, practiceId: flag.practiceId, disabledAt: null }, select: { id: true, email: true, name: true } });
    const url = alertLink(baseUrl, flag.id);
    const email = alertMessage(url, round);
    const messages: Prisma.OutboxMessageCreateManyInput[] = people.map((p) => ({
      practiceId: flag.practiceId,
      userId: p.id,
      toAddress: p.email,
      subject: email.subject,
      body: email.body,
      kind: "alert",
      channel: "email",
      flagId: flag.id,
      dedupeKey: `alert:${flag.id}:${flag.severity}:${round}:${p.id}`,
    }));
    if (flag.practice.alertWebhookUrl) {
      const payload = webhookPayload({ flagId: flag.id, severity: flag.severity, round, dueBy: flag.dueBy, url, at: now });
      messages.push({ practiceId: flag.practiceId, userId: null, toAddress: flag.practice.alertWebhookUrl, subject: "webhook", body: JSON.stringify(payload), kind: "alert", channel: "webhook", flagId: flag.id, dedupeKey: `alert:${flag.id}:${flag.severity}:${round}:webhook` });
    }
    const created = await tx.outboxMessage.createMany({ data: messages, skipDuplicates: true });
    await tx.safetyFlag.update({
      where: { id: flag.id },
      data: { alertLevel: round, escalateAt: nextRoundAt(round, flag.severity, flag.practice, now) },
    });
    if (round > 1) {
      const who = people.map((p) => p.name).join(", ") || "nobody (no one to alert: set up the on-call rota)";
      await tx.flagEvent.create({ data: { flagId: flag.id, type: "alert_escalated", note: `Not acknowledged in time: alert round ${round} to ${who}.` } });
    } else if (!people.length && !flag.practice.alertWebhookUrl) {
      await tx.flagEvent.create({ data: { flagId: flag.id, type: "notify_failed", note: "Nobody could be alerted: no therapist email and no on-call rota." } });
    }
    return created.count;
  });
}

/** Puts a sent or failed alert on its flag's timeline (clinicians only). */
export async function recordAlertOutcome(m: { flagId: string | null; channel: string; recipientName: string | null }, outcome: { ok: true } | { ok: false; error: string; willRetry: boolean }) {
  if (!m.flagId) return;
  const to = m.channel === "webhook" ? "the practice's paging webhook" : (m.recipientName ?? "a clinician");
  await prisma.flagEvent.create({
    data: outcome.ok
      ? { flagId: m.flagId, type: "notified", note: `Alert sent to ${to} (${m.channel}).` }
      : { flagId: m.flagId, type: "notify_failed", note: `Alert to ${to} (${m.channel}) failed: ${outcome.error.slice(0, 200)}${outcome.willRetry ? " — will retry" : " — gave up"}.` },
  });
}
