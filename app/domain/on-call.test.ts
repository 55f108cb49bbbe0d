import { describe, expect, it } from "vitest";
import { describeHours, describeWeekdays, onCallAt, rotaGaps, validateAlertSettings, validateShift, type Shift } from "./on-call";

const NY = "America/New_York";
const shift = (over: Partial<Shift> = {}): Shift => ({ userId: "u1", weekdays: [1, 2, 3, 4, 5], startTime: "08:00", endTime: "18:00", position: 0, ...over });
const MON_TO_FRI = [1, 2, 3, 4, 5];

describe("onCallAt", () => {
  // 2026-11-16 is a Monday; New York is on EST (UTC-5) then
  it.each([
    ["a weekday shift, inside", [shift()], "2026-11-16T14:00:00Z", ["u1"]], // Mon 09:00
    ["…from its first minute", [shift()], "2026-11-16T13:00:00Z", ["u1"]], // Mon 08:00
    ["…not before it", [shift()], "2026-11-16T12:59:59Z", []], // Mon 07:59
    ["…not at its end", [shift()], "2026-11-16T23:00:00Z", []], // Mon 18:00
    ["…not on a day it is not on", [shift()], "2026-11-15T14:00:00Z", []], // Sun 09:00
    // overnight Sunday 22:00–06:00 belongs to Sunday and runs into Monday
    ["overnight: covers Monday 03:00", [shift({ weekdays: [0], startTime: "22:00", endTime: "06:00" })], "2026-11-16T08:00:00Z", ["u1"]],
    ["overnight: covers Sunday 23:30", [shift({ weekdays: [0], startTime: "22:00", endTime: "06:00" })], "2026-11-16T04:30:00Z", ["u1"]],
    ["overnight: not Sunday 03:00 (that is Saturday's night)", [shift({ weekdays: [0], startTime: "22:00", endTime: "06:00" })], "2026-11-15T08:00:00Z", []],
    ["overnight: ends at Monday 06:00", [shift({ weekdays: [0], startTime: "22:00", endTime: "06:00" })], "2026-11-16T11:00:00Z", []],
    ["overnight: not Monday 23:00", [shift({ weekdays: [0], startTime: "22:00", endTime: "06:00" })], "2026-11-17T04:00:00Z", []],
    ["overnight Saturday into Sunday wraps the week", [shift({ weekdays: [6], startTime: "20:00", endTime: "08:00" })], "2026-11-15T06:00:00Z", ["u1"]], // Sun 01:00
    ["start = end is 24 hours: Monday 08:00 to Tuesday 08:00", [shift({ weekdays: [1], startTime: "08:00", endTime: "08:00" })], "2026-11-17T12:59:00Z", ["u1"]], // Tue 07:59
    ["…and not Tuesday 08:00", [shift({ weekdays: [1], startTime: "08:00", endTime: "08:00" })], "2026-11-17T13:00:00Z", []],
    ["…nor Monday 07:59", [shift({ weekdays: [1], startTime: "08:00", endTime: "08:00" })], "2026-11-16T12:59:00Z", []],
    ["00:00–00:00 is the whole day", [shift({ weekdays: [1], startTime: "00:00", endTime: "00:00" })], "2026-11-17T04:59:00Z", ["u1"]], // Mon 23:59
    ["ending at midnight", [shift({ weekdays: [1], startTime: "18:00", endTime: "00:00" })], "2026-11-17T04:59:00Z", ["u1"]],
    ["…is over at midnight", [shift({ weekdays: [1], startTime: "18:00", endTime: "00:00" })], "2026-11-17T05:00:00Z", []],
    ["a row with a broken time is skipped, not fatal", [shift({ startTime: "8am" }), shift({ userId: "u2" })], "2026-11-16T14:00:00Z", ["u2"]],
  ] as const)("%s", (_name, shifts, iso, expected) => {
    expect(onCallAt(shifts, new Date(iso), NY)).toEqual(expected);
  });

  it("orders by position, then by the order given, and names each person once", () => {
    const shifts = [
      shift({ userId: "late", position: 2 }),
      shift({ userId: "first", position: 0 }),
      shift({ userId: "tie-a", position: 1 }),
      shift({ userId: "tie-b", position: 1 }),
      shift({ userId: "first", position: 5, weekdays: [0, 1, 2, 3, 4, 5, 6], startTime: "00:00", endTime: "00:00" }),
      shift({ userId: "off", position: 0, weekdays: [6] }),
    ];
    expect(onCallAt(shifts, new Date("2026-11-16T14:00:00Z"), NY)).toEqual(["first", "tie-a", "tie-b", "late"]);
  });

  describe("on the days the clocks change in New York (wall-clock hours, never fixed offsets)", () => {
    // 2026-03-08 (Sunday): 02:00 EST jumps to 03:00 EDT
    const sunday = [shift({ weekdays: [0], startTime: "08:00", endTime: "17:00" })];
    it.each([
      ["Sunday 08:30 EDT (12:30Z) is inside 08:00–17:00 (a fixed EST offset would read 07:30)", "2026-03-08T12:30:00Z", ["u1"]],
      ["Sunday 07:30 EDT (11:30Z) is not yet", "2026-03-08T11:30:00Z", []],
      ["Sunday 16:59 EDT (20:59Z)", "2026-03-08T20:59:00Z", ["u1"]],
      ["Sunday 17:00 EDT (21:00Z) is over (a fixed EST offset would read 16:00)", "2026-03-08T21:00:00Z", []],
    ] as const)("%s", (_n, iso, expected) => expect(onCallAt(sunday, new Date(iso), NY)).toEqual(expected));

    const saturdayNight = [shift({ weekdays: [6], startTime: "22:00", endTime: "06:00" })];
    it.each([
      ["Saturday 23:00 EST (04:00Z)", "2026-03-08T04:00:00Z", ["u1"]],
      ["Sunday 01:59 EST (06:59Z)", "2026-03-08T06:59:00Z", ["u1"]],
      ["Sunday 03:00 EDT (07:00Z), right after the jump", "2026-03-08T07:00:00Z", ["u1"]],
      ["Sunday 05:59 EDT (09:59Z)", "2026-03-08T09:59:00Z", ["u1"]],
      ["Sunday 06:00 EDT (10:00Z): the night is over, one hour shorter", "2026-03-08T10:00:00Z", []],
    ] as const)("spring forward, overnight shift: %s", (_n, iso, expected) => expect(onCallAt(saturdayNight, new Date(iso), NY)).toEqual(expected));

    // 2026-11-01 (Sunday): 02:00 EDT falls back to 01:00 EST, so 01:30 happens twice
    const lateSaturday = [shift({ weekdays: [6], startTime: "22:00", endTime: "02:00" })];
    it.each([
      ["the first 01:30 (EDT, 05:30Z)", "2026-11-01T05:30:00Z", ["u1"]],
      ["the second 01:30 (EST, 06:30Z)", "2026-11-01T06:30:00Z", ["u1"]],
      ["02:00 EST (07:00Z) is over", "2026-11-01T07:00:00Z", []],
    ] as const)("fall back, overnight shift: %s", (_n, iso, expected) => expect(onCallAt(lateSaturday, new Date(iso), NY)).toEqual(expected));
  });

  it("reads the weekday in the practice's zone, not UTC's", () => {
    // 2026-11-15T21:00Z is Sunday in UTC but Monday 10:00 in Auckland (NZDT, UTC+13)
    expect(onCallAt([shift({ weekdays: [1], startTime: "09:00", endTime: "17:00" })], new Date("2026-11-15T21:00:00Z"), "Pacific/Auckland")).toEqual(["u1"]);
    expect(onCallAt([shift({ weekdays: [0], startTime: "09:00", endTime: "23:00" })], new Date("2026-11-15T21:00:00Z"), "Pacific/Auckland")).toEqual([]);
  });

  it("refuses an unknown time zone rather than guessing", () => {
    expect(() => onCallAt([shift()], new Date(), "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("rotaGaps", () => {
  it("an empty rota leaves the whole week uncovered, one day at a time", () => {
    expect(rotaGaps([])).toEqual([0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, from: "00:00", to: "00:00" })));
  });

  it("round the clock every day: no gaps", () => {
    expect(rotaGaps([shift({ weekdays: [0, 1, 2, 3, 4, 5, 6], startTime: "00:00", endTime: "00:00" })])).toEqual([]);
    expect(rotaGaps([shift({ weekdays: [0, 1, 2, 3, 4, 5, 6], startTime: "08:00", endTime: "20:00" }), shift({ weekdays: [0, 1, 2, 3, 4, 5, 6], startTime: "20:00", endTime: "08:00" })])).toEqual([]);
  });

  it("office hours only: each weeknight across midnight, the weekend cut into days", () => {
    expect(rotaGaps([shift({ weekdays: MON_TO_FRI })])).toEqual([
      { weekday: 0, from: "00:00", to: "00:00" },
      { weekday: 1, from: "00:00", to: "08:00" },
      { weekday: 1, from: "18:00", to: "08:00" },
      { weekday: 2, from: "18:00", to: "08:00" },
      { weekday: 3, from: "18:00", to: "08:00" },
      { weekday: 4, from: "18:00", to: "08:00" },
      { weekday: 5, from: "18:00", to: "00:00" },
      { weekday: 6, from: "00:00", to: "00:00" },
    ]);
  });

  it("one uncovered night: Tuesday 18:00–08:00", () => {
    const shifts = [
      shift({ userId: "day", weekdays: [0, 1, 2, 3, 4, 5, 6], startTime: "08:00", endTime: "18:00" }),
      shift({ userId: "night", weekdays: [0, 1, 3, 4, 5, 6], startTime: "18:00", endTime: "08:00" }),
    ];
    expect(rotaGaps(shifts)).toEqual([{ weekday: 2, from: "18:00", to: "08:00" }]);
  });

  it("a gap over the end of the week stays one stretch (Saturday 22:00 to Sunday 06:00)", () => {
    const shifts = [
      shift({ weekdays: [0, 1, 2, 3, 4, 5, 6], startTime: "06:00", endTime: "22:00" }),
      shift({ weekdays: [0, 1, 2, 3, 4, 5], startTime: "22:00", endTime: "06:00" }),
    ];
    expect(rotaGaps(shifts)).toEqual([{ weekday: 6, from: "22:00", to: "06:00" }]);
  });

  it("overlapping shifts and minutes", () => {
    const shifts = [
      shift({ weekdays: [0, 1, 2, 3, 4, 5, 6], startTime: "00:00", endTime: "12:30" }),
      shift({ weekdays: [0, 1, 2, 3, 4, 5, 6], startTime: "12:00", endTime: "23:45" }),
    ];
    expect(rotaGaps(shifts)).toHaveLength(7);
    expect(rotaGaps(shifts)[3]).toEqual({ weekday: 3, from: "23:45", to: "00:00" });
  });

  it("an overnight Sunday shift alone: Monday from 06:00 is a gap", () => {
    const gaps = rotaGaps([shift({ weekdays: [0], startTime: "22:00", endTime: "06:00" })]);
    expect(gaps[0]).toEqual({ weekday: 0, from: "00:00", to: "22:00" });
    expect(gaps[1]).toEqual({ weekday: 1, from: "06:00", to: "00:00" });
    expect(gaps.at(-1)).toEqual({ weekday: 6, from: "00:00", to: "00:00" });
  });
});

describe("validateShift", () => {
  const good = { userId: "u1", weekdays: ["1", "3"], startTime: "08:00", endTime: "18:00", position: "2" };
  it("accepts a shift, sorting and de-duplicating the days", () => {
    expect(validateShift({ ...good, weekdays: ["5", "1", "5"], startTime: "8:30" })).toEqual({
      ok: true,
      shift: { userId: "u1", weekdays: [1, 5], startTime: "08:30", endTime: "18:00", position: 2 },
    });
  });
  it("a single checkbox arrives as a string; a blank order is 0", () => {
    expect(validateShift({ ...good, weekdays: "0", position: "" })).toMatchObject({ ok: true, shift: { weekdays: [0], position: 0 } });
  });
  it.each([
    [{ userId: "" }, "userId"],
    [{ userId: undefined }, "userId"],
    [{ userId: "u1\u0000" }, "userId"], // not an id: never reaches a query
    [{ weekdays: [] }, "weekdays"],
    [{ weekdays: undefined }, "weekdays"],
    [{ weekdays: ["7"] }, "weekdays"],
    [{ weekdays: ["monday"] }, "weekdays"],
    [{ weekdays: ["1.5"] }, "weekdays"],
    [{ startTime: "24:00" }, "startTime"],
    [{ startTime: "" }, "startTime"],
    [{ endTime: "18:60" }, "endTime"],
    [{ endTime: "6pm" }, "endTime"],
    [{ position: "-1" }, "position"],
    [{ position: "1.5" }, "position"],
    [{ position: "1000" }, "position"],
  ])("refuses %o with a message on %s", (over, field) => {
    const result = validateShift({ ...good, ...over });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors)).toEqual([field]);
      expect(result.errors[field]).toMatch(/\w/);
    }
  });
  it("reports every bad field at once", () => {
    const result = validateShift({});
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(["endTime", "startTime", "userId", "weekdays"]);
  });
});

describe("validateAlertSettings", () => {
  it.each([
    ["https://pager.example.org/hooks/mend", "https://pager.example.org/hooks/mend"],
    ["  HTTPS://Pager.Example.org/x  ", "https://pager.example.org/x"], // stored as the database CHECK compares it
    ["http://127.0.0.1:8787/alerts", "http://127.0.0.1:8787/alerts"],
    ["http://localhost:3001", "http://localhost:3001/"],
    ["", null],
    [undefined, null],
  ])("accepts %j as %j", (webhookUrl, stored) => {
    expect(validateAlertSettings({ webhookUrl })).toEqual({ ok: true, settings: { webhookUrl: stored, ackImminentMinutes: 15, ackHighMinutes: 240 } });
  });

  it.each([
    ["http://pager.example.org/x", /https/],
    ["http://127.0.0.1.example.org:80/x", /https/],
    ["http://localhost/x", /port/],
    ["http://127.0.0.1:80/x", /port/], // the default port vanishes from the address, and the outbox CHECK wants one
    ["http://[::1]:8080/x", /127\.0\.0\.1/],
    ["https://user:secret@pager.example.org/x", /password/],
    ["https://token@pager.example.org/x", /password/],
    ["ftp://pager.example.org/x", /https/],
    ["javascript:alert(1)", /https/],
    ["pager.example.org/hook", /https/],
    [`https://pager.example.org/${"a".repeat(480)}`, /500/],
  ])("refuses %j", (webhookUrl, message) => {
    const result = validateAlertSettings({ webhookUrl });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.webhookUrl).toMatch(message);
  });

  it.each([
    [{ ackImminentMinutes: "1", ackHighMinutes: "5" }, { ackImminentMinutes: 1, ackHighMinutes: 5 }],
    [{ ackImminentMinutes: "240", ackHighMinutes: "1440" }, { ackImminentMinutes: 240, ackHighMinutes: 1440 }],
    [{ ackImminentMinutes: " 30 ", ackHighMinutes: "" }, { ackImminentMinutes: 30, ackHighMinutes: 240 }],
  ])("ack windows %o", (input, expected) => {
    expect(validateAlertSettings(input)).toEqual({ ok: true, settings: { webhookUrl: null, ...expected } });
  });

  it.each([
    [{ ackImminentMinutes: "0" }, "ackImminentMinutes"],
    [{ ackImminentMinutes: "241", ackHighMinutes: "1440" }, "ackImminentMinutes"],
    [{ ackImminentMinutes: "1.5" }, "ackImminentMinutes"],
    [{ ackImminentMinutes: "-3" }, "ackImminentMinutes"],
    [{ ackImminentMinutes: "ten" }, "ackImminentMinutes"],
    [{ ackHighMinutes: "4" }, "ackHighMinutes"],
    [{ ackHighMinutes: "1441" }, "ackHighMinutes"],
    [{ ackHighMinutes: "1e3" }, "ackHighMinutes"],
    [{ ackImminentMinutes: "60", ackHighMinutes: "30" }, "ackImminentMinutes"], // imminent may not wait longer than high
  ])("refuses %o on %s", (input, field) => {
    const result = validateAlertSettings(input);
    expect(result.ok ? [] : Object.keys(result.errors)).toEqual([field]);
  });
});

describe("how the page names days and hours", () => {
  it.each([
    [[1, 2, 3, 4, 5], "Monday–Friday"],
    [[0, 1, 2, 3, 4, 5, 6], "Every day"],
    [[6, 0], "Saturday, Sunday"],
    [[5, 6, 0], "Friday–Sunday"],
    [[1, 3], "Monday, Wednesday"],
    [[0], "Sunday"],
  ])("%j → %s", (days, text) => expect(describeWeekdays(days)).toBe(text));
  it.each([
    ["08:00", "18:00", "08:00–18:00"],
    ["22:00", "06:00", "22:00–06:00 (next day)"],
    ["18:00", "00:00", "18:00–00:00"],
    ["00:00", "00:00", "all day"],
    ["08:00", "08:00", "08:00–08:00 (24 hours)"],
  ])("%s–%s → %s", (from, to, text) => expect(describeHours(from, to)).toBe(text));
});
