/**
 * The outbox worker: queue what is due (reminders, digests), then claim and send pending messages
 * over SMTP (nodemailer). Runs in-process on the embedded database and as `npm run worker`
 * (any number of instances) on PostgreSQL.
 */
import { hostname } from "node:os";
import nodemailer, { type Transporter } from "nodemailer";
import { queueDueAlerts, recordAlertOutcome } from "~/models/alerts.server";
import { claim, markFailed, markSent, recoverStale } from "~/models/outbox.server";
import { enqueueDigests, enqueueDueReminders } from "~/models/reminders.server";
import { deliverWebhook } from "~/utils/webhook.server";
import { onWorkerWakeUp } from "~/utils/wake-up.server";

export function smtpTransport(url = process.env.SMTP_URL): Transporter | null {
  if (!url) return null;
  const u = new URL(url);
  return nodemailer.createTransport({
    host: u.hostname,
    port: Number(u.port || (u.protocol === "smtps:" ? 465 : 25)),
    secure: u.protocol === "smtps:",
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    ignoreTLS: u.searchParams.get("tls") === "off",
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  });
}

export interface WorkerRun {
  workerId: string;
  transport: Pick<Transporter, "sendMail"> | null;
  now?: Date;
  baseUrl?: string;
  from?: string;
}

export async function runWorkerOnce({ workerId, transport, now = new Date(), baseUrl = process.env.APP_URL ?? "http://localhost:3000", from = process.env.MAIL_FROM ?? "Mend <no-reply@mend.local>" }: WorkerRun) {
  await recoverStale();
  // Safety alerts first: they are the messages that cannot wait.
  const queued = (await queueDueAlerts(now, baseUrl)) + (await enqueueDueReminders(now, baseUrl)) + (await enqueueDigests(now, baseUrl));
  let sent = 0;
  let failed = 0;
  // Without an SMTP server email stays queued (nothing is lost; it goes out once one is
  // configured); webhooks need no SMTP server, so they are claimed either way.
  for (const m of await claim(workerId, 20, transport ? "all" : "webhook")) {
    try {
      if (m.channel === "webhook") await deliverWebhook(m.toAddress, m.body, m.webhookSecret, now);
      else await transport!.sendMail({ from, to: m.toAddress, subject: m.subject, text: m.body });
      await markSent(m.id, workerId);
      await recordAlertOutcome(m, { ok: true });
      sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const { gaveUp } = await markFailed(m.id, workerId, m.attempts, message);
      await recordAlertOutcome(m, { ok: false, error: message, willRetry: !gaveUp });
      failed++;
    }
  }
  return { queued, sent, failed };
}

export function startWorkerLoop(options: { intervalMs?: number; workerId?: string } = {}) {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}`;
  const transport = smtpTransport();
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = runWorkerOnce({ workerId, transport }).catch((error) => console.warn("outbox worker:", error instanceof Error ? error.message : error));
  };
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  // A high or imminent flag wakes this process's worker at once instead of at the next minute.
  const unsubscribe = onWorkerWakeUp(() => {
    void running.then(tick);
  });
  tick();
  return {
    async stop() {
      stopped = true;
      unsubscribe();
      clearInterval(timer);
      await running;
    },
  };
}

/** The embedded set-up has one process, so the worker runs inside it. */
export function startInProcessWorker() {
  if (process.env.DATABASE_URL || process.env.MEND_WORKER === "0") return null;
  return startWorkerLoop();
}
