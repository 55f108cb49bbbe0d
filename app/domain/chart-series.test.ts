import { describe, expect, it } from "vitest";
import { chartPeriod, markersIn, parseRange, partnerPoints, pointsFromRows } from "./chart-series";

describe("chartPeriod", () => {
  it("is the range's last days, today included, never before the couple's start", () => {
    expect(chartPeriod("4w", "2026-01-01", "2026-12-01")).toEqual({ from: "2026-11-04", to: "2026-12-01", fromStart: false });
    expect(chartPeriod("8w", "2026-11-20", "2026-12-01")).toEqual({ from: "2026-11-20", to: "2026-12-01", fromStart: true });
  });
  it("'all' starts at the couple's start, or at an earlier check-in", () => {
    expect(chartPeriod("all", "2026-10-01", "2026-12-01")).toEqual({ from: "2026-10-01", to: "2026-12-01", fromStart: true });
    expect(chartPeriod("all", "2026-10-01", "2026-12-01", "2026-09-28").from).toBe("2026-09-28");
    expect(chartPeriod("8w", "2026-10-01", "2026-12-01", "2026-09-28").from).toBe("2026-10-07");
  });
  it("a couple starting in the future gets today alone", () => {
    expect(chartPeriod("8w", "2026-12-10", "2026-12-01")).toEqual({ from: "2026-12-01", to: "2026-12-01", fromStart: true });
  });
});

describe("parseRange", () => {
  it.each([["4w", "4w"], ["all", "all"], ["9w", "8w"], [null, "8w"]] as const)("%s → %s", (v, r) => expect(parseRange(v)).toBe(r));
});

describe("partnerPoints", () => {
  it("puts each check-in on partner A's or B's line, for mood and closeness", () => {
    const p = partnerPoints(
      [
        { partnerId: "a", d: "2026-11-01", mood: 5, closeness: 6, moodAvg: 5, closenessAvg: 6 },
        { partnerId: "b", d: "2026-11-01", mood: 8, closeness: 3, moodAvg: 8, closenessAvg: 3 },
        { partnerId: "a", d: "2026-11-02", mood: 7, closeness: 4, moodAvg: 6, closenessAvg: 5 },
      ],
      "a",
    );
    expect(p.mood.A).toEqual([{ date: "2026-11-01", value: 5, avg: 5 }, { date: "2026-11-02", value: 7, avg: 6 }]);
    expect(p.mood.B).toEqual([{ date: "2026-11-01", value: 8, avg: 8 }]);
    expect(p.closeness.A.map((x) => x.avg)).toEqual([6, 5]);
    expect(p.closeness.B.map((x) => x.value)).toEqual([3]);
  });
});

describe("markersIn", () => {
  it("keeps flags in the period and cuts pauses to it", () => {
    const m = markersIn(
      {
        flags: [
          { id: "f1", date: "2026-10-01", severity: "low", status: "resolved" },
          { id: "f2", date: "2026-11-15", severity: "high", status: "open" },
        ],
        pauses: [
          { id: "p1", from: "2026-10-20", to: "2026-11-05", reason: "therapist" },
          { id: "p2", from: "2026-11-25", to: null, reason: "safety" },
          { id: "p3", from: "2026-09-01", to: "2026-09-03", reason: "therapist" },
        ],
      },
      { from: "2026-11-01", to: "2026-12-01" },
    );
    expect(m.flags.map((f) => f.id)).toEqual(["f2"]);
    expect(m.pauses).toEqual([
      { id: "p1", from: "2026-11-01", to: "2026-11-05", reason: "therapist", ongoing: false },
      { id: "p2", from: "2026-11-25", to: "2026-12-01", reason: "safety", ongoing: true },
    ]);
  });
});

describe("pointsFromRows", () => {
  it("reads the same points back from the table's day rows", () => {
    const series = [
      { partnerId: "a", d: "2026-11-01", mood: 5, closeness: 6, moodAvg: 5, closenessAvg: 6 },
      { partnerId: "b", d: "2026-11-01", mood: 8, closeness: 3, moodAvg: 8, closenessAvg: 3 },
      { partnerId: "a", d: "2026-11-02", mood: 7, closeness: 4, moodAvg: 6, closenessAvg: 5 },
    ];
    const rows: Record<string, string | number | null>[] = [
      { date: "2026-11-01", moodA: 5, moodAvgA: 5, closenessA: 6, closenessAvgA: 6, moodB: 8, moodAvgB: 8, closenessB: 3, closenessAvgB: 3 },
      { date: "2026-11-02", moodA: 7, moodAvgA: 6, closenessA: 4, closenessAvgA: 5 },
    ];
    expect(pointsFromRows(rows)).toEqual(partnerPoints(series, "a"));
  });
});
