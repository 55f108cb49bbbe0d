import { describe, expect, it } from "vitest";
import { checkMove, itemsUnlocked, phaseState, progressLabel } from "./phases";

const plan = { currentPhase: 2, phaseCount: 7, ended: false };
const all = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("checkMove", () => {
  it("moves on one phase when every exit criterion is confirmed", () => {
    expect(checkMove(plan, { fromPhase: 2, toPhase: 3, confirmed: all(3), criteriaCount: 3 })).toEqual({ ok: true, to: 3, finishes: false });
  });
  it("completing the last phase finishes the plan", () => {
    expect(checkMove({ ...plan, currentPhase: 6 }, { fromPhase: 6, toPhase: 7, confirmed: all(2), criteriaCount: 2 })).toEqual({ ok: true, to: 7, finishes: true });
  });
  it.each([
    ["back a phase", { fromPhase: 2, toPhase: 1 }, "toPhase", /only moves forward/],
    ["to the same phase", { fromPhase: 2, toPhase: 2 }, "toPhase", /only moves forward/],
    ["skipping a phase", { fromPhase: 2, toPhase: 4 }, "toPhase", /one phase at a time/],
    ["from a stale page", { fromPhase: 1, toPhase: 3 }, "form", /has moved since/],
  ] as const)("refuses moving %s", (_name, move, field, message) => {
    const r = checkMove(plan, { ...move, confirmed: all(3), criteriaCount: 3 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.field).toBe(field);
      expect(r.error).toMatch(message);
    }
  });
  it("refuses when a criterion is not confirmed, and ignores indices out of range", () => {
    const r = checkMove(plan, { fromPhase: 2, toPhase: 3, confirmed: [0, 1, 7, -1, 1], criteriaCount: 3 });
    expect(r).toMatchObject({ ok: false, field: "criteria" });
    if (!r.ok) expect(r.error).toContain("2 of 3");
  });
  it("refuses an ended or finished plan", () => {
    expect(checkMove({ ...plan, ended: true }, { fromPhase: 2, toPhase: 3, confirmed: all(3), criteriaCount: 3 })).toMatchObject({ ok: false, field: "form" });
    expect(checkMove({ ...plan, currentPhase: 7 }, { fromPhase: 7, toPhase: 8, confirmed: [], criteriaCount: 0 })).toMatchObject({ ok: false, field: "form" });
  });
});

describe("phase display", () => {
  it("labels progress", () => {
    expect(progressLabel({ currentPhase: 0, phaseCount: 7 })).toBe("phase 1 of 7");
    expect(progressLabel({ currentPhase: 3, phaseCount: 3 })).toBe("all 3 phases complete");
  });
  it("states and unlocking follow the current phase", () => {
    expect([0, 1, 2, 3].map((p) => phaseState(p, 2))).toEqual(["done", "done", "current", "upcoming"]);
    expect([0, 1, 2, 3].map((p) => itemsUnlocked(p, 2))).toEqual([true, true, true, false]);
  });
});
