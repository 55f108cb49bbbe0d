import { describe, expect, it } from "vitest";
import { dueReminderKinds, inQuietHours, isValidTime, localClock, type ReminderPrefs } from "./reminder-schedule";

const prefs = (over: Partial<ReminderPrefs> = {}): ReminderPrefs => ({ checkInTime: "20:00", routinesTime: null, homeworkTime: null, quietStart: null, quietEnd: null, ...over });
const at = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

describe("dueReminderKinds", () => {
  it.each([
    ["at the time", prefs(), "20:00", ["checkin"]],
    ["within the hour", prefs(), "20:59", ["checkin"]],
    ["before", prefs(), "19:59", []],
    ["an hour later", prefs(), "21:00", []],
    ["all three", prefs({ routinesTime: "20:30", homeworkTime: "20:15" }), "20:40", ["checkin", "routines", "homework"]],
    ["off (null)", prefs({ checkInTime: null }), "20:00", []],
    ["a time inside quiet hours waits until they end", prefs({ checkInTime: "23:00", quietStart: "22:00", quietEnd: "07:00" }), "23:00", []],
    ["…and is sent when they end", prefs({ checkInTime: "23:00", quietStart: "22:00", quietEnd: "07:00" }), "07:10", ["checkin"]],
    ["quiet hours within a day", prefs({ checkInTime: "13:00", quietStart: "12:00", quietEnd: "14:00" }), "14:00", ["checkin"]],
    ["invalid time ignored", prefs({ checkInTime: "25:00" }), "01:00", []],
  ] as const)("%s", (_n, p, now, expected) => {
    expect(dueReminderKinds(p, at(now))).toEqual(expected);
  });
});

describe("quiet hours and times", () => {
  it.each([
    ["23:30", "22:00", "07:00", true],
    ["06:59", "22:00", "07:00", true],
    ["07:00", "22:00", "07:00", false],
    ["12:00", "12:00", "12:00", false],
    ["12:30", null, "13:00", false],
  ] as const)("%s in %s–%s: %s", (t, s, e, q) => expect(inQuietHours(at(t), s, e)).toBe(q));
  it.each([["08:30", true], ["8:30", false], ["24:00", false], ["12:60", false], ["", false]])("valid %s: %s", (s, ok) => expect(isValidTime(s)).toBe(ok));
});

describe("localClock", () => {
  it.each([
    ["2025-03-09T06:59:00Z", "America/New_York", "2025-03-09", "01:59"],
    ["2025-03-09T07:00:00Z", "America/New_York", "2025-03-09", "03:00"], // spring forward
    ["2025-11-02T06:30:00Z", "America/New_York", "2025-11-02", "01:30"], // fall back
    ["2025-06-01T23:30:00Z", "Pacific/Auckland", "2025-06-02", "11:30"],
  ])("%s in %s", (iso, tz, date, hhmm) => {
    expect(localClock(new Date(iso), tz)).toEqual({ date, minutes: at(hhmm) });
  });
});
