/** Calendar dates ("YYYY-MM-DD") in a couple's time zone. DST-proof: no 24-hour arithmetic. */
import { TZDate } from "@date-fns/tz";

export type LocalDate = string;

export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== "string" || tz.length === 0 || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar day written "YYYY-MM-DD" (every date shown goes through this: no Date parsing). */
export function isValidLocalDate(s: string): boolean {
  const m = typeof s === "string" ? LOCAL_DATE.exec(s) : null;
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const d = new TZDate(instant.getTime(), timeZone);
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, "0");
  const day = String(d.getDate()).padStart(2, "0");
  return `${y}-${m}-${day}`;
}

// Calendar arithmetic on "YYYY-MM-DD" strings. These run in the inner loops of the schedule and
// adherence roll-ups (thousands of calls per caseload), so they avoid string-parsing Dates.
const dayNumber = (d: LocalDate) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function addDays(d: LocalDate, n: number): LocalDate {
  const t = new Date((dayNumber(d) + n) * 86_400_000);
  const y = t.getUTCFullYear();
  return `${y < 1000 ? String(y).padStart(4, "0") : y}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

export function diffDays(a: LocalDate, b: LocalDate): number {
  return dayNumber(a) - dayNumber(b);
}

export function weekdayOf(d: LocalDate): number {
  return new Date(`${d}T00:00:00Z`).getUTCDay();
}

export function eachDay(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The instant local midnight begins on `d` in `timeZone`. */
export function startOfLocalDayUtc(d: LocalDate, timeZone: string): Date {
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, day, 0, 0, 0, timeZone).getTime());
}
