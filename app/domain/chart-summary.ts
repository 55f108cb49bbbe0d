/**
 * One sentence per chart, for people who do not see the chart (screen readers, print, a quick
 * read): what the numbers did, in the clinic's words ("Mood fell from 7 to 4 over 3 weeks for
 * Jordan"). Pure: the page computes the series, this says what they show.
 */
import { formatLocalDate } from "./date-format";
import { diffDays, type LocalDate } from "./dates";

/** The adherence a plan aims for, drawn as the target line on the weekly bars. */
export const ADHERENCE_TARGET = 80;

/** Changes smaller than this (on a 1–10 scale) read as "stayed about". */
export const STEADY_WITHIN = 0.5;

const num = (n: number) => {
  const r = Math.round(n * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
};

/** "3 days", "1 week", "3 weeks": spans under two weeks in days, longer ones in whole weeks. */
export function spanText(days: number): string {
  if (days < 14) return `${days} day${days === 1 ? "" : "s"}`;
  const weeks = Math.round(days / 7);
  return `${weeks} week${weeks === 1 ? "" : "s"}`;
}

export interface TrendPoint {
  date: LocalDate;
  /** the 7-day average on that day (what the line shows) */
  value: number;
}

/** What one partner's line did: "fell from 7 to 4 over 3 weeks for Jordan". Null without points. */
export function trendClause(name: string, points: TrendPoint[]): string | null {
  if (!points.length) return null;
  const sorted = [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (sorted.length === 1) return `was ${num(first.value)} on the one day ${name} checked in (${formatLocalDate(first.date)})`;
  const span = spanText(diffDays(last.date, first.date));
  const change = last.value - first.value;
  if (Math.abs(change) < STEADY_WITHIN) return `stayed about ${num(last.value)} over ${span} for ${name}`;
  return `${change < 0 ? "fell" : "rose"} from ${num(first.value)} to ${num(last.value)} over ${span} for ${name}`;
}

/**
 * One sentence for a mood or closeness panel over both partners, e.g. "Mood fell from 7 to 4
 * over 3 weeks for Jordan and stayed about 6 over 3 weeks for Sam."
 */
export function trendSummary(measure: string, partners: { name: string; points: TrendPoint[] }[]): string {
  const clauses = partners.map((p) => ({ name: p.name, clause: trendClause(p.name, p.points) }));
  const said = clauses.filter((c) => c.clause !== null).map((c) => c.clause!);
  const silent = clauses.filter((c) => c.clause === null).map((c) => c.name);
  if (!said.length) return `No ${measure.toLowerCase()} check-ins in this period.`;
  const body = `${measure} (7-day average) ${said.join(" and ")}`;
  return silent.length ? `${body}; no check-ins from ${silent.join(" or ")} in this period.` : `${body}.`;
}

export interface WeekFigure {
  week: number;
  expected: number;
  percent: number | null;
}

/**
 * One sentence for adherence per plan week against a target: the latest week that expected
 * anything, how it compares with the target, and how many weeks so far met it.
 * `subject` names the chart ("All routines", a routine's title).
 */
export function adherenceSummary(subject: string, weeks: WeekFigure[], currentWeek: number, target: number): string {
  const counted = weeks.filter((w) => w.expected > 0 && w.percent !== null && w.week <= currentWeek);
  if (!counted.length) return `${subject}: nothing was due yet, so there is no adherence to show.`;
  const latest = counted[counted.length - 1]!;
  const percent = latest.percent!;
  const when = latest.week === currentWeek ? `week ${latest.week} (this week, so far)` : `week ${latest.week}`;
  const compared = percent >= target ? `at or above the ${target}% target` : `below the ${target}% target`;
  const met = counted.filter((w) => w.percent! >= target).length;
  const tail = counted.length > 1 ? `; ${met} of ${counted.length} weeks so far met it` : "";
  return `${subject}: ${percent}% in ${when}, ${compared}${tail}.`;
}

/** One sentence for the perception-gap strips: how many occurrences, where most, and the latest. */
export function gapSummary(gaps: { title: string; date: LocalDate }[]): string {
  if (!gaps.length) return "The partners agreed on every occurrence they both reported.";
  const byTitle = new Map<string, number>();
  for (const g of gaps) byTitle.set(g.title, (byTitle.get(g.title) ?? 0) + 1);
  const [topTitle, topCount] = [...byTitle.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  const latest = gaps.reduce((m, g) => (g.date > m ? g.date : m), gaps[0]!.date);
  const n = gaps.length;
  const where = byTitle.size === 1 ? `all on “${topTitle}”` : `most often on “${topTitle}” (${topCount})`;
  return `The partners reported ${n} occurrence${n === 1 ? "" : "s"} differently, ${where}; the latest on ${formatLocalDate(latest)}.`;
}

/** One sentence for the CSI-4 chart: each partner's latest score against the distress cut-off. */
export function csiSummary(partners: { name: string; scores: { date: LocalDate; score: number }[] }[], cutoff: number): string {
  const parts = partners.flatMap((p) => {
    if (!p.scores.length) return [];
    const latest = [...p.scores].sort((a, b) => (a.date < b.date ? -1 : 1)).at(-1)!;
    return [`${p.name} ${latest.score} on ${formatLocalDate(latest.date)} (${latest.score < cutoff ? "below the distress cut-off of " + cutoff : "above the distress cut-off of " + cutoff})`];
  });
  if (!parts.length) return "No CSI-4 scores yet.";
  return `Latest CSI-4: ${parts.join("; ")}.`;
}
