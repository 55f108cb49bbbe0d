/**
 * Demo data: one practice with staff and 12 couples with 8–10 weeks of varied, realistic
 * history. Deterministic (seeded PRNG), bulk-inserted so a first embedded start stays quick.
 */
import type { Prisma, PrismaClient } from "@prisma/client";
import { countryFromTimeZone, DEFAULT_COUNTRY } from "~/domain/crisis-resources";
import { addDays, eachDay, localDateOf, weekdayOf } from "~/domain/dates";
import { seedCrisisResources } from "~/models/crisis.server";
import { DEFAULT_CRISIS_RESOURCES } from "~/utils/crisis";
import { hashPassword } from "~/utils/password.server";
import { HOMEWORK_TEMPLATES, ROUTINE_TEMPLATES } from "./templates";
import { DEMO_PLANS, seedRepairDemo } from "./repair-demo.server";

type Db = PrismaClient | Prisma.TransactionClient;
type Story = "improving" | "declining" | "volatile" | "flat";

export const DEMO_PASSWORD = "mend-demo";

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const clamp = (n: number) => Math.max(1, Math.min(10, Math.round(n)));

export async function isEmpty(prisma: Db): Promise<boolean> {
  return (await prisma.practice.count()) === 0;
}

export async function seedLibrary(prisma: Db, practiceId: string) {
  await prisma.routineTemplate.createMany({
    data: ROUTINE_TEMPLATES.map((t) => ({ practiceId, ...t, weekday: t.weekday ?? null, timesPerWeek: t.timesPerWeek ?? null })),
  });
  await prisma.homeworkTemplate.createMany({
    data: HOMEWORK_TEMPLATES.map((t) => ({
      practiceId,
      title: t.title,
      instructions: t.instructions,
      prompts: t.prompts as unknown as Prisma.InputJsonValue,
      measure: t.measure ?? null,
    })),
  });
}

interface CoupleSpec {
  a: [string, string];
  b: [string, string];
  therapist: "t1" | "t2";
  tz: string;
  weeks: number;
  story: Story;
  status?: "active" | "paused" | "closed";
  silentB?: boolean;
  csi?: boolean;
}

const COUPLES: CoupleSpec[] = [
  { a: ["Alex Rivera", "alex"], b: ["Sam Rivera", "sam"], therapist: "t1", tz: "America/New_York", weeks: 9, story: "improving", csi: true },
  { a: ["Jordan Kim", "jordan"], b: ["Taylor Kim", "taylor"], therapist: "t1", tz: "America/Chicago", weeks: 8, story: "declining", csi: true },
  { a: ["Morgan Patel", "morgan"], b: ["Casey Patel", "casey"], therapist: "t1", tz: "America/New_York", weeks: 10, story: "volatile", csi: true },
  { a: ["Riley Chen", "riley"], b: ["Jamie Chen", "jamie"], therapist: "t1", tz: "America/Los_Angeles", weeks: 9, story: "flat" },
  { a: ["Drew Lopez", "drew"], b: ["Avery Lopez", "avery"], therapist: "t1", tz: "Europe/London", weeks: 8, story: "improving" },
  { a: ["Quinn Nguyen", "quinn"], b: ["Harper Nguyen", "harper"], therapist: "t1", tz: "America/New_York", weeks: 10, story: "flat", status: "paused" },
  { a: ["Skyler Brooks", "skyler"], b: ["Reese Brooks", "reese"], therapist: "t1", tz: "Australia/Sydney", weeks: 8, story: "volatile", silentB: true },
  { a: ["Emerson Ortiz", "emerson"], b: ["Rowan Ortiz", "rowan"], therapist: "t1", tz: "America/New_York", weeks: 10, story: "improving", status: "closed" },
  { a: ["Logan Ward", "logan"], b: ["Peyton Ward", "peyton"], therapist: "t2", tz: "America/New_York", weeks: 9, story: "improving", csi: true },
  { a: ["Cameron Price", "cameron"], b: ["Dakota Price", "dakota"], therapist: "t2", tz: "America/Chicago", weeks: 8, story: "flat" },
  { a: ["Hayden Foster", "hayden"], b: ["Blake Foster", "blake"], therapist: "t2", tz: "America/Denver", weeks: 10, story: "declining" },
  { a: ["Finley Murphy", "finley"], b: ["Sage Murphy", "sage"], therapist: "t2", tz: "America/New_York", weeks: 9, story: "volatile" },
];

const SHARED_NOTES = ["We had a calm dinner together.", "Talked through the weekend plans without arguing.", "Hard day, but we used the time-out and came back.", "Felt closer after our walk."];
const PRIVATE_NOTES = ["Still replaying what happened when I'm alone.", "I'm tired of being the one who starts every conversation.", "Not sure I believe the apology yet.", "Work stress is making me short-tempered."];
const APPRECIATIONS = ["Thanks for making dinner when I was late.", "I noticed you put your phone away at dinner.", "Thank you for calling when you said you would.", "I appreciated you listening without interrupting.", "Thanks for handling the school run."];

function moodAt(story: Story, progress: number, rnd: () => number, offset: number) {
  const noise = (rnd() - 0.5) * 2.2;
  switch (story) {
    case "improving":
      return clamp(4 + progress * 4 + noise + offset);
    case "declining":
      return clamp(7 - progress * 4 + noise + offset);
    case "volatile":
      return clamp(6 + Math.sin(progress * 12) * 2.5 + noise + offset);
    case "flat":
      return clamp(6 + noise + offset);
  }
}

function reportFor(story: Story, progress: number, rnd: () => number): "kept" | "partly" | "missed" {
  const keptP = story === "improving" ? 0.55 + progress * 0.35 : story === "declining" ? 0.8 - progress * 0.5 : story === "volatile" ? 0.6 : 0.7;
  const r = rnd();
  return r < keptP ? "kept" : r < keptP + (1 - keptP) / 2 ? "partly" : "missed";
}

export async function seedDemo(prisma: PrismaClient, options: { now?: Date; log?: (s: string) => void } = {}) {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const rnd = mulberry32(20261123);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const practice = await prisma.practice.create({
    data: { name: "Harbor Couples Counseling", timeZone: "America/New_York", crisisResources: DEFAULT_CRISIS_RESOURCES, flagPhrases: [] },
  });
  await seedLibrary(prisma, practice.id);
  await seedCrisisResources(practice.id, prisma);
  const templates = await prisma.homeworkTemplate.findMany({ where: { practiceId: practice.id } });
  const tpl = (title: string) => templates.find((t) => t.title.startsWith(title))!;

  const staff = async (email: string, name: string, role: "admin" | "supervisor" | "therapist") =>
    prisma.user.create({ data: { practiceId: practice.id, email, name, role, passwordHash } });
  await staff("admin@demo.mend", "Avery Admin", "admin");
  const supervisor = await staff("supervisor@demo.mend", "Dr. Morgan Reyes", "supervisor");
  const t1 = await staff("therapist@demo.mend", "Dr. Jordan Lee", "therapist");
  const t2 = await staff("therapist2@demo.mend", "Dr. Priya Shah", "therapist");
  log("Demo staff created");

  const checkIns: Prisma.CheckInCreateManyInput[] = [];
  const entries: Prisma.AdherenceEntryCreateManyInput[] = [];
  const couples: { id: string; spec: CoupleSpec; aId: string; bId: string; start: string; today: string; therapistId: string }[] = [];

  for (const [index, spec] of COUPLES.entries()) {
    const therapist = spec.therapist === "t1" ? t1 : t2;
    const a = await prisma.user.create({ data: { practiceId: practice.id, role: "partner", name: spec.a[0], email: `${spec.a[1]}@demo.mend`, passwordHash, consentAt: now } });
    const b = await prisma.user.create({ data: { practiceId: practice.id, role: "partner", name: spec.b[0], email: `${spec.b[1]}@demo.mend`, passwordHash, consentAt: now } });
    const today = localDateOf(now, spec.tz);
    const start = addDays(today, -spec.weeks * 7 + 3);
    const couple = await prisma.couple.create({
      data: {
        practiceId: practice.id,
        therapistId: therapist.id,
        partnerAId: a.id,
        partnerBId: b.id,
        startDate: day(start),
        timeZone: spec.tz,
        country: countryFromTimeZone(spec.tz) ?? DEFAULT_COUNTRY,
        status: spec.status ?? "active",
        workPausedAt: spec.status === "paused" ? new Date(now.getTime() - 5 * 86_400_000) : null,
        workPauseReason: spec.status === "paused" ? "therapist" : null,
      },
    });
    if (spec.status === "paused") {
      await prisma.pausePeriod.create({ data: { coupleId: couple.id, reason: "therapist", startedAt: new Date(now.getTime() - 5 * 86_400_000), startedById: therapist.id, note: "Family emergency; resuming after next session." } });
    }
    couples.push({ id: couple.id, spec, aId: a.id, bId: b.id, start, today, therapistId: therapist.id });

    // Check-ins, start → yesterday (a closed couple stopped two weeks ago).
    const last = spec.status === "closed" ? addDays(today, -14) : addDays(today, -1);
    const days = eachDay(start, last);
    for (const [i, d] of days.entries()) {
      const progress = i / Math.max(1, days.length - 1);
      for (const [pid, offset, isB] of [[a.id, 0, false], [b.id, -0.5, true]] as const) {
        if (rnd() > 0.85) continue;
        if (isB && spec.silentB && d > addDays(today, -5)) continue;
        const mood = moodAt(spec.story, progress, rnd, offset);
        const noteRoll = rnd();
        checkIns.push({
          coupleId: couple.id,
          partnerId: pid,
          localDate: day(d),
          mood,
          closeness: clamp(mood + (rnd() - 0.5) * 2),
          feelSafe: "yes",
          note: noteRoll < 0.12 ? SHARED_NOTES[Math.floor(rnd() * SHARED_NOTES.length)]! : noteRoll < 0.22 ? PRIVATE_NOTES[Math.floor(rnd() * PRIVATE_NOTES.length)]! : null,
          noteShared: noteRoll < 0.12,
          appreciation: rnd() < 0.2 ? APPRECIATIONS[Math.floor(rnd() * APPRECIATIONS.length)]! : null,
        });
      }
    }

    // Assignments and adherence reports.
    const plan: { t: (typeof ROUTINE_TEMPLATES)[number]; responsible: "A" | "B" | "BOTH" }[] = [
      { t: ROUTINE_TEMPLATES[1]!, responsible: "BOTH" },
      { t: ROUTINE_TEMPLATES[6]!, responsible: "A" },
      { t: index % 2 === 0 ? ROUTINE_TEMPLATES[4]! : ROUTINE_TEMPLATES[2]!, responsible: index % 2 === 0 ? "BOTH" : "B" },
    ];
    if (index % 3 === 0) plan.push({ t: ROUTINE_TEMPLATES[3]!, responsible: "A" });
    for (const [j, p] of plan.entries()) {
      const status = index === 4 && j === 2 ? "paused" : index === 8 && j === 0 ? "completed" : "active";
      const asg = await prisma.assignment.create({
        data: {
          coupleId: couple.id,
          kind: p.t.kind,
          title: p.t.title,
          target: p.t.target,
          cadence: p.t.cadence,
          weekday: p.t.weekday ?? null,
          timesPerWeek: p.t.timesPerWeek ?? null,
          responsible: p.responsible,
          startDate: day(start),
          // plans started with the couple and run 12 weeks, so the demo has work due today
          durationWeeks: 12,
          status,
          createdById: therapist.id,
          endedAt: status === "completed" ? now : null,
        },
      });
      if (status === "paused") {
        await prisma.pausePeriod.create({ data: { coupleId: couple.id, assignmentId: asg.id, reason: "therapist", startedAt: new Date(now.getTime() - 3 * 86_400_000), startedById: therapist.id, note: "Too much at once; back next week." } });
      }
      if (p.t.cadence === "as_needed") continue;
      const planEnd = addDays(start, 12 * 7 - 1);
      const until = [last, planEnd, status === "paused" ? addDays(today, -4) : last].sort()[0]!;
      const due = eachDay(start, until).filter((d, k) => {
        if (p.t.cadence === "daily") return true;
        if (p.t.cadence === "weekly") return weekdayOf(d) === p.t.weekday;
        return (k % 7) < (p.t.timesPerWeek ?? 3) * 2 && (k % 7) % 2 === 0; // N spread-out days a week
      });
      for (const [k, d] of due.entries()) {
        const progress = k / Math.max(1, due.length - 1);
        const truth = reportFor(spec.story, progress, rnd);
        const reportA = rnd() < 0.78;
        const reportB = rnd() < 0.72 && !(spec.silentB && d > addDays(today, -5));
        const disagree = rnd() < 0.1;
        const other = truth === "kept" ? (rnd() < 0.5 ? "partly" : "missed") : "kept";
        if (reportA) entries.push({ assignmentId: asg.id, occurrenceDate: day(d), reporterId: a.id, status: truth, note: rnd() < 0.05 ? "Slipped because of a late meeting." : null });
        if (reportB) entries.push({ assignmentId: asg.id, occurrenceDate: day(d), reporterId: b.id, status: disagree ? other : truth });
      }
    }

    // Homework.
    const hw = async (
      title: string,
      input: { assignee: "A" | "B" | "BOTH"; due: string; visibility: "shared" | "therapist_only"; measure?: string | null },
    ) => {
      const t = tpl(title);
      const prompts = t.prompts as unknown as { type: "text" | "scale" | "checklist" | "date"; label: string; options?: string[]; required?: boolean }[];
      return prisma.homework.create({
        data: {
          coupleId: couple.id,
          templateId: t.id,
          title: t.title,
          instructions: t.instructions,
          assignee: input.assignee,
          dueDate: day(input.due),
          visibility: input.visibility,
          measure: input.measure ?? null,
          status: spec.status === "paused" ? "paused" : "active",
          createdById: therapist.id,
          prompts: { create: prompts.map((pr, position) => ({ position, type: pr.type, label: pr.label, options: pr.options ?? [], required: pr.required ?? true })) },
        },
        include: { prompts: { orderBy: { position: "asc" } } },
      });
    };
    const answer = (prompts: { id: string; type: string; options: string[] }[], text: string) =>
      Object.fromEntries(
        prompts.map((pr) => [
          pr.id,
          pr.type === "text" ? text : pr.type === "scale" ? (pr.options.length ? Math.floor(pr.options.length / 2) : 6) : pr.type === "checklist" ? pr.options.slice(0, 2) : addDays(start, 10),
        ]),
      );
    const submit = (homeworkId: string, partnerId: string, answers: Record<string, unknown>, when: string, extra: Partial<Prisma.HomeworkSubmissionUncheckedCreateInput> = {}) =>
      prisma.homeworkSubmission.create({
        data: { homeworkId, partnerId, status: "submitted", answers: answers as Prisma.InputJsonValue, submittedAt: day(when), ...extra },
      });

    const ack = await hw("Acknowledge the breach", { assignee: "A", due: addDays(start, 7), visibility: "therapist_only" });
    await submit(ack.id, a.id, answer(ack.prompts, "I hid messages from you for months and lied when you asked."), addDays(start, 6), {
      feedback: "Thank you for being this specific. Let's start next session by reading the first answer together.",
      feedbackAt: day(addDays(start, 8)),
      feedbackById: therapist.id,
      reviewedAt: day(addDays(start, 8)),
    });
    const listen = await hw("Listening exercise", { assignee: "BOTH", due: addDays(start, 21), visibility: "shared" });
    await submit(listen.id, a.id, answer(listen.prompts, "Hurt, and afraid it will happen again."), addDays(start, 20));
    await submit(listen.id, b.id, answer(listen.prompts, "Guilty, and wanting to be trusted."), addDays(start, 21));
    const questions = await hw("Questions I still need answered", { assignee: "B", due: index % 3 === 1 ? addDays(today, -4) : addDays(start, 35), visibility: "therapist_only" });
    if (index % 3 !== 1) await submit(questions.id, b.id, answer(questions.prompts, "Who else knew? Why did you stop telling me about your evenings?"), addDays(start, 34));
    const iStatements = await hw("I-statements", { assignee: "A", due: index % 4 === 3 ? addDays(today, -2) : addDays(start, 42), visibility: "shared" });
    if (index % 4 !== 3) {
      await prisma.homeworkSubmission.create({ data: { homeworkId: iStatements.id, partnerId: a.id, status: "draft", answers: answer(iStatements.prompts, "I feel anxious when plans change last minute") as Prisma.InputJsonValue } });
    }
    await hw("What do you need from me to feel safe again?", { assignee: "BOTH", due: addDays(today, 3), visibility: "shared" });

    if (spec.csi) {
      const t = tpl("Couples Satisfaction Index");
      const weeks = Math.floor(eachDay(start, addDays(today, -1)).length / 7);
      for (let w = 0; w < weeks; w++) {
        const due = addDays(start, w * 7 + 6);
        const h = await hw(t.title, { assignee: "BOTH", due, visibility: "therapist_only", measure: "csi4" });
        const progress = w / Math.max(1, weeks - 1);
        for (const pid of [a.id, b.id]) {
          if (rnd() > 0.85) continue;
          const level = spec.story === "improving" ? 0.35 + progress * 0.45 : spec.story === "declining" ? 0.7 - progress * 0.4 : 0.55 + (rnd() - 0.5) * 0.3;
          const values = h.prompts.map((pr) => Math.max(0, Math.min(pr.options.length - 1, Math.round(level * (pr.options.length - 1) + (rnd() - 0.5)))));
          await submit(h.id, pid, Object.fromEntries(h.prompts.map((pr, i) => [pr.id, values[i]!])), due, { score: values.reduce((s, v) => s + v, 0) });
        }
      }
    }
  }
  await prisma.checkIn.createMany({ data: checkIns });
  await prisma.adherenceEntry.createMany({ data: entries });
  log(`Demo couples created: ${couples.length} couples, ${checkIns.length} check-ins, ${entries.length} routine reports`);

  // Safety flags (never on Alex & Sam, so the partner demo stays calm).
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  const byEmail = (i: number) => couples[i]!;

  // #2 Jordan & Taylor: Taylor answered "no" yesterday → open high flag, conjoint work paused.
  {
    const c = byEmail(1);
    const yesterday = addDays(c.today, -1);
    await prisma.checkIn.upsert({
      where: { partnerId_localDate: { partnerId: c.bId, localDate: day(yesterday) } },
      update: { feelSafe: "no", mood: 3, closeness: 2 },
      create: { coupleId: c.id, partnerId: c.bId, localDate: day(yesterday), mood: 3, closeness: 2, feelSafe: "no" },
    });
    const opened = hoursAgo(20);
    const flag = await prisma.safetyFlag.create({
      data: {
        practiceId: practice.id, coupleId: c.id, partnerId: c.bId, source: "checkin_answer", concern: "feel_safe", severity: "high", status: "open",
        dueBy: new Date(opened.getTime() + 24 * 3_600_000), triggerText: 'Check-in answer: "Do you feel safe at home?" — No', createdAt: opened,
      },
    });
    await prisma.flagEvent.createMany({
      data: [
        { flagId: flag.id, type: "raised", severity: "high", toStatus: "open", note: 'Check-in answer "no" to "Do you feel safe at home?"', createdAt: opened },
        { flagId: flag.id, type: "work_paused", note: "Conjoint routines and homework paused automatically.", createdAt: opened },
      ],
    });
    await prisma.couple.update({ where: { id: c.id }, data: { workPausedAt: opened, workPauseReason: "safety" } });
    await prisma.pausePeriod.create({ data: { coupleId: c.id, reason: "safety", startedAt: opened, note: "Automatic: high safety flag" } });
  }
  // #3 Morgan & Casey: "not sure" → medium, acknowledged by the therapist.
  {
    const c = byEmail(2);
    const opened = hoursAgo(30);
    const flag = await prisma.safetyFlag.create({
      data: {
        practiceId: practice.id, coupleId: c.id, partnerId: c.aId, source: "checkin_answer", concern: "feel_safe", severity: "medium", status: "acknowledged",
        dueBy: new Date(opened.getTime() + 72 * 3_600_000), triggerText: 'Check-in answer: "Do you feel safe at home?" — Not sure', createdAt: opened,
      },
    });
    await prisma.flagEvent.createMany({
      data: [
        { flagId: flag.id, type: "raised", severity: "medium", toStatus: "open", note: 'Check-in answer "not sure"', createdAt: opened },
        { flagId: flag.id, type: "acknowledged", authorId: t1.id, fromStatus: "open", toStatus: "acknowledged", note: "Seen. Will ask about it privately at Thursday's session.", createdAt: hoursAgo(26) },
      ],
    });
  }
  // #4 Riley & Jamie: violence disclosed in a note → high, escalated to the supervisor, now overdue.
  {
    const c = byEmail(3);
    const opened = hoursAgo(40);
    const text = "He threw my phone against the wall and shoved me into the door. I was afraid of him.";
    await prisma.checkIn.upsert({
      where: { partnerId_localDate: { partnerId: c.bId, localDate: day(addDays(c.today, -2)) } },
      update: { note: text, noteShared: false, mood: 2 },
      create: { coupleId: c.id, partnerId: c.bId, localDate: day(addDays(c.today, -2)), mood: 2, closeness: 2, feelSafe: "yes", note: text },
    });
    const flag = await prisma.safetyFlag.create({
      data: {
        practiceId: practice.id, coupleId: c.id, partnerId: c.bId, source: "keyword", concern: "physical_violence", severity: "high", status: "escalated",
        assigneeId: supervisor.id, dueBy: new Date(opened.getTime() + 24 * 3_600_000), triggerText: text, createdAt: opened,
      },
    });
    await prisma.flagEvent.createMany({
      data: [
        { flagId: flag.id, type: "raised", severity: "high", toStatus: "open", note: "In a check-in: Physical violence; Smashing or throwing things; Fear of the partner", createdAt: opened },
        { flagId: flag.id, type: "work_paused", note: "Conjoint routines and homework paused automatically.", createdAt: opened },
        { flagId: flag.id, type: "escalated", authorId: t1.id, fromStatus: "open", toStatus: "escalated", note: "Escalating: possible physical intimidation. Please advise on individual sessions.", createdAt: hoursAgo(36) },
        { flagId: flag.id, type: "assigned", authorId: t1.id, note: "Assigned to Dr. Morgan Reyes", createdAt: hoursAgo(36) },
      ],
    });
    await prisma.couple.update({ where: { id: c.id }, data: { workPausedAt: opened, workPauseReason: "safety" } });
    await prisma.pausePeriod.create({ data: { coupleId: c.id, reason: "safety", startedAt: opened, note: "Automatic: high safety flag" } });
  }
  // #5 Drew & Avery: a sharp mood drop → low, open.
  {
    const c = byEmail(4);
    const opened = hoursAgo(10);
    const flag = await prisma.safetyFlag.create({
      data: {
        practiceId: practice.id, coupleId: c.id, partnerId: c.aId, source: "mood_drop", concern: "mood_drop", severity: "low", status: "open",
        dueBy: new Date(opened.getTime() + 168 * 3_600_000), triggerText: "Mood 2, 4.6 points below the 14-day average (6.6)", createdAt: opened,
      },
    });
    await prisma.flagEvent.create({ data: { flagId: flag.id, type: "raised", severity: "low", toStatus: "open", note: "Mood 4+ points below the 14-day average", createdAt: opened } });
  }
  // #9 Logan & Peyton: resolved with a safety plan.
  {
    const c = byEmail(8);
    const opened = hoursAgo(24 * 20);
    const flag = await prisma.safetyFlag.create({
      data: {
        practiceId: practice.id, coupleId: c.id, partnerId: c.bId, source: "help_request", concern: "help_request", severity: "imminent", status: "resolved",
        dueBy: new Date(opened.getTime() + 3_600_000), outcome: "safety_plan", resolvedAt: hoursAgo(24 * 19), triggerText: "Help button pressed", createdAt: opened,
      },
    });
    await prisma.flagEvent.createMany({
      data: [
        { flagId: flag.id, type: "raised", severity: "imminent", toStatus: "open", note: "The partner pressed \"I don't feel safe / I need help\"", createdAt: opened },
        { flagId: flag.id, type: "acknowledged", authorId: t2.id, fromStatus: "open", toStatus: "acknowledged", note: "Called within 30 minutes; partner safe at a friend's.", createdAt: new Date(opened.getTime() + 30 * 60_000) },
        { flagId: flag.id, type: "note", authorId: supervisor.id, note: "Reviewed with Dr. Shah. Individual session booked.", createdAt: new Date(opened.getTime() + 5 * 3_600_000) },
        { flagId: flag.id, type: "resolved", authorId: t2.id, fromStatus: "acknowledged", toStatus: "resolved", note: "Safety plan agreed in individual session; conjoint work resumed.", createdAt: hoursAgo(24 * 19) },
      ],
    });
  }
  log("Demo safety flags created");
  await seedRepairDemo(prisma, couples, DEMO_PLANS);
  log("Demo repair plans created");
}
