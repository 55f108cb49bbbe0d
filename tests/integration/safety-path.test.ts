import { describe, expect, it } from "vitest";
import * as checkin from "~/routes/checkin";
import * as flagPage from "~/routes/flags.$flagId/route";
import * as help from "~/routes/help";
import * as settingsRoute from "~/routes/settings";
import * as exportCsv from "~/routes/couples.$coupleId.export[.csv]";
import { prisma, sql } from "~/utils/db.server";
import { call, createWorld, getRequest, postRequest } from "../support/fixtures";

const CHECKIN = { mood: "5", closeness: "5", feelSafe: "yes" };

type Page = {
  flag: { status: string; severity: string; events: { type: string }[] };
  source: { original: { text: { text: string }[] | null; facts: [string, string][] }; later: { text: unknown; facts: [string, string][] }[] } | null;
  recentCheckIns: { earlier: { facts: [string, string][] }[] }[];
};

describe("nothing a partner disclosed is lost", () => {
  it("a check-in edited from 'No' with a note to 'Yes' with no note: the flag keeps the original, says it changed, and stays as it was", async () => {
    const w = await createWorld();
    await call(checkin.action, await postRequest("/checkin", { ...CHECKIN, feelSafe: "no", note: "he grabbed my neck last night" }, w.partnerA1));
    const flag = await prisma.safetyFlag.findFirstOrThrow({ where: { coupleId: w.coupleA.id, partnerId: w.partnerA1.id, concern: "strangulation" } });
    const severityBefore = flag.severity;
    expect(["high", "imminent"]).toContain(severityBefore);

    // later the same day, from the same session (the other partner has the phone)
    expect((await call(checkin.action, await postRequest("/checkin", { ...CHECKIN, feelSafe: "yes", note: "" }, w.partnerA1))).status).toBe(302);
    const row = await prisma.checkIn.findFirstOrThrow({ where: { partnerId: w.partnerA1.id } });
    expect(row).toMatchObject({ feelSafe: "yes", note: null });

    const after = await prisma.safetyFlag.findUniqueOrThrow({ where: { id: flag.id }, include: { events: true } });
    expect(after.status).toBe("open");
    expect(after.severity).toBe(severityBefore);
    expect(after.events.filter((e) => e.type === "disclosure_changed")).toHaveLength(1);

    const page = (await call(flagPage.loader, await getRequest(`/flags/${flag.id}`, w.therapist), { flagId: flag.id })).data as Page;
    expect(page.source?.original.text?.map((s) => s.text).join("")).toBe("he grabbed my neck last night");
    expect(page.source?.original.facts).toContainEqual(["Feels safe", "No"]);
    expect(page.source?.later).toHaveLength(1);
    expect(page.source?.later[0]!.text).toBeNull();
    expect(page.source?.later[0]!.facts).toContainEqual(["Feels safe", "Yes"]);
    expect(page.recentCheckIns[0]!.earlier[0]!.facts).toContainEqual(["Feels safe", "No"]);
    expect(page.flag.events.map((e) => e.type)).toContain("disclosure_changed");

    // the export keeps it too
    const csv = await (await exportCsv.loader({ request: await getRequest(`/couples/${w.coupleA.id}/export.csv?includePrivate=1`, w.therapist), params: { coupleId: w.coupleA.id }, context: {} })).text();
    expect(csv).toMatch(/"check-in \(earlier version, saved [^)]+\)",[^\n]*,no,he grabbed my neck last night/);
    expect(csv.split("\n").filter((l) => l.startsWith("check-in,"))).toHaveLength(1);
  });

  it("every save keeps a revision, and revisions cannot be changed or deleted", async () => {
    const w = await createWorld();
    for (const mood of ["4", "6", "6"]) await call(checkin.action, await postRequest("/checkin", { ...CHECKIN, mood }, w.partnerA1));
    const row = await prisma.checkIn.findFirstOrThrow({ where: { partnerId: w.partnerA1.id } });
    const revisions = await prisma.revision.findMany({ where: { entity: "checkin", entityId: row.id }, orderBy: { id: "asc" } });
    // the third save changed nothing, so it adds no revision
    expect(revisions.map((r) => (r.values as { mood: number }).mood)).toEqual([4, 6]);
    expect(revisions.every((r) => r.authorId === w.partnerA1.id && r.coupleId === w.coupleA.id)).toBe(true);
    await expect(sql(`DELETE FROM "Revision" WHERE id = $1`, [revisions[0]!.id])).rejects.toThrow(/append-only/);
    await expect(sql(`UPDATE "Revision" SET "values" = '{}' WHERE id = $1`, [revisions[0]!.id])).rejects.toThrow(/append-only/);
  });

  it("a flag's evidence snapshot cannot be replaced or cleared", async () => {
    const w = await createWorld();
    await call(help.action, await postRequest("/help", { message: "I am scared of him tonight" }, w.partnerA2));
    const flag = await prisma.safetyFlag.findFirstOrThrow({ where: { coupleId: w.coupleA.id, partnerId: w.partnerA2.id } });
    expect(flag.evidence).toMatchObject({ entity: "help", context: "help request", text: "I am scared of him tonight" });
    await expect(sql(`UPDATE "SafetyFlag" SET evidence = NULL WHERE id = $1`, [flag.id])).rejects.toThrow(/evidence/);
    expect(await prisma.revision.count({ where: { entity: "help", coupleId: w.coupleA.id } })).toBe(1);
  });

  it("the flag shows how the partner said they may be contacted safely; the other partner's flag page data has none of it", async () => {
    const w = await createWorld();
    await call(settingsRoute.action, await postRequest("/settings", { intent: "safe-contact", method: "phone", phone: "+1 555 0100", email: "", avoidTimes: "weekday evenings", noVoicemail: "on", codeWord: "blue heron" }, w.partnerA1));
    await call(checkin.action, await postRequest("/checkin", { ...CHECKIN, feelSafe: "no" }, w.partnerA1));
    const flag = await prisma.safetyFlag.findFirstOrThrow({ where: { coupleId: w.coupleA.id, partnerId: w.partnerA1.id } });
    const page = (await call(flagPage.loader, await getRequest(`/flags/${flag.id}`, w.therapist), { flagId: flag.id })).data as { safeContact: { method: string; avoidTimes: string; codeWord: string } | null };
    expect(page.safeContact).toMatchObject({ method: "phone", avoidTimes: "weekday evenings", codeWord: "blue heron" });
    const other = await call(settingsRoute.loader, await getRequest("/settings", w.partnerA2));
    expect(JSON.stringify(other.data)).not.toMatch(/blue heron|555 0100/);
  });
});
