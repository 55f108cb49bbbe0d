import { describe, expect, it } from "vitest";
import { coupleAccess, hasPermission, maySeePrivate, partnerSlot, type Actor, type CoupleScope } from "./permissions";

const couple: CoupleScope = { practiceId: "p1", therapistId: "t1", partnerAId: "a1", partnerBId: "a2", hasFlag: false };
const flagged: CoupleScope = { ...couple, hasFlag: true };

const actor = (id: string, role: Actor["role"], practiceId = "p1"): Actor => ({ id, role, practiceId });

describe("coupleAccess", () => {
  it.each([
    ["own therapist", actor("t1", "therapist"), couple, "clinician"],
    ["other therapist", actor("t2", "therapist"), couple, null],
    ["own therapist of another practice id clash", actor("t1", "therapist", "p2"), couple, null],
    ["partner A", actor("a1", "partner"), couple, "partner"],
    ["partner B", actor("a2", "partner"), couple, "partner"],
    ["partner of another couple", actor("b1", "partner"), couple, null],
    ["supervisor, unflagged couple", actor("s1", "supervisor"), couple, null],
    ["supervisor, flagged couple", actor("s1", "supervisor"), flagged, "supervisor"],
    ["supervisor of another practice", actor("s1", "supervisor", "p2"), flagged, null],
    ["admin", actor("ad", "admin"), flagged, null],
  ] as const)("%s → %s", (_name, who, scope, expected) => {
    expect(coupleAccess(who, scope)).toBe(expected);
  });
});

describe("hasPermission", () => {
  it.each([
    ["therapist", "read:caseload:own", true],
    ["therapist", "read:flag:any", false],
    ["partner", "create:checkin:self", true],
    ["partner", "read:couple:own", false],
    ["partner", "read:flag:own", false],
    ["supervisor", "update:flag:any", true],
    ["supervisor", "create:assignment:own", false],
    ["admin", "read:audit:any", true],
    ["admin", "read:couple:own", false],
  ] as const)("%s may %s: %s", (role, perm, expected) => {
    expect(hasPermission(role, perm)).toBe(expected);
  });
});

describe("maySeePrivate and partnerSlot", () => {
  it.each([
    [actor("a1", "partner"), "partner", "a1", true],
    [actor("a1", "partner"), "partner", "a2", false],
    [actor("t1", "therapist"), "clinician", "a2", true],
    [actor("s1", "supervisor"), "supervisor", "a2", true],
    [actor("x", "admin"), null, "a2", false],
  ] as const)("%o viewing %s's private field of %s → %s", (viewer, access, author, expected) => {
    expect(maySeePrivate(viewer, access, author)).toBe(expected);
  });

  it.each([
    ["a1", "A"],
    ["a2", "B"],
    ["t1", null],
  ] as const)("slot of %s is %s", (id, slot) => {
    expect(partnerSlot(id, couple)).toBe(slot);
  });
});
