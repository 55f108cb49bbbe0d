/**
 * The private safety screen end to end through its routes: what a "yes" raises, who can see or
 * answer a screen, "not now", answering twice, and the therapist's send-now and interval.
 */
import { describe, expect, it } from "vitest";
import { SCREEN_QUESTIONS } from "~/domain/safety/screen";
import { dueScreenFor, screenStatusFor } from "~/models/screen.server";
import * as checkin from "~/routes/checkin";
import * as questions from "~/routes/questions";
import * as screenRoute from "~/routes/couples.$coupleId.screen";
import * as today from "~/routes/today";
import { prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { call, createWorld, getRequest, postRequest } from "../support/fixtures";

type U = { id: string; practiceId: string; role: SessionUser["role"]; name: string; email: string };
const asUser = (u: U): SessionUser => ({ id: u.id, practiceId: u.practiceId, role: u.role, name: u.name, email: u.email, sessionId: "test", pending2fa: false, mustSetUp2fa: false });
const allNo = () => Object.fromEntries(SCREEN_QUESTIONS.map((q) => [q.id, "no"]));
const neck = SCREEN_QUESTIONS.find((q) => q.id === "neck")!;
const DAY = 86_400_000;

/** Opens /questions as the partner (which creates the due screen) and returns its id. */
async function openScreen(partner: U): Promise<string> {
  const res = await call(questions.loader, await getRequest("/questions", partner));
  expect(res.status).toBe(200);
  const data = res.data as { state: string; screenId?: string };
  expect(data.state).toBe("ask");
  return data.screenId!;
}

const answer = async (partner: U, screenId: string, answers: Record<string, string>) =>
  call(questions.action, await postRequest("/questions?step=questions", { intent: "answer", screenId, ...answers }, partner));

async function snapshot(coupleId: string) {
  const [flags, events, revisions, screens] = await Promise.all([
    prisma.safetyFlag.findMany({ where: { coupleId }, orderBy: { id: "asc" }, select: { id: true, severity: true, concern: true } }),
    prisma.flagEvent.count({ where: { flag: { coupleId } } }),
    prisma.revision.count({ where: { coupleId } }),
    prisma.safetyScreen.findMany({ where: { coupleId }, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ flags, events, revisions, screens });
}

describe("answering the screen", () => {
  it("'yes' to strangulation raises a high flag on that partner, with the question as the reason, and a Revision", async () => {
    const w = await createWorld();
    const id = await openScreen(w.partnerA1);
    const res = await answer(w.partnerA1, id, { ...allNo(), neck: "yes" });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/questions?done=1");

    const flag = await prisma.safetyFlag.findFirstOrThrow({ where: { coupleId: w.coupleA.id }, include: { events: true } });
    expect(flag).toMatchObject({ partnerId: w.partnerA1.id, concern: "strangulation", severity: "high", source: "checkin_answer", status: "open" });
    expect(flag.events[0]!.note).toContain(neck.text);
    expect(flag.triggerText).toContain(neck.short);
    // the flag keeps a snapshot pointing at this screen
    expect(flag.evidence).toMatchObject({ entity: "screen", entityId: id, answers: { neck: "yes" } });
    expect(await prisma.safetyFlag.count({ where: { partnerId: w.partnerA2.id } })).toBe(0);

    const screen = await prisma.safetyScreen.findUniqueOrThrow({ where: { id } });
    expect(screen.answeredAt).not.toBeNull();
    expect(screen.answers).toMatchObject({ neck: "yes", weapon: "no" });
    const rev = await prisma.revision.findFirstOrThrow({ where: { entity: "screen", entityId: id } });
    expect(rev.authorId).toBe(w.partnerA1.id);
    expect(rev.values).toMatchObject({ answers: { neck: "yes" } });

    // the thank-you is the same page whatever was answered, and says nothing about a flag
    const done = await call(questions.loader, await getRequest("/questions?done=1", w.partnerA1));
    expect(done.data).toEqual({ state: "done" });
    const id2 = await openScreen(w.partnerA2);
    const calm = await answer(w.partnerA2, id2, allNo());
    expect(calm.location).toBe(res.location);
    expect(await prisma.safetyFlag.count({ where: { coupleId: w.coupleA.id } })).toBe(1);
  });

  it("the same concern as a note's flag lands on the same flag; two lethality answers are imminent", async () => {
    const w = await createWorld();
    expect((await call(checkin.action, await postRequest("/checkin", { mood: "4", closeness: "3", feelSafe: "yes", note: "He choked me last night." }, w.partnerA1))).status).toBe(302);
    const fromNote = await prisma.safetyFlag.findFirstOrThrow({ where: { partnerId: w.partnerA1.id } });
    expect(fromNote).toMatchObject({ concern: "strangulation", severity: "high" });
    const id = await openScreen(w.partnerA1);
    expect((await answer(w.partnerA1, id, { ...allNo(), neck: "yes", weapon: "yes" })).status).toBe(302);
    const flags = await prisma.safetyFlag.findMany({ where: { partnerId: w.partnerA1.id }, orderBy: { concern: "asc" }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(flags.map((f) => [f.concern, f.severity])).toEqual([
      ["strangulation", "imminent"],
      ["weapon", "imminent"],
    ]);
    // the note's flag got the screen's signal appended and its severity raised, not a second flag
    expect(flags[0]!.id).toBe(fromNote.id);
    expect(flags[0]!.events.map((e) => e.type)).toEqual(expect.arrayContaining(["raised", "signal", "severity_raised"]));
  });

  it("every question needs an answer: 400 with the field and what was chosen kept, nothing saved", async () => {
    const w = await createWorld();
    const id = await openScreen(w.partnerA1);
    const partial: Record<string, string> = { ...allNo(), neck: "yes" };
    delete partial.weapon;
    const before = await snapshot(w.coupleA.id);
    const res = await answer(w.partnerA1, id, partial);
    expect(res.status).toBe(400);
    const result = (res.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(result.error.weapon?.[0]).toMatch(/choose an answer/i);
    expect(result.initialValue.neck).toBe("yes");
    expect(await snapshot(w.coupleA.id)).toBe(before);
  });

  it("answering twice → 400 'already answered', and nothing changes", async () => {
    const w = await createWorld();
    const id = await openScreen(w.partnerA1);
    expect((await answer(w.partnerA1, id, { ...allNo(), kill: "yes" })).status).toBe(302);
    const before = await snapshot(w.coupleA.id);
    const again = await answer(w.partnerA1, id, { ...allNo(), neck: "yes", weapon: "yes" });
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.data)).toMatch(/already answered/i);
    expect(await snapshot(w.coupleA.id)).toBe(before);
  });

  it("two answers at once: one is saved, the other is told it was already answered", async () => {
    const w = await createWorld();
    const id = await openScreen(w.partnerA1);
    const results = await Promise.all([answer(w.partnerA1, id, { ...allNo(), neck: "yes" }), answer(w.partnerA1, id, allNo())]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 400]);
    expect(await prisma.revision.count({ where: { entity: "screen", entityId: id } })).toBe(1);
  });
});

describe("privacy", () => {
  it("the other partner cannot see, answer or postpone it (404); another couple's partner neither", async () => {
    const w = await createWorld();
    const id = await openScreen(w.partnerA1);
    for (const other of [w.partnerA2, w.partnerB1]) {
      const before = await snapshot(w.coupleA.id);
      expect((await answer(other, id, { ...allNo(), neck: "yes" })).status).toBe(404);
      expect((await call(questions.action, await postRequest("/questions", { intent: "snooze", screenId: id }, other))).status).toBe(404);
      expect(await snapshot(w.coupleA.id)).toBe(before);
    }
    // A2's own page is about A2's own screen only
    const a2 = await call(questions.loader, await getRequest("/questions?step=questions", w.partnerA2));
    expect(JSON.stringify(a2.data)).not.toContain(id);

    // after A1 raised a flag, nothing on A2's pages mentions it or the screen's answers
    expect((await answer(w.partnerA1, id, { ...allNo(), neck: "yes" })).status).toBe(302);
    for (const [mod, path] of [[today, "/today"], [questions, "/questions"], [questions, "/questions?done=1"]] as const) {
      const body = JSON.stringify((await call(mod.loader, await getRequest(path, w.partnerA2))).data);
      expect(body, path).not.toMatch(/strangulation|flag|safety|neck|throat/i);
      expect(body, path).not.toContain(id);
    }
  });

  it("staff see dates and due state, never the answers; another therapist and partners get nothing", async () => {
    const w = await createWorld();
    const id = await openScreen(w.partnerA1);
    await answer(w.partnerA1, id, { ...allNo(), neck: "yes" });
    const status = await screenStatusFor(asUser(w.therapist), w.coupleA.id);
    expect(status).not.toBeNull();
    const a1 = status!.partners.find((p) => p.id === w.partnerA1.id)!;
    expect(a1.lastAnsweredAt).not.toBeNull();
    expect(new Date(a1.nextDueAt!).getTime() - new Date(a1.lastAnsweredAt!).getTime()).toBe(28 * DAY);
    expect(a1.waiting).toBe(false);
    expect(status!.partners.find((p) => p.id === w.partnerA2.id)!.waiting).toBe(true);
    expect(JSON.stringify(status)).not.toMatch(/"yes"|neck|answers/);
    expect(status!.canEdit).toBe(true);
    // the supervisor reads it for a flagged couple, without the controls
    expect((await screenStatusFor(asUser(w.supervisor), w.coupleA.id))?.canEdit).toBe(false);
    for (const u of [w.otherTherapist, w.partnerA1, w.partnerA2, w.admin, w.otherPracticeTherapist]) {
      expect(await screenStatusFor(asUser(u), w.coupleA.id), u.role).toBeNull();
    }
    expect(await screenStatusFor(asUser(w.supervisor), w.coupleB.id)).toBeNull(); // no flag there
  });
});

describe("'not now'", () => {
  it("hides it for a day, leaves no flag and no audit event, and the therapist is not told", async () => {
    const w = await createWorld();
    const id = await openScreen(w.partnerA1);
    const statusBefore = await screenStatusFor(asUser(w.therapist), w.coupleA.id);
    const request = await postRequest("/questions", { intent: "snooze", screenId: id }, w.partnerA1);
    const auditsBefore = await prisma.auditEvent.count();
    const res = await call(questions.action, request);
    expect(res.status).toBe(302);
    expect(res.location).toBe("/today");
    expect(await prisma.auditEvent.count()).toBe(auditsBefore);
    expect(await dueScreenFor(asUser(w.partnerA1))).toBeNull();
    const t = await call(today.loader, await getRequest("/today", w.partnerA1));
    expect((t.data as { questionsDue: boolean }).questionsDue).toBe(false);
    expect((await call(questions.loader, await getRequest("/questions", w.partnerA1))).data).toEqual({ state: "none" });
    expect(await prisma.safetyFlag.count({ where: { coupleId: w.coupleA.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { entity: "screen", coupleId: w.coupleA.id } })).toBe(0);
    expect(await screenStatusFor(asUser(w.therapist), w.coupleA.id)).toEqual(statusBefore);
    // a day later it is back, the same screen
    expect((await dueScreenFor(asUser(w.partnerA1), new Date(Date.now() + DAY + 60_000)))?.id).toBe(id);
    expect(await prisma.safetyScreen.count({ where: { partnerId: w.partnerA1.id } })).toBe(1);
  });
});

describe("schedule", () => {
  it("due at joining; never twice at once; not before joining", async () => {
    const w = await createWorld();
    const [x, y, z] = await Promise.all([1, 2, 3].map(() => dueScreenFor(asUser(w.partnerA1))));
    expect(x?.id).toBeTruthy();
    expect(new Set([x?.id, y?.id, z?.id]).size).toBe(1);
    expect(await prisma.safetyScreen.count({ where: { partnerId: w.partnerA1.id } })).toBe(1);
    await prisma.user.update({ where: { id: w.partnerB1.id }, data: { consentAt: null } });
    expect(await dueScreenFor(asUser(w.partnerB1))).toBeNull();
    // staff have no screen
    expect(await dueScreenFor(asUser(w.therapist))).toBeNull();
  });

  it("then every N weeks after the last answer", async () => {
    const w = await createWorld();
    await answer(w.partnerA1, await openScreen(w.partnerA1), allNo());
    expect(await dueScreenFor(asUser(w.partnerA1))).toBeNull();
    expect(await dueScreenFor(asUser(w.partnerA1), new Date(Date.now() + 27 * DAY))).toBeNull();
    expect(await dueScreenFor(asUser(w.partnerA1), new Date(Date.now() + 28 * DAY + 60_000))).not.toBeNull();
  });
});

describe("the therapist's controls", () => {
  const post = async (who: U, coupleId: string, fields: Record<string, string>) =>
    call(screenRoute.action, await postRequest(`/couples/${coupleId}/screen`, fields, who), { coupleId });

  it("'send one now' makes a screen due for that partner, or both", async () => {
    const w = await createWorld();
    await answer(w.partnerA1, await openScreen(w.partnerA1), allNo());
    await answer(w.partnerA2, await openScreen(w.partnerA2), allNo());
    expect(await dueScreenFor(asUser(w.partnerA1))).toBeNull();
    const res = await post(w.therapist, w.coupleA.id, { intent: "send-now", partnerId: w.partnerA1.id });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/couples/${w.coupleA.id}`);
    const due = await dueScreenFor(asUser(w.partnerA1));
    expect(due).not.toBeNull();
    expect((await prisma.safetyScreen.findUniqueOrThrow({ where: { id: due!.id } })).requestedById).toBe(w.therapist.id);
    expect(await dueScreenFor(asUser(w.partnerA2))).toBeNull();
    // both, and sending again does not stack a second open screen
    expect((await post(w.therapist, w.coupleA.id, { intent: "send-now" })).status).toBe(302);
    expect((await post(w.therapist, w.coupleA.id, { intent: "send-now", partnerId: "" })).status).toBe(302);
    expect(await dueScreenFor(asUser(w.partnerA2))).not.toBeNull();
    expect(await prisma.safetyScreen.count({ where: { coupleId: w.coupleA.id, answeredAt: null } })).toBe(2);
    // a partner of another couple is a field error
    const bad = await post(w.therapist, w.coupleA.id, { intent: "send-now", partnerId: w.partnerB1.id });
    expect(bad.status).toBe(400);
    expect((bad.data as { result: { error: Record<string, string[]> } }).result.error.partnerId).toBeTruthy();
  });

  it("another therapist, the supervisor and the partners are refused, and nothing is created", async () => {
    const w = await createWorld();
    for (const [who, status] of [[w.otherTherapist, 404], [w.supervisor, 403], [w.partnerA1, 403], [w.admin, 403]] as const) {
      const before = await snapshot(w.coupleA.id);
      const res = await post(who, w.coupleA.id, { intent: "send-now" });
      expect(res.status, who.role).toBe(status);
      expect((await post(who, w.coupleA.id, { intent: "interval", weeks: "1" })).status).toBe(status);
      expect(await snapshot(w.coupleA.id)).toBe(before);
    }
    expect((await prisma.couple.findUniqueOrThrow({ where: { id: w.coupleA.id } })).screenEveryWeeks).toBe(4);
    expect((await call(screenRoute.loader as never, await getRequest(`/couples/${w.coupleA.id}/screen`, w.therapist), { coupleId: w.coupleA.id })).status).toBe(404);
    // the page a refused no-JavaScript post renders: the couple's therapist only, and no data
    const page = async (who: U) => call(screenRoute.loader as never, await getRequest(`/couples/${w.coupleA.id}/screen?form=1`, who), { coupleId: w.coupleA.id });
    expect(await page(w.therapist)).toMatchObject({ status: 200, data: null });
    expect((await page(w.otherTherapist)).status).toBe(404);
    expect((await page(w.partnerA1)).status).toBe(403);
  });

  it.each(["53", "-1", "1.5", "abc", ""])("interval %j → 400 with a field error, unchanged", async (weeks) => {
    const w = await createWorld();
    const res = await call(screenRoute.action, await postRequest(`/couples/${w.coupleA.id}/screen`, { intent: "interval", weeks }, w.therapist), { coupleId: w.coupleA.id });
    expect(res.status).toBe(400);
    const data = res.data as { result: { error: Record<string, string[]> }; status: unknown };
    expect(data.result.error.weeks?.[0]).toMatch(/whole number of weeks from 0 to 52/);
    expect(data.status).toBeTruthy(); // the no-JavaScript page can show the panel again
    expect((await prisma.couple.findUniqueOrThrow({ where: { id: w.coupleA.id } })).screenEveryWeeks).toBe(4);
  });

  it("a valid interval is saved and audited; 0 means only when sent", async () => {
    const w = await createWorld();
    const res = await call(screenRoute.action, await postRequest(`/couples/${w.coupleA.id}/screen`, { intent: "interval", weeks: "0" }, w.therapist), { coupleId: w.coupleA.id });
    expect(res.status).toBe(302);
    expect((await prisma.couple.findUniqueOrThrow({ where: { id: w.coupleA.id } })).screenEveryWeeks).toBe(0);
    expect(await prisma.auditEvent.count({ where: { coupleId: w.coupleA.id, action: "update", entity: "couple" } })).toBe(1);
    await answer(w.partnerA1, await openScreen(w.partnerA1), allNo());
    expect(await dueScreenFor(asUser(w.partnerA1), new Date(Date.now() + 400 * DAY))).toBeNull();
    const status = await screenStatusFor(asUser(w.therapist), w.coupleA.id);
    expect(status!.partners.find((p) => p.id === w.partnerA1.id)!.nextDueAt).toBeNull();
  });
});
