import { describe, expect, it } from "vitest";
import { BROKEN_PROMISE, REPAIR_TEMPLATES, repairTemplate } from "./templates";

describe("the built-in repair templates", () => {
  it("are the three of the issue, found by key", () => {
    expect(REPAIR_TEMPLATES.map((t) => t.title)).toEqual(["Repair after a broken promise", "Affair recovery in three phases", "Atone → attune → attach"]);
    expect(repairTemplate("affair-recovery")?.phases.map((p) => p.name)).toEqual(["Impact", "Meaning", "Moving on"]);
    expect(repairTemplate("atone-attune-attach")?.phases.map((p) => p.name)).toEqual(["Atone", "Attune", "Attach"]);
    expect(repairTemplate("nope")).toBeNull();
  });

  it("the broken-promise plan has the seven steps in order", () => {
    expect(BROKEN_PROMISE.phases.map((p) => p.key)).toEqual(["acknowledge", "apology", "listen", "explain", "restitution", "agreements", "follow-through"]);
  });

  it.each(REPAIR_TEMPLATES.flatMap((t) => t.phases.map((p) => [t.key, p.key, p] as const)))("%s / %s has goals, exit criteria and work", (_t, _p, phase) => {
    expect(phase.goals.length).toBeGreaterThan(0);
    expect(phase.exitCriteria.length).toBeGreaterThan(0);
    expect(phase.items.length).toBeGreaterThan(0);
    expect(new Set(phase.items.map((i) => i.key)).size).toBe(phase.items.length);
  });

  it("role-specific letters: the acknowledgement by the partner who broke the promise, the impact letter by the hurt partner", () => {
    expect(BROKEN_PROMISE.phases[0]!.items.find((i) => i.key === "acknowledge")?.role).toBe("broke");
    expect(repairTemplate("affair-recovery")!.phases[0]!.items.find((i) => i.key === "impact-letter")?.role).toBe("hurt");
  });
});
