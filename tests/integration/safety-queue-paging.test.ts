import { describe, expect, it } from "vitest";
import { queueOrder } from "~/domain/flag-workflow";
import * as queueRoute from "~/routes/flags._index";
import { prisma } from "~/utils/db.server";
import { call, createWorld, getRequest } from "../support/fixtures";

type QueueData = { flags: { id: string; therapist: string; severity: string }[]; total: number; page: number; pageSize: number };

describe("supervisor queue paging", () => {
  it("pages every unresolved flag in the queueOrder rule, resolved ones never, with filters kept", async () => {
    const w = await createWorld();
    const severities = ["low", "medium", "high", "imminent"] as const;
    const now = Date.now();
    // 120 unresolved flags over both couples, with ties on severity and due-by so every tie-break matters
    const data = Array.from({ length: 120 }, (_, i) => ({
      practiceId: w.practice.id,
      coupleId: i % 2 ? w.coupleA.id : w.coupleB.id,
      partnerId: i % 2 ? w.partnerA1.id : w.partnerB1.id,
      source: "therapist" as const,
      concern: `concern-${i}`,
      severity: severities[(i * 7) % 4]!,
      status: (["open", "acknowledged", "escalated"] as const)[i % 3]!,
      dueBy: new Date(now + ((i % 5) - 2) * 3_600_000),
      createdAt: new Date(now - (i % 3) * 60_000),
    }));
    await prisma.safetyFlag.createMany({ data });
    await prisma.safetyFlag.create({ data: { ...data[0]!, concern: "closed", status: "resolved", severity: "imminent", outcome: "other", resolvedAt: new Date() } });

    const pages: QueueData[] = [];
    for (let page = 1; page <= 3; page++) {
      const res = await call(queueRoute.loader, await getRequest(`/flags?page=${page}`, w.supervisor));
      expect(res.status).toBe(200);
      pages.push(res.data as QueueData);
    }
    expect(pages.map((p) => p.flags.length)).toEqual([50, 50, 20]);
    expect(pages.every((p) => p.total === 120)).toBe(true);
    const shown = pages.flatMap((p) => p.flags.map((f) => f.id));
    const expected = (await prisma.safetyFlag.findMany({ where: { practiceId: w.practice.id, status: { not: "resolved" } }, select: { id: true, severity: true, dueBy: true, createdAt: true } }))
      .sort(queueOrder)
      .map((f) => f.id);
    expect(shown).toEqual(expected);

    const past = await call(queueRoute.loader, await getRequest("/flags?page=9", w.supervisor));
    expect(past.data).toMatchObject({ flags: [], total: 120 });

    const filtered = await call(queueRoute.loader, await getRequest(`/flags?severity=imminent&therapist=${w.therapist.id}`, w.supervisor));
    const f = filtered.data as QueueData;
    expect(f.total).toBe(data.filter((d) => d.severity === "imminent" && d.coupleId === w.coupleA.id).length);
    expect(f.flags.every((x) => x.severity === "imminent" && x.therapist === w.therapist.name)).toBe(true);
  });
});
