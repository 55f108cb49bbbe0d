/**
 * Expected occurrences of an assignment: plan weeks from the start date, cadence, and paused
 * days. All dates are the couple's local calendar dates ("YYYY-MM-DD"), so DST never shifts a day.
 */
import { addDays, diffDays, localDateOf, weekdayOf, type LocalDate } from "./dates";

export type Cadence = "daily" | "weekly" | "times_per_week" | "as_needed";

export interface ScheduleSpec {
  cadence: Cadence;
  weekday?: number | null;
  timesPerWeek?: number | null;
  startDate: LocalDate;
  durationWeeks: number;
}

/** The schedule of an assignment row, whether its start date came back as a Date (ORM) or "YYYY-MM-DD" (SQL). */
export function specOf(a: { cadence: Cadence; weekday: number | null; timesPerWeek: number | null; startDate: Date | LocalDate; durationWeeks: number }): ScheduleSpec {
  const startDate = typeof a.startDate === "string" ? a.startDate : a.startDate.toISOString().slice(0, 10);
  return { cadence: a.cadence, weekday: a.weekday, timesPerWeek: a.timesPerWeek, startDate, durationWeeks: a.durationWeeks };
}

/** Inclusive local-date ranges when work was paused; `to: null` = still paused. */
export interface PauseRange {
  from: LocalDate;
  to: LocalDate | null;
}

export function planEnd(spec: ScheduleSpec): LocalDate {
  return addDays(spec.startDate, spec.durationWeeks * 7 - 1);
}

/** 1-based plan week of `date`, or null outside the plan. */
export function planWeekOf(spec: Pick<ScheduleSpec, "startDate" | "durationWeeks">, date: LocalDate): number | null {
  const d = diffDays(date, spec.startDate);
  if (d < 0 || d >= spec.durationWeeks * 7) return null;
  return Math.floor(d / 7) + 1;
}

/**
 * A pause covers the local day it started on through the day before it ended: a pause lifted
 * at 10:00 gives that day back (the partner can still do the routine). An open pause runs on.
 */
export function pauseRangesFromInstants(pauses: { start: Date; end: Date | null }[], timeZone: string): PauseRange[] {
  return pauses
    .map((p) => {
      const from = localDateOf(p.start, timeZone);
      if (!p.end) return { from, to: null };
      const to = addDays(localDateOf(p.end, timeZone), -1);
      return to < from ? null : { from, to };
    })
    .filter((r): r is PauseRange => r !== null);
}

export function isPaused(date: LocalDate, pauses: PauseRange[]): boolean {
  return pauses.some((p) => date >= p.from && (p.to === null || date <= p.to));
}

/** Is an occurrence expected on this date (ignoring pauses)? times_per_week: any plan day may count. */
export function isDue(spec: ScheduleSpec, date: LocalDate): boolean {
  if (planWeekOf(spec, date) === null) return false;
  switch (spec.cadence) {
    case "daily":
    case "times_per_week":
      return true;
    case "weekly":
      return weekdayOf(date) === (spec.weekday ?? weekdayOf(spec.startDate));
    case "as_needed":
      return false;
  }
}

/** What a partner sees on Today: due and not paused (as_needed items are always offered). */
export function dueOn(spec: ScheduleSpec, date: LocalDate, pauses: PauseRange[] = []): boolean {
  if (isPaused(date, pauses)) return false;
  if (spec.cadence === "as_needed") return planWeekOf(spec, date) !== null;
  return isDue(spec, date);
}

/** May a report be made for this date? (as_needed: any plan day; others: a due day.) */
export function reportable(spec: ScheduleSpec, date: LocalDate): boolean {
  return spec.cadence === "as_needed" ? planWeekOf(spec, date) !== null : isDue(spec, date);
}

/**
 * Occurrences expected in [from, to] (inclusive), clipped to the plan, excluding paused days.
 * times_per_week: each plan week expects N, prorated by the share of that week's days that are
 * inside the range and not paused, rounded down — so a week in progress never demands more
 * than could have been done yet.
 */
export function expectedCount(spec: ScheduleSpec, range: { from: LocalDate; to: LocalDate; pauses?: PauseRange[] }): number {
  const pauses = range.pauses ?? [];
  const from = range.from > spec.startDate ? range.from : spec.startDate;
  const end = planEnd(spec);
  const to = range.to < end ? range.to : end;
  if (to < from || spec.cadence === "as_needed") return 0;
  if (spec.cadence === "times_per_week") {
    const n = spec.timesPerWeek ?? 1;
    let total = 0;
    for (let week = planWeekOf(spec, from)!; week <= planWeekOf(spec, to)!; week++) {
      const weekStart = addDays(spec.startDate, (week - 1) * 7);
      let days = 0;
      for (let i = 0; i < 7; i++) {
        const d = addDays(weekStart, i);
        if (d >= from && d <= to && !isPaused(d, pauses)) days++;
      }
      total += Math.floor((n * days) / 7);
    }
    return total;
  }
  let count = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isDue(spec, d) && !isPaused(d, pauses)) count++;
  return count;
}

/** Expected-so-far for each plan week 1..N up to `to` (weeks after `to` are omitted). */
export function expectedByPlanWeek(spec: ScheduleSpec, range: { to: LocalDate; pauses?: PauseRange[] }) {
  const out: { week: number; from: LocalDate; to: LocalDate; expected: number }[] = [];
  for (let week = 1; week <= spec.durationWeeks; week++) {
    const from = addDays(spec.startDate, (week - 1) * 7);
    if (from > range.to) break;
    const weekEnd = addDays(from, 6);
    const to = weekEnd < range.to ? weekEnd : range.to;
    out.push({ week, from, to: weekEnd, expected: expectedCount(spec, { from, to, pauses: range.pauses }) });
  }
  return out;
}
