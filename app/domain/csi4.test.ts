import { describe, expect, it } from "vitest";
import { CSI4_ITEMS, scoreCsi4 } from "./csi4";

const answers = (a: unknown, b: unknown, c: unknown, d: unknown) => ({ happiness: a, warm: b, rewarding: c, satisfied: d });

describe("scoreCsi4", () => {
  it.each([
    ["all lowest", answers(0, 0, 0, 0), 0, true],
    ["all highest", answers(6, 5, 5, 5), 21, false],
    ["13 is distressed", answers(4, 3, 3, 3), 13, true],
    ["14 is not", answers(5, 3, 3, 3), 14, false],
    ["numeric strings are accepted", answers("3", "3", "3", "3"), 12, true],
    ["by position", { 0: 6, 1: 5, 2: 5, 3: 4 }, 20, false],
  ])("%s", (_n, input, score, distressed) => {
    expect(scoreCsi4(input as Record<string, unknown>)).toEqual({ ok: true, score, distressed });
  });

  it.each([
    ["a missing item", answers(3, 3, 3, undefined), "satisfied"],
    ["out of range on item 1", answers(7, 3, 3, 3), "happiness"],
    ["out of range on item 2", answers(3, 6, 3, 3), "warm"],
    ["negative", answers(3, 3, -1, 3), "rewarding"],
    ["not an integer", answers(3, 2.5, 3, 3), "warm"],
    ["not a number", answers("lots", 3, 3, 3), "happiness"],
  ])("rejects %s", (_n, input, field) => {
    const r = scoreCsi4(input as Record<string, unknown>);
    expect(r.ok).toBe(false);
    expect(r.ok ? null : Object.keys(r.errors)).toEqual([field]);
  });

  it("has 4 items with 7, 6, 6 and 6 options", () => {
    expect(CSI4_ITEMS.map((i) => i.options.length)).toEqual([7, 6, 6, 6]);
  });
});
