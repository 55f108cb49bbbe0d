/**
 * "Adherence per week" counts the couple's plan weeks (7-day blocks from the couple's start date,
 * in its zone), not each routine's own weeks: assigning a routine today must not rewrite Week 1.
 */
import { describe, expect, it } from "vitest";
import { addDays, localDateOf } from "~/domain/dates";
import * as assign from "~/routes/couples.$coupleId.assign";
import * as coupleRoute from "~/routes/couples.$coupleId._index/route";
import { prisma } from "~/utils/db.server";
import { call, createCouple, createPractice, createUser, getRequest, postRequest } from "../support/fixtures";

type Week = { week: number; from: string; expected: number; kept: number; partly: number; missed: number; notReported: number; percent: number | null };
type Adherence = { overall: Week[]; perAssignment: { id: string; title: string; weeks: Week[] }[] };

const TZ = "Pacific/Auckland";

async function adherenceOf(coupleId: string, therapist: { id: string }) {
  const res = await call(coupleRoute.loader, await getRequest(`/couples/${coupleId}`, therapist), { coupleId });
  expect(res.status).toBe(200);
  return (res.data as { adherence: Adherence }).adherence;
}

describe("adherence per plan week", () => {
  it("weeks are the couple's: routines started in different weeks count from their own week, and a routine assigned today leaves Week 1 as it was", async () => {
    const practice = await createPractice();
    const therapist = await createUser(practice.id, "therapist");
    const today = localDateOf(new Date(), TZ);
    const start = addDays(today, -35); // today is the first day of week 6
    const { couple, partnerA, partnerB } = await createCouple(practice.id, therapist.id, { startDate: start, timeZone: TZ });
    const day = (n: number) => new Date(`${addDays(start, n)}T00:00:00Z`);
    const base = { coupleId: couple.id, target: "by 8 PM every day", cadence: "daily" as const, createdById: therapist.id };
    const first = await prisma.assignment.create({ data: { ...base, title: "Call", startDate: day(0) } });
    // starts on the third day of week 3
    const later = await prisma.assignment.create({ data: { ...base, title: "Walk", startDate: day(16) } });
    for (let n = 0; n < 7; n++) {
      for (const p of [partnerA, partnerB]) await prisma.adherenceEntry.create({ data: { assignmentId: first.id, occurrenceDate: day(n), reporterId: p.id, status: "kept" } });
    }
    for (const [n, status] of [[16, "kept"], [17, "kept"], [21, "missed"]] as const) {
      await prisma.adherenceEntry.create({ data: { assignmentId: later.id, occurrenceDate: day(n), reporterId: partnerA.id, status } });
    }

    const before = await adherenceOf(couple.id, therapist);
    expect(before.overall.map((w) => w.week)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(before.overall[0]).toMatchObject({ week: 1, from: start, expected: 7, kept: 7, percent: 100 });
    const walk = before.perAssignment.find((a) => a.id === later.id)!;
    expect(walk.weeks.map((w) => w.week)).toEqual([3, 4, 5, 6]);
    expect(walk.weeks[0]).toMatchObject({ week: 3, from: addDays(start, 14), expected: 5, kept: 2, notReported: 3, percent: 40 });
    expect(walk.weeks[1]).toMatchObject({ week: 4, expected: 7, missed: 1 });
    // week 3: Call 7 expected and nothing reported, Walk 5 expected with 2 kept
    expect(before.overall[2]).toMatchObject({ week: 3, expected: 12, kept: 2, percent: 17 });

    // the therapist assigns a new routine starting today
    const posted = await call(
      assign.action,
      await postRequest(`/couples/${couple.id}/assign`, { kind: "routine", title: "Appreciation", target: "one appreciation by 9 PM every day", cadence: "daily", responsible: "BOTH", startDate: today, durationWeeks: "8" }, therapist),
      { coupleId: couple.id },
    );
    expect(posted.status).toBe(302);
    const after = await adherenceOf(couple.id, therapist);
    expect(after.overall.slice(0, 5)).toEqual(before.overall.slice(0, 5));
    const added = after.perAssignment.find((a) => a.title === "Appreciation")!;
    expect(added.weeks.map((w) => w.week)).toEqual([6]);
    expect(after.overall[5]!.expected).toBe(before.overall[5]!.expected + 1);
  });

  it("a couple whose routines start later shows its weeks from the first routine's week", async () => {
    const practice = await createPractice();
    const therapist = await createUser(practice.id, "therapist");
    const today = localDateOf(new Date(), TZ);
    const start = addDays(today, -30);
    const { couple } = await createCouple(practice.id, therapist.id, { startDate: start, timeZone: TZ });
    await prisma.assignment.create({ data: { coupleId: couple.id, title: "Call", target: "by 8 PM every day", cadence: "weekly", weekday: 1, createdById: therapist.id, startDate: new Date(`${addDays(start, 28)}T00:00:00Z`) } });
    const adherence = await adherenceOf(couple.id, therapist);
    expect(adherence.overall.map((w) => w.week)).toEqual([5]);
  });
});
