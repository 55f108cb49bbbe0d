import { describe, expect, it } from "vitest";
import * as assign from "~/routes/couples.$coupleId.assign";
import * as caseloadRoute from "~/routes/caseload";
import * as coupleRoute from "~/routes/couples.$coupleId._index/route";
import * as exportCsv from "~/routes/couples.$coupleId.export[.csv]";
import { planWeek } from "~/domain/adherence";
import { addDays, localDateOf } from "~/domain/dates";
import { prisma } from "~/utils/db.server";
import { call, createWorld, getRequest, postRequest } from "../support/fixtures";

const NY = "America/New_York";

describe("caseload figures against known data", () => {
  it("adherence over 14 days, overdue homework and flagged-first order come out as computed by hand", async () => {
    const w = await createWorld();
    const today = localDateOf(new Date(), NY);
    // couple A: one daily routine that started 6 days ago → 7 expected occurrences
    const a = await prisma.assignment.create({ data: { coupleId: w.coupleA.id, title: "Call", target: "by 8 PM every day", cadence: "daily", startDate: new Date(`${addDays(today, -6)}T00:00:00Z`), createdById: w.therapist.id } });
    const entries = [
      [0, w.partnerA1.id, "kept"], [0, w.partnerA2.id, "kept"], // kept (1)
      [1, w.partnerA1.id, "kept"], [1, w.partnerA2.id, "missed"], // disagreement → 0.5
      [2, w.partnerA1.id, "partly"], // 0.5
      [3, w.partnerA1.id, "missed"], // 0
    ] as const;
    for (const [d, r, s] of entries) await prisma.adherenceEntry.create({ data: { assignmentId: a.id, occurrenceDate: new Date(`${addDays(today, -d)}T00:00:00Z`), reporterId: r, status: s } });
    await prisma.homework.create({ data: { coupleId: w.coupleA.id, title: "Late", instructions: "x", dueDate: new Date(`${addDays(today, -2)}T00:00:00Z`), assignee: "BOTH", createdById: w.therapist.id } });
    await prisma.safetyFlag.create({ data: { practiceId: w.practice.id, coupleId: w.coupleA.id, partnerId: w.partnerA1.id, source: "therapist", concern: "therapist", severity: "medium", dueBy: new Date(Date.now() + 3_600_000) } });

    for (const [d, mood] of [[10, 9], [1, 4], [0, 6]] as const) {
      await prisma.checkIn.create({ data: { coupleId: w.coupleA.id, partnerId: w.partnerA1.id, localDate: new Date(`${addDays(today, -d)}T00:00:00Z`), mood, closeness: 5, feelSafe: "yes" } });
    }

    const res = await call(caseloadRoute.loader, await getRequest("/caseload", w.therapist));
    type Row = { id: string; adherence14: number | null; overdueHomework: number; flags: number; week: number; partners: { name: string; lastCheckIn: string | null; trend: { date: string; mood: number }[] }[] };
    const rows = (res.data as { rows: Row[] }).rows;
    const rowA = rows.find((r) => r.id === w.coupleA.id)!;
    // the sparkline shows the last 7 days only (the check-in 10 days ago is left out); the other partner has none
    expect(rowA.partners[0]).toMatchObject({ lastCheckIn: today, trend: [{ date: addDays(today, -1), mood: 4 }, { date: today, mood: 6 }] });
    expect(rowA.partners[1]).toMatchObject({ lastCheckIn: null, trend: [] });
    // (1 + 0.5 + 0.5 + 0) / 7 expected = 28.6% → 29
    expect(rowA.adherence14).toBe(29);
    expect(rowA.overdueHomework).toBe(1);
    expect(rowA.flags).toBe(1);
    expect(rows[0]!.id).toBe(w.coupleA.id);
  });

  it("caseload adherence counts reports from the same 14 days as the expected occurrences", async () => {
    const w = await createWorld();
    const today = localDateOf(new Date(), NY);
    // daily for 20 days: 14 expected in the window today-13 … today
    const a = await prisma.assignment.create({ data: { coupleId: w.coupleA.id, title: "Call", target: "by 8 PM every day", cadence: "daily", startDate: new Date(`${addDays(today, -20)}T00:00:00Z`), createdById: w.therapist.id } });
    // kept by both on day -14 (just outside the window) and on day -13 (its first day)
    for (const d of [14, 13]) {
      for (const r of [w.partnerA1.id, w.partnerA2.id]) await prisma.adherenceEntry.create({ data: { assignmentId: a.id, occurrenceDate: new Date(`${addDays(today, -d)}T00:00:00Z`), reporterId: r, status: "kept" } });
    }
    const res = await call(caseloadRoute.loader, await getRequest("/caseload", w.therapist));
    const row = (res.data as { rows: { id: string; adherence14: number | null }[] }).rows.find((r) => r.id === w.coupleA.id)!;
    // 1 kept of 14 expected = 7.1% → 7 (the report from day -14 is not counted)
    expect(row.adherence14).toBe(7);
  });

  it("a kept/partly disagreement counts 0.75 on the caseload and in the plan-week table alike", async () => {
    const w = await createWorld();
    const today = localDateOf(new Date(), NY);
    // started today: one expected occurrence, reported kept by one partner and partly by the other
    const a = await prisma.assignment.create({ data: { coupleId: w.coupleA.id, title: "Walk", target: "a 20-minute walk every day", cadence: "daily", startDate: new Date(`${today}T00:00:00Z`), createdById: w.therapist.id } });
    for (const [r, s] of [[w.partnerA1.id, "kept"], [w.partnerA2.id, "partly"]] as const) {
      await prisma.adherenceEntry.create({ data: { assignmentId: a.id, occurrenceDate: new Date(`${today}T00:00:00Z`), reporterId: r, status: s } });
    }
    const caseload = await call(caseloadRoute.loader, await getRequest("/caseload", w.therapist));
    const row = (caseload.data as { rows: { id: string; adherence14: number | null }[] }).rows.find((r) => r.id === w.coupleA.id)!;
    expect(row.adherence14).toBe(75);
    const page = await call(coupleRoute.loader, await getRequest(`/couples/${w.coupleA.id}`, w.therapist), { coupleId: w.coupleA.id });
    // a routine started today counts in the couple's current plan week, the only one it is in
    const overall = (page.data as { adherence: { overall: { week: number; percent: number | null; partly: number; gaps: number }[] } }).adherence.overall;
    expect(overall).toEqual([expect.objectContaining({ week: planWeek(w.coupleA.startDate.toISOString().slice(0, 10), today), percent: 75, partly: 1, gaps: 1 })]);
  });

  it("homework stops being overdue once everyone assigned has submitted, and is overdue again if a submission goes back to draft", async () => {
    const w = await createWorld();
    const today = localDateOf(new Date(), NY);
    const due = new Date(`${addDays(today, -3)}T00:00:00Z`);
    const both = await prisma.homework.create({ data: { coupleId: w.coupleA.id, title: "Both", instructions: "x", dueDate: due, assignee: "BOTH", createdById: w.therapist.id } });
    const onlyA = await prisma.homework.create({ data: { coupleId: w.coupleA.id, title: "A only", instructions: "x", dueDate: due, assignee: "A", createdById: w.therapist.id } });
    await prisma.homework.create({ data: { coupleId: w.coupleA.id, title: "Not yet due", instructions: "x", dueDate: new Date(`${addDays(today, 2)}T00:00:00Z`), assignee: "BOTH", createdById: w.therapist.id } });
    const overdue = async () => {
      const res = await call(caseloadRoute.loader, await getRequest("/caseload", w.therapist));
      return (res.data as { rows: { id: string; overdueHomework: number }[] }).rows.find((r) => r.id === w.coupleA.id)!.overdueHomework;
    };
    const submit = (homeworkId: string, partnerId: string) => prisma.homeworkSubmission.create({ data: { homeworkId, partnerId, status: "submitted", answers: {}, submittedAt: new Date() } });
    expect(await overdue()).toBe(2);
    await submit(both.id, w.partnerA1.id);
    expect(await overdue()).toBe(2); // one of two partners
    await submit(both.id, w.partnerA2.id);
    await submit(onlyA.id, w.partnerA1.id);
    expect(await overdue()).toBe(0);
    expect((await prisma.homework.findUniqueOrThrow({ where: { id: both.id } })).completedAt).not.toBeNull();
    await prisma.homeworkSubmission.updateMany({ where: { homeworkId: both.id, partnerId: w.partnerA2.id }, data: { status: "draft" } });
    expect(await overdue()).toBe(1);
    expect((await prisma.homework.findUniqueOrThrow({ where: { id: both.id } })).completedAt).toBeNull();
  });

  it("the couple page's weekly review and homework list count what happened this week, and never carry password hashes", async () => {
    const w = await createWorld();
    const today = localDateOf(new Date(), w.coupleA.timeZone);
    const at = (d: number) => new Date(`${addDays(today, -d)}T00:00:00Z`);
    await prisma.checkIn.create({ data: { coupleId: w.coupleA.id, partnerId: w.partnerA1.id, localDate: at(1), mood: 6, closeness: 6, feelSafe: "yes", appreciation: "Thanks for dinner" } });
    await prisma.checkIn.create({ data: { coupleId: w.coupleA.id, partnerId: w.partnerA2.id, localDate: at(2), mood: 6, closeness: 6, feelSafe: "yes", note: "private", noteShared: false } });
    await prisma.checkIn.create({ data: { coupleId: w.coupleA.id, partnerId: w.partnerA2.id, localDate: at(10), mood: 6, closeness: 6, feelSafe: "yes", appreciation: "last week" } });
    const hw = await prisma.homework.create({ data: { coupleId: w.coupleA.id, title: "Letter", instructions: "x", dueDate: at(1), assignee: "BOTH", createdById: w.therapist.id } });
    await prisma.homeworkSubmission.create({ data: { homeworkId: hw.id, partnerId: w.partnerA1.id, status: "submitted", answers: {}, submittedAt: new Date() } });
    await prisma.safetyFlag.create({ data: { practiceId: w.practice.id, coupleId: w.coupleA.id, partnerId: w.partnerA2.id, source: "therapist", concern: "therapist", severity: "low", dueBy: new Date(Date.now() + 3_600_000) } });

    const res = await call(coupleRoute.loader, await getRequest(`/couples/${w.coupleA.id}`, w.therapist), { coupleId: w.coupleA.id });
    expect(res.status).toBe(200);
    const d = res.data as { review: { homeworkSubmitted: number; sharedNotes: number; newFlags: number }; homework: { id: string; submitted: number; toReview: number; expected: number; overdue: boolean }[]; flags: { partnerName: string }[]; couple: { partners: { id: string; joined: boolean }[] } };
    expect(d.review).toMatchObject({ homeworkSubmitted: 1, sharedNotes: 1, newFlags: 1 });
    expect(d.homework.find((h) => h.id === hw.id)).toMatchObject({ submitted: 1, toReview: 1, expected: 2, overdue: true });
    expect(d.flags.map((f) => f.partnerName)).toEqual([w.partnerA2.name]);
    expect(d.couple.partners.map((p) => p.id)).toEqual([w.partnerA1.id, w.partnerA2.id]);
    expect(JSON.stringify(res.data)).not.toMatch(/passwordHash|\$argon2/);
  });

  it("another therapist's couple answers 404 on the couple page, export and assign", async () => {
    const w = await createWorld();
    const params = { coupleId: w.coupleA.id };
    expect((await call(coupleRoute.loader, await getRequest(`/couples/${w.coupleA.id}`, w.otherTherapist), params)).status).toBe(404);
    expect((await call(exportCsv.loader, await getRequest(`/couples/${w.coupleA.id}/export.csv`, w.otherTherapist), params)).status).toBe(404);
    expect((await call(assign.action, await postRequest(`/couples/${w.coupleA.id}/assign`, { title: "x" }, w.otherTherapist), params)).status).toBe(404);
  });

  it("CSV export quotes notes safely", async () => {
    const w = await createWorld();
    await prisma.checkIn.create({ data: { coupleId: w.coupleA.id, partnerId: w.partnerA1.id, localDate: new Date("2026-11-01T00:00:00Z"), mood: 4, closeness: 5, feelSafe: "yes", note: 'said "fine", then =cmd' } });
    const res = await call(exportCsv.loader, await getRequest(`/couples/${w.coupleA.id}/export.csv?includePrivate=1`, w.therapist), { coupleId: w.coupleA.id });
    expect(res.status).toBe(200);
    expect(String(res.data)).toContain(`"said ""fine"", then =cmd"`);
  });
});

describe("assigning routines", () => {
  const base = { kind: "agreement", title: "Call", target: "I'll call by 8 PM every day", cadence: "daily", responsible: "A", startDate: "2026-11-01", durationWeeks: "8" };
  it.each([
    [{ durationWeeks: "0" }, "durationWeeks"],
    [{ durationWeeks: "53" }, "durationWeeks"],
    [{ startDate: "2026-02-30" }, "startDate"],
    [{ cadence: "weekly", weekday: "" }, "weekday"],
    [{ responsible: "C" }, "responsible"],
  ])("refuses %o with a message on %s", async (over, field) => {
    const w = await createWorld();
    const res = await call(assign.action, await postRequest(`/couples/${w.coupleA.id}/assign`, { ...base, ...over }, w.therapist), { coupleId: w.coupleA.id });
    expect(res.status).toBe(400);
    expect((res.data as { result: { error: Record<string, string[]> } }).result.error[field]).toBeTruthy();
    expect(await prisma.assignment.count({ where: { coupleId: w.coupleA.id } })).toBe(0);
  });

  it("a vague agreement gets a rewrite suggestion first, and saves when confirmed", async () => {
    const w = await createWorld();
    const vague = { ...base, target: "I'll be better" };
    const first = await call(assign.action, await postRequest(`/couples/${w.coupleA.id}/assign`, vague, w.therapist), { coupleId: w.coupleA.id });
    expect(first.status).toBe(200);
    expect(JSON.stringify(first.data)).toContain("8 PM every day");
    expect(await prisma.assignment.count({ where: { coupleId: w.coupleA.id } })).toBe(0);
    const saved = await call(assign.action, await postRequest(`/couples/${w.coupleA.id}/assign`, { ...vague, confirmVague: "yes" }, w.therapist), { coupleId: w.coupleA.id });
    expect(saved.status).toBe(302);
    expect(await prisma.assignment.count({ where: { coupleId: w.coupleA.id } })).toBe(1);
  });
});
