import { describe, expect, it } from "vitest";
import { addDays, diffDays, isValidLocalDate, localDateOf } from "./dates";

describe("addDays / diffDays", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-01"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2028-02-29", 365, "2029-02-28"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2027-01-01", -1, "2026-12-31"],
    ["2026-03-08", 0, "2026-03-08"],
    ["2026-03-01", -14, "2026-02-15"],
    ["2026-11-01", 7, "2026-11-08"], // a DST change in America/* does not matter to calendar days
  ])("%s %+d days → %s", (from, n, to) => {
    expect(addDays(from, n)).toBe(to);
    expect(diffDays(to, from)).toBe(n);
  });

  it("agrees with Date arithmetic for every day of four years", () => {
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2029, 0, 1); t += 86_400_000) {
      const d = new Date(t).toISOString().slice(0, 10);
      const next = new Date(t + 86_400_000 * 40).toISOString().slice(0, 10);
      expect(addDays(d, 40)).toBe(next);
      expect(diffDays(next, d)).toBe(40);
    }
  });

  it("localDateOf uses the couple's zone, not the server's", () => {
    const instant = new Date("2026-11-23T03:30:00Z");
    expect(localDateOf(instant, "America/New_York")).toBe("2026-11-22");
    expect(localDateOf(instant, "Europe/Berlin")).toBe("2026-11-23");
  });
});

describe("isValidLocalDate agrees with the calendar", () => {
  it("on every day of four years around a leap year and century rules", () => {
    for (const year of [1900, 2000, 2023, 2024, 9999]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 0; day <= 32; day++) {
          const s = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
          const d = new Date(`${s}T00:00:00Z`);
          const real = !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
          expect(isValidLocalDate(s), s).toBe(real);
        }
      }
    }
    for (const bad of ["2024-13-01", "2024-00-10", "2024-1-01", "24-01-01", "2024-01-01T00", "", " 2024-01-01"]) expect(isValidLocalDate(bad), bad).toBe(false);
  });
});
