import { describe, expect, it } from "vitest";
import * as checkin from "~/routes/checkin";
import * as homework from "~/routes/homework.$homeworkId";
import * as log from "~/routes/log";
import { addDays, localDateOf } from "~/domain/dates";
import { prisma } from "~/utils/db.server";
import { call, createCouple, createPractice, createUser, createWorld, getRequest, postRequest } from "../support/fixtures";

const CHECKIN = { mood: "7", closeness: "6", feelSafe: "yes" };

describe("check-in", () => {
  it("one per partner per local day: a double submit and an edit update the same row", async () => {
    const w = await createWorld();
    await Promise.all([1, 2].map(async () => call(checkin.action, await postRequest("/checkin", CHECKIN, w.partnerA1))));
    await call(checkin.action, await postRequest("/checkin", { ...CHECKIN, mood: "3" }, w.partnerA1));
    const rows = await prisma.checkIn.findMany({ where: { partnerId: w.partnerA1.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.mood).toBe(3);
  });

  it("'today' is the couple's local date (Pacific/Auckland), and another date is refused", async () => {
    const practice = await createPractice();
    const t = await createUser(practice.id, "therapist");
    const { partnerA } = await createCouple(practice.id, t.id, { timeZone: "Pacific/Auckland" });
    const today = localDateOf(new Date(), "Pacific/Auckland");
    expect((await call(checkin.action, await postRequest("/checkin", { ...CHECKIN, date: addDays(today, 1) }, partnerA))).status).toBe(400);
    expect((await call(checkin.action, await postRequest("/checkin", { ...CHECKIN, date: today }, partnerA))).status).toBe(302);
    const row = await prisma.checkIn.findFirstOrThrow({ where: { partnerId: partnerA.id } });
    expect(row.localDate.toISOString().slice(0, 10)).toBe(today);
  });

  it.each([
    [{ ...CHECKIN, mood: "11" }, "mood"],
    [{ ...CHECKIN, closeness: "0" }, "closeness"],
    [{ mood: "5", closeness: "5" }, "feelSafe"],
    [{ ...CHECKIN, note: "x".repeat(2001) }, "note"],
  ])("refuses %o with a message on %s and saves nothing", async (fields, field) => {
    const w = await createWorld();
    const res = await call(checkin.action, await postRequest("/checkin", fields as Record<string, string>, w.partnerA1));
    expect(res.status).toBe(400);
    expect((res.data as { result: { error: Record<string, string[]> } }).result.error[field]).toBeTruthy();
    expect(await prisma.checkIn.count({ where: { partnerId: w.partnerA1.id } })).toBe(0);
  });
});

describe("routine logging", () => {
  it("either partner may report, up to 7 days back; older, future, undue days and other couples are refused", async () => {
    const w = await createWorld();
    const today = localDateOf(new Date(), "America/New_York");
    const daily = await prisma.assignment.create({ data: { coupleId: w.coupleA.id, title: "Call", target: "by 8 PM every day", cadence: "daily", responsible: "A", startDate: new Date(`${addDays(today, -20)}T00:00:00Z`), createdById: w.therapist.id } });
    const other = await prisma.assignment.create({ data: { coupleId: w.coupleB.id, title: "X", target: "daily", cadence: "daily", startDate: new Date(`${addDays(today, -20)}T00:00:00Z`), createdById: w.otherTherapist.id } });
    const post = async (who: { id: string }, assignmentId: string, date: string) => call(log.action, await postRequest("/log", { assignmentId, date, status: "kept" }, who));
    expect((await post(w.partnerA1, daily.id, today)).status).toBe(302);
    expect((await post(w.partnerA2, daily.id, today)).status).toBe(302); // the other partner reports on A's agreement
    expect((await post(w.partnerA1, daily.id, addDays(today, -7))).status).toBe(302);
    expect((await post(w.partnerA1, daily.id, addDays(today, -8))).status).toBe(400);
    expect((await post(w.partnerA1, daily.id, addDays(today, 1))).status).toBe(400);
    expect((await post(w.partnerA1, other.id, today)).status).toBe(404);
    expect(await prisma.adherenceEntry.count({ where: { assignmentId: daily.id } })).toBe(3);
    // while shared work is paused nothing can be logged
    await prisma.couple.update({ where: { id: w.coupleA.id }, data: { workPausedAt: new Date() } });
    expect((await post(w.partnerA1, daily.id, addDays(today, -1))).status).toBe(400);
  });
});

describe("homework", () => {
  it("draft, required prompts on submit, CSI-4 scored, and the other's answers only when shared and both submitted", async () => {
    const w = await createWorld();
    const hw = await prisma.homework.create({
      data: {
        coupleId: w.coupleA.id, title: "CSI", instructions: "x", dueDate: new Date(Date.now() + 86_400_000), visibility: "shared", measure: "csi4", createdById: w.therapist.id,
        prompts: { create: [0, 1, 2, 3].map((i) => ({ position: i, type: "scale" as const, label: `Q${i}`, options: i === 0 ? ["a", "b", "c", "d", "e", "f", "g"] : ["a", "b", "c", "d", "e", "f"] })) },
      },
      include: { prompts: { orderBy: { position: "asc" } } },
    });
    const f = (values: number[]) => Object.fromEntries(hw.prompts.map((p, i) => [`p_${p.id}`, String(values[i] ?? "")]).filter(([, v]) => v !== ""));
    const params = { homeworkId: hw.id };
    expect((await call(homework.action, await postRequest(`/homework/${hw.id}`, { intent: "draft", ...f([3]) }, w.partnerA1), params)).status).toBe(302);
    const missing = await call(homework.action, await postRequest(`/homework/${hw.id}`, { intent: "submit", ...f([3]) }, w.partnerA1), params);
    expect(missing.status).toBe(400);
    expect((await call(homework.action, await postRequest(`/homework/${hw.id}`, { intent: "submit", ...f([6, 5, 5, 4]) }, w.partnerA1), params)).status).toBe(302);
    const mine = await prisma.homeworkSubmission.findFirstOrThrow({ where: { homeworkId: hw.id, partnerId: w.partnerA1.id } });
    expect(mine).toMatchObject({ status: "submitted", score: 20 });
    // A2 has not submitted: A1 cannot see A2's draft, A2 cannot see A1's answers
    await call(homework.action, await postRequest(`/homework/${hw.id}`, { intent: "draft", ...f([1]) }, w.partnerA2), params);
    const a2view = await call(homework.loader, await getRequest(`/homework/${hw.id}`, w.partnerA2), params);
    expect((a2view.data as { hw: { other: unknown } }).hw.other).toBeNull();
    await call(homework.action, await postRequest(`/homework/${hw.id}`, { intent: "submit", ...f([2, 2, 2, 2]) }, w.partnerA2), params);
    const a1view = await call(homework.loader, await getRequest(`/homework/${hw.id}`, w.partnerA1), params);
    expect((a1view.data as { hw: { other: { name: string } | null } }).hw.other?.name).toBe(w.partnerA2.name);
    // another couple's partner gets 404
    expect((await call(homework.loader, await getRequest(`/homework/${hw.id}`, w.partnerB1), params)).status).toBe(404);
  });
});
