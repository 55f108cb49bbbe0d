import { describe, expect, it } from "vitest";
import * as checkin from "~/routes/checkin";
import * as flagPage from "~/routes/flags.$flagId/route";
import * as help from "~/routes/help";
import * as resume from "~/routes/couples_.$coupleId.resume";
import * as todayRoute from "~/routes/today";
import * as historyRoute from "~/routes/history";
import * as settingsRoute from "~/routes/settings";
import * as pausePage from "~/routes/couples.$coupleId.pause";
import { applySafetyRules, withSafetyRetry } from "~/models/safety.server";
import { prisma } from "~/utils/db.server";
import { call, createWorld, getRequest, postRequest } from "../support/fixtures";

const CHECKIN = { mood: "5", closeness: "5", feelSafe: "yes" };

describe("safety pipeline", () => {
  it("'feel safe: no' raises a high flag in the same request and pauses shared work, which neither partner can see until the therapist tells them", async () => {
    const w = await createWorld();
    const views = async () =>
      JSON.stringify(
        await Promise.all([
          call(todayRoute.loader, await getRequest("/today", w.partnerA2)),
          call(historyRoute.loader, await getRequest("/history", w.partnerA2)),
          call(settingsRoute.loader, await getRequest("/settings", w.partnerA2)),
          call(todayRoute.loader, await getRequest("/today", w.partnerA1)),
        ]),
      );
    const before = await views();
    const res = await call(checkin.action, await postRequest("/checkin", { ...CHECKIN, feelSafe: "no", note: "private words" }, w.partnerA1));
    expect(res.status).toBe(302);
    const flags = await prisma.safetyFlag.findMany({ where: { coupleId: w.coupleA.id }, include: { events: true } });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ severity: "high", status: "open", concern: "feel_safe", partnerId: w.partnerA1.id });
    expect(flags[0]!.events.map((e) => e.type).sort()).toEqual(["raised", "work_paused"]);
    const couple = await prisma.couple.findUniqueOrThrow({ where: { id: w.coupleA.id } });
    expect(couple.workPausedAt).not.toBeNull();
    expect(await prisma.pausePeriod.count({ where: { coupleId: w.coupleA.id, reason: "safety", endedAt: null } })).toBe(1);

    // The other partner's Today, History and Settings, and the discloser's Today (apart from
    // her own check-in), are as they were: nothing points at the disclosure.
    const after = JSON.parse(await views()) as unknown[];
    const was = JSON.parse(before) as unknown[];
    expect(after.slice(0, 3)).toEqual(was.slice(0, 3));
    expect({ ...(after[3] as { data: object }).data, checkIn: null }).toEqual({ ...(was[3] as { data: object }).data, checkIn: null });
    expect(JSON.stringify(after)).not.toMatch(/flag|safety|feel_safe|private words|"paused":true/i);

    // The therapist previews and tells the couple, in neutral words they chose.
    const preview = await call(pausePage.loader, await getRequest(`/couples/${w.coupleA.id}/pause`, w.therapist), { coupleId: w.coupleA.id });
    expect(preview.data).toMatchObject({ paused: true, toldAt: null, partnersSee: { kind: "as_usual" } });
    expect((await call(pausePage.action, await postRequest(`/couples/${w.coupleA.id}/pause`, { notice: "   " }, w.therapist), { coupleId: w.coupleA.id })).status).toBe(400);
    const told = await call(pausePage.action, await postRequest(`/couples/${w.coupleA.id}/pause`, { notice: "A short break from shared exercises until we meet." }, w.therapist), { coupleId: w.coupleA.id });
    expect(told.status).toBe(302);
    const other = await call(todayRoute.loader, await getRequest("/today", w.partnerA2));
    expect(other.data).toMatchObject({ paused: true, pauseNotice: "A short break from shared exercises until we meet.", routines: [] });
    expect(JSON.stringify(other.data)).not.toMatch(/flag|safety|feel_safe|private words/i);
    expect((await prisma.flagEvent.findMany({ where: { flagId: flags[0]!.id } })).map((e) => e.type)).toContain("couple_told");
  });

  it("an other therapist cannot preview or tell; a partner cannot either", async () => {
    const w = await createWorld();
    for (const user of [w.otherTherapist, w.partnerA1]) {
      const res = await call(pausePage.action, await postRequest(`/couples/${w.coupleA.id}/pause`, { notice: "hello" }, user), { coupleId: w.coupleA.id });
      expect([403, 404]).toContain(res.status);
    }
    expect((await prisma.couple.findUniqueOrThrow({ where: { id: w.coupleA.id } })).pauseToldAt).toBeNull();
  });

  it("a second signal for the same concern appends to the open flag and raises its severity; no duplicates under concurrency", async () => {
    const w = await createWorld();
    const scope = { practiceId: w.practice.id, coupleId: w.coupleA.id, partnerId: w.partnerA1.id, actorId: w.partnerA1.id };
    await withSafetyRetry((tx) => applySafetyRules(tx, scope, { kind: "checkin", feelSafe: "not_sure", mood: 5, note: null, appreciation: null, localDate: "2026-11-01" }));
    await Promise.all(
      Array.from({ length: 4 }, () =>
        withSafetyRetry((tx) => applySafetyRules(tx, scope, { kind: "checkin", feelSafe: "no", mood: 5, note: null, appreciation: null, localDate: "2026-11-02" })),
      ),
    );
    const flags = await prisma.safetyFlag.findMany({ where: { coupleId: w.coupleA.id, concern: "feel_safe" }, include: { events: true } });
    expect(flags).toHaveLength(1);
    expect(flags[0]!.severity).toBe("high");
    expect(flags[0]!.events.filter((e) => e.type === "signal")).toHaveLength(4);
    expect(flags[0]!.events.filter((e) => e.type === "severity_raised")).toHaveLength(1);
  });

  it("the help button stores the request, opens an imminent flag and answers with the crisis resources", async () => {
    const w = await createWorld();
    const res = await call(help.action, await postRequest("/help", { message: "please call me" }, w.partnerA2));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.data)).toMatch(/988|emergency/i);
    const request = await prisma.helpRequest.findFirstOrThrow({ where: { partnerId: w.partnerA2.id } });
    const flag = await prisma.safetyFlag.findUniqueOrThrow({ where: { id: request.flagId! } });
    expect(flag.severity).toBe("imminent");
    expect(flag.dueBy.getTime() - flag.createdAt.getTime()).toBeLessThanOrEqual(3_600_000 + 1000);
  });

  it("transitions: escalate to a supervisor, refuse a non-supervisor assignee, require outcome and note, refuse resolved → acknowledge", async () => {
    const w = await createWorld();
    await call(checkin.action, await postRequest("/checkin", { ...CHECKIN, feelSafe: "not_sure" }, w.partnerA1));
    const flag = await prisma.safetyFlag.findFirstOrThrow({ where: { coupleId: w.coupleA.id } });
    const at = (fields: Record<string, string>, user: { id: string }) => postRequest(`/flags/${flag.id}`, fields, user).then((r) => call(flagPage.action, r, { flagId: flag.id }));
    expect((await at({ intent: "escalate", assigneeId: w.therapist.id }, w.therapist)).status).toBe(400);
    expect((await at({ intent: "escalate", assigneeId: w.supervisor.id }, w.otherTherapist)).status).toBe(404);
    expect((await at({ intent: "escalate", assigneeId: w.supervisor.id, note: "please look" }, w.therapist)).status).toBe(302);
    expect((await at({ intent: "resolve", outcome: "", note: "" }, w.supervisor)).status).toBe(400);
    expect((await prisma.safetyFlag.findUniqueOrThrow({ where: { id: flag.id } })).status).toBe("escalated");
    expect((await at({ intent: "resolve", outcome: "safety_plan", note: "plan agreed" }, w.supervisor)).status).toBe(302);
    expect((await at({ intent: "acknowledge" }, w.supervisor)).status).toBe(400);
    const events = await prisma.flagEvent.findMany({ where: { flagId: flag.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["raised", "escalated", "assigned", "resolved"]);
    // flags and their events cannot be deleted or rewritten, even by code that tries
    await expect(prisma.flagEvent.deleteMany({ where: { flagId: flag.id } })).rejects.toThrow();
    await expect(prisma.safetyFlag.delete({ where: { id: flag.id } })).rejects.toThrow();
    expect(await prisma.auditEvent.count({ where: { entityId: flag.id, entity: "flag" } })).toBeGreaterThanOrEqual(2);
  });

  it("only the couple's therapist resumes paused work, with a note; the pause period closes", async () => {
    const w = await createWorld();
    await call(checkin.action, await postRequest("/checkin", { ...CHECKIN, note: "he hit me" }, w.partnerA1));
    expect((await prisma.couple.findUniqueOrThrow({ where: { id: w.coupleA.id } })).workPausedAt).not.toBeNull();
    const other = await call(resume.action, await postRequest(`/couples/${w.coupleA.id}/resume`, { note: "ok" }, w.otherTherapist), { coupleId: w.coupleA.id });
    expect(other.status).toBe(404);
    const noNote = await call(resume.action, await postRequest(`/couples/${w.coupleA.id}/resume`, { note: "" }, w.therapist), { coupleId: w.coupleA.id });
    expect(noNote.status).toBe(400);
    expect((await prisma.couple.findUniqueOrThrow({ where: { id: w.coupleA.id } })).workPausedAt).not.toBeNull();
    const ok = await call(resume.action, await postRequest(`/couples/${w.coupleA.id}/resume`, { note: "Safety plan in place; resuming." }, w.therapist), { coupleId: w.coupleA.id });
    expect(ok.status).toBe(302);
    expect((await prisma.couple.findUniqueOrThrow({ where: { id: w.coupleA.id } })).workPausedAt).toBeNull();
    const period = await prisma.pausePeriod.findFirstOrThrow({ where: { coupleId: w.coupleA.id, reason: "safety" } });
    expect(period.endedAt).not.toBeNull();
    expect(period.endNote).toBe("Safety plan in place; resuming.");
    const flag = await prisma.safetyFlag.findFirstOrThrow({ where: { coupleId: w.coupleA.id }, include: { events: true } });
    expect(flag.events.some((e) => e.type === "work_resumed")).toBe(true);
  });
});
