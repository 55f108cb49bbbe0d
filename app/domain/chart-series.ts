/**
 * The couple's check-ins shaped for charts, shared by the couple page and its printable summary:
 * the period a range covers, and each partner's points on the mood and closeness panels.
 */
import { addDays, type LocalDate } from "./dates";

export type ChartRange = "4w" | "8w" | "all";

export const RANGES: Record<ChartRange, { label: string; days: number | null }> = {
  "4w": { label: "4 weeks", days: 28 },
  "8w": { label: "8 weeks", days: 56 },
  all: { label: "All", days: null },
};

export function parseRange(value: string | null | undefined, fallback: ChartRange = "8w"): ChartRange {
  return value === "4w" || value === "8w" || value === "all" ? value : fallback;
}

/**
 * The days a chart covers: the range's last days up to today, never before the couple's start
 * (for "all", from the start, or from an earlier check-in if there is one). `fromStart` says the
 * period reaches back to the start, so an empty chart means "nothing yet".
 */
export function chartPeriod(range: ChartRange, coupleStart: LocalDate, today: LocalDate, firstCheckIn?: LocalDate) {
  const days = RANGES[range].days;
  const rangeStart = days === null ? coupleStart : addDays(today, 1 - days);
  let from = rangeStart > coupleStart ? rangeStart : coupleStart;
  if (days === null && firstCheckIn && firstCheckIn < from) from = firstCheckIn;
  if (from > today) from = today;
  return { from, to: today, fromStart: from <= coupleStart };
}

/** One partner's point on a 1–10 panel: the 7-day average (the line) and the day's value (a faint point). */
export interface DayPoint {
  date: LocalDate;
  value: number;
  avg: number;
}

export interface CheckInPoint {
  partnerId: string;
  d: LocalDate;
  mood: number;
  closeness: number;
  moodAvg: number;
  closenessAvg: number;
}

/** Splits the series into partner A's and partner B's points per measure (anyone not A is B). */
export function partnerPoints(series: CheckInPoint[], partnerAId: string) {
  const out = { mood: { A: [] as DayPoint[], B: [] as DayPoint[] }, closeness: { A: [] as DayPoint[], B: [] as DayPoint[] } };
  for (const s of series) {
    const slot = s.partnerId === partnerAId ? "A" : "B";
    out.mood[slot].push({ date: s.d, value: s.mood, avg: s.moodAvg });
    out.closeness[slot].push({ date: s.d, value: s.closeness, avg: s.closenessAvg });
  }
  return out;
}

/** Keeps the markers that fall in the period; a pause is cut to it (`ongoing` while it goes on). */
export function markersIn(
  timeline: { flags: { id: string; date: LocalDate; severity: string; status: string }[]; pauses: { id: string; from: LocalDate; to: LocalDate | null; reason: string }[] },
  period: { from: LocalDate; to: LocalDate },
) {
  return {
    flags: timeline.flags.filter((f) => f.date >= period.from && f.date <= period.to),
    pauses: timeline.pauses
      .filter((p) => (p.to ?? period.to) >= period.from && p.from <= period.to)
      .map((p) => ({ ...p, from: p.from < period.from ? period.from : p.from, to: p.to === null || p.to > period.to ? period.to : p.to, ongoing: p.to === null })),
  };
}

/**
 * The same points from the page's day rows ({ date, moodA, moodAvgA, closenessA, … }), so the
 * page sends each check-in once (as the table's row) and the panels read them from there.
 */
export function pointsFromRows(rows: Record<string, string | number | null>[]) {
  const out = { mood: { A: [] as DayPoint[], B: [] as DayPoint[] }, closeness: { A: [] as DayPoint[], B: [] as DayPoint[] } };
  for (const r of rows) {
    for (const slot of ["A", "B"] as const) {
      for (const measure of ["mood", "closeness"] as const) {
        const value = r[`${measure}${slot}`];
        const avg = r[`${measure}Avg${slot}`];
        if (typeof value === "number" && typeof avg === "number") out[measure][slot].push({ date: String(r.date), value, avg });
      }
    }
  }
  return out;
}
