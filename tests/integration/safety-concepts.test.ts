/**
 * The concept engine inside the pipeline: what a note opens, what it pauses, what the flag page
 * shows, the practice's own phrases, and "try a note".
 */
import { describe, expect, it } from "vitest";
import * as settings from "~/routes/admin.settings";
import * as checkin from "~/routes/checkin";
import * as flagPage from "~/routes/flags.$flagId/route";
import * as tryNote from "~/routes/safety.try";
import { prisma } from "~/utils/db.server";
import { call, createWorld, getRequest, postRequest } from "../support/fixtures";

const CHECKIN = { mood: "6", closeness: "6", feelSafe: "yes" };

async function checkInNote(w: Awaited<ReturnType<typeof createWorld>>, note: string) {
  const res = await call(checkin.action, await postRequest("/checkin", { ...CHECKIN, note }, w.partnerA1));
  expect(res.status).toBe(302);
  const flags = await prisma.safetyFlag.findMany({ where: { coupleId: w.coupleA.id } });
  const couple = await prisma.couple.findUniqueOrThrow({ where: { id: w.coupleA.id } });
  return { flags, paused: couple.workPausedAt !== null };
}

describe("what a check-in note raises", () => {
  it("a disclosure with 'feel safe: yes' opens a high flag named by its concept and pauses shared work", async () => {
    const w = await createWorld();
    const { flags, paused } = await checkInNote(w, "Good week mostly. On Sunday he put his hands around my neck.");
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ severity: "high", concern: "strangulation", source: "keyword" });
    expect(paused).toBe(true);
  });

  it("monitoring opens a medium flag and pauses nothing", async () => {
    const w = await createWorld();
    const { flags, paused } = await checkInNote(w, "She reads all my messages every night and checks my location.");
    expect(flags.map((f) => [f.severity, f.concern])).toEqual([["medium", "monitoring"]]);
    expect(paused).toBe(false);
  });

  it("an ambiguous word with no actor is a low review flag, not a pause", async () => {
    const w = await createWorld();
    const { flags, paused } = await checkInNote(w, "Found the old knife in the shed today.");
    expect(flags.map((f) => [f.severity, f.concern])).toEqual([["low", "review"]]);
    expect(paused).toBe(false);
  });

  it("an idiom raises nothing", async () => {
    const w = await createWorld();
    const { flags } = await checkInNote(w, "This commute is killing me, but he beat me at chess and we laughed.");
    expect(flags).toEqual([]);
  });
});

describe("the flag page", () => {
  it("highlights the words that raised the flag and says why, for the clinician", async () => {
    const w = await createWorld();
    await checkInNote(w, "Dinner was nice. Later he choked me in the hallway.");
    const flag = await prisma.safetyFlag.findFirstOrThrow({ where: { coupleId: w.coupleA.id } });
    const page = await call(flagPage.loader, await getRequest(`/flags/${flag.id}`, w.therapist), { flagId: flag.id });
    const data = page.data as { source: { context: string; original: { text: { text: string; match: boolean }[] }; findings: { reason: string; words: string[] }[] } };
    expect(data.source.context).toBe("check-in");
    expect(data.source.original.text.filter((s) => s.match).map((s) => s.text)).toEqual(["choked me"]);
    expect(data.source.findings[0]!.words).toEqual(["choked me"]);
    expect(data.source.findings[0]!.reason).toMatch(/strangulation|choking/i);
  });
});

describe("practice phrases add to the concepts", () => {
  it("a phrase with its own severity raises at that severity", async () => {
    const w = await createWorld();
    await prisma.practice.update({ where: { id: w.practice.id }, data: { flagPhrases: ["medium: the blue folder"] } });
    const { flags, paused } = await checkInNote(w, "He hid the blue folder again.");
    expect(flags.map((f) => [f.severity, f.concern])).toEqual([["medium", "practice_phrase"]]);
    expect(paused).toBe(false);
  });

  it("settings refuse a malformed line with a field error, keep what was typed and save nothing", async () => {
    const w = await createWorld();
    const typed = "medium: the blue folder\nurgent: something";
    const res = await call(
      settings.action,
      await postRequest("/admin/settings", { phrases: typed, slaImminentHours: "1", slaHighHours: "24", slaMediumHours: "72", slaLowHours: "168", crisisResources: "Call 911 in an emergency, or the local crisis line." }, w.admin),
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.data)).toMatch(/start with low, medium, high or imminent/);
    expect(JSON.stringify(res.data)).toContain("urgent: something");
    expect((await prisma.practice.findUniqueOrThrow({ where: { id: w.practice.id } })).flagPhrases).toEqual([]);
  });
});

describe("try a note", () => {
  it("shows a supervisor what a text would raise and why; saves nothing; audits the use without the text", async () => {
    const w = await createWorld();
    const res = await call(tryNote.action, await postRequest("/safety/try", { text: "he said he'd kill me tonight" }, w.supervisor));
    expect(res.status).toBe(200);
    const tried = (res.data as { tried: { severity: string; findings: { reason: string; words: string[] }[] } }).tried;
    expect(tried.severity).toBe("imminent");
    expect(tried.findings[0]!.words.join(" ")).toMatch(/kill me/);
    expect(await prisma.safetyFlag.count({ where: { practiceId: w.practice.id } })).toBe(0);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { actorId: w.supervisor.id, entity: "safety-rules" } });
    expect(JSON.stringify(audit.detail)).not.toMatch(/kill/);
  });

  it("refuses an empty note with a field error", async () => {
    const w = await createWorld();
    const res = await call(tryNote.action, await postRequest("/safety/try", { text: "   " }, w.admin));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.data)).toMatch(/Paste or type a note/);
  });
});
