import { describe, expect, it } from "vitest";
import { ackWindowMinutes, alertsFor, nextRoundAt, roundRecipients, webhookPayload } from "./alerts";

const WINDOWS = { ackImminentMinutes: 15, ackHighMinutes: 240 };
const INPUT = { therapistId: "t", onCall: ["s1", "s2"], fallbackId: "fb", supervisorIds: ["s1", "s2", "s3"] };

describe("who is alerted, round by round", () => {
  it("round 1: the therapist and the first on call; round 2: the next on call; round 3: every supervisor", () => {
    expect(roundRecipients(1, INPUT)).toEqual(["t", "s1"]);
    expect(roundRecipients(2, INPUT)).toEqual(["s2"]);
    expect(roundRecipients(3, INPUT)).toEqual(["s1", "s2", "s3"]);
    expect(roundRecipients(4, INPUT)).toEqual([]);
  });

  it("nobody on call: the fallback instead, in rounds 1 and 2", () => {
    const none = { ...INPUT, onCall: [] };
    expect(roundRecipients(1, none)).toEqual(["t", "fb"]);
    expect(roundRecipients(2, none)).toEqual(["fb"]);
    expect(roundRecipients(1, { ...none, fallbackId: null })).toEqual(["t"]);
  });

  it("the therapist on call is alerted once", () => {
    expect(roundRecipients(1, { ...INPUT, onCall: ["t", "s2"] })).toEqual(["t"]);
  });
});

describe("when", () => {
  it("only high and imminent flags alert", () => {
    expect(["low", "medium", "high", "imminent"].map((s) => alertsFor(s as never))).toEqual([false, false, true, true]);
  });

  it("the window depends on severity; after the last round nothing is scheduled", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(ackWindowMinutes("imminent", WINDOWS)).toBe(15);
    expect(nextRoundAt(1, "imminent", WINDOWS, now)?.toISOString()).toBe("2026-12-01T10:15:00.000Z");
    expect(nextRoundAt(2, "high", WINDOWS, now)?.toISOString()).toBe("2026-12-01T14:00:00.000Z");
    expect(nextRoundAt(3, "high", WINDOWS, now)).toBeNull();
  });

  it("the webhook payload carries no names or words", () => {
    const p = webhookPayload({ flagId: "f1", severity: "imminent", round: 2, dueBy: new Date("2026-12-01T11:00:00Z"), url: "https://m/a/f1", at: new Date("2026-12-01T10:15:00Z") });
    expect(p).toEqual({ type: "mend.alert", version: 1, alertId: "f1:2", flagId: "f1", severity: "imminent", round: 2, dueBy: "2026-12-01T11:00:00.000Z", url: "https://m/a/f1", sentAt: "2026-12-01T10:15:00.000Z" });
  });
});
