/**
 * The one way Mend shows dates and times to a person: "2 Dec 2026" for a day, "2 Dec 2026, 08:18"
 * for an instant, always in a time zone the server decided (the practice's for staff, the
 * couple's for partners) and passed down. No locale or zone is read from the browser, so the
 * server HTML and the hydrated page are the same text and nothing flashes.
 *
 * Pure and deterministic: month names are ours, not the ICU build's.
 */
import { TZDate } from "@date-fns/tz";
import { isValidLocalDate, type LocalDate } from "./dates";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

/** Anything that names a moment: a Date, or an ISO string from a loader. */
export type Instant = Date | string;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function parts(instant: Instant, timeZone: string) {
  const ms = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) return null;
  const d = new TZDate(ms, timeZone);
  return { y: d.getFullYear(), m: d.getMonth(), d: d.getDate(), h: d.getHours(), min: d.getMinutes(), wd: d.getDay() };
}

function localParts(date: LocalDate) {
  if (!isValidLocalDate(date)) return null;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1;
  const d = Number(date.slice(8, 10));
  return { y, m, d, wd: new Date(Date.UTC(y, m, d)).getUTCDay() };
}

/** A calendar day ("YYYY-MM-DD", already in the right zone) → "2 Dec 2026". Bad input is shown as it came. */
export function formatLocalDate(date: LocalDate): string {
  const p = localParts(date);
  return p ? `${p.d} ${MONTHS[p.m]} ${p.y}` : String(date);
}

/** A calendar day with its weekday → "Wed 2 Dec 2026" (for day-by-day lists). */
export function formatLocalDateWithWeekday(date: LocalDate): string {
  const p = localParts(date);
  return p ? `${WEEKDAYS[p.wd]} ${p.d} ${MONTHS[p.m]} ${p.y}` : String(date);
}

/** The day an instant falls on in `timeZone` → "2 Dec 2026". */
export function formatDate(instant: Instant, timeZone: string): string {
  const p = parts(instant, timeZone);
  return p ? `${p.d} ${MONTHS[p.m]} ${p.y}` : String(instant);
}

/** An instant in `timeZone`, 24-hour clock → "2 Dec 2026, 08:18". */
export function formatDateTime(instant: Instant, timeZone: string): string {
  const p = parts(instant, timeZone);
  return p ? `${p.d} ${MONTHS[p.m]} ${p.y}, ${pad2(p.h)}:${pad2(p.min)}` : String(instant);
}

/** Only the clock time of an instant in `timeZone` → "08:18" (beside a date already shown). */
export function formatTime(instant: Instant, timeZone: string): string {
  const p = parts(instant, timeZone);
  return p ? `${pad2(p.h)}:${pad2(p.min)}` : String(instant);
}

/** Two calendar days → "2 Dec 2026 – 8 Dec 2026" (the same text as each day alone, so it reads the same everywhere). */
export function formatLocalDateRange(from: LocalDate, to: LocalDate): string {
  return from === to ? formatLocalDate(from) : `${formatLocalDate(from)} – ${formatLocalDate(to)}`;
}
