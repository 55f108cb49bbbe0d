/**
 * Issue 16, item 7: every refusal is audited and filed under the couple it targeted (so an admin
 * filtering the log by a couple sees the attempts on it), the caseload and the daily summary are
 * audited as reads, and the audit log is written in one typed vocabulary.
 */
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from "~/domain/audit-vocabulary";
import { audit } from "~/utils/audit.server";
import * as aFlag from "~/routes/a.$flagId";
import * as adminAudit from "~/routes/admin.audit";
import * as caseload from "~/routes/caseload";
import * as couplePage from "~/routes/couples.$coupleId._index/route";
import * as review from "~/routes/couples.$coupleId.homework.$homeworkId";
import * as digest from "~/routes/digest";
import * as flagRoute from "~/routes/flags.$flagId/route";
import * as partnerHomework from "~/routes/homework.$homeworkId";
import * as log from "~/routes/log";
import { prisma } from "~/utils/db.server";
import { call, createWorld, getRequest, postRequest } from "../support/fixtures";

type World = Awaited<ReturnType<typeof createWorld>>;

async function records(w: World) {
  const flagA = await prisma.safetyFlag.create({
    data: { practiceId: w.practice.id, coupleId: w.coupleA.id, partnerId: w.partnerA1.id, source: "therapist", concern: "therapist", severity: "medium", dueBy: new Date(Date.now() + 3_600_000) },
  });
  const homework = (coupleId: string, createdById: string) =>
    prisma.homework.create({
      data: { coupleId, title: "Letters", instructions: "Write.", dueDate: new Date(Date.now() + 86_400_000), assignee: "BOTH", createdById, prompts: { create: [{ position: 0, type: "text", label: "Your letter" }] } },
    });
  const hwA = await homework(w.coupleA.id, w.therapist.id);
  const hwB = await homework(w.coupleB.id, w.otherTherapist.id);
  const subB = await prisma.homeworkSubmission.create({ data: { homeworkId: hwB.id, partnerId: w.partnerB1.id, status: "submitted", answers: {}, submittedAt: new Date() } });
  const assignmentB = await prisma.assignment.create({ data: { coupleId: w.coupleB.id, title: "Walk", target: "20 minutes", cadence: "daily", startDate: w.coupleB.startDate, createdById: w.otherTherapist.id } });
  return { flagA, hwA, hwB, subB, assignmentB };
}

/** The denial events written by `actor` since `sinceId`. */
async function denials(actorId: string, sinceId = 0n) {
  return prisma.auditEvent.findMany({ where: { actorId, outcome: "denied", id: { gt: sinceId } }, orderBy: { id: "asc" } });
}

async function lastId() {
  return (await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;
}

describe("a denied probe is audited, with the couple it targeted", () => {
  it("another therapist opening, acting on or following the alert link to a flag", async () => {
    const w = await createWorld();
    const { flagA } = await records(w);
    const before = await lastId();
    expect((await call(flagRoute.loader, await getRequest(`/flags/${flagA.id}`, w.otherTherapist), { flagId: flagA.id })).status).toBe(404);
    expect((await call(flagRoute.action, await postRequest(`/flags/${flagA.id}`, { intent: "note", note: "probe" }, w.otherTherapist), { flagId: flagA.id })).status).toBe(404);
    expect((await call(aFlag.loader, await getRequest(`/a/${flagA.id}`, w.otherTherapist), { flagId: flagA.id })).status).toBe(404);
    const events = await denials(w.otherTherapist.id, before);
    expect(events).toHaveLength(3);
    for (const e of events) expect(e).toMatchObject({ action: "denied", entity: "flag", entityId: flagA.id, coupleId: w.coupleA.id, practiceId: w.practice.id });
    expect(events.map((e) => (e.detail as { method: string }).method)).toEqual(["GET", "POST", "GET"]);
  });

  it("a therapist's nested ids under their own couple: another couple's homework, submission and assignment", async () => {
    const w = await createWorld();
    const { hwA, hwB, subB, assignmentB } = await records(w);
    const A = w.coupleA.id;
    const before = await lastId();
    expect((await call(review.loader, await getRequest(`/couples/${A}/homework/${hwB.id}`, w.therapist), { coupleId: A, homeworkId: hwB.id })).status).toBe(404);
    expect((await call(review.action, await postRequest(`/couples/${A}/homework/${hwA.id}`, { submissionId: subB.id, feedback: "hi" }, w.therapist), { coupleId: A, homeworkId: hwA.id })).status).toBe(404);
    expect((await call(couplePage.action, await postRequest(`/couples/${A}`, { intent: "pause", assignmentId: assignmentB.id }, w.therapist), { coupleId: A })).status).toBe(404);
    expect((await call(review.loader, await getRequest(`/couples/${A}/homework/no-such-homework`, w.therapist), { coupleId: A, homeworkId: "no-such-homework" })).status).toBe(404);

    const events = await denials(w.therapist.id, before);
    expect(events.map((e) => [e.entity, e.entityId, e.coupleId])).toEqual([
      // filed under the couple whose record was probed…
      ["homework", hwB.id, w.coupleB.id],
      ["homework-submission", subB.id, w.coupleB.id],
      ["assignment", assignmentB.id, w.coupleB.id],
      // …or, for an id that is nobody's, under the couple in the URL
      ["homework", "no-such-homework", A],
    ]);
    expect(events.every((e) => (e.detail as { requestedCoupleId: string }).requestedCoupleId === A)).toBe(true);
    // nothing was changed on couple B
    expect(await prisma.homeworkSubmission.findUniqueOrThrow({ where: { id: subB.id } })).toMatchObject({ feedback: null, reviewedAt: null });
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: assignmentB.id } })).status).toBe("active");
  });

  it("a partner's probes: another couple's homework and routine, a therapist's page, a flag", async () => {
    const w = await createWorld();
    const { flagA, hwB, assignmentB } = await records(w);
    const before = await lastId();
    expect((await call(partnerHomework.loader, await getRequest(`/homework/${hwB.id}`, w.partnerA1), { homeworkId: hwB.id })).status).toBe(404);
    expect((await call(partnerHomework.action, await postRequest(`/homework/${hwB.id}`, { intent: "submit" }, w.partnerA1), { homeworkId: hwB.id })).status).toBe(404);
    const today = new Date().toISOString().slice(0, 10);
    expect((await call(log.action, await postRequest("/log", { assignmentId: assignmentB.id, date: today, status: "kept" }, w.partnerA1))).status).toBe(404);
    expect((await call(couplePage.loader, await getRequest(`/couples/${w.coupleB.id}`, w.partnerA1), { coupleId: w.coupleB.id })).status).toBe(403);
    expect((await call(flagRoute.loader, await getRequest(`/flags/${flagA.id}`, w.partnerA1), { flagId: flagA.id })).status).toBe(403);

    const events = await denials(w.partnerA1.id, before);
    expect(events.map((e) => [e.entity, e.entityId, e.coupleId])).toEqual([
      ["homework", hwB.id, w.coupleB.id],
      ["homework", hwB.id, w.coupleB.id],
      ["assignment", assignmentB.id, w.coupleB.id],
      ["couple", w.coupleB.id, w.coupleB.id],
      ["flag", flagA.id, w.coupleA.id],
    ]);
    // the gate that refused is kept for the reader
    expect(events.slice(3).map((e) => (e.detail as { check?: string }).check)).toEqual(["permission", "role"]);
    expect(await prisma.adherenceEntry.count({ where: { assignmentId: assignmentB.id } })).toBe(0);
  });

  it("a couple the actor may not see is filed under that couple; another practice's couple under none", async () => {
    const w = await createWorld();
    const before = await lastId();
    expect((await call(couplePage.loader, await getRequest(`/couples/${w.coupleA.id}`, w.otherTherapist), { coupleId: w.coupleA.id })).status).toBe(404);
    expect((await call(couplePage.loader, await getRequest(`/couples/${w.coupleA.id}`, w.otherPracticeTherapist), { coupleId: w.coupleA.id })).status).toBe(404);
    const [mine] = await denials(w.otherTherapist.id, before);
    expect(mine).toMatchObject({ entity: "couple", entityId: w.coupleA.id, coupleId: w.coupleA.id });
    const [foreign] = await denials(w.otherPracticeTherapist.id, before);
    // the other practice's log does not learn which of our couples it was (only what was asked)
    expect(foreign).toMatchObject({ entity: "couple", coupleId: null, practiceId: w.otherPractice.id });
    expect((foreign!.detail as { requestedCoupleId: string }).requestedCoupleId).toBe(w.coupleA.id);
  });

  it("an admin filtering the audit log by a couple sees the denied attempts on it", async () => {
    const w = await createWorld();
    const { flagA, hwB } = await records(w);
    await call(flagRoute.loader, await getRequest(`/flags/${flagA.id}`, w.otherTherapist), { flagId: flagA.id });
    await call(partnerHomework.loader, await getRequest(`/homework/${hwB.id}`, w.partnerA1), { homeworkId: hwB.id });
    const res = await call(adminAudit.loader, await getRequest(`/admin/audit?couple=${w.coupleA.id}`, w.admin));
    const onA = (res.data as { events: { outcome: string; entity: string; entityId: string | null }[] }).events.filter((e) => e.outcome === "denied");
    expect(onA.map((e) => [e.entity, e.entityId])).toEqual([["flag", flagA.id]]);
    const resB = await call(adminAudit.loader, await getRequest(`/admin/audit?couple=${w.coupleB.id}`, w.admin));
    const onB = (resB.data as { events: { outcome: string; entity: string; entityId: string | null }[] }).events.filter((e) => e.outcome === "denied");
    expect(onB.map((e) => [e.entity, e.entityId])).toEqual([["homework", hwB.id]]);
  });
});

describe("clinical summaries are audited as reads", () => {
  it("the caseload and the daily summary each write a read event for the therapist", async () => {
    const w = await createWorld();
    expect((await call(caseload.loader, await getRequest("/caseload", w.therapist))).status).toBe(200);
    expect((await call(digest.loader, await getRequest("/digest", w.therapist))).status).toBe(200);
    const reads = await prisma.auditEvent.findMany({ where: { actorId: w.therapist.id, action: "read" }, orderBy: { id: "asc" } });
    expect(reads.map((e) => [e.entity, e.outcome, e.practiceId])).toEqual([
      ["caseload", "allowed", w.practice.id],
      ["digest", "allowed", w.practice.id],
    ]);
  });
});

describe("the audit vocabulary", () => {
  it("has each word once, and everything written in these tests uses it", async () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(new Set(AUDIT_ENTITIES).size).toBe(AUDIT_ENTITIES.length);
    const used = await prisma.auditEvent.findMany({ distinct: ["action", "entity"], select: { action: true, entity: true } });
    expect(used.length).toBeGreaterThan(0);
    for (const u of used) {
      expect(AUDIT_ACTIONS as readonly string[], u.action).toContain(u.action);
      expect(AUDIT_ENTITIES as readonly string[], u.entity).toContain(u.entity);
    }
  });

  it("audit() takes only its words (checked by the typecheck)", () => {
    // Never called: `tsc --noEmit` fails if audit() accepts any string again.
    const typoed = () => {
      // @ts-expect-error "reads" is not an audit action
      void audit({ action: "reads", entity: "flag" });
      // @ts-expect-error "flags" is not an audit entity
      void audit({ action: "read", entity: "flags" });
    };
    expect(typeof typoed).toBe("function");
  });
});
