import { describe, expect, it } from "vitest";
import { dueOn, expectedByPlanWeek, expectedCount, pauseRangesFromInstants, planWeekOf, reportable, specOf, type ScheduleSpec } from "./schedule";

const daily: ScheduleSpec = { cadence: "daily", startDate: "2025-03-03", durationWeeks: 8 }; // a Monday
const weekly: ScheduleSpec = { cadence: "weekly", weekday: 3, startDate: "2025-03-03", durationWeeks: 8 }; // Wednesdays
const thrice: ScheduleSpec = { cadence: "times_per_week", timesPerWeek: 3, startDate: "2025-03-03", durationWeeks: 8 };
const asNeeded: ScheduleSpec = { cadence: "as_needed", startDate: "2025-03-03", durationWeeks: 8 };

describe("expectedCount", () => {
  it.each([
    ["daily, first week", daily, "2025-03-03", "2025-03-09", [], 7],
    ["daily across the spring-forward week (US DST 2025-03-09)", daily, "2025-03-06", "2025-03-12", [], 7],
    ["daily, range starts before the plan", daily, "2025-02-20", "2025-03-05", [], 3],
    ["daily, range ends after the plan (8 weeks = 56 days)", daily, "2025-03-03", "2025-06-30", [], 56],
    ["daily, range entirely before the plan", daily, "2025-01-01", "2025-02-01", [], 0],
    ["daily, range entirely after the plan", daily, "2025-05-01", "2025-05-10", [], 0],
    ["daily, a closed pause of 3 days", daily, "2025-03-03", "2025-03-09", [{ from: "2025-03-05", to: "2025-03-07" }], 4],
    ["daily, an open pause", daily, "2025-03-03", "2025-03-09", [{ from: "2025-03-08", to: null }], 5],
    ["daily, a pause at the very start", daily, "2025-03-03", "2025-03-09", [{ from: "2025-03-01", to: "2025-03-03" }], 6],
    ["weekly on Wednesday, 8 weeks", weekly, "2025-03-03", "2025-04-27", [], 8],
    ["weekly, Monday–Tuesday only", weekly, "2025-03-03", "2025-03-04", [], 0],
    ["weekly, Wednesday paused", weekly, "2025-03-03", "2025-03-09", [{ from: "2025-03-05", to: "2025-03-05" }], 0],
    ["3 per week, full week", thrice, "2025-03-03", "2025-03-09", [], 3],
    ["3 per week, two full weeks", thrice, "2025-03-03", "2025-03-16", [], 6],
    ["3 per week, week in progress (3 days in) rounds down", thrice, "2025-03-03", "2025-03-05", [], 1],
    ["3 per week, 5 of 7 days paused", thrice, "2025-03-03", "2025-03-09", [{ from: "2025-03-03", to: "2025-03-07" }], 0],
    ["as needed never expects", asNeeded, "2025-03-03", "2025-04-27", [], 0],
  ] as const)("%s", (_name, spec, from, to, pauses, expected) => {
    expect(expectedCount(spec, { from, to, pauses: [...pauses] })).toBe(expected);
  });

  it.each([
    [1, "2025-03-03", 7],
    [52, "2025-03-03", 364],
  ])("durationWeeks %i gives %s + %i days", (weeks, start, days) => {
    expect(expectedCount({ cadence: "daily", startDate: start, durationWeeks: weeks }, { from: start, to: "2030-01-01" })).toBe(days);
  });
});

describe("plan weeks", () => {
  it.each([
    ["2025-03-03", 1],
    ["2025-03-09", 1],
    ["2025-03-10", 2],
    ["2025-04-27", 8],
    ["2025-04-28", null],
    ["2025-03-02", null],
  ] as const)("%s is week %s", (date, week) => {
    expect(planWeekOf(daily, date)).toBe(week);
  });

  it("expectedByPlanWeek lists weeks so far with expected-so-far in the current week", () => {
    const weeks = expectedByPlanWeek(daily, { to: "2025-03-12" });
    expect(weeks.map((w) => [w.week, w.expected])).toEqual([
      [1, 7],
      [2, 3],
    ]);
  });
});

describe("due and reportable", () => {
  it.each([
    [daily, "2025-03-04", [], true],
    [daily, "2025-03-04", [{ from: "2025-03-04", to: null }], false],
    [weekly, "2025-03-05", [], true],
    [weekly, "2025-03-06", [], false],
    [asNeeded, "2025-03-06", [], true],
    [asNeeded, "2025-06-06", [], false],
  ] as const)("%o due on %s: %s", (spec, date, pauses, expected) => {
    expect(dueOn(spec, date, [...pauses])).toBe(expected);
  });

  it.each([
    [weekly, "2025-03-05", true],
    [weekly, "2025-03-06", false],
    [asNeeded, "2025-03-06", true],
    [daily, "2025-02-01", false],
  ] as const)("reportable %o %s → %s", (spec, date, expected) => {
    expect(reportable(spec, date)).toBe(expected);
  });
});

describe("pauseRangesFromInstants", () => {
  it.each([
    ["closed pause: start day through the day before it ended", { start: new Date("2025-03-05T15:00:00Z"), end: new Date("2025-03-08T15:00:00Z") }, "America/New_York", { from: "2025-03-05", to: "2025-03-07" }],
    ["open pause", { start: new Date("2025-03-05T03:00:00Z"), end: null }, "America/New_York", { from: "2025-03-04", to: null }],
    ["east of UTC: the local date is already tomorrow", { start: new Date("2025-03-05T12:00:00Z"), end: null }, "Pacific/Auckland", { from: "2025-03-06", to: null }],
  ] as const)("%s", (_n, pause, tz, expected) => {
    expect(pauseRangesFromInstants([pause], tz)).toEqual([expected]);
  });

  it("a pause lifted the same day covers nothing", () => {
    expect(pauseRangesFromInstants([{ start: new Date("2025-03-05T13:00:00Z"), end: new Date("2025-03-05T18:00:00Z") }], "UTC")).toEqual([]);
  });
});

describe("specOf", () => {
  it.each([
    ["a Date from the ORM", new Date("2026-03-08T00:00:00Z")],
    ["a YYYY-MM-DD string from SQL", "2026-03-08"],
  ])("reads the start date from %s", (_label, startDate) => {
    expect(specOf({ cadence: "weekly", weekday: 2, timesPerWeek: null, startDate, durationWeeks: 8 })).toEqual({ cadence: "weekly", weekday: 2, timesPerWeek: null, startDate: "2026-03-08", durationWeeks: 8 });
  });
});
