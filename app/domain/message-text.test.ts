import { describe, expect, it } from "vitest";
import { alertMessage, containsSensitive, digestMessage, reminderMessage } from "./message-text";

describe("messages never mention safety or clinical content", () => {
  it.each([
    ["checkin", null],
    ["routines", null],
    ["homework", null],
    ["checkin", "Garden Club"],
    ["homework", "  "],
  ] as const)("%s reminder (app name %s)", (kind, name) => {
    const m = reminderMessage(kind, name, "https://mend.example/today");
    expect(containsSensitive(m.subject)).toEqual([]);
    expect(containsSensitive(m.body)).toEqual([]);
    if (name?.trim()) expect(m.subject).toContain(name);
  });

  it("the digest has counts and links only", () => {
    const m = digestMessage({ missedCheckIns: 2, overdueHomework: 1, fallingAdherence: 0, openItems: 3 }, "https://mend.example/digest");
    expect(containsSensitive(m.subject + m.body)).toEqual([]);
    expect(m.body).toMatch(/2 couple/);
  });

  it.each([1, 2, 3])("a clinician's alert (round %i) is a link only", (round) => {
    const m = alertMessage("https://mend.example/a/ck123", round);
    expect(containsSensitive(m.subject + m.body)).toEqual([]);
    expect(m.body).toContain("https://mend.example/a/ck123");
  });

  it.each([
    ["Your safety flag", true],
    ["Feeling unsafe?", true],
    ["Your case was flagged", true],
    ["Your therapist left feedback", true],
    ["Crisis resources", true],
    ["A reminder from Mend", false],
    ["You have a new item in Garden Club", false],
  ])("%s → sensitive %s", (text, sensitive) => {
    expect(containsSensitive(text).length > 0).toBe(sensitive);
  });
});
