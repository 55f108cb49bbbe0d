import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatLocalDate, formatLocalDateRange, formatLocalDateWithWeekday, formatTime } from "./date-format";

describe("formatLocalDate", () => {
  it.each([
    ["2026-12-02", "2 Dec 2026"],
    ["2026-01-31", "31 Jan 2026"],
    ["2028-02-29", "29 Feb 2028"],
    ["2027-10-09", "9 Oct 2027"],
  ])("%s → %s", (d, shown) => {
    expect(formatLocalDate(d)).toBe(shown);
  });

  it("shows something that is not a real date as it came, rather than throwing", () => {
    expect(formatLocalDate("2026-02-30")).toBe("2026-02-30");
    expect(formatLocalDate("soon")).toBe("soon");
  });

  it("adds the weekday when asked", () => {
    expect(formatLocalDateWithWeekday("2026-12-02")).toBe("Wed 2 Dec 2026");
    expect(formatLocalDateWithWeekday("2026-11-29")).toBe("Sun 29 Nov 2026");
  });

  it("a range of one day is that day; a longer one names both ends", () => {
    expect(formatLocalDateRange("2026-12-02", "2026-12-02")).toBe("2 Dec 2026");
    expect(formatLocalDateRange("2026-11-30", "2026-12-06")).toBe("30 Nov 2026 – 6 Dec 2026");
  });
});

describe("formatDateTime / formatDate / formatTime", () => {
  const instant = "2026-12-02T13:18:00.000Z";

  it.each([
    ["America/New_York", "2 Dec 2026, 08:18"],
    ["UTC", "2 Dec 2026, 13:18"],
    ["Europe/Berlin", "2 Dec 2026, 14:18"],
    ["Pacific/Auckland", "3 Dec 2026, 02:18"],
    ["Pacific/Honolulu", "2 Dec 2026, 03:18"],
  ])("in %s → %s", (tz, shown) => {
    expect(formatDateTime(instant, tz)).toBe(shown);
    expect(formatDateTime(new Date(instant), tz)).toBe(shown);
  });

  it("the day is the viewer's day, not UTC's", () => {
    const lateEvening = "2026-12-03T03:30:00Z"; // 22:30 on 2 Dec in New York
    expect(formatDate(lateEvening, "America/New_York")).toBe("2 Dec 2026");
    expect(formatDate(lateEvening, "UTC")).toBe("3 Dec 2026");
  });

  it("uses a 24-hour clock with leading zeros", () => {
    expect(formatTime("2026-12-02T05:05:00Z", "UTC")).toBe("05:05");
    expect(formatTime("2026-12-02T23:59:00Z", "UTC")).toBe("23:59");
    expect(formatTime("2026-12-02T00:00:00Z", "UTC")).toBe("00:00");
  });

  it("follows daylight saving time changes", () => {
    // New York: EDT (UTC-4) until 1 Nov 2026 06:00 UTC, then EST (UTC-5).
    expect(formatDateTime("2026-10-31T12:00:00Z", "America/New_York")).toBe("31 Oct 2026, 08:00");
    expect(formatDateTime("2026-11-02T12:00:00Z", "America/New_York")).toBe("2 Nov 2026, 07:00");
  });

  it("shows an unparseable value as it came", () => {
    expect(formatDateTime("not a date", "UTC")).toBe("not a date");
  });
});
