import { describe, expect, it } from "vitest";
import type { FlagStatus } from "./flag-rules";
import { DEFAULT_SLA_HOURS, dueBy, formatOverdue, nextStatus, overdueBy, queueOrder, recomputeDueBy, validateResolution, type FlagAction } from "./flag-workflow";

const T = new Date("2026-11-20T12:00:00Z");

describe("transitions", () => {
  const table: [FlagStatus, FlagAction, FlagStatus | null][] = [
    ["open", "acknowledge", "acknowledged"],
    ["open", "escalate", "escalated"],
    ["open", "resolve", "resolved"],
    ["open", "note", "open"],
    ["open", "assign", "open"],
    ["open", "raise_severity", "open"],
    ["acknowledged", "acknowledge", null],
    ["acknowledged", "escalate", "escalated"],
    ["acknowledged", "resolve", "resolved"],
    ["acknowledged", "note", "acknowledged"],
    ["acknowledged", "assign", "acknowledged"],
    ["acknowledged", "raise_severity", "acknowledged"],
    ["escalated", "acknowledge", null],
    ["escalated", "escalate", null],
    ["escalated", "resolve", "resolved"],
    ["escalated", "note", "escalated"],
    ["escalated", "assign", "escalated"],
    ["escalated", "raise_severity", "escalated"],
    ["resolved", "acknowledge", null],
    ["resolved", "escalate", null],
    ["resolved", "resolve", null],
    ["resolved", "note", "resolved"],
    ["resolved", "assign", null],
    ["resolved", "raise_severity", null],
  ];
  it.each(table)("%s + %s → %s", (from, action, to) => {
    const r = nextStatus(from, action);
    if (to === null) expect(r.ok).toBe(false);
    else expect(r).toEqual({ ok: true, status: to });
  });
});

describe("SLA", () => {
  it.each([
    ["imminent", "2026-11-20T13:00:00.000Z"],
    ["high", "2026-11-21T12:00:00.000Z"],
    ["medium", "2026-11-23T12:00:00.000Z"],
    ["low", "2026-11-27T12:00:00.000Z"],
  ] as const)("%s is due at %s", (severity, iso) => {
    expect(dueBy(T, severity, DEFAULT_SLA_HOURS).toISOString()).toBe(iso);
  });
  it("raising severity only brings the deadline closer", () => {
    const existing = new Date("2026-11-21T00:00:00Z");
    expect(recomputeDueBy(existing, T, "imminent", DEFAULT_SLA_HOURS).toISOString()).toBe("2026-11-20T13:00:00.000Z");
    expect(recomputeDueBy(existing, T, "low", DEFAULT_SLA_HOURS)).toBe(existing);
  });
  it.each([
    [new Date("2026-11-20T13:00:00Z"), null],
    [new Date("2026-11-20T11:30:00Z"), 30 * 60_000],
  ])("overdueBy(%s)", (due, ms) => expect(overdueBy(due, T)).toBe(ms));
  it.each([
    [5 * 60_000, "5 min overdue"],
    [125 * 60_000, "2 h 5 min overdue"],
    [3 * 86_400_000, "3 days overdue"],
  ])("formatOverdue(%i) = %s", (ms, s) => expect(formatOverdue(ms)).toBe(s));
});

describe("resolution", () => {
  it.each([
    [{ outcome: "safety_plan", note: "Plan agreed." }, null],
    [{ outcome: "", note: "x" }, ["outcome"]],
    [{ outcome: "nonsense", note: "x" }, ["outcome"]],
    [{ outcome: "other", note: "   " }, ["note"]],
    [{}, ["outcome", "note"]],
    [{ outcome: "other", note: "x".repeat(4001) }, ["note"]],
  ])("%o", (input, fields) => {
    const r = validateResolution(input);
    expect(r === null ? null : Object.keys(r)).toEqual(fields);
  });
});

describe("queue order", () => {
  it("severity first, then the nearest due-by, then the oldest", () => {
    const f = (severity: "low" | "medium" | "high" | "imminent", due: string, created = "2026-11-01") => ({ severity, dueBy: new Date(due), createdAt: new Date(created), id: `${severity}-${due}-${created}` });
    const list = [f("low", "2026-11-19"), f("high", "2026-11-22"), f("imminent", "2026-11-25"), f("high", "2026-11-21"), f("high", "2026-11-21", "2026-10-01")];
    expect(list.sort(queueOrder).map((x) => x.id)).toEqual([
      "imminent-2026-11-25-2026-11-01",
      "high-2026-11-21-2026-10-01",
      "high-2026-11-21-2026-11-01",
      "high-2026-11-22-2026-11-01",
      "low-2026-11-19-2026-11-01",
    ]);
  });
});
