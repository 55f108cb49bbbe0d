import { describe, expect, it } from "vitest";
import {
  ADHERENCE_WINDOW_DAYS,
  adherenceFigure,
  adherencePercent,
  adherenceWindow,
  combineReports,
  excludedRanges,
  expectedIn,
  planWeek,
  planWeekDates,
  planWeeksOf,
  tallyByPlanWeek,
  type Report,
} from "./adherence";
import type { ScheduleSpec } from "./schedule";

describe("adherencePercent", () => {
  it.each([
    [{ score: 7, expected: 7 }, 100],
    [{ score: 0, expected: 7 }, 0],
    [{ score: 4, expected: 8 }, 50],
    [{ score: 1.5, expected: 3 }, 50],
    [{ score: 5, expected: 0 }, null],
    [{ score: 9, expected: 7 }, 100],
    [{ score: 2.5, expected: 7 }, 36],
  ])("%o → %s", (input, expected) => {
    expect(adherencePercent(input)).toBe(expected);
  });
});

describe("combineReports", () => {
  it.each([
    [[], { score: null, status: "not_reported", gap: false }],
    [["kept"], { score: 1, status: "kept", gap: false }],
    [["missed"], { score: 0, status: "missed", gap: false }],
    [["kept", "kept"], { score: 1, status: "kept", gap: false }],
    [["kept", "missed"], { score: 0.5, status: "partly", gap: true }],
    [["kept", "partly"], { score: 0.75, status: "partly", gap: true }],
    [["partly", "missed"], { score: 0.25, status: "partly", gap: true }],
  ] as [Report[], ReturnType<typeof combineReports>][])("%o", (reports, expected) => {
    expect(combineReports(reports)).toEqual(expected);
  });
});

describe("window and plan weeks", () => {
  it("the adherence window is the last 14 local days, today included", () => {
    expect(ADHERENCE_WINDOW_DAYS).toBe(14);
    expect(adherenceWindow("2025-03-20")).toEqual({ from: "2025-03-07", to: "2025-03-20" });
    expect(adherenceWindow("2025-03-20", 7)).toEqual({ from: "2025-03-14", to: "2025-03-20" });
  });

  it.each([
    ["2025-03-03", 1],
    ["2025-03-09", 1],
    ["2025-03-10", 2],
    ["2025-04-27", 8],
    ["2025-03-02", 0],
    ["2025-02-24", 0],
    ["2025-02-23", -1],
  ])("plan week of %s (couple started 2025-03-03) is %s", (date, week) => {
    expect(planWeek("2025-03-03", date)).toBe(week);
  });

  it("plan week dates", () => expect(planWeekDates("2025-03-03", 5)).toEqual({ from: "2025-03-31", to: "2025-04-06" }));

  it("a routine that starts in week 5 takes part from week 5, up to today, its plan end or the day before it ended", () => {
    const spec: ScheduleSpec = { cadence: "daily", startDate: "2025-04-02", durationWeeks: 2 };
    expect(planWeeksOf("2025-03-03", spec, null, "2025-04-01")).toEqual([]);
    expect(planWeeksOf("2025-03-03", spec, null, "2025-04-08")).toEqual([5, 6]);
    expect(planWeeksOf("2025-03-03", spec, null, "2025-06-01")).toEqual([5, 6, 7]); // 14 days from Wednesday of week 5
    expect(planWeeksOf("2025-03-03", spec, "2025-04-07", "2025-06-01")).toEqual([5]); // ended on the first day of week 6
    expect(planWeeksOf("2025-03-03", spec, "2025-04-02", "2025-06-01")).toEqual([]); // ended the day it started
  });
});

describe("excludedRanges", () => {
  const pauses = [
    { reason: "safety" as const, start: new Date("2025-03-05T15:00:00Z"), end: new Date("2025-03-08T15:00:00Z") },
    { reason: "therapist" as const, start: new Date("2025-03-12T15:00:00Z"), end: null },
  ];
  it("the clinician's view leaves out every pause; a partner's only the therapist's", () => {
    expect(excludedRanges(pauses, null, "America/New_York", "clinician")).toEqual([
      { from: "2025-03-05", to: "2025-03-07" },
      { from: "2025-03-12", to: null },
    ]);
    expect(excludedRanges(pauses, null, "America/New_York", "partner")).toEqual([{ from: "2025-03-12", to: null }]);
  });
  it("an ended assignment expects nothing from the local day it ended on", () => {
    // 03:00 UTC on the 10th is still the 9th in New York
    expect(excludedRanges([], new Date("2025-03-10T03:00:00Z"), "America/New_York", "clinician")).toEqual([{ from: "2025-03-09", to: null }]);
  });
});

describe("tallyByPlanWeek", () => {
  const weekly: ScheduleSpec = { cadence: "weekly", weekday: 3, startDate: "2025-03-03", durationWeeks: 8 }; // Wednesdays
  it("scores only expected occurrences, combines the partners' reports and adds them up per couple week", () => {
    const t = tallyByPlanWeek({
      coupleStart: "2025-02-24",
      from: "2025-02-01",
      to: "2025-03-31",
      spec: weekly,
      excluded: [{ from: "2025-03-19", to: "2025-03-19" }],
      reports: [
        { date: "2025-03-05", status: "kept" }, // Wednesday of couple week 2
        { date: "2025-03-05", status: "partly" },
        { date: "2025-03-06", status: "missed" }, // a Thursday: not due, not scored
        { date: "2025-03-12", status: "missed" }, // week 3
        { date: "2025-03-19", status: "missed" }, // paused: not scored
        { date: "2025-03-26", status: "kept" }, // week 5
      ],
    });
    expect(Object.fromEntries(t)).toEqual({
      2: { kept: 0, partly: 1, missed: 0, gaps: 1, score: 0.75 },
      3: { kept: 0, partly: 0, missed: 1, gaps: 0, score: 0 },
      5: { kept: 1, partly: 0, missed: 0, gaps: 0, score: 1 },
    });
  });

  it("a figure counts not-reported occurrences against expected, never as missed", () => {
    const spec: ScheduleSpec = { cadence: "daily", startDate: "2025-03-03", durationWeeks: 8 };
    const range = { from: "2025-03-03", to: "2025-03-09" };
    const t = tallyByPlanWeek({
      coupleStart: "2025-03-03",
      ...range,
      spec,
      excluded: [],
      reports: [
        { date: "2025-03-03", status: "kept" },
        { date: "2025-03-03", status: "kept" },
        { date: "2025-03-04", status: "kept" },
        { date: "2025-03-04", status: "missed" },
        { date: "2025-03-05", status: "missed" },
      ],
    }).get(1)!;
    expect(adherenceFigure(expectedIn("2025-03-03", spec, [], range), t)).toEqual({ expected: 7, kept: 1, partly: 1, missed: 1, gaps: 1, notReported: 4, percent: 21 });
  });

  it("days before the couple's start are neither expected nor scored", () => {
    const spec: ScheduleSpec = { cadence: "daily", startDate: "2025-03-01", durationWeeks: 8 };
    expect(expectedIn("2025-03-03", spec, [], { from: "2025-03-01", to: "2025-03-04" })).toBe(2);
    const t = tallyByPlanWeek({ coupleStart: "2025-03-03", from: "2025-03-01", to: "2025-03-04", spec, excluded: [], reports: [{ date: "2025-03-02", status: "kept" }] });
    expect(t.size).toBe(0);
  });
});
