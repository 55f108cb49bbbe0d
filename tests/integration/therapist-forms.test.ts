/**
 * Issue 17, item 6: the therapist's and partner's forms refuse what they should with a message by
 * the field (keeping what was typed), confirm what they did, and let routines and homework be
 * changed after assigning (end/close and replace in one step).
 */
import { describe, expect, it } from "vitest";
import * as assignRoute from "~/routes/couples.$coupleId.assign";
import * as endRoutine from "~/routes/couples.$coupleId.routines.$assignmentId.end";
import * as newHomework from "~/routes/couples.$coupleId.homework.new";
import * as reviewHomework from "~/routes/couples.$coupleId.homework.$homeworkId";
import * as partnerHomework from "~/routes/homework.$homeworkId";
import * as resumeRoute from "~/routes/couples_.$coupleId.resume";
import * as raiseFlag from "~/routes/flags.new";
import * as flagRoute from "~/routes/flags.$flagId/route";
import { addDays, localDateOf } from "~/domain/dates";
import { NOTE_MAX } from "~/domain/text-limits";
import { prisma } from "~/utils/db.server";
import { call, createCouple, createWorld, getRequest, postRequest } from "../support/fixtures";

type Reply = { result?: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> } };
const fieldErrors = (res: { data: unknown }) => (res.data as Reply).result?.error ?? {};
const typed = (res: { data: unknown }) => (res.data as Reply).result?.initialValue ?? {};

const homeworkFields = (dueDate: string, extra: Record<string, string> = {}) => ({
  title: "Gratitude list",
  instructions: "Write three things you appreciated this week.",
  assignee: "BOTH",
  dueDate,
  visibility: "therapist_only",
  promptLabel0: "Three things",
  promptType0: "text",
  ...extra,
});

describe("homework due date", () => {
  it("is refused when the day is already over where the couple lives, and today is accepted", async () => {
    const w = await createWorld();
    // UTC+14 and UTC−11 are 25 hours apart: at every instant their calendar days differ.
    const { couple } = await createCouple(w.practice.id, w.therapist.id, { timeZone: "Pacific/Kiritimati" });
    const today = localDateOf(new Date(), "Pacific/Kiritimati");
    const behind = localDateOf(new Date(), "Pacific/Pago_Pago");
    expect(behind < today).toBe(true);

    const refused = await call(newHomework.action, await postRequest(`/couples/${couple.id}/homework/new`, homeworkFields(behind), w.therapist), { coupleId: couple.id });
    expect(refused.status).toBe(400);
    expect(fieldErrors(refused).dueDate?.[0]).toMatch(/this date has passed/);
    expect(typed(refused).title).toBe("Gratitude list");
    expect(await prisma.homework.count({ where: { coupleId: couple.id } })).toBe(0);

    const accepted = await call(newHomework.action, await postRequest(`/couples/${couple.id}/homework/new`, homeworkFields(today), w.therapist), { coupleId: couple.id });
    expect(accepted.status).toBe(302);
    expect(await prisma.homework.count({ where: { coupleId: couple.id } })).toBe(1);
  });

  it("a prompt marked optional is saved as not required", async () => {
    const w = await createWorld();
    const today = localDateOf(new Date(), w.coupleA.timeZone);
    const fields = homeworkFields(addDays(today, 3), { promptLabel1: "Anything else", promptType1: "text", promptOptional1: "yes" });
    const res = await call(newHomework.action, await postRequest(`/couples/${w.coupleA.id}/homework/new`, fields, w.therapist), { coupleId: w.coupleA.id });
    expect(res.status).toBe(302);
    const prompts = await prisma.homeworkPrompt.findMany({ where: { homework: { coupleId: w.coupleA.id } }, orderBy: { position: "asc" } });
    expect(prompts.map((p) => [p.label, p.required])).toEqual([
      ["Three things", true],
      ["Anything else", false],
    ]);
  });
});

describe("save draft", () => {
  it("comes back with a confirmation and the time the draft was saved", async () => {
    const w = await createWorld();
    const today = localDateOf(new Date(), w.coupleA.timeZone);
    const hw = await prisma.homework.create({
      data: { coupleId: w.coupleA.id, title: "Letter", instructions: "x", dueDate: new Date(`${today}T00:00:00Z`), assignee: "A", createdById: w.therapist.id, prompts: { create: [{ position: 0, type: "text", label: "Dear…" }] } },
      include: { prompts: true },
    });
    const before = Date.now();
    const saved = await call(partnerHomework.action, await postRequest(`/homework/${hw.id}`, { intent: "draft", [`p_${hw.prompts[0]!.id}`]: "Half a letter" }, w.partnerA1), { homeworkId: hw.id });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/homework/${hw.id}?saved=1`);

    const page = await call(partnerHomework.loader, await getRequest(saved.location!, w.partnerA1), { homeworkId: hw.id });
    const d = page.data as { saved: boolean; hw: { own: { status: string; savedAt: string } | null } };
    expect(d.saved).toBe(true);
    expect(d.hw.own?.status).toBe("draft");
    expect(Date.parse(d.hw.own!.savedAt)).toBeGreaterThanOrEqual(before - 1000);

    // without ?saved=1 (a later visit) there is no confirmation
    const later = await call(partnerHomework.loader, await getRequest(`/homework/${hw.id}`, w.partnerA1), { homeworkId: hw.id });
    expect((later.data as { saved: boolean }).saved).toBe(false);
  });
});

describe("ending a routine", () => {
  it("needs the confirmation box; without it the routine stays and the field says why", async () => {
    const w = await createWorld();
    const today = localDateOf(new Date(), w.coupleA.timeZone);
    const a = await prisma.assignment.create({ data: { coupleId: w.coupleA.id, title: "Call", target: "by 8 PM every day", cadence: "daily", startDate: new Date(`${addDays(today, -3)}T00:00:00Z`), createdById: w.therapist.id } });
    const params = { coupleId: w.coupleA.id, assignmentId: a.id };

    const page = await call(endRoutine.loader, await getRequest(`/couples/${w.coupleA.id}/routines/${a.id}/end`, w.therapist), params);
    expect(page.status).toBe(200);
    expect((page.data as { assignment: { title: string } }).assignment.title).toBe("Call");

    const unconfirmed = await call(endRoutine.action, await postRequest(`/couples/${w.coupleA.id}/routines/${a.id}/end`, {}, w.therapist), params);
    expect(unconfirmed.status).toBe(400);
    expect(fieldErrors(unconfirmed).confirm?.[0]).toMatch(/Tick the box/);
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("active");

    const confirmed = await call(endRoutine.action, await postRequest(`/couples/${w.coupleA.id}/routines/${a.id}/end`, { confirm: "yes" }, w.therapist), params);
    expect(confirmed.status).toBe(302);
    const ended = await prisma.assignment.findUniqueOrThrow({ where: { id: a.id } });
    expect(ended.status).toBe("completed");
    expect(ended.endedAt).not.toBeNull();
  });

  it("another therapist's couple's routine is not found", async () => {
    const w = await createWorld();
    const a = await prisma.assignment.create({ data: { coupleId: w.coupleB.id, title: "Walk", target: "20 minutes daily", cadence: "daily", startDate: new Date(), createdById: w.otherTherapist.id } });
    const res = await call(endRoutine.action, await postRequest(`/couples/${w.coupleB.id}/routines/${a.id}/end`, { confirm: "yes" }, w.therapist), { coupleId: w.coupleB.id, assignmentId: a.id });
    expect(res.status).toBe(404);
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("active");
  });
});

describe("changing a routine: end and replace in one step", () => {
  const fields = (replaceId: string, startDate: string) => ({
    replaceId,
    kind: "agreement",
    title: "Call (evenings)",
    target: "Call by 9 PM every day",
    cadence: "daily",
    responsible: "BOTH",
    startDate,
    durationWeeks: "6",
  });

  it("ends the old version today and starts the edited one; the old one's reports stay with it", async () => {
    const w = await createWorld();
    const today = localDateOf(new Date(), w.coupleA.timeZone);
    const old = await prisma.assignment.create({ data: { coupleId: w.coupleA.id, title: "Call", target: "Call by 8 PM every day", cadence: "daily", startDate: new Date(`${addDays(today, -5)}T00:00:00Z`), createdById: w.therapist.id } });
    await prisma.adherenceEntry.create({ data: { assignmentId: old.id, occurrenceDate: new Date(`${addDays(today, -1)}T00:00:00Z`), reporterId: w.partnerA1.id, status: "kept" } });

    const form = await call(assignRoute.loader, await getRequest(`/couples/${w.coupleA.id}/assign?replace=${old.id}`, w.therapist), { coupleId: w.coupleA.id });
    expect((form.data as { replacing: { title: string; target: string } }).replacing).toMatchObject({ title: "Call", target: "Call by 8 PM every day" });

    const res = await call(assignRoute.action, await postRequest(`/couples/${w.coupleA.id}/assign`, fields(old.id, today), w.therapist), { coupleId: w.coupleA.id });
    expect(res.status).toBe(302);
    const all = await prisma.assignment.findMany({ where: { coupleId: w.coupleA.id }, orderBy: { createdAt: "asc" }, include: { entries: true } });
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({ id: old.id, title: "Call", status: "completed" });
    expect(all[0]!.entries).toHaveLength(1);
    expect(all[1]).toMatchObject({ title: "Call (evenings)", target: "Call by 9 PM every day", status: "active", durationWeeks: 6 });
    expect(all[1]!.startDate.toISOString().slice(0, 10)).toBe(today);

    // the same form again: the old one has ended, nothing more is created
    const again = await call(assignRoute.action, await postRequest(`/couples/${w.coupleA.id}/assign`, fields(old.id, today), w.therapist), { coupleId: w.coupleA.id });
    expect(again.status).toBe(400);
    expect(await prisma.assignment.count({ where: { coupleId: w.coupleA.id } })).toBe(2);
  });

  it("refuses a replacement that starts before today, by the start date field", async () => {
    const w = await createWorld();
    const today = localDateOf(new Date(), w.coupleA.timeZone);
    const old = await prisma.assignment.create({ data: { coupleId: w.coupleA.id, title: "Call", target: "Call by 8 PM every day", cadence: "daily", startDate: new Date(`${addDays(today, -5)}T00:00:00Z`), createdById: w.therapist.id } });
    const res = await call(assignRoute.action, await postRequest(`/couples/${w.coupleA.id}/assign`, fields(old.id, addDays(today, -2)), w.therapist), { coupleId: w.coupleA.id });
    expect(res.status).toBe(400);
    expect(fieldErrors(res).startDate?.[0]).toMatch(/starts today/);
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: old.id } })).status).toBe("active");
  });
});

describe("changing homework: close and replace in one step", () => {
  it("closes the old homework and assigns the edited one while nobody has started it; refuses once someone has", async () => {
    const w = await createWorld();
    const today = localDateOf(new Date(), w.coupleA.timeZone);
    const old = await prisma.homework.create({
      data: { coupleId: w.coupleA.id, title: "Letter", instructions: "Write a letter.", dueDate: new Date(`${addDays(today, 5)}T00:00:00Z`), assignee: "BOTH", createdById: w.therapist.id, prompts: { create: [{ position: 0, type: "text", label: "Dear…" }] } },
    });
    const form = await call(newHomework.loader, await getRequest(`/couples/${w.coupleA.id}/homework/new?replace=${old.id}`, w.therapist), { coupleId: w.coupleA.id });
    expect((form.data as { replacing: { title: string; prompts: { label: string }[] } }).replacing).toMatchObject({ title: "Letter", prompts: [{ label: "Dear…" }] });

    const res = await call(newHomework.action, await postRequest(`/couples/${w.coupleA.id}/homework/new`, homeworkFields(addDays(today, 7), { replaceId: old.id, title: "Letter (shorter)" }), w.therapist), { coupleId: w.coupleA.id });
    expect(res.status).toBe(302);
    const all = await prisma.homework.findMany({ where: { coupleId: w.coupleA.id }, orderBy: { createdAt: "asc" } });
    expect(all.map((h) => [h.title, h.status])).toEqual([
      ["Letter", "closed"],
      ["Letter (shorter)", "active"],
    ]);

    // once a partner has a draft, the new version can no longer be changed
    const current = all[1]!;
    const prompt = await prisma.homeworkPrompt.findFirstOrThrow({ where: { homeworkId: current.id } });
    await prisma.homeworkSubmission.create({ data: { homeworkId: current.id, partnerId: w.partnerA1.id, answers: { [prompt.id]: "draft" } } });
    const refused = await call(newHomework.action, await postRequest(`/couples/${w.coupleA.id}/homework/new`, homeworkFields(addDays(today, 7), { replaceId: current.id }), w.therapist), { coupleId: w.coupleA.id });
    expect(refused.status).toBe(400);
    expect(fieldErrors(refused)[""]?.[0]).toMatch(/already started/);
    expect((await prisma.homework.findUniqueOrThrow({ where: { id: current.id } })).status).toBe("active");
    expect(await prisma.homework.count({ where: { coupleId: w.coupleA.id } })).toBe(2);
  });
});

describe("notes over the limit are refused with a message, never cut", () => {
  it("a flag note of 4,001 characters is refused by the field and kept as typed; 4,000 emoji (8,000 UTF-16 units) are accepted", async () => {
    const w = await createWorld();
    const long = "a".repeat(NOTE_MAX + 1);
    const base = { coupleId: w.coupleA.id, partnerId: w.partnerA1.id, severity: "low" };
    const refused = await call(raiseFlag.action, await postRequest("/flags/new", { ...base, note: long }, w.therapist));
    expect(refused.status).toBe(400);
    expect(fieldErrors(refused).note?.[0]).toBe("Keep the note to 4,000 characters or fewer (this has 4,001).");
    expect(typed(refused).note).toBe(long);
    expect(await prisma.safetyFlag.count({ where: { coupleId: w.coupleA.id } })).toBe(0);

    const emoji = "🙂".repeat(NOTE_MAX);
    const accepted = await call(raiseFlag.action, await postRequest("/flags/new", { ...base, note: emoji }, w.therapist));
    expect(accepted.status).toBe(302);
    const ev = await prisma.flagEvent.findFirst({ where: { flag: { coupleId: w.coupleA.id } }, orderBy: { createdAt: "asc" } });
    expect(ev?.note).toBe(emoji);
  });

  it("a flag's resolution note over the limit comes back with the message and the text", async () => {
    const w = await createWorld();
    const flag = await prisma.safetyFlag.create({ data: { practiceId: w.practice.id, coupleId: w.coupleA.id, partnerId: w.partnerA1.id, source: "therapist", concern: "therapist", severity: "low", dueBy: new Date(Date.now() + 3_600_000) } });
    const long = "b".repeat(NOTE_MAX + 20);
    const res = await call(flagRoute.action, await postRequest(`/flags/${flag.id}`, { intent: "resolve", outcome: "other", note: long }, w.therapist), { flagId: flag.id });
    expect(res.status).toBe(400);
    expect(fieldErrors(res).note?.[0]).toMatch(/4,000 characters or fewer \(this has 4,020\)/);
    expect(typed(res).note).toBe(long);
    expect((await prisma.safetyFlag.findUniqueOrThrow({ where: { id: flag.id } })).status).toBe("open");
  });

  it("homework feedback over the limit is refused, nothing is saved", async () => {
    const w = await createWorld();
    const today = localDateOf(new Date(), w.coupleA.timeZone);
    const hw = await prisma.homework.create({ data: { coupleId: w.coupleA.id, title: "Letter", instructions: "x", dueDate: new Date(`${today}T00:00:00Z`), assignee: "A", createdById: w.therapist.id } });
    const s = await prisma.homeworkSubmission.create({ data: { homeworkId: hw.id, partnerId: w.partnerA1.id, answers: {}, status: "submitted", submittedAt: new Date() } });
    const res = await call(reviewHomework.action, await postRequest(`/couples/${w.coupleA.id}/homework/${hw.id}`, { submissionId: s.id, feedback: "c".repeat(NOTE_MAX + 1) }, w.therapist), { coupleId: w.coupleA.id, homeworkId: hw.id });
    expect(res.status).toBe(400);
    expect(fieldErrors(res).feedback?.[0]).toMatch(/Keep feedback to 4,000 characters/);
    expect(typed(res).submissionId).toBe(s.id);
    expect((await prisma.homeworkSubmission.findUniqueOrThrow({ where: { id: s.id } })).reviewedAt).toBeNull();
  });
});

describe("resuming shared work", () => {
  it("a note of only spaces is an error by the field (400), not an error page; a real note resumes", async () => {
    const w = await createWorld();
    await prisma.couple.update({ where: { id: w.coupleA.id }, data: { workPausedAt: new Date(), workPauseReason: "therapist" } });
    const params = { coupleId: w.coupleA.id };

    const page = await call(resumeRoute.loader, await getRequest(`/couples/${w.coupleA.id}/resume`, w.therapist), params);
    expect(page.status).toBe(200);
    expect((page.data as { paused: boolean }).paused).toBe(true);

    const blank = await call(resumeRoute.action, await postRequest(`/couples/${w.coupleA.id}/resume`, { note: "   \n  " }, w.therapist), params);
    expect(blank.status).toBe(400);
    expect(fieldErrors(blank).note?.[0]).toBe("Write a note explaining why shared work resumes.");
    expect((await prisma.couple.findUniqueOrThrow({ where: { id: w.coupleA.id } })).workPausedAt).not.toBeNull();

    const ok = await call(resumeRoute.action, await postRequest(`/couples/${w.coupleA.id}/resume`, { note: "Discussed in session; safe to continue." }, w.therapist), params);
    expect(ok.status).toBe(302);
    expect((await prisma.couple.findUniqueOrThrow({ where: { id: w.coupleA.id } })).workPausedAt).toBeNull();
  });
});
