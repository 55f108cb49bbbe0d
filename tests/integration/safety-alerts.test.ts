/**
 * Someone is alerted at once: a high or imminent flag emails the couple's therapist and whoever
 * is on call, posts to the practice's webhook, and escalates when nobody acknowledges in time.
 * Against a real SMTP server and a real local HTTP receiver (and one that is down).
 */
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { containsSensitive } from "~/domain/message-text";
import * as flagPage from "~/routes/flags.$flagId/route";
import * as help from "~/routes/help";
import * as checkin from "~/routes/checkin";
import { prisma } from "~/utils/db.server";
import { signWebhook } from "~/utils/webhook.server";
import { runWorkerOnce, smtpTransport } from "~/worker/worker.server";
import { call, createUser, createWorld, postRequest } from "../support/fixtures";
import { startSmtpServer, type ReceivedMail } from "../support/smtp";

const hooks: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let mail: ReceivedMail[] = [];
let receiver: http.Server;
let hookPort = 0;

beforeAll(async () => {
  smtp = await startSmtpServer();
  mail = smtp.received;
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += String(c)));
    req.on("end", () => {
      hooks.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", () => resolve()));
  hookPort = (receiver.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await smtp.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const transport = () => smtpTransport(smtp.url);
const minutes = (n: number) => new Date(Date.now() + n * 60_000);

async function practiceWithRota() {
  const w = await createWorld();
  const fallback = await createUser(w.practice.id, "supervisor", { name: "Fallback Supervisor" });
  await prisma.practice.update({ where: { id: w.practice.id }, data: { alertWebhookUrl: `http://127.0.0.1:${hookPort}/page`, alertWebhookSecret: "s3cret", onCallFallbackId: fallback.id } });
  // the supervisor is on call around the clock, every day
  await prisma.onCallShift.create({ data: { practiceId: w.practice.id, userId: w.supervisor.id, weekdays: [0, 1, 2, 3, 4, 5, 6], startTime: "00:00", endTime: "00:00", position: 0 } });
  return { ...w, fallback };
}

/** Alert mail to this world's staff only: other tests' flags escalate on the same fake clock (and the 07:00 digest may go out too). */
async function mailTo(practiceId: string) {
  const staff = await prisma.user.findMany({ where: { practiceId, role: { in: ["therapist", "supervisor"] } }, select: { email: true } });
  const emails = new Set(staff.map((u) => u.email));
  return mail.filter((m) => emails.has(m.to) && m.raw.includes("/a/"));
}

async function events(flagId: string) {
  return prisma.flagEvent.findMany({ where: { flagId }, orderBy: { createdAt: "asc" }, select: { type: true, note: true } });
}

describe("alerts for high and imminent flags", () => {
  it("a help request alerts the therapist and the on-call supervisor by neutral email and signed webhook; each send is on the timeline", async () => {
    const w = await practiceWithRota();
    mail.length = 0;
    hooks.length = 0;
    await call(help.action, await postRequest("/help", { message: "please ring me after six, Jordan is out then" }, w.partnerA1));
    const flag = await prisma.safetyFlag.findFirstOrThrow({ where: { coupleId: w.coupleA.id, severity: "imminent" } });
    expect(flag.assigneeId).toBe(w.therapist.id);

    await runWorkerOnce({ workerId: "w1", transport: transport(), now: new Date(), baseUrl: "https://mend.example" });
    expect(await prisma.outboxMessage.count({ where: { flagId: flag.id, status: "sent" } })).toBe(3);
    const therapist = await prisma.user.findUniqueOrThrow({ where: { id: w.therapist.id } });
    const supervisor = await prisma.user.findUniqueOrThrow({ where: { id: w.supervisor.id } });
    const received = await mailTo(w.practice.id);
    expect(received.map((m) => m.to).sort()).toEqual([therapist.email, supervisor.email].sort());
    for (const m of received) {
      const text = m.raw.split(/\r?\n\r?\n/).slice(1).join("\n") + (/^Subject: (.*)$/m.exec(m.raw)?.[1] ?? "");
      expect(containsSensitive(text)).toEqual([]);
      expect(text).not.toMatch(/ring me|Jordan|Partner|imminent/i);
      expect(text).toContain(`https://mend.example/a/${flag.id}`);
    }
    expect(hooks).toHaveLength(1);
    const hook = hooks[0]!;
    expect(hook.headers["x-mend-signature"]).toBe(signWebhook("s3cret", Number(hook.headers["x-mend-timestamp"]), hook.body));
    expect(JSON.parse(hook.body)).toMatchObject({ type: "mend.alert", flagId: flag.id, severity: "imminent", round: 1, url: `https://mend.example/a/${flag.id}` });
    expect(hook.body).not.toMatch(/ring me|Jordan|@/);
    expect((await events(flag.id)).filter((e) => e.type === "notified")).toHaveLength(3);

    // nothing more until the window passes
    await runWorkerOnce({ workerId: "w1", transport: transport(), now: minutes(10) });
    expect(await prisma.outboxMessage.count({ where: { flagId: flag.id } })).toBe(3);
  });

  it("not acknowledged within 15 minutes: the next on call (the fallback), then every supervisor; acknowledging stops it", async () => {
    const w = await practiceWithRota();
    await call(help.action, await postRequest("/help", { message: "" }, w.partnerA1));
    const flag = await prisma.safetyFlag.findFirstOrThrow({ where: { coupleId: w.coupleA.id } });
    await runWorkerOnce({ workerId: "w1", transport: transport(), now: new Date() });
    mail.length = 0;
    await runWorkerOnce({ workerId: "w1", transport: transport(), now: minutes(16) });
    const fallback = await prisma.user.findUniqueOrThrow({ where: { id: w.fallback.id } });
    expect((await mailTo(w.practice.id)).map((m) => m.to)).toEqual([fallback.email]);
    expect((await events(flag.id)).some((e) => e.type === "alert_escalated" && /Fallback Supervisor/.test(e.note ?? ""))).toBe(true);
    mail.length = 0;
    await runWorkerOnce({ workerId: "w1", transport: transport(), now: minutes(32) });
    expect((await mailTo(w.practice.id)).map((m) => m.to)).toHaveLength(2); // both supervisors
    const sentSoFar = await prisma.outboxMessage.count({ where: { flagId: flag.id } });
    await runWorkerOnce({ workerId: "w1", transport: transport(), now: minutes(120) });
    expect(await prisma.outboxMessage.count({ where: { flagId: flag.id } })).toBe(sentSoFar);

    // a second flag, acknowledged in time, goes no further
    await call(checkin.action, await postRequest("/checkin", { mood: "5", closeness: "5", feelSafe: "no" }, w.partnerA2));
    const second = await prisma.safetyFlag.findFirstOrThrow({ where: { coupleId: w.coupleA.id, partnerId: w.partnerA2.id } });
    expect(second.severity).toBe("high");
    await runWorkerOnce({ workerId: "w1", transport: transport(), now: new Date() });
    await call(flagPage.action, await postRequest(`/flags/${second.id}`, { intent: "acknowledge" }, w.therapist), { flagId: second.id });
    const before = await prisma.outboxMessage.count({ where: { flagId: second.id } });
    await runWorkerOnce({ workerId: "w1", transport: transport(), now: minutes(5 * 60) });
    expect(await prisma.outboxMessage.count({ where: { flagId: second.id } })).toBe(before);
    expect((await prisma.safetyFlag.findUniqueOrThrow({ where: { id: second.id } })).escalateAt).toBeNull();
  });

  it("a receiver that is down: the failure is on the timeline, email still goes, and it is retried", async () => {
    const w = await practiceWithRota();
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", () => resolve()));
    const deadPort = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await prisma.practice.update({ where: { id: w.practice.id }, data: { alertWebhookUrl: `http://127.0.0.1:${deadPort}/page` } });
    await call(help.action, await postRequest("/help", { message: "" }, w.partnerA1));
    const flag = await prisma.safetyFlag.findFirstOrThrow({ where: { coupleId: w.coupleA.id } });
    await runWorkerOnce({ workerId: "w1", transport: transport(), now: new Date() });
    expect(await prisma.outboxMessage.count({ where: { flagId: flag.id, channel: "email", status: "sent" } })).toBe(2);
    const timeline = await events(flag.id);
    expect(timeline.find((e) => e.type === "notify_failed")?.note).toMatch(/webhook.*will retry/);
    expect(await prisma.outboxMessage.findFirstOrThrow({ where: { flagId: flag.id, channel: "webhook" } })).toMatchObject({ status: "pending", attempts: 1 });
  });

  it("low and medium flags alert nobody", async () => {
    const w = await practiceWithRota();
    await call(checkin.action, await postRequest("/checkin", { mood: "5", closeness: "5", feelSafe: "not_sure" }, w.partnerA1));
    const flag = await prisma.safetyFlag.findFirstOrThrow({ where: { coupleId: w.coupleA.id } });
    expect(["low", "medium"]).toContain(flag.severity);
    expect(flag.escalateAt).toBeNull();
    await runWorkerOnce({ workerId: "w1", transport: transport(), now: new Date() });
    expect(await prisma.outboxMessage.count({ where: { flagId: flag.id } })).toBe(0);
  });
});
