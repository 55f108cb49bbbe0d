/**
 * Adherence arithmetic. The app counts kept/partly/missed in SQL and takes expected counts
 * from schedule.ts; this module turns them into percentages, perception gaps and trends.
 * adherence % = (kept + ½·partly) / expected-so-far. An occurrence nobody reported is
 * "not reported": it lowers the percentage (it was expected) but is never shown as missed.
 */
export type Report = "kept" | "partly" | "missed";
export const REPORT_SCORE: Record<Report, number> = { kept: 1, partly: 0.5, missed: 0 };

export function adherencePercent({ kept, partly, expected }: { kept: number; partly: number; expected: number }): number | null {
  if (expected <= 0) return null;
  return Math.min(100, Math.round((100 * (kept + 0.5 * partly)) / expected));
}

/**
 * One occurrence from 0, 1 or 2 partners' reports. Two that disagree are a perception gap and
 * count as the mean of their scores (neither partner's account is taken as the truth).
 */
export function combineReports(reports: Report[]): { score: number | null; status: Report | "not_reported"; gap: boolean } {
  if (reports.length === 0) return { score: null, status: "not_reported", gap: false };
  const scores = reports.map((r) => REPORT_SCORE[r]);
  const score = scores.reduce((a, b) => a + b, 0) / scores.length;
  const gap = new Set(reports).size > 1;
  const status: Report = score >= 1 ? "kept" : score <= 0 ? "missed" : "partly";
  return { score, status, gap };
}

export function perceptionGap(a: Report | null, b: Report | null): boolean {
  return a !== null && b !== null && a !== b;
}

export function gapSize(a: Report, b: Report): number {
  return Math.abs(REPORT_SCORE[a] - REPORT_SCORE[b]);
}

export function summarize(occurrences: { date: string; reports: Report[] }[], expected: number) {
  let kept = 0;
  let partly = 0;
  let missed = 0;
  let gaps = 0;
  for (const o of occurrences) {
    const c = combineReports(o.reports);
    if (c.gap) gaps++;
    if (c.status === "kept") kept++;
    else if (c.status === "partly") partly++;
    else if (c.status === "missed") missed++;
  }
  const reported = kept + partly + missed;
  return { expected, kept, partly, missed, notReported: Math.max(0, expected - reported), percent: adherencePercent({ kept, partly, expected }), gaps };
}

export function trend(current: number | null, previous: number | null, flatWithin = 5): "up" | "down" | "flat" | "unknown" {
  if (current === null || previous === null) return "unknown";
  if (Math.abs(current - previous) <= flatWithin) return "flat";
  return current > previous ? "up" : "down";
}
