import { describe, expect, it } from "vitest";
import type { Severity } from "./safety/severity";
import {
  DEFAULT_SLA_HOURS,
  dueBy,
  FLAG_ACTIONS,
  FLAG_STATUSES,
  formatOverdue,
  isResolutionOutcome,
  nextStatus,
  OUTCOME_LABELS,
  overdueBy,
  queueOrder,
  recomputeDueBy,
  RESOLUTION_OUTCOMES,
  RESOLVED_ERROR,
  slaHoursFor,
  validateResolution,
  type FlagAction,
  type FlagStatus,
  type QueueItem,
  type SlaHours,
} from "./flag-workflow";

const T = new Date("2026-11-20T12:00:00Z");
const H = 3_600_000;
const MIN = 60_000;

describe("transitions: every status × every action", () => {
  // null = refused; the string is (part of) the error the person sees
  const table: [FlagStatus, FlagAction, FlagStatus | null, string?][] = [
    ["open", "acknowledge", "acknowledged"],
    ["open", "escalate", "escalated"],
    ["open", "resolve", "resolved"],
    ["open", "note", "open"],
    ["open", "assign", "open"],
    ["open", "raise_severity", "open"],
    ["acknowledged", "acknowledge", null, "already acknowledged"],
    ["acknowledged", "escalate", "escalated"],
    ["acknowledged", "resolve", "resolved"],
    ["acknowledged", "note", "acknowledged"],
    ["acknowledged", "assign", "acknowledged"],
    ["acknowledged", "raise_severity", "acknowledged"],
    ["escalated", "acknowledge", null, "already escalated"],
    ["escalated", "escalate", null, "already escalated"],
    ["escalated", "resolve", "resolved"],
    ["escalated", "note", "escalated"],
    ["escalated", "assign", "escalated"],
    ["escalated", "raise_severity", "escalated"],
    ["resolved", "acknowledge", null, RESOLVED_ERROR],
    ["resolved", "escalate", null, RESOLVED_ERROR],
    ["resolved", "resolve", null, RESOLVED_ERROR],
    ["resolved", "note", "resolved"], // notes stay allowed: the timeline is append-only history
    ["resolved", "assign", null, RESOLVED_ERROR],
    ["resolved", "raise_severity", null, RESOLVED_ERROR],
  ];

  it("the table covers all 4 × 6 pairs", () => {
    expect(new Set(table.map(([s, a]) => `${s}:${a}`)).size).toBe(FLAG_STATUSES.length * FLAG_ACTIONS.length);
  });

  it.each(table)("%s + %s → %s", (from, action, to, error) => {
    const result = nextStatus(from, action);
    if (to === null) expect(result).toEqual({ ok: false, error: expect.stringContaining(error!) });
    else expect(result).toEqual({ ok: true, status: to });
  });

  it.each([
    ["deleted", "note"],
    ["open", "delete"],
    ["", ""],
  ])("unknown status/action (%j, %j) is refused, not thrown", (status, action) => {
    expect(nextStatus(status as FlagStatus, action as FlagAction)).toMatchObject({ ok: false });
  });
});

describe("SLA due-by", () => {
  it.each([
    ["imminent", DEFAULT_SLA_HOURS, "2026-11-20T13:00:00.000Z"],
    ["high", DEFAULT_SLA_HOURS, "2026-11-21T12:00:00.000Z"],
    ["medium", DEFAULT_SLA_HOURS, "2026-11-23T12:00:00.000Z"],
    ["low", DEFAULT_SLA_HOURS, "2026-11-27T12:00:00.000Z"],
    ["imminent", { imminent: 0.5, high: 4, medium: 48, low: 96 }, "2026-11-20T12:30:00.000Z"],
    ["high", { imminent: 0.5, high: 4, medium: 48, low: 96 }, "2026-11-20T16:00:00.000Z"],
    // an unusable practice setting falls back to the default instead of an invalid date
    ["high", { imminent: 1, high: 0, medium: 72, low: 168 }, "2026-11-21T12:00:00.000Z"],
    ["high", { imminent: 1, high: -5, medium: 72, low: 168 }, "2026-11-21T12:00:00.000Z"],
    ["high", { imminent: 1, high: Number.NaN, medium: 72, low: 168 }, "2026-11-21T12:00:00.000Z"],
    ["low", { imminent: 1, high: 24, medium: 72 } as SlaHours, "2026-11-27T12:00:00.000Z"],
  ] as const)("%s with %j is due at %s", (severity, sla, iso) => {
    expect(dueBy(T, severity, sla).toISOString()).toBe(iso);
  });

  it.each([
    ["imminent", 1],
    ["high", 24],
    ["medium", 72],
    ["low", 168],
  ] as const)("default SLA for %s is %i h", (severity, hours) => expect(slaHoursFor(severity, DEFAULT_SLA_HOURS)).toBe(hours));

  it.each([
    // [existing due-by offset from now, new severity, expected offset]: min(existing, now + SLA)
    [20 * H, "imminent", 1 * H], // raised to imminent: 1 h from now is sooner
    [20 * H, "high", 20 * H], // 24 h from now is later: keep the existing deadline
    [30 * H, "high", 24 * H],
    [-2 * H, "imminent", -2 * H], // already overdue stays overdue
    [1 * H, "imminent", 1 * H], // equal: unchanged
    [100 * H, "medium", 72 * H],
    [200 * H, "low", 168 * H],
  ] as const)("existing now%+d ms, raised to %s → now%+d ms", (existing, severity, expected) => {
    const result = recomputeDueBy(new Date(T.getTime() + existing), T, severity, DEFAULT_SLA_HOURS);
    expect(result.getTime() - T.getTime()).toBe(expected);
  });

  it("an unreadable existing due-by is replaced", () => {
    expect(recomputeDueBy(new Date(Number.NaN), T, "high", DEFAULT_SLA_HOURS).toISOString()).toBe("2026-11-21T12:00:00.000Z");
  });
});

describe("overdue", () => {
  it.each([
    [T.getTime() + H, null], // due in an hour
    [T.getTime(), null], // exactly due: not yet overdue
    [T.getTime() - 1, 1],
    [T.getTime() - 30 * MIN, 30 * MIN],
    [Number.NaN, null],
  ])("due %s → overdueBy %s", (due, ms) => expect(overdueBy(new Date(due), T)).toBe(ms));

  it.each([
    [1, "1 min overdue"],
    [59_999, "1 min overdue"],
    [5 * MIN, "5 min overdue"],
    [59 * MIN + 59_000, "59 min overdue"],
    [60 * MIN, "1 h overdue"],
    [125 * MIN, "2 h 5 min overdue"],
    [47 * H + 59 * MIN, "47 h 59 min overdue"],
    [48 * H, "2 days overdue"],
    [3 * 24 * H, "3 days overdue"],
    [3 * 24 * H + 23 * H, "3 days overdue"],
  ])("formatOverdue(%i) = %s", (ms, text) => expect(formatOverdue(ms)).toBe(text));
});

describe("resolution", () => {
  it.each([
    [{ outcome: "safety_plan", note: "Plan agreed." }, null],
    [{ outcome: "other", note: "x" }, null],
    [{ outcome: "not_confirmed", note: "  x  " }, null],
    [{ outcome: "other", note: "x".repeat(4000) }, null],
    [{ outcome: "other", note: ` ${"x".repeat(4000)}\n` }, null], // counted after trimming
    [{ outcome: "other", note: "😀".repeat(4000) }, null], // characters, not UTF-16 units
    [{ outcome: "other", note: "x".repeat(4001) }, ["note"]],
    [{ outcome: "", note: "x" }, ["outcome"]],
    [{ outcome: "nonsense", note: "x" }, ["outcome"]],
    [{ outcome: "constructor", note: "x" }, ["outcome"]], // not fooled by object prototype keys
    [{ outcome: "toString", note: "x" }, ["outcome"]],
    [{ outcome: ["other"], note: "x" }, ["outcome"]],
    [{ outcome: "other", note: "   \n " }, ["note"]],
    [{ outcome: "other", note: 42 }, ["note"]],
    [{}, ["outcome", "note"]],
    [null, ["outcome", "note"]],
  ])("%j", (input, fields) => {
    const errors = validateResolution(input as Parameters<typeof validateResolution>[0]);
    expect(errors === null ? null : Object.keys(errors)).toEqual(fields);
  });

  it.each(RESOLUTION_OUTCOMES.map((o) => [o]))("%s is a valid outcome with a label", (outcome) => {
    expect(isResolutionOutcome(outcome)).toBe(true);
    expect(OUTCOME_LABELS[outcome]).toMatch(/\S/);
  });

  it.each([
    [{ outcome: "", note: "" }, { outcome: "Choose an outcome.", note: "Write a note about how this was resolved." }],
    [{ outcome: "other", note: "x".repeat(4001) }, { note: "Keep the note to 4,000 characters or fewer." }],
  ])("messages for %j", (input, errors) => expect(validateResolution(input)).toEqual(errors));
});

describe("queue order", () => {
  const item = (severity: Severity, due: string, opened = "2026-11-01T00:00:00Z", id?: string): QueueItem => ({
    severity,
    dueBy: new Date(due),
    openedAt: new Date(opened),
    id,
  });

  it.each([
    // [a, b, sign of queueOrder(a, b)]
    ["imminent before high, even if due later", item("imminent", "2026-11-25"), item("high", "2026-11-19"), -1],
    ["high before medium", item("high", "2026-11-25"), item("medium", "2026-11-19"), -1],
    ["medium before low", item("medium", "2026-11-25"), item("low", "2026-11-19"), -1],
    ["low after imminent", item("low", "2026-11-19"), item("imminent", "2026-11-25"), 1],
    ["same severity: nearest due-by first", item("high", "2026-11-21"), item("high", "2026-11-22"), -1],
    ["same severity: overdue (earlier due-by) first", item("high", "2026-11-22"), item("high", "2026-11-10"), 1],
    ["same severity and due-by: oldest first", item("high", "2026-11-21", "2026-10-01"), item("high", "2026-11-21", "2026-11-01"), -1],
    ["all equal: id breaks the tie", item("high", "2026-11-21", "2026-11-01", "a"), item("high", "2026-11-21", "2026-11-01", "b"), -1],
    ["all equal, no ids: 0", item("low", "2026-11-21"), item("low", "2026-11-21"), 0],
  ] as const)("%s", (_name, a, b, sign) => {
    expect(Math.sign(queueOrder(a, b))).toBe(sign);
    expect(Math.sign(queueOrder(b, a))).toBe(sign === 0 ? 0 : -sign);
  });

  it("sorts a mixed queue; createdAt (the database column) works as openedAt", () => {
    const f = (severity: Severity, due: string, created = "2026-11-01") => ({ severity, dueBy: new Date(due), createdAt: new Date(created), id: `${severity}-${due}-${created}` });
    const list = [f("low", "2026-11-19"), f("high", "2026-11-22"), f("imminent", "2026-11-25"), f("high", "2026-11-21"), f("high", "2026-11-21", "2026-10-01"), f("medium", "2026-11-20")];
    expect(list.sort(queueOrder).map((x) => x.id)).toEqual([
      "imminent-2026-11-25-2026-11-01",
      "high-2026-11-21-2026-10-01",
      "high-2026-11-21-2026-11-01",
      "high-2026-11-22-2026-11-01",
      "medium-2026-11-20-2026-11-01",
      "low-2026-11-19-2026-11-01",
    ]);
  });
});
