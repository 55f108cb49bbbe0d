import { describe, expect, it } from "vitest";
import { adherenceSummary, csiSummary, gapSummary, spanText, trendClause, trendSummary } from "./chart-summary";

describe("spanText", () => {
  it.each([
    [0, "0 days"],
    [1, "1 day"],
    [13, "13 days"],
    [14, "2 weeks"],
    [21, "3 weeks"],
    [24, "3 weeks"],
    [25, "4 weeks"],
  ])("%i days reads %s", (days, text) => expect(spanText(days)).toBe(text));
});

describe("trendClause", () => {
  it("says which way the 7-day average went, from its first to its last point in the period", () => {
    const points = [
      { date: "2026-11-01", value: 7 },
      { date: "2026-11-10", value: 5.5 },
      { date: "2026-11-22", value: 4 },
    ];
    expect(trendClause("Jordan", points)).toBe("fell from 7 to 4 over 3 weeks for Jordan");
    expect(trendClause("Sam", [...points].reverse().map((p, i) => ({ ...p, date: points[i]!.date })))).toBe("rose from 4 to 7 over 3 weeks for Sam");
  });

  it("orders the points by date whatever order they come in", () => {
    expect(trendClause("Jordan", [{ date: "2026-11-08", value: 6.3 }, { date: "2026-11-01", value: 5 }])).toBe("rose from 5 to 6.3 over 7 days for Jordan");
  });

  it("a change under half a point is steady", () => {
    expect(trendClause("Sam", [{ date: "2026-11-01", value: 6.2 }, { date: "2026-11-05", value: 6.6 }])).toBe("stayed about 6.6 over 4 days for Sam");
  });

  it("one point is one day, no trend; none is nothing", () => {
    expect(trendClause("Sam", [{ date: "2026-11-05", value: 8 }])).toBe("was 8 on the one day Sam checked in (5 Nov 2026)");
    expect(trendClause("Sam", [])).toBeNull();
  });
});

describe("trendSummary", () => {
  it("is one sentence over both partners", () => {
    expect(
      trendSummary("Mood", [
        { name: "Jordan", points: [{ date: "2026-11-01", value: 7 }, { date: "2026-11-22", value: 4 }] },
        { name: "Sam", points: [{ date: "2026-11-01", value: 6 }, { date: "2026-11-22", value: 6.2 }] },
      ]),
    ).toBe("Mood (7-day average) fell from 7 to 4 over 3 weeks for Jordan and stayed about 6.2 over 3 weeks for Sam.");
  });

  it("names a partner with no check-ins, and says so when neither has any", () => {
    expect(trendSummary("Closeness", [{ name: "Jordan", points: [{ date: "2026-11-01", value: 3 }, { date: "2026-11-03", value: 5 }] }, { name: "Sam", points: [] }])).toBe(
      "Closeness (7-day average) rose from 3 to 5 over 2 days for Jordan; no check-ins from Sam in this period.",
    );
    expect(trendSummary("Closeness", [{ name: "Jordan", points: [] }, { name: "Sam", points: [] }])).toBe("No closeness check-ins in this period.");
  });
});

describe("adherenceSummary", () => {
  const w = (week: number, expected: number, percent: number | null) => ({ week, expected, percent });

  it("reads the current week against the target and counts the weeks that met it", () => {
    expect(adherenceSummary("All routines", [w(1, 7, 90), w(2, 14, 70), w(3, 5, 60)], 3, 80)).toBe(
      "All routines: 60% in week 3 (this week, so far), below the 80% target; 1 of 3 weeks so far met it.",
    );
  });

  it("falls back to the latest week that expected anything", () => {
    expect(adherenceSummary("Walk", [w(2, 3, 100), w(3, 0, null)], 3, 80)).toBe("Walk: 100% in week 2, at or above the 80% target.");
  });

  it("the target itself meets the target", () => {
    expect(adherenceSummary("Call", [w(1, 5, 80), w(2, 5, 79)], 2, 80)).toMatch(/79% in week 2 .*below the 80% target; 1 of 2 weeks so far met it\.$/);
  });

  it("says so when nothing was due", () => {
    expect(adherenceSummary("All routines", [], 1, 80)).toBe("All routines: nothing was due yet, so there is no adherence to show.");
    expect(adherenceSummary("Call", [w(1, 0, null)], 1, 80)).toMatch(/nothing was due yet/);
  });
});

describe("gapSummary", () => {
  it("counts the gaps, names the routine with most and the latest day", () => {
    expect(
      gapSummary([
        { title: "Call", date: "2026-11-03" },
        { title: "Walk", date: "2026-11-20" },
        { title: "Call", date: "2026-11-10" },
      ]),
    ).toBe("The partners reported 3 occurrences differently, most often on “Call” (2); the latest on 20 Nov 2026.");
  });

  it("one routine, one gap, or none", () => {
    expect(gapSummary([{ title: "Call", date: "2026-11-03" }])).toBe("The partners reported 1 occurrence differently, all on “Call”; the latest on 3 Nov 2026.");
    expect(gapSummary([])).toBe("The partners agreed on every occurrence they both reported.");
  });
});

describe("csiSummary", () => {
  it("gives each partner's latest score against the cut-off", () => {
    expect(
      csiSummary(
        [
          { name: "Jordan", scores: [{ date: "2026-11-09", score: 15 }, { date: "2026-11-02", score: 9 }] },
          { name: "Sam", scores: [{ date: "2026-11-09", score: 12 }] },
        ],
        13.5,
      ),
    ).toBe("Latest CSI-4: Jordan 15 on 9 Nov 2026 (above the distress cut-off of 13.5); Sam 12 on 9 Nov 2026 (below the distress cut-off of 13.5).");
    expect(csiSummary([{ name: "Jordan", scores: [] }], 13.5)).toBe("No CSI-4 scores yet.");
  });
});
