/**
 * The email path against a real SMTP server (smtp-server on a loopback port), not a mock.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { containsSensitive } from "~/domain/message-text";
import { claim, enqueue } from "~/models/outbox.server";
import { prisma } from "~/utils/db.server";
import { runWorkerOnce, smtpTransport } from "~/worker/worker.server";
import { createWorld } from "../support/fixtures";
import { startSmtpServer, type ReceivedMail } from "../support/smtp";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let received: ReceivedMail[] = [];

beforeAll(async () => {
  smtp = await startSmtpServer();
  received = smtp.received;
});
afterAll(() => smtp.close());

const transport = () => smtpTransport(smtp.url);
// 20:10 in New York (UTC-5 in November)
const EVENING = new Date("2026-11-24T01:10:00Z");

describe("reminders over SMTP", () => {
  it("a due reminder arrives once, neutral, in the couple's local time window", async () => {
    const w = await createWorld();
    await prisma.reminderPreference.create({ data: { userId: w.partnerA1.id, checkInTime: "20:00" } });
    const early = await runWorkerOnce({ workerId: "w1", transport: transport(), now: new Date("2026-11-24T00:10:00Z") }); // 19:10 local
    expect(early.queued).toBe(0);
    const r1 = await runWorkerOnce({ workerId: "w1", transport: transport(), now: EVENING });
    const r2 = await runWorkerOnce({ workerId: "w1", transport: transport(), now: new Date(EVENING.getTime() + 20 * 60_000) });
    expect(r1.sent).toBe(1);
    expect(r2.queued).toBe(0);
    const mine = received.filter((m) => m.to === w.partnerA1.email);
    expect(mine).toHaveLength(1);
    expect(containsSensitive(mine[0]!.subject + mine[0]!.body)).toEqual([]);
  });

  it("no email for a partner who turned email off; a paused couple gets only the check-in reminder", async () => {
    const w = await createWorld();
    await prisma.user.update({ where: { id: w.partnerA1.id }, data: { emailEnabled: false } });
    await prisma.reminderPreference.create({ data: { userId: w.partnerA1.id, checkInTime: "20:00" } });
    await prisma.reminderPreference.create({ data: { userId: w.partnerA2.id, checkInTime: "20:00", routinesTime: "20:05" } });
    await prisma.couple.update({ where: { id: w.coupleA.id }, data: { workPausedAt: new Date(), workPauseReason: "safety" } });
    await runWorkerOnce({ workerId: "w1", transport: transport(), now: EVENING });
    expect(await prisma.outboxMessage.count({ where: { userId: w.partnerA1.id } })).toBe(0);
    const kinds = (await prisma.outboxMessage.findMany({ where: { userId: w.partnerA2.id } })).map((m) => m.kind);
    expect(kinds).toEqual(["reminder:checkin"]);
  });

  it("two workers at once send every message exactly once", async () => {
    const w = await createWorld();
    const batch = Array.from({ length: 30 }, (_, i) => ({ practiceId: w.practice.id, userId: null, toAddress: `bulk${i}@example.com`, subject: `A reminder from Mend ${i}`, body: "hello", kind: "test", dedupeKey: `test:${w.practice.id}:${i}` }));
    expect(await enqueue(batch)).toBe(30);
    expect(await enqueue(batch)).toBe(0); // queued once
    const before = received.length;
    for (let round = 0; round < 3; round++) {
      await Promise.all([runWorkerOnce({ workerId: "a", transport: transport() }), runWorkerOnce({ workerId: "b", transport: transport() })]);
    }
    const got = received.slice(before).filter((m) => m.to.startsWith("bulk"));
    expect(got).toHaveLength(30);
    expect(new Set(got.map((m) => m.to)).size).toBe(30);
    expect(await prisma.outboxMessage.count({ where: { practiceId: w.practice.id, status: "sent" } })).toBe(30);
  });

  it("an unreachable SMTP server leaves messages queued with a backoff", async () => {
    const w = await createWorld();
    await enqueue([{ practiceId: w.practice.id, userId: null, toAddress: "x@example.com", subject: "A reminder from Mend", body: "hi", kind: "test", dedupeKey: `down:${w.practice.id}` }]);
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const r = await runWorkerOnce({ workerId: "w1", transport: smtpTransport(`smtp://127.0.0.1:${closed}?tls=off`) });
    expect(r.failed).toBeGreaterThanOrEqual(1);
    const m = await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `down:${w.practice.id}` } });
    expect(m).toMatchObject({ status: "pending", attempts: 1 });
    expect(m.sendAfter.getTime()).toBeGreaterThan(Date.now());
    expect(m.lastError).toBeTruthy();
  });

  it("a worker killed after claiming: the message is sent once after the lease", async () => {
    const w = await createWorld();
    await enqueue([{ practiceId: w.practice.id, userId: null, toAddress: "lease@example.com", subject: "A reminder from Mend", body: "hi", kind: "test", dedupeKey: `lease:${w.practice.id}` }]);
    const claimed = await claim("dead-worker");
    expect(claimed.some((c) => c.toAddress === "lease@example.com")).toBe(true);
    await prisma.outboxMessage.updateMany({ where: { claimedBy: "dead-worker" }, data: { claimedAt: new Date(Date.now() - 10 * 60_000) } });
    const before = received.filter((m) => m.to === "lease@example.com").length;
    await runWorkerOnce({ workerId: "w2", transport: transport() });
    await runWorkerOnce({ workerId: "w3", transport: transport() });
    expect(received.filter((m) => m.to === "lease@example.com").length - before).toBe(1);
  });
});
