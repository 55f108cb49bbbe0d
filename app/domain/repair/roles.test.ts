import { describe, expect, it } from "vitest";
import { defaultResponsible, roleLabel, roleOf, slotFor } from "./roles";

describe("roleOf", () => {
  it.each([
    ["A", "A", "hurt"],
    ["A", "B", "broke"],
    ["B", "A", "broke"],
    ["B", "B", "hurt"],
    ["BOTH", "A", "both"],
    ["BOTH", "B", "both"],
  ] as const)("hurt %s, partner %s → %s", (hurt, slot, role) => {
    expect(roleOf(hurt, slot)).toBe(role);
  });
});

describe("slotFor: an item's role → who it is assigned to", () => {
  it.each([
    ["hurt", "A", "A"],
    ["hurt", "B", "B"],
    ["broke", "A", "B"],
    ["broke", "B", "A"],
    ["both", "A", "BOTH"],
    ["both", "B", "BOTH"],
    // a mutual breach: each partner is both, so every item is for both
    ["hurt", "BOTH", "BOTH"],
    ["broke", "BOTH", "BOTH"],
  ] as const)("%s item, hurt %s → %s", (role, hurt, slot) => {
    expect(slotFor(role, hurt)).toBe(slot);
  });
});

describe("labels and defaults", () => {
  const labels = { hurtLabel: "Sam", brokeLabel: "Alex" };
  it("uses the therapist's labels", () => {
    expect(roleLabel("hurt", labels)).toBe("Sam");
    expect(roleLabel("broke", labels)).toBe("Alex");
    expect(roleLabel("both", labels)).toBe("Both partners");
  });
  it("restitution defaults to the partner who broke the promise", () => {
    expect(defaultResponsible("A")).toBe("B");
    expect(defaultResponsible("B")).toBe("A");
    expect(defaultResponsible("BOTH")).toBe("A");
  });
});
