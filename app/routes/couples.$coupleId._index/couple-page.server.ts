/**
 * Everything the couple page shows, shaped for its sections: the header facts, the weekly review,
 * mood and closeness per partner with the flags and pauses on their time axis, adherence per plan
 * week (overall and per routine), where the partners saw an occurrence differently, CSI-4,
 * routines and homework — and one sentence per chart. Every query runs at once (one round trip's
 * wait); the pivots for the charts happen here, not in the components.
 */
import { adherenceSummary, ADHERENCE_TARGET, csiSummary, gapSummary, trendSummary } from "~/domain/chart-summary";
import { planWeek, PLAN_WEEKS } from "~/domain/adherence";
import { CSI4_CUTOFF } from "~/domain/csi4";
import { chartPeriod, markersIn, parseRange, partnerPoints } from "~/domain/chart-series";
import { diffDays, localDateOf } from "~/domain/dates";
import { coupleOverview } from "~/models/couple.server";
import { adherenceByWeek, assignmentsWithPauses, csiSeries, moodSeries, perceptionGaps, weeklyReview, type Range } from "~/models/couple-stats.server";
import { coupleTimeline } from "~/models/couple-timeline.server";
import { openFlagsForCouple } from "~/models/flag.server";
import { homeworkList } from "~/models/homework.server";
import { planSummaryForCouple } from "~/models/repair.server";
import { screenStatusFor } from "~/models/screen.server";
import { audit } from "~/utils/audit.server";
import type { ScopedCouple } from "~/utils/authz.server";
import type { SessionUser } from "~/utils/session.server";

export function rangeOf(url: URL): Range {
  return parseRange(url.searchParams.get("range"));
}

export async function loadCouplePage(user: SessionUser, couple: ScopedCouple, range: Range, request: Request) {
  const today = localDateOf(new Date(), couple.timeZone);
  // the routines and their excluded days, read once for the plan weeks and the weekly review
  const routines = assignmentsWithPauses([couple.id], new Map([[couple.id, couple.timeZone]]));
  const [info, series, adherence, gaps, csi, review, flags, homework, screen, timeline, repairPlan] = await Promise.all([
    coupleOverview(couple.id),
    moodSeries(couple.id, today, range),
    adherenceByWeek(couple.id, couple.timeZone, today, routines),
    perceptionGaps(couple.id),
    csiSeries(couple.id),
    weeklyReview(couple.id, couple.timeZone, today, routines),
    openFlagsForCouple(couple.id),
    homeworkList(couple.id),
    // the private screen's schedule (never its answers, which are on the partner's flags only)
    screenStatusFor(user, couple.id),
    coupleTimeline(couple.id, couple.timeZone),
    // where the couple is on its repair plan, restitution and the questions' statuses (issue 18)
    planSummaryForCouple(user, couple.id),
    // the read is audited beside the queries, not after them (one round trip less)
    audit({ actor: user, action: "read", entity: "couple", entityId: couple.id, coupleId: couple.id, request }),
  ]);
  const [A, B] = info.partners;
  const slot = (partnerId: string) => (partnerId === A.id ? "A" : "B");
  const names = { A: A.name, B: B.name };

  // The charts' period: the range, never before the couple's start, up to today.
  const period = chartPeriod(range, info.startDate, today, series[0]?.d);
  // The table view: one row per day with anything checked in.
  const rows = new Map<string, Record<string, string | number | null>>();
  for (const s of series) {
    const key = slot(s.partnerId);
    const row = rows.get(s.d) ?? { date: s.d };
    Object.assign(row, { [`mood${key}`]: s.mood, [`moodAvg${key}`]: s.moodAvg, [`closeness${key}`]: s.closeness, [`closenessAvg${key}`]: s.closenessAvg });
    rows.set(s.d, row);
  }
  const points = partnerPoints(series, A.id);
  const trend = (measure: "Mood" | "Closeness", p: (typeof points)["mood"]) =>
    trendSummary(measure, [
      { name: A.name, points: p.A.map((x) => ({ date: x.date, value: x.avg })) },
      { name: B.name, points: p.B.map((x) => ({ date: x.date, value: x.avg })) },
    ]);

  const csiRows = new Map<string, Record<string, string | number | null>>();
  for (const s of csi) {
    const row = csiRows.get(s.d) ?? { date: s.d };
    row[slot(s.partnerId)] = s.score;
    csiRows.set(s.d, row);
  }

  const gapWeeks = new Map<number, number>();
  for (const g of gaps) {
    const wk = planWeek(info.startDate, g.d);
    gapWeeks.set(wk, (gapWeeks.get(wk) ?? 0) + 1);
  }
  const week = planWeek(info.startDate, today);
  // One strip per routine that expects occurrences, each mark an occurrence reported differently.
  // (an as-needed routine has no plan weeks, but its reports can still differ)
  const stripTitles = new Map(adherence.perAssignment.map((a) => [a.id, a.title]));
  for (const g of gaps) if (!stripTitles.has(g.assignmentId)) stripTitles.set(g.assignmentId, g.title);
  const gapStrips = [...stripTitles].map(([id, title]) => ({
    id,
    title,
    marks: gaps.filter((g) => g.assignmentId === id).map((g) => ({ date: g.d, reports: g.reports })),
  }));

  return {
    today,
    couple: {
      id: couple.id,
      status: couple.status,
      timeZone: couple.timeZone,
      startDate: info.startDate,
      week,
      pausedForSafety: info.paused && info.pauseReason === "safety",
      pauseToldAt: info.pauseToldAt,
      paused: info.paused,
      partners: info.partners,
    },
    screen,
    names,
    range,
    period: { ...period, days: diffDays(today, period.from) + 1 },
    mood: [...rows.values()],
    markers: markersIn(timeline, period),
    adherence,
    plan: { weeks: PLAN_WEEKS, target: ADHERENCE_TARGET },
    gaps: gaps.slice(0, 30),
    gapStrips,
    gapWeeks: [...gapWeeks.entries()].sort((a, b) => a[0] - b[0]),
    gapTotal: gaps.length,
    csi: [...csiRows.values()],
    summaries: {
      mood: trend("Mood", points.mood),
      closeness: trend("Closeness", points.closeness),
      adherence: adherenceSummary("All routines", adherence.overall, week, ADHERENCE_TARGET),
      perRoutine: Object.fromEntries(adherence.perAssignment.map((a) => [a.id, adherenceSummary(a.title, a.weeks, week, ADHERENCE_TARGET)])),
      gaps: gapSummary(gaps.map((g) => ({ title: g.title, date: g.d }))),
      csi: csiSummary(
        [A, B].map((p) => ({ name: p.name, scores: csi.filter((s) => s.partnerId === p.id).map((s) => ({ date: s.d, score: s.score })) })),
        CSI4_CUTOFF,
      ),
    },
    review,
    repairPlan,
    flags: flags.map((f) => ({ id: f.id, severity: f.severity, status: f.status, dueBy: f.dueBy.toISOString(), partnerName: f.partner.name })),
    assignments: info.assignments,
    homework: homework.map((h) => ({
      id: h.id,
      title: h.title,
      dueDate: h.dueDate,
      assignee: h.assignee,
      visibility: h.visibility,
      submitted: h.submissions.filter((s) => s.status === "submitted").length,
      toReview: h.submissions.filter((s) => s.status === "submitted" && !s.reviewed).length,
      expected: h.assignee === "BOTH" ? 2 : 1,
      overdue: h.dueDate < today && !h.complete,
    })),
  };
}

export type CouplePageData = Awaited<ReturnType<typeof loadCouplePage>>;
