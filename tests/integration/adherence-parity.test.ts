/**
 * ADHERENCE_SQL (app/models/couple-stats.server.ts) counts whole caseloads in one statement; the
 * rule it must follow is app/domain/adherence.ts. The property below writes random routines,
 * pauses, endings and reports to the real database, loads them as the pages do and compares the
 * statement's rows with the domain's (computed from the generated data alone), in both views;
 * the scenarios after it check that every page shows those same numbers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { excludedRanges, tallyByPlanWeek, type AdherenceView, type Report } from "~/domain/adherence";
import { addDays, localDateOf, startOfLocalDayUtc } from "~/domain/dates";
import { specOf, type Cadence } from "~/domain/schedule";
import { assignmentsWithPauses, withScores } from "~/models/couple-stats.server";
import * as caseloadRoute from "~/routes/caseload";
import * as coupleRoute from "~/routes/couples.$coupleId._index/route";
import * as historyRoute from "~/routes/history";
import { prisma } from "~/utils/db.server";
import { call, createCouple, createPractice, createUser, createWorld, getRequest } from "../support/fixtures";

const BASE = "2026-03-02"; // a Monday; US clocks change on 03-08, New Zealand's on 04-05
const ZONES = ["America/New_York", "Pacific/Auckland", "UTC", "Asia/Kolkata"] as const;
const HOUR = 3_600_000;
const at = (hoursAfterBase: number) => new Date(Date.parse(`${BASE}T00:00:00Z`) + hoursAfterBase * HOUR);
const day = (d: string) => new Date(`${d}T00:00:00Z`);

/** An ending is rare (null three times in four); most pauses are lifted (null once in four). */
const rarely = <T>(a: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: a, weight: 1 });
const mostly = <T>(a: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(null), weight: 1 }, { arbitrary: a, weight: 3 });

const assignmentArb = fc.record({
  cadence: fc.constantFrom<Cadence>("daily", "daily", "weekly", "weekly", "times_per_week", "as_needed"),
  weekday: fc.option(fc.integer({ min: 0, max: 6 })),
  timesPerWeek: fc.integer({ min: 1, max: 7 }),
  startOffset: fc.noBias(fc.integer({ min: -10, max: 20 })),
  durationWeeks: fc.integer({ min: 1, max: 6 }),
  endedAtHour: rarely(fc.noBias(fc.integer({ min: -24, max: 45 * 24 }))),
});
const coupleArb = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  assignments: fc.array(assignmentArb, { minLength: 1, maxLength: 3 }),
  pauses: fc.array(
    fc.record({
      assignment: fc.option(fc.nat(2)),
      reason: fc.constantFrom<"safety" | "therapist">("safety", "therapist"),
      startHour: fc.noBias(fc.integer({ min: -48, max: 45 * 24 })),
      lengthHours: mostly(fc.noBias(fc.integer({ min: 1, max: 12 * 24 }))),
    }),
    { maxLength: 3 },
  ),
  reports: fc.array(
    fc.record({ assignment: fc.nat(2), dayOffset: fc.noBias(fc.integer({ min: -12, max: 50 })), reporter: fc.nat(1), status: fc.constantFrom<Report>("kept", "partly", "missed") }),
    { minLength: 20, maxLength: 80 },
  ),
  from: fc.noBias(fc.integer({ min: -15, max: 5 })),
  length: fc.noBias(fc.integer({ min: 0, max: 75 })),
});

describe("ADHERENCE_SQL follows the domain rule", () => {
  it("on random routines, pauses, endings and reports, in the clinician's and a partner's view", async () => {
    const practice = await createPractice();
    const therapist = await createUser(practice.id, "therapist");
    await fc.assert(
      fc.asyncProperty(fc.array(coupleArb, { minLength: 1, maxLength: 2 }), fc.option(fc.nat(1)), async (couples, viewer) => {
        const built = [];
        for (const c of couples) {
          const { couple, partnerA, partnerB } = await createCouple(practice.id, therapist.id, { startDate: BASE, timeZone: c.timeZone });
          const partners = [partnerA.id, partnerB.id];
          const assignments = await Promise.all(
            c.assignments.map((a) => {
              const endedAt = a.endedAtHour === null ? null : at(a.endedAtHour);
              return prisma.assignment.create({
                data: {
                  coupleId: couple.id, title: "r", target: "t", cadence: a.cadence, weekday: a.weekday, timesPerWeek: a.timesPerWeek,
                  startDate: day(addDays(BASE, a.startOffset)), durationWeeks: a.durationWeeks, createdById: therapist.id,
                  status: endedAt ? "completed" : "active", endedAt,
                },
              });
            }),
          );
          const pauses = c.pauses.map((p) => ({
            coupleId: couple.id,
            assignmentId: p.assignment === null ? null : (assignments[p.assignment % assignments.length]!.id),
            reason: p.reason,
            startedAt: at(p.startHour),
            endedAt: p.lengthHours === null ? null : at(p.startHour + p.lengthHours),
          }));
          await prisma.pausePeriod.createMany({ data: pauses });
          const seen = new Set<string>();
          const reports = c.reports
            .map((r) => ({ assignmentId: assignments[r.assignment % assignments.length]!.id, date: addDays(BASE, r.dayOffset), reporterId: partners[r.reporter]!, status: r.status }))
            .filter((r) => !seen.has(`${r.assignmentId} ${r.date} ${r.reporterId}`) && seen.add(`${r.assignmentId} ${r.date} ${r.reporterId}`));
          await prisma.adherenceEntry.createMany({ data: reports.map((r) => ({ assignmentId: r.assignmentId, occurrenceDate: day(r.date), reporterId: r.reporterId, status: r.status })) });
          built.push({ couple, partners, assignments, pauses, reports, range: { from: addDays(BASE, c.from), to: addDays(BASE, c.from + c.length) }, timeZone: c.timeZone });
        }
        // a partner's own view is asked for one couple at a time, as History does
        const reporterId = viewer === null ? null : built[0]!.partners[viewer]!;
        const asked = reporterId === null ? built : built.slice(0, 1);
        const view: AdherenceView = reporterId === null ? "clinician" : "partner";

        // the production path: assignments and their excluded days as the pages load them, then the statement
        const loaded = await assignmentsWithPauses(asked.map((b) => b.couple.id), new Map(asked.map((b) => [b.couple.id, b.timeZone])), view);
        const order = (x: { assignmentId: string; week: number }, y: { assignmentId: string; week: number }) => x.assignmentId.localeCompare(y.assignmentId) || x.week - y.week;
        const ranges = asked.map((b) => ({ coupleId: b.couple.id, ...b.range }));
        // the pages' path: the scores without exclusions, less the occurrences the domain excludes
        const { scored: fromSql } = await withScores(Promise.resolve(loaded), ranges, reporterId);
        const fromDomain = asked.flatMap((b) =>
          b.assignments.flatMap((a) => {
            const pauses = b.pauses.filter((p) => p.assignmentId === null || p.assignmentId === a.id).map((p) => ({ reason: p.reason, start: p.startedAt, end: p.endedAt }));
            const tally = tallyByPlanWeek({
              coupleStart: BASE,
              ...b.range,
              spec: specOf(a),
              excluded: excludedRanges(pauses, a.endedAt, b.timeZone, view),
              reports: b.reports.filter((r) => r.assignmentId === a.id && (reporterId === null || r.reporterId === reporterId)),
            });
            return [...tally].map(([week, t]) => ({ coupleId: b.couple.id, assignmentId: a.id, week, ...t }));
          }),
        );
        expect([...fromSql].sort(order)).toEqual(fromDomain.sort(order));
      }),
      { numRuns: 60, seed: 17, endOnFailure: true },
    );
  }, 180_000);
});

describe("every page shows the domain's numbers", () => {
  it("caseload, weekly review and a partner's history score the same occurrences: paused, after-the-end and as-needed reports are left out", async () => {
    const w = await createWorld();
    const tz = w.coupleA.timeZone;
    const today = localDateOf(new Date(), tz);
    const d = (n: number) => day(addDays(today, n));
    const localTime = (n: number, hour: number) => new Date(startOfLocalDayUtc(addDays(today, n), tz).getTime() + hour * HOUR);
    await prisma.couple.update({ where: { id: w.coupleA.id }, data: { startDate: d(-20) } });
    const base = { coupleId: w.coupleA.id, target: "by 8 PM every day", createdById: w.therapist.id, startDate: d(-20) };
    const call1 = await prisma.assignment.create({ data: { ...base, title: "Call", cadence: "daily", responsible: "A" } });
    const asNeeded = await prisma.assignment.create({ data: { ...base, title: "Time-out", cadence: "as_needed" } });
    const ended = await prisma.assignment.create({ data: { ...base, title: "Walk", cadence: "daily", responsible: "A", status: "completed", endedAt: localTime(-5, 12) } });
    // the therapist paused shared work yesterday 10:00–today 09:00 (covers yesterday); a safety pause covered days -8 and -7
    await prisma.pausePeriod.create({ data: { coupleId: w.coupleA.id, reason: "therapist", startedAt: localTime(-1, 10), endedAt: localTime(0, 9) } });
    await prisma.pausePeriod.create({ data: { coupleId: w.coupleA.id, reason: "safety", startedAt: localTime(-8, 12), endedAt: localTime(-6, 12) } });
    const A = w.partnerA1.id;
    const B = w.partnerA2.id;
    const reports: [string, number, string, Report][] = [
      [call1.id, -3, A, "kept"],
      [call1.id, -2, A, "kept"],
      [call1.id, -2, B, "missed"], // a gap: 0.5
      [call1.id, -1, A, "missed"], // paused day: never scored
      [call1.id, -8, A, "kept"], // safety-paused: not scored for the clinician, scored in A's own view
      [asNeeded.id, -1, A, "kept"], // as needed: nothing expected, nothing scored
      [ended.id, -10, A, "kept"],
      [ended.id, -6, A, "kept"],
      [ended.id, -4, A, "kept"], // after it ended
    ];
    await prisma.adherenceEntry.createMany({ data: reports.map(([assignmentId, n, reporterId, status]) => ({ assignmentId, occurrenceDate: d(n), reporterId, status })) });

    const caseload = await call(caseloadRoute.loader, await getRequest("/caseload", w.therapist));
    const row = (caseload.data as { rows: { id: string; adherence14: number | null }[] }).rows.find((r) => r.id === w.coupleA.id)!;
    // Call: 14 days − yesterday − days -8, -7 = 11 expected, scored 1 + 0.5; Walk: days -13…-6 − 2 paused = 6, scored 2
    expect(row.adherence14).toBe(Math.round((100 * 3.5) / 17));

    const page = await call(coupleRoute.loader, await getRequest(`/couples/${w.coupleA.id}`, w.therapist), { coupleId: w.coupleA.id });
    const review = (page.data as { review: { adherenceNow: number | null; adherenceBefore: number | null; missed: number } }).review;
    // this week (-6…0): Call 6 expected (1.5 scored), Walk 1 expected (day -6, 1 scored); nothing scored was missed
    // the week before (-13…-7): Call 5, Walk 5 expected; only Walk's day -10 scored
    expect(review).toMatchObject({ adherenceNow: Math.round((100 * 2.5) / 7), adherenceBefore: 10, missed: 0 });

    const history = await call(historyRoute.loader, await getRequest("/history", w.partnerA1));
    const agreements = (history.data as { agreements: { id: string; expected: number; kept: number; partly: number; missed: number; percent: number | null }[] }).agreements;
    // A's own reports; a safety pause is not left out of a partner's numbers (it must not show), the therapist's pause is
    expect(agreements.find((a) => a.id === call1.id)).toMatchObject({ expected: 13, kept: 3, partly: 0, missed: 0, percent: Math.round((100 * 3) / 13) });
    expect(agreements.find((a) => a.id === asNeeded.id)).toMatchObject({ expected: 0, kept: 0, percent: null });
    expect(agreements.some((a) => a.id === ended.id)).toBe(false);
  });

  it("the weekly review while work is paused: the percentage and the missed count leave out the same paused days", async () => {
    const w = await createWorld();
    const tz = w.coupleA.timeZone;
    const today = localDateOf(new Date(), tz);
    const d = (n: number) => day(addDays(today, n));
    const a = await prisma.assignment.create({ data: { coupleId: w.coupleA.id, title: "Call", target: "by 8 PM every day", cadence: "daily", startDate: d(-6), createdById: w.therapist.id } });
    // a safety pause since two days ago, not yet told: partners could still log, and one logged a miss
    await prisma.couple.update({ where: { id: w.coupleA.id }, data: { workPausedAt: new Date(startOfLocalDayUtc(addDays(today, -2), tz).getTime() + 8 * HOUR), workPauseReason: "safety" } });
    await prisma.pausePeriod.create({ data: { coupleId: w.coupleA.id, reason: "safety", startedAt: new Date(startOfLocalDayUtc(addDays(today, -2), tz).getTime() + 8 * HOUR) } });
    const entries: [number, Report][] = [[-6, "kept"], [-5, "kept"], [-4, "kept"], [-3, "kept"], [-1, "missed"]];
    await prisma.adherenceEntry.createMany({ data: entries.map(([n, status]) => ({ assignmentId: a.id, occurrenceDate: d(n), reporterId: w.partnerA1.id, status })) });
    const page = await call(coupleRoute.loader, await getRequest(`/couples/${w.coupleA.id}`, w.therapist), { coupleId: w.coupleA.id });
    const review = (page.data as { review: { adherenceNow: number | null; missed: number } }).review;
    expect(review).toEqual(expect.objectContaining({ adherenceNow: 100, missed: 0 }));
  });
});
