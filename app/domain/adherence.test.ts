import { describe, expect, it } from "vitest";
import { adherencePercent, combineReports, gapSize, perceptionGap, summarize, trend, type Report } from "./adherence";

describe("adherencePercent", () => {
  it.each([
    [{ kept: 7, partly: 0, expected: 7 }, 100],
    [{ kept: 0, partly: 0, expected: 7 }, 0],
    [{ kept: 3, partly: 2, expected: 8 }, 50],
    [{ kept: 1, partly: 1, expected: 3 }, 50],
    [{ kept: 5, partly: 0, expected: 0 }, null],
    [{ kept: 9, partly: 0, expected: 7 }, 100],
    [{ kept: 2, partly: 1, expected: 7 }, 36],
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

describe("gaps, summary and trend", () => {
  it.each([
    ["kept", "kept", false, 0],
    ["kept", "missed", true, 1],
    ["partly", "kept", true, 0.5],
  ] as const)("%s vs %s: gap %s (size %s)", (a, b, gap, size) => {
    expect(perceptionGap(a, b)).toBe(gap);
    expect(gapSize(a, b)).toBe(size);
  });
  it("one missing report is not a gap", () => expect(perceptionGap("kept", null)).toBe(false));

  it("summarize counts not-reported occurrences against expected, never as missed", () => {
    const s = summarize(
      [
        { date: "2025-03-03", reports: ["kept", "kept"] },
        { date: "2025-03-04", reports: ["kept", "missed"] },
        { date: "2025-03-05", reports: ["missed"] },
      ],
      7,
    );
    expect(s).toEqual({ expected: 7, kept: 1, partly: 1, missed: 1, notReported: 4, percent: 21, gaps: 1 });
  });

  it.each([
    [80, 60, "up"],
    [60, 80, "down"],
    [62, 60, "flat"],
    [null, 60, "unknown"],
  ] as const)("trend(%s, %s) = %s", (c, p, t) => expect(trend(c, p)).toBe(t));
});
