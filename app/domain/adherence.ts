/**
 * Adherence: the one rule for turning partners' reports into figures. Whole caseloads are counted
 * in SQL (ADHERENCE_SQL in app/models/couple-stats.server.ts); that statement is held to this
 * module by tests/integration/adherence-parity.test.ts on random reports.
 *
 * - A report is scored only on an occurrence that was expected: a due day of the assignment's
 *   plan (schedule.ts), not paused, not on or after the day the assignment ended. Reports on other
 *   days (an as-needed log, a day a pause covered afterwards) are kept but never scored, so the
 *   percentage and the counts shown beside it always describe the same occurrences.
 * - Two partners' reports on one occurrence count as the mean of their scores (neither account is
 *   taken as the truth); reports that differ are a perception gap.
 * - adherence % = sum of occurrence scores / expected-so-far. An occurrence nobody reported is
 *   "not reported": it lowers the percentage (it was expected) but is never shown as missed.
 * - Plan weeks are the couple's: 7-day blocks from the couple's start date in its local calendar,
 *   whatever day each routine started, so a routine assigned today never changes Week 1.
 */
import { addDays, diffDays, localDateOf, type LocalDate } from "./dates";
import { expectedCount, isDue, isPaused, pauseRangesFromInstants, planEnd, type PauseRange, type ScheduleSpec } from "./schedule";

export type Report = "kept" | "partly" | "missed";
export const REPORT_SCORE: Record<Report, number> = { kept: 1, partly: 0.5, missed: 0 };

/** The caseload's and a partner's "recent adherence": this many local days, today included. */
export const ADHERENCE_WINDOW_DAYS = 14;
/** The length of a couple's plan, in weeks. */
export const PLAN_WEEKS = 8;

/** The last `days` local days up to and including `today`. */
export function adherenceWindow(today: LocalDate, days: number = ADHERENCE_WINDOW_DAYS): { from: LocalDate; to: LocalDate } {
  return { from: addDays(today, 1 - days), to: today };
}

/** The couple's plan week of `date` (1 = the 7 days from the couple's start date; ≤ 0 before it). */
export function planWeek(coupleStart: LocalDate, date: LocalDate): number {
  return Math.floor(diffDays(date, coupleStart) / 7) + 1;
}

/** First and last day of one of the couple's plan weeks. */
export function planWeekDates(coupleStart: LocalDate, week: number): { from: LocalDate; to: LocalDate } {
  const from = addDays(coupleStart, (week - 1) * 7);
  return { from, to: addDays(from, 6) };
}

export function adherencePercent({ score, expected }: { score: number; expected: number }): number | null {
  if (expected <= 0) return null;
  return Math.min(100, Math.round((100 * score) / expected));
}

/** One occurrence from 0, 1 or 2 partners' reports. */
export function combineReports(reports: Report[]): { score: number | null; status: Report | "not_reported"; gap: boolean } {
  if (reports.length === 0) return { score: null, status: "not_reported", gap: false };
  const score = reports.reduce((n, r) => n + REPORT_SCORE[r], 0) / reports.length;
  const status: Report = score >= 1 ? "kept" : score <= 0 ? "missed" : "partly";
  return { score, status, gap: new Set(reports).size > 1 };
}

/** Whether an occurrence on `date` was expected, so that reports on it are scored. */
export function isScored(spec: ScheduleSpec, date: LocalDate, pauses: PauseRange[]): boolean {
  return isDue(spec, date) && !isPaused(date, pauses);
}

/**
 * Who is looking. Partners must never be able to read a safety pause off their own numbers (the
 * timing would point at a disclosure), so their view leaves out only the therapist's pauses,
 * which they know of; the clinician's view leaves out every pause.
 */
export type AdherenceView = "clinician" | "partner";

export interface PauseInstant {
  reason: "safety" | "therapist";
  start: Date;
  end: Date | null;
}

/**
 * The local-date ranges an assignment expects nothing in, for one view: its own and the couple's
 * pauses, and everything from the day it ended on (ending a routine keeps its past weeks as they were).
 */
export function excludedRanges(pauses: PauseInstant[], endedAt: Date | null, timeZone: string, view: AdherenceView): PauseRange[] {
  const ranges = pauseRangesFromInstants(pauses.filter((p) => view === "clinician" || p.reason === "therapist"), timeZone);
  return endedAt ? [...ranges, { from: localDateOf(endedAt, timeZone), to: null }] : ranges;
}

/** Occurrences expected in [from, to], counted from the couple's start (the days tallyByPlanWeek scores). */
export function expectedIn(coupleStart: LocalDate, spec: ScheduleSpec, excluded: PauseRange[], range: { from: LocalDate; to: LocalDate }): number {
  return expectedCount(spec, { from: range.from > coupleStart ? range.from : coupleStart, to: range.to, pauses: excluded });
}

export interface Tally {
  kept: number;
  partly: number;
  missed: number;
  /** occurrences the partners reported differently */
  gaps: number;
  /** sum of the occurrences' scores: the numerator of the percentage */
  score: number;
}

export const emptyTally = (): Tally => ({ kept: 0, partly: 0, missed: 0, gaps: 0, score: 0 });

export function addTally(a: Tally, b: Tally): Tally {
  return { kept: a.kept + b.kept, partly: a.partly + b.partly, missed: a.missed + b.missed, gaps: a.gaps + b.gaps, score: a.score + b.score };
}

/**
 * The reports of one assignment over [from, to], combined per occurrence and added up per plan
 * week of the couple. Only scored occurrences (isScored) count, and only days from the couple's
 * start: before it there is no plan week to put them in.
 */
export function tallyByPlanWeek(input: {
  coupleStart: LocalDate;
  from: LocalDate;
  to: LocalDate;
  spec: ScheduleSpec;
  excluded: PauseRange[];
  reports: { date: LocalDate; status: Report }[];
}): Map<number, Tally> {
  const byDate = new Map<LocalDate, Report[]>();
  for (const r of input.reports) {
    if (r.date < input.from || r.date > input.to || r.date < input.coupleStart || !isScored(input.spec, r.date, input.excluded)) continue;
    byDate.set(r.date, [...(byDate.get(r.date) ?? []), r.status]);
  }
  const out = new Map<number, Tally>();
  for (const [date, reports] of byDate) {
    const c = combineReports(reports);
    const week = planWeek(input.coupleStart, date);
    const t = out.get(week) ?? emptyTally();
    out.set(week, addTally(t, { kept: c.status === "kept" ? 1 : 0, partly: c.status === "partly" ? 1 : 0, missed: c.status === "missed" ? 1 : 0, gaps: c.gap ? 1 : 0, score: c.score ?? 0 }));
  }
  return out;
}

/** A figure as shown: expected vs kept / partly / missed / not reported, and the percentage. */
export function adherenceFigure(expected: number, t: Tally) {
  return { expected, kept: t.kept, partly: t.partly, missed: t.missed, gaps: t.gaps, notReported: Math.max(0, expected - t.kept - t.partly - t.missed), percent: adherencePercent({ score: t.score, expected }) };
}
export type AdherenceFigure = ReturnType<typeof adherenceFigure>;

/**
 * The couple's plan weeks an assignment takes part in up to `today`: from the week it starts in
 * (never before week 1) to the week of its last expected day (plan end, the day before it ended,
 * or today, whichever comes first). Empty if it has not started or ended on its first day.
 */
export function planWeeksOf(coupleStart: LocalDate, spec: ScheduleSpec, endedOn: LocalDate | null, today: LocalDate): number[] {
  const first = spec.startDate > coupleStart ? spec.startDate : coupleStart;
  let last = planEnd(spec) < today ? planEnd(spec) : today;
  if (endedOn && addDays(endedOn, -1) < last) last = addDays(endedOn, -1);
  if (last < first) return [];
  const weeks: number[] = [];
  for (let w = planWeek(coupleStart, first); w <= planWeek(coupleStart, last); w++) weeks.push(w);
  return weeks;
}
