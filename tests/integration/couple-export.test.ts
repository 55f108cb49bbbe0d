import { describe, expect, it } from "vitest";
import * as coupleRoute from "~/routes/couples.$coupleId._index/route";
import * as exportCsv from "~/routes/couples.$coupleId.export[.csv]";
import * as printRoute from "~/routes/couples.$coupleId.print";
import { addDays, localDateOf } from "~/domain/dates";
import { prisma } from "~/utils/db.server";
import { call, createCouple, createPractice, createUser, getRequest } from "../support/fixtures";

const TZ = "America/New_York";
const PRIVATE = "private words only for the therapist";
const ROUTINE_NOTE = "slipped because of a late meeting";
const TRIGGER = "the words that raised the flag";

/** One couple with a private and a shared note, a routine report with a note, homework, a CSI-4 score, a flag and a pause. */
async function seed() {
  const practice = await createPractice({ name: "Harbour Counselling" });
  const therapist = await createUser(practice.id, "therapist", { name: "Dr. Ada Moss" });
  const today = localDateOf(new Date(), TZ);
  const { couple, partnerA, partnerB } = await createCouple(practice.id, therapist.id, { startDate: addDays(today, -20), timeZone: TZ, names: ["José Núñez", "Sam Lee"] });
  const at = (n: number) => new Date(`${addDays(today, n)}T00:00:00Z`);
  await prisma.checkIn.create({ data: { coupleId: couple.id, partnerId: partnerA.id, localDate: at(-2), mood: 4, closeness: 5, feelSafe: "yes", note: PRIVATE, noteShared: false } });
  await prisma.checkIn.create({ data: { coupleId: couple.id, partnerId: partnerB.id, localDate: at(-2), mood: 7, closeness: 6, feelSafe: "yes", note: "a note we share", noteShared: true } });
  const routine = await prisma.assignment.create({ data: { coupleId: couple.id, title: "Call", target: "by 8 PM every day", cadence: "daily", startDate: at(-20), createdById: therapist.id } });
  await prisma.adherenceEntry.create({ data: { assignmentId: routine.id, occurrenceDate: at(-1), reporterId: partnerA.id, status: "missed", note: ROUTINE_NOTE } });
  const letter = await prisma.homework.create({ data: { coupleId: couple.id, title: "Letter", instructions: "x", dueDate: at(-3), assignee: "A", createdById: therapist.id } });
  await prisma.homeworkSubmission.create({ data: { homeworkId: letter.id, partnerId: partnerA.id, status: "submitted", answers: { p1: "my answer text" }, submittedAt: new Date(`${addDays(today, -4)}T15:00:00Z`) } });
  const csi = await prisma.homework.create({ data: { coupleId: couple.id, title: "CSI-4", instructions: "x", dueDate: at(-7), assignee: "BOTH", measure: "csi4", createdById: therapist.id } });
  await prisma.homeworkSubmission.create({ data: { homeworkId: csi.id, partnerId: partnerB.id, status: "submitted", answers: {}, score: 15, submittedAt: new Date() } });
  const flag = await prisma.safetyFlag.create({
    data: { practiceId: practice.id, coupleId: couple.id, partnerId: partnerA.id, source: "therapist", concern: "therapist", severity: "medium", triggerText: TRIGGER, dueBy: new Date(Date.now() + 3_600_000), createdAt: new Date(`${addDays(today, -5)}T16:00:00Z`) },
  });
  await prisma.pausePeriod.create({ data: { coupleId: couple.id, reason: "therapist", startedAt: new Date(`${addDays(today, -10)}T16:00:00Z`), endedAt: new Date(`${addDays(today, -8)}T16:00:00Z`) } });
  return { practice, therapist, couple, partnerA, partnerB, today, flag };
}

async function exportOf(s: Awaited<ReturnType<typeof seed>>, query = "") {
  const res = (await exportCsv.loader({ request: await getRequest(`/couples/${s.couple.id}/export.csv${query}`, s.therapist), params: { coupleId: s.couple.id }, context: {} })) as Response;
  return { res, csv: await res.text() };
}

const linesOf = (csv: string) => csv.trimEnd().split("\r\n");

describe("the CSV export", () => {
  it("has homework, CSI-4 and flag metadata, and leaves a partner's private words out unless asked", async () => {
    const s = await seed();
    const { res, csv } = await exportOf(s);
    expect(res.status).toBe(200);
    const [header, ...lines] = linesOf(csv);
    const cols = header!.split(",");
    const cell = (line: string, col: string) => line.split(",")[cols.indexOf(col)];

    // private text: the private check-in note and the routine note are out (marked), the shared note is in
    expect(csv).not.toContain(PRIVATE);
    expect(csv).not.toContain(ROUTINE_NOTE);
    expect(csv).toContain("a note we share");
    const privateRow = lines.find((l) => l.startsWith("check-in,") && l.includes("José Núñez"))!;
    expect(cell(privateRow, "note")).toBe(exportCsv.PRIVATE_LEFT_OUT);
    expect(cell(privateRow, "mood")).toBe("4");
    // never in it: homework answers, the words that raised a flag
    expect(csv).not.toContain("my answer text");
    expect(csv).not.toContain(TRIGGER);

    const homework = lines.find((l) => l.startsWith("homework,"))!;
    expect(cell(homework, "homework")).toBe("Letter");
    expect(cell(homework, "partner")).toBe("José Núñez");
    expect(cell(homework, "status")).toBe("submitted");
    expect(cell(homework, "due_date")).toBe(addDays(s.today, -3));
    expect(cell(homework, "submitted_at")).toBe(`${addDays(s.today, -4)}T15:00:00Z`);
    // CSI-4 is given to both: Sam's score, José not started
    const csi = lines.filter((l) => l.startsWith("csi-4,"));
    expect(csi.map((l) => [cell(l, "partner"), cell(l, "status"), cell(l, "csi4_score")])).toEqual([
      ["José Núñez", "not started", ""],
      ["Sam Lee", "submitted", "15"],
    ]);
    const flag = lines.find((l) => l.startsWith("safety flag,"))!;
    expect([cell(flag, "date"), cell(flag, "partner"), cell(flag, "severity"), cell(flag, "status"), cell(flag, "source")]).toEqual([addDays(s.today, -5), "José Núñez", "medium", "open", "therapist"]);

    // a file name a person can read, safe in the header
    expect(res.headers.get("Content-Disposition")).toBe(
      `attachment; filename="Mend - Jose Nunez and Sam Lee - ${s.today}.csv"; filename*=UTF-8''Mend%20%E2%80%93%20Jos%C3%A9%20N%C3%BA%C3%B1ez%20%26%20Sam%20Lee%20%E2%80%93%20${s.today}.csv`,
    );
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { coupleId: s.couple.id, action: "export" }, orderBy: { createdAt: "desc" } });
    expect(event.detail).toEqual({ format: "csv", includePrivate: false });
  });

  it("includes private notes when the clinician asks, and the audit says so", async () => {
    const s = await seed();
    const { csv } = await exportOf(s, "?includePrivate=1");
    expect(csv).toContain(PRIVATE);
    expect(csv).toContain(ROUTINE_NOTE);
    expect(csv).not.toContain(exportCsv.PRIVATE_LEFT_OUT);
    expect(csv).not.toContain(TRIGGER);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { coupleId: s.couple.id, action: "export" }, orderBy: { createdAt: "desc" } });
    expect(event.detail).toEqual({ format: "csv", includePrivate: true });
  });
});

describe("the printable summary", () => {
  it("has the practice, the clinician, the period, CSI-4, homework and flags, and no private words", async () => {
    const s = await seed();
    const res = await call(printRoute.loader, await getRequest(`/couples/${s.couple.id}/print?range=4w`, s.therapist), { coupleId: s.couple.id });
    expect(res.status).toBe(200);
    const d = res.data as Awaited<ReturnType<typeof printRoute.loader>>;
    expect(d.header).toMatchObject({ practice: "Harbour Counselling", clinician: "Dr. Ada Moss", startDate: addDays(s.today, -20) });
    expect(d.period).toEqual({ from: addDays(s.today, -20), to: s.today, fromStart: true });
    expect(d.csi).toEqual([{ date: addDays(s.today, -7), name: "Sam Lee", score: 15 }]);
    expect(d.homework.map((h) => [h.title, h.name, h.status])).toEqual([
      ["CSI-4", "José Núñez", "not started"],
      ["CSI-4", "Sam Lee", "submitted"],
      ["Letter", "José Núñez", "submitted"],
    ]);
    expect(d.flags.map((f) => [f.severity, f.status, f.raisedOn])).toEqual([["medium", "open", addDays(s.today, -5)]]);
    expect(d.markers.flags.map((f) => f.date)).toEqual([addDays(s.today, -5)]);
    expect(d.summaries.mood).toBe(`Mood (7-day average) was 4 on the one day José Núñez checked in (${formatDay(addDays(s.today, -2))}) and was 7 on the one day Sam Lee checked in (${formatDay(addDays(s.today, -2))}).`);
    const json = JSON.stringify(d);
    for (const secret of [PRIVATE, ROUTINE_NOTE, TRIGGER, "my answer text"]) expect(json).not.toContain(secret);
  });
});

describe("the couple page's chart data", () => {
  it("puts flags and pauses on the time axis, and says what each chart shows", async () => {
    const s = await seed();
    const res = await call(coupleRoute.loader, await getRequest(`/couples/${s.couple.id}`, s.therapist), { coupleId: s.couple.id });
    expect(res.status).toBe(200);
    const d = res.data as Awaited<ReturnType<typeof coupleRoute.loader>>;
    expect(d.markers.flags).toEqual([{ id: s.flag.id, date: addDays(s.today, -5), severity: "medium", status: "open" }]);
    expect(d.markers.pauses).toEqual([expect.objectContaining({ from: addDays(s.today, -10), to: addDays(s.today, -8), reason: "therapist", ongoing: false })]);
    expect(d.mood).toEqual([{ date: addDays(s.today, -2), moodA: 4, moodAvgA: 4, closenessA: 5, closenessAvgA: 5, moodB: 7, moodAvgB: 7, closenessB: 6, closenessAvgB: 6 }]);
    // the call: 21 days expected minus 3 paused days (−10, −9, −8), one scored occurrence missed
    expect(d.summaries.adherence).toMatch(/^All routines: 0% in week 3 \(this week, so far\), below the 80% target; 0 of \d weeks so far met it\.$/);
    expect(d.gapStrips).toEqual([{ id: expect.any(String), title: "Call", marks: [] }]);
    expect(d.summaries.gaps).toBe("The partners agreed on every occurrence they both reported.");
    expect(d.summaries.csi).toBe(`Latest CSI-4: Sam Lee 15 on ${formatDay(addDays(s.today, -7))} (above the distress cut-off of 13.5).`);
  });
});

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function formatDay(d: string) {
  return `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
}
