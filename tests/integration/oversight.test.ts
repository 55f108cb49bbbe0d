/**
 * Issue 16, item 11: a flag a therapist resolves alone must not vanish from every supervisor
 * view. Supervisors get the practice's resolved history (filtered, paged, validated) and a review
 * list of high/imminent resolutions no supervisor acted on, with "Mark reviewed".
 */
import type { Severity } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { SUPERVISOR_REVIEW_NOTE } from "~/models/flag-oversight.server";
import * as flagRoute from "~/routes/flags.$flagId/route";
import * as queueRoute from "~/routes/flags._index";
import * as resolvedRoute from "~/routes/flags.resolved";
import { prisma } from "~/utils/db.server";
import { call, createWorld, getRequest, postRequest } from "../support/fixtures";

type World = Awaited<ReturnType<typeof createWorld>>;
type Row = { id: string; severity: string; outcome: string | null; resolvedBy: string | null; therapistName: string; supervisorInvolved: boolean };
type Page = {
  errors: Record<string, string[]>;
  filters: Record<string, string>;
  history: { rows: Row[]; total: number; pageSize: number } | null;
  review: { rows: Row[]; total: number };
};

let n = 0;
/** A flag of couple A (or B), optionally already resolved by `resolver` with events written the way actOnFlag writes them. */
async function flag(w: World, opts: { severity: Severity; couple?: "A" | "B"; resolvedBy?: { id: string }; resolvedAt?: Date; outcome?: "safety_plan" | "not_confirmed" | "other"; before?: { id: string } }) {
  const couple = opts.couple === "B" ? w.coupleB : w.coupleA;
  const partnerId = opts.couple === "B" ? w.partnerB1.id : w.partnerA1.id;
  const f = await prisma.safetyFlag.create({
    data: {
      practiceId: couple.practiceId,
      coupleId: couple.id,
      partnerId,
      source: "therapist",
      concern: `c-${n++}`,
      severity: opts.severity,
      dueBy: new Date(Date.now() + 3_600_000),
      events: { create: [{ type: "raised", authorId: null, note: "raised by the rules" }] },
    },
  });
  if (opts.before) await prisma.flagEvent.create({ data: { flagId: f.id, authorId: opts.before.id, type: "acknowledged", fromStatus: "open", toStatus: "acknowledged" } });
  if (opts.resolvedBy) {
    const at = opts.resolvedAt ?? new Date();
    await prisma.safetyFlag.update({ where: { id: f.id }, data: { status: "resolved", outcome: opts.outcome ?? "safety_plan", resolvedAt: at } });
    await prisma.flagEvent.create({ data: { flagId: f.id, authorId: opts.resolvedBy.id, type: "resolved", note: "Safety plan agreed.", fromStatus: "open", toStatus: "resolved", createdAt: at } });
  }
  return f;
}

async function page(w: World, query = "", as: { id: string } = w.supervisor) {
  const res = await call(resolvedRoute.loader, await getRequest(`/flags/resolved${query}`, as));
  return { status: res.status, data: res.data as Page };
}

describe("resolved by the therapist alone — review", () => {
  it("a high flag the therapist resolves alone leaves the queue but reaches the supervisor's review list; Mark reviewed records it once, on the timeline", async () => {
    const w = await createWorld();
    const f = await flag(w, { severity: "high" });
    const resolve = await call(flagRoute.action, await postRequest(`/flags/${f.id}`, { intent: "resolve", outcome: "safety_plan", note: "Met with her alone; safety plan agreed." }, w.therapist), { flagId: f.id });
    expect(resolve.status).toBe(302);

    const queue = await call(queueRoute.loader, await getRequest("/flags", w.supervisor));
    expect((queue.data as { flags: { id: string }[] }).flags.map((x) => x.id)).not.toContain(f.id);

    const before = await page(w);
    expect(before.status).toBe(200);
    expect(before.data.review.rows.map((r) => r.id)).toEqual([f.id]);
    expect(before.data.review.rows[0]).toMatchObject({ resolvedBy: w.therapist.name, outcome: "safety_plan", supervisorInvolved: false });
    expect(before.data.history!.rows.map((r) => r.id)).toContain(f.id);

    const mark = await call(resolvedRoute.action, await postRequest("/flags/resolved", { intent: "review", flagId: f.id }, w.supervisor));
    expect(mark.status).toBe(302);
    // a double click, or a second supervisor a moment later, records nothing more
    expect((await call(resolvedRoute.action, await postRequest("/flags/resolved", { intent: "review", flagId: f.id }, w.supervisor))).status).toBe(302);

    const notes = await prisma.flagEvent.findMany({ where: { flagId: f.id, type: "note" } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ authorId: w.supervisor.id, note: SUPERVISOR_REVIEW_NOTE });
    expect(await prisma.auditEvent.count({ where: { actorId: w.supervisor.id, action: "review", entity: "flag", entityId: f.id, coupleId: w.coupleA.id } })).toBe(1);

    const after = await page(w);
    expect(after.data.review.total).toBe(0);
    expect(after.data.history!.rows.find((r) => r.id === f.id)?.supervisorInvolved).toBe(true);

    // the review is on the flag's own timeline, for the next clinician who opens it
    const flagPage = await call(flagRoute.loader, await getRequest(`/flags/${f.id}`, w.therapist), { flagId: f.id });
    expect(JSON.stringify(flagPage.data)).toContain(SUPERVISOR_REVIEW_NOTE);
  });

  it("lists only high/imminent resolutions with no supervisor on the timeline, of the supervisor's own practice", async () => {
    const w = await createWorld();
    const other = await createWorld();
    const alone = await flag(w, { severity: "imminent", resolvedBy: w.therapist });
    const aloneB = await flag(w, { severity: "high", couple: "B", resolvedBy: w.otherTherapist });
    await flag(w, { severity: "medium", resolvedBy: w.therapist }); // not serious enough for review
    await flag(w, { severity: "high", resolvedBy: w.therapist, before: w.supervisor }); // a supervisor acknowledged it first
    await flag(w, { severity: "high", resolvedBy: w.supervisor }); // resolved by a supervisor
    await flag(w, { severity: "high" }); // still open: in the queue, not here
    const elsewhere = await flag(other, { severity: "high", resolvedBy: other.therapist });

    const { data } = await page(w);
    expect(data.review.rows.map((r) => r.id).sort()).toEqual([alone.id, aloneB.id].sort());
    expect(data.history!.total).toBe(5);
    expect(data.history!.rows.map((r) => r.id)).not.toContain(elsewhere.id);

    // another practice's flag cannot be marked, and the attempt is audited
    const res = await call(resolvedRoute.action, await postRequest("/flags/resolved", { intent: "review", flagId: elsewhere.id }, w.supervisor));
    expect(res.status).toBe(404);
    expect(await prisma.flagEvent.count({ where: { flagId: elsewhere.id, type: "note" } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { actorId: w.supervisor.id, outcome: "denied", entity: "flag", entityId: elsewhere.id } })).toBe(1);

    // a medium flag is not reviewed here: a message, nothing recorded
    const medium = await flag(w, { severity: "medium", resolvedBy: w.therapist });
    const refused = await call(resolvedRoute.action, await postRequest("/flags/resolved", { intent: "review", flagId: medium.id }, w.supervisor));
    expect(refused.status).toBe(400);
    expect(await prisma.flagEvent.count({ where: { flagId: medium.id, type: "note" } })).toBe(0);
  });

  it("is for supervisors only", async () => {
    const w = await createWorld();
    const f = await flag(w, { severity: "high", resolvedBy: w.therapist });
    for (const u of [w.therapist, w.admin, w.partnerA1]) {
      expect((await page(w, "", u)).status, u.role).toBe(403);
      expect((await call(resolvedRoute.action, await postRequest("/flags/resolved", { intent: "review", flagId: f.id }, u))).status, u.role).toBe(403);
    }
    expect(await prisma.flagEvent.count({ where: { flagId: f.id, type: "note" } })).toBe(0);
  });
});

describe("resolved history", () => {
  it("filters by outcome, therapist and resolution date (practice days, 'to' inclusive), and pages", async () => {
    const w = await createWorld();
    const day = (d: string, h = 15) => new Date(`${d}T${String(h).padStart(2, "0")}:00:00Z`);
    const march1 = await flag(w, { severity: "low", resolvedBy: w.therapist, resolvedAt: day("2026-03-01"), outcome: "not_confirmed" });
    const march10 = await flag(w, { severity: "low", couple: "B", resolvedBy: w.otherTherapist, resolvedAt: day("2026-03-10"), outcome: "safety_plan" });
    const march31 = await flag(w, { severity: "low", resolvedBy: w.therapist, resolvedAt: day("2026-03-31", 23), outcome: "safety_plan" });
    await flag(w, { severity: "low", resolvedBy: w.therapist, resolvedAt: day("2026-04-02"), outcome: "other" });

    const ids = (p: Page) => p.history!.rows.map((r) => r.id);
    expect(ids((await page(w, "?outcome=safety_plan")).data).sort()).toEqual([march10.id, march31.id].sort());
    expect(ids((await page(w, `?therapist=${w.otherTherapist.id}`)).data)).toEqual([march10.id]);
    // 23:00 UTC on 31 March is still 31 March in New York: "to" includes the whole day
    expect(ids((await page(w, "?from=2026-03-01&to=2026-03-31")).data)).toEqual([march31.id, march10.id, march1.id]);
    expect(ids((await page(w, "?from=2026-03-02&to=2026-03-31&outcome=safety_plan")).data)).toEqual([march31.id, march10.id]);

    await prisma.safetyFlag.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({ practiceId: w.practice.id, coupleId: w.coupleA.id, partnerId: w.partnerA1.id, source: "therapist" as const, concern: `bulk-${i}`, severity: "low" as const, status: "resolved" as const, outcome: "other" as const, resolvedAt: day("2025-01-01"), dueBy: new Date() })),
    });
    const p1 = (await page(w, "?outcome=other")).data.history!;
    const p2 = (await page(w, "?outcome=other&page=2")).data.history!;
    expect([p1.total, p1.rows.length, p2.rows.length]).toEqual([61, 50, 11]);
    expect(new Set([...p1.rows, ...p2.rows].map((r) => r.id)).size).toBe(61);
  });

  it.each([
    ["?from=2026-02-30", "from"],
    ["?to=yesterday", "to"],
    ["?from=2026-03-10&to=2026-03-01", "to"],
    ["?outcome=made-up", "outcome"],
    ["?therapist=not-a-therapist", "therapist"],
    ["?from=%27%3B--", "from"],
    ["?to=2026-13-01", "to"],
  ])("%s gives a field error on %s (400, not a 500) and keeps what was typed", async (query, field) => {
    const w = await createWorld();
    await flag(w, { severity: "high", resolvedBy: w.therapist });
    const res = await page(w, query);
    expect(res.status).toBe(400);
    expect(Object.keys(res.data.errors)).toEqual([field]);
    expect(res.data.errors[field]![0]).toMatch(/\w/);
    const typed = new URLSearchParams(query).get(field);
    expect(res.data.filters[field]).toBe(typed);
    expect(res.data.history).toBeNull();
    // the review list is still there
    expect(res.data.review.total).toBe(1);
  });
});
