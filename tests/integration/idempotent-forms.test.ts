import { describe, expect, it } from "vitest";
import * as assign from "~/routes/couples.$coupleId.assign";
import * as flagPage from "~/routes/flags.$flagId/route";
import * as help from "~/routes/help";
import { prisma } from "~/utils/db.server";
import { newIdempotencyKey } from "~/utils/idempotency.server";
import { call, createWorld, postRequest } from "../support/fixtures";

describe("a retried or double-clicked submit is stored once", () => {
  it("flag note, help request and new assignment: same key twice → one record; a new key → a new record", async () => {
    const w = await createWorld();
    const flag = await prisma.safetyFlag.create({
      data: { practiceId: w.practice.id, coupleId: w.coupleA.id, partnerId: w.partnerA1.id, source: "therapist", concern: "therapist", severity: "low", dueBy: new Date(Date.now() + 3_600_000) },
    });
    const key = newIdempotencyKey();
    const note = () => postRequest(`/flags/${flag.id}`, { intent: "note", note: "called her", _idem: key }, w.therapist).then((r) => call(flagPage.action, r, { flagId: flag.id }));
    const [n1, n2] = await Promise.all([note(), note()]);
    expect([n1.status, n2.status]).toEqual([302, 302]);
    expect(await prisma.flagEvent.count({ where: { flagId: flag.id, type: "note" } })).toBe(1);

    const helpKey = newIdempotencyKey();
    for (let i = 0; i < 2; i++) await call(help.action, await postRequest("/help", { message: "call me", _idem: helpKey }, w.partnerA2));
    expect(await prisma.helpRequest.count({ where: { partnerId: w.partnerA2.id } })).toBe(1);

    const fields = { kind: "routine", title: "Walk", target: "20 minutes every evening", cadence: "daily", responsible: "BOTH", startDate: "2026-11-01", durationWeeks: "8" };
    const k = newIdempotencyKey();
    for (let i = 0; i < 2; i++) await call(assign.action, await postRequest(`/couples/${w.coupleA.id}/assign`, { ...fields, _idem: k }, w.therapist), { coupleId: w.coupleA.id });
    expect(await prisma.assignment.count({ where: { coupleId: w.coupleA.id, title: "Walk" } })).toBe(1);
    await call(assign.action, await postRequest(`/couples/${w.coupleA.id}/assign`, { ...fields, _idem: newIdempotencyKey() }, w.therapist), { coupleId: w.coupleA.id });
    expect(await prisma.assignment.count({ where: { coupleId: w.coupleA.id, title: "Walk" } })).toBe(2);
  });

  it("a refused submission gives its key back, so the corrected form goes through", async () => {
    const w = await createWorld();
    const flag = await prisma.safetyFlag.create({
      data: { practiceId: w.practice.id, coupleId: w.coupleA.id, partnerId: w.partnerA1.id, source: "therapist", concern: "therapist", severity: "low", dueBy: new Date(Date.now() + 3_600_000) },
    });
    const key = newIdempotencyKey();
    const bad = await call(flagPage.action, await postRequest(`/flags/${flag.id}`, { intent: "escalate", assigneeId: w.therapist.id, _idem: key }, w.therapist), { flagId: flag.id });
    expect(bad.status).toBe(400);
    const good = await call(flagPage.action, await postRequest(`/flags/${flag.id}`, { intent: "escalate", assigneeId: w.supervisor.id, _idem: key }, w.therapist), { flagId: flag.id });
    expect(good.status).toBe(302);
    expect((await prisma.safetyFlag.findUniqueOrThrow({ where: { id: flag.id } })).status).toBe("escalated");
  });
});
