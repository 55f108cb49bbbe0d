/**
 * The built-in repair plans (issue 18), as data. Written for Mend from the public descriptions of
 * the approaches they follow (sources in docs/repair-program.md); they are not the authors' own
 * materials. A plan copies its template's phases when it starts, so editing this file never
 * changes a running plan.
 *
 * Each phase has goals, the homework and routines it unlocks (for a role: the partner who was
 * hurt, the partner who broke the promise, or both), and exit criteria the therapist confirms
 * before moving the couple on. An item with `libraryTitle` is the practice's own library entry of
 * that title when it has one (so a practice's edits apply); otherwise the content here is used.
 */
import type { RepairRole } from "./roles";

export type PromptKind = "text" | "scale" | "checklist" | "date";

export interface HomeworkItem {
  kind: "homework";
  key: string;
  role: RepairRole;
  title: string;
  libraryTitle?: string;
  instructions: string;
  prompts: { type: PromptKind; label: string; options?: string[]; required?: boolean }[];
  /** due this many days after it is assigned */
  dueInDays: number;
  /** shared with the other partner once submitted, or seen by the therapist only */
  visibility: "shared" | "therapist_only";
}

export interface RoutineItem {
  kind: "routine";
  key: string;
  role: RepairRole;
  title: string;
  libraryTitle?: string;
  routineKind: "routine" | "agreement";
  target: string;
  cadence: "daily" | "weekly" | "times_per_week" | "as_needed";
  weekday?: number;
  timesPerWeek?: number;
  durationWeeks: number;
}

export type PhaseItem = HomeworkItem | RoutineItem;

export interface PhaseTemplate {
  key: string;
  name: string;
  summary: string;
  goals: string[];
  exitCriteria: string[];
  items: PhaseItem[];
}

export interface RepairTemplate {
  key: string;
  title: string;
  /** whose approach it follows, in a few words */
  basis: string;
  summary: string;
  phases: PhaseTemplate[];
}

const LIB = {
  acknowledge: "Acknowledge the breach",
  apology: "Apology without excuses",
  listening: "Listening exercise",
  restitution: "Restitution plan",
  agreements: "Agreements worksheet",
  questions: "Questions I still need answered",
  answers: "Honest answers",
  iStatements: "I-statements",
  safeAgain: "What do you need from me to feel safe again?",
} as const;

const ROUTINES = {
  checkIn: "Daily 10-minute check-in",
  listening: "5 minutes of uninterrupted listening",
  planning: "Weekly 20-minute planning call",
  calendar: "Shared calendar review",
  gratitude: "Gratitude ritual",
  timeOut: "Time-out agreement",
  urgent: "Reply to urgent messages within 4 hours",
} as const;

const acknowledgeHomework = (dueInDays: number): HomeworkItem => ({
  kind: "homework",
  key: "acknowledge",
  role: "broke",
  title: LIB.acknowledge,
  libraryTitle: LIB.acknowledge,
  instructions: "Name what happened specifically, without softening it. Your partner needs to hear that you understand what you did.",
  prompts: [
    { type: "text", label: "What exactly did I do? (Be specific: what, when, how often.)" },
    { type: "text", label: "How do I think it affected my partner?" },
    { type: "scale", label: "How ready do I feel to say this out loud in session? (1 = not at all, 10 = completely)" },
  ],
  dueInDays,
  visibility: "therapist_only",
});

const apologyHomework: HomeworkItem = {
  kind: "homework",
  key: "apology",
  role: "broke",
  title: LIB.apology,
  libraryTitle: LIB.apology,
  instructions: "Write an apology you can say in under a minute. Name the harm it did; leave out 'but', 'if' and explanations of why.",
  prompts: [
    { type: "text", label: "My apology, in my own words" },
    { type: "checklist", label: "Before I share it, I checked that it:", options: ["names what I did", "names the harm it did", "has no 'but' or 'if'", "takes under a minute to say", "does not ask for forgiveness now"] },
  ],
  dueInDays: 3,
  visibility: "therapist_only",
};

const listeningHomework: HomeworkItem = {
  kind: "homework",
  key: "listening",
  role: "both",
  title: LIB.listening,
  libraryTitle: LIB.listening,
  instructions: "Take turns: one speaks for 5 minutes uninterrupted, the other listens and then reflects back the main feeling they heard.",
  prompts: [
    { type: "date", label: "When did we do the exercise?" },
    { type: "text", label: "The main feeling I heard from my partner was…" },
    { type: "scale", label: "How well did I feel heard? (1–10)" },
  ],
  dueInDays: 7,
  visibility: "shared",
};

const listeningRoutine: RoutineItem = {
  kind: "routine",
  key: "listening-routine",
  role: "both",
  title: ROUTINES.listening,
  libraryTitle: ROUTINES.listening,
  routineKind: "routine",
  target: "5 minutes each, twice a week: one speaks uninterrupted, the other reflects the main feeling",
  cadence: "times_per_week",
  timesPerWeek: 2,
  durationWeeks: 4,
};

const questionsHomework: HomeworkItem = {
  kind: "homework",
  key: "questions",
  role: "hurt",
  title: LIB.questions,
  libraryTitle: LIB.questions,
  instructions: "Write the questions that keep coming back. You'll decide in session which to discuss and how.",
  prompts: [{ type: "text", label: "My questions" }, { type: "scale", label: "How much do these questions weigh on me this week? (1–10)" }],
  dueInDays: 7,
  visibility: "therapist_only",
};

const answersHomework: HomeworkItem = {
  kind: "homework",
  key: "answers",
  role: "broke",
  title: LIB.answers,
  libraryTitle: LIB.answers,
  instructions: "Answer the questions your partner shared, honestly and completely. Your therapist will help you share them safely.",
  prompts: [{ type: "text", label: "My answers" }, { type: "text", label: "What was hardest to answer, and why?", required: false }],
  dueInDays: 10,
  visibility: "therapist_only",
};

const iStatementsHomework: HomeworkItem = {
  kind: "homework",
  key: "i-statements",
  role: "both",
  title: LIB.iStatements,
  libraryTitle: LIB.iStatements,
  instructions: "Turn three complaints into I-statements: 'I feel … when … because … I need …'.",
  prompts: [{ type: "text", label: "I-statement 1" }, { type: "text", label: "I-statement 2" }, { type: "text", label: "I-statement 3", required: false }],
  dueInDays: 7,
  visibility: "shared",
};

const safeAgainHomework: HomeworkItem = {
  kind: "homework",
  key: "safe-again",
  role: "both",
  title: LIB.safeAgain,
  libraryTitle: LIB.safeAgain,
  instructions: "Each of you writes what would help you feel safe and trusting again, in concrete terms.",
  prompts: [
    { type: "text", label: "What I need from you" },
    { type: "checklist", label: "Areas that matter most to me right now", options: ["honesty about whereabouts", "phone and message transparency", "time together", "keeping agreements", "patience with my questions"] },
  ],
  dueInDays: 7,
  visibility: "shared",
};

const routine = (key: string, title: string, role: RepairRole, rest: Omit<RoutineItem, "kind" | "key" | "title" | "role">): RoutineItem => ({ kind: "routine", key, title, role, ...rest });

const checkInRoutine = routine("check-in", ROUTINES.checkIn, "both", { libraryTitle: ROUTINES.checkIn, routineKind: "routine", target: "10 minutes together after dinner, phones away", cadence: "daily", durationWeeks: 8 });
const timeOutAgreement = routine("time-out", ROUTINES.timeOut, "both", { libraryTitle: ROUTINES.timeOut, routineKind: "agreement", target: "Take a 20-minute break when either of us says 'time-out', then come back to the topic", cadence: "as_needed", durationWeeks: 8 });
const gratitudeRoutine = routine("gratitude", ROUTINES.gratitude, "both", { libraryTitle: ROUTINES.gratitude, routineKind: "routine", target: "Share one specific appreciation, 3 times a week", cadence: "times_per_week", timesPerWeek: 3, durationWeeks: 8 });
const planningRoutine = routine("planning", ROUTINES.planning, "both", { libraryTitle: ROUTINES.planning, routineKind: "routine", target: "A 20-minute planning call every Wednesday at 8 PM", cadence: "weekly", weekday: 3, durationWeeks: 8 });

export const BROKEN_PROMISE: RepairTemplate = {
  key: "broken-promise",
  title: "Repair after a broken promise",
  basis: "The common steps of public guides on rebuilding trust",
  summary: "Seven steps in order: acknowledge, apologise, listen, explain briefly, make restitution, agree measurable changes, and follow through for at least eight weeks.",
  phases: [
    {
      key: "acknowledge",
      name: "Acknowledge the breach",
      summary: "Within 48 hours, the partner who broke the promise names specifically what they did.",
      goals: ["Name what happened specifically: what, when, how often", "Do it within 48 hours of the breach coming to light", "No minimising, no counter-accusations"],
      exitCriteria: ["The acknowledgement was given within 48 hours", "It named what happened specifically, without minimising", "The partner who was hurt says they heard it as an acknowledgement"],
      items: [acknowledgeHomework(2)],
    },
    {
      key: "apology",
      name: "Apologise without excuses",
      summary: "A short apology — under a minute — that names the harm and leaves out 'but' and 'if'.",
      goals: ["Under a minute, in one's own words", "Name the harm it did to the partner", "No excuses, no request for forgiveness now"],
      exitCriteria: ["The apology took under a minute and named the harm", "It had no 'but', 'if' or explanation", "The partner who was hurt did not hear it as an excuse"],
      items: [apologyHomework],
    },
    {
      key: "listen",
      name: "Listen and reflect",
      summary: "The partner who was hurt speaks for 5 minutes uninterrupted; the other reflects back the main feeling.",
      goals: ["5 minutes of uninterrupted speaking for the partner who was hurt", "The listener reflects back the main feeling, without defending", "Repeat until the speaker feels heard"],
      exitCriteria: ["The partner who was hurt had 5 uninterrupted minutes", "The main feeling was reflected back to their satisfaction", "The listening routine was kept at least twice"],
      items: [listeningHomework, listeningRoutine],
    },
    {
      key: "explain",
      name: "A brief explanation and responsibility",
      summary: "Two or three sentences on how it came about — an explanation, not an excuse, and no blame.",
      goals: ["2–3 sentences on how it came about", "Take responsibility for the choice", "Blame no one, including the partner"],
      exitCriteria: ["The explanation was 2–3 sentences", "It took responsibility and blamed no one", "The partner who was hurt heard it as responsibility, not as an excuse"],
      items: [
        {
          kind: "homework",
          key: "explanation",
          role: "broke",
          title: "A brief explanation and responsibility",
          instructions: "In two or three sentences, say how it came about and that the choice was yours. Explain; don't excuse, and don't blame anyone.",
          prompts: [
            { type: "text", label: "My explanation, in 2–3 sentences" },
            { type: "checklist", label: "I checked that it:", options: ["is 2–3 sentences", "says the choice was mine", "blames no one", "does not ask to be let off"] },
          ],
          dueInDays: 4,
          visibility: "therapist_only",
        },
      ],
    },
    {
      key: "restitution",
      name: "Restitution",
      summary: "1–3 concrete actions that make amends, each with a date, done by the partner who broke the promise and confirmed by the other.",
      goals: ["Choose 1–3 concrete actions with the partner who was hurt", "Give each a date", "Do them, and let the other partner confirm each one"],
      exitCriteria: ["1–3 concrete actions with dates are recorded in Mend", "Each was marked done and confirmed as promised (or renegotiated in session)"],
      items: [
        {
          kind: "homework",
          key: "restitution-plan",
          role: "broke",
          title: LIB.restitution,
          libraryTitle: LIB.restitution,
          instructions: "Offer 1–3 concrete actions that make amends, each with a date.",
          prompts: [
            { type: "text", label: "Action 1" },
            { type: "date", label: "Action 1 done by" },
            { type: "text", label: "Action 2 (optional)", required: false },
            { type: "date", label: "Action 2 done by (optional)", required: false },
          ],
          dueInDays: 3,
          visibility: "shared",
        },
      ],
    },
    {
      key: "agreements",
      name: "Measurable agreements",
      summary: "Agreements with a number, a time or a frequency, so both can tell whether they were kept.",
      goals: ["Each agreement has a number, a time or a frequency", "Both partners agree to each one", "They become routines and agreements in Mend"],
      exitCriteria: ["Every agreement is measurable (a number, time or frequency)", "The agreements are assigned in Mend and both partners log them"],
      items: [
        {
          kind: "homework",
          key: "agreements",
          role: "both",
          title: LIB.agreements,
          libraryTitle: LIB.agreements,
          instructions: "Write agreements that can be measured: a number, a time or a frequency ('I'll call by 8 PM every day', not 'I'll be better').",
          prompts: [{ type: "text", label: "Agreement I'm offering" }, { type: "text", label: "How we'll both know it was kept" }, { type: "checklist", label: "It includes:", options: ["a time", "a frequency", "a number"] }],
          dueInDays: 5,
          visibility: "shared",
        },
        checkInRoutine,
      ],
    },
    {
      key: "follow-through",
      name: "Follow through, with a weekly review",
      summary: "Keep the agreements for at least eight weeks and review them together once a week.",
      goals: ["Keep the agreements for at least 8 weeks", "Review the week together every week: what was kept, what slipped, what to change", "Expect setbacks; look at the trend, not one day"],
      exitCriteria: ["At least 8 weeks of follow-through", "Adherence at 80% or more over the last 4 weeks", "A weekly review together in most weeks", "Both partners see trust returning (check-in closeness trending up)"],
      items: [
        routine("weekly-review", "Weekly review together", "both", { routineKind: "routine", target: "20 minutes every Sunday: the week's agreements, what was kept, what slipped, one appreciation each", cadence: "weekly", weekday: 0, durationWeeks: 8 }),
        gratitudeRoutine,
      ],
    },
  ],
};

export const AFFAIR_RECOVERY: RepairTemplate = {
  key: "affair-recovery",
  title: "Affair recovery in three phases",
  basis: "After the forgiveness-based model of Gordon, Baucom & Snyder",
  summary: "Impact (contain the crisis and express the hurt), meaning (understand how it came about), moving on (forgiveness as a process, and a deliberate decision about the future).",
  phases: [
    {
      key: "impact",
      name: "Impact",
      summary: "Contain the crisis: safety, boundaries, self-care, and a way to express the hurt that does not do more harm.",
      goals: [
        "Stop contact with the affair partner, or agree strict boundaries about it",
        "Agree limits on when and how the affair is discussed, and a time-out rule",
        "Look after basic self-care: sleep, eating, support from others",
        "The partner who was hurt expresses the impact; the other listens without defending",
      ],
      exitCriteria: [
        "Boundaries with the affair partner agreed and kept (any contact disclosed within 24 hours)",
        "Time-outs are used and conversations about the affair stay within agreed limits",
        "The impact letter was read in session and reflected back",
        "Daily life is stable enough to look at meaning (no daily crises)",
      ],
      items: [
        {
          kind: "homework",
          key: "impact-letter",
          role: "hurt",
          title: "Impact letter",
          instructions: "Write to your partner about how the affair has affected you: your feelings, how you now see them, yourself and the relationship. Write it to be read in session, not to wound.",
          prompts: [
            { type: "text", label: "How it has affected me — my feelings and my days" },
            { type: "text", label: "How I see you, myself and us now" },
            { type: "text", label: "What I need from you while we work on this", required: false },
          ],
          dueInDays: 7,
          visibility: "therapist_only",
        },
        {
          kind: "homework",
          key: "impact-response",
          role: "broke",
          title: "What I heard in your letter",
          instructions: "After the impact letter is read in session: write back what you heard — the hurt, in your partner's terms — without explaining or defending.",
          prompts: [{ type: "text", label: "What I heard you say it did to you" }, { type: "text", label: "What I understand better now" }],
          dueInDays: 10,
          visibility: "shared",
        },
        routine("contact-disclosed", "Disclose any contact with the affair partner", "broke", { routineKind: "agreement", target: "Tell my partner within 24 hours of any contact from the affair partner", cadence: "as_needed", durationWeeks: 12 }),
        timeOutAgreement,
        checkInRoutine,
      ],
    },
    {
      key: "meaning",
      name: "Meaning",
      summary: "Understand how the affair came about — the relationship, outside pressures, each partner's history, and the choices made — without excusing it.",
      goals: [
        "Explore the factors: in the relationship, outside it, in each partner's history",
        "The partner who had the affair takes responsibility for the choice",
        "The partner who was hurt gets honest answers to the questions that keep returning",
        "Build a shared, balanced account of what happened and why",
      ],
      exitCriteria: [
        "Both can tell a shared, balanced account of how it came about",
        "The partner who had the affair takes responsibility for the choice, without shifting blame",
        "The questions that kept returning have been answered, or set aside by agreement",
      ],
      items: [
        questionsHomework,
        answersHomework,
        {
          kind: "homework",
          key: "contributing-factors",
          role: "both",
          title: "How it came about",
          instructions: "Each of you writes what made the affair more likely. Understanding is not excusing: the choice stays with the person who made it.",
          prompts: [
            { type: "text", label: "In our relationship, before it happened" },
            { type: "text", label: "Outside pressures (work, family, health, money)" },
            { type: "text", label: "From my own history or beliefs" },
          ],
          dueInDays: 10,
          visibility: "shared",
        },
        iStatementsHomework,
      ],
    },
    {
      key: "moving-on",
      name: "Moving on",
      summary: "Forgiveness as a process — not excusing, not forgetting — and a deliberate decision about the relationship's future.",
      goals: [
        "Understand what forgiveness is and is not (not condoning, not forgetting, not required on a timetable)",
        "Make a deliberate decision about the relationship's future",
        "Agree what will lower the risk of it happening again",
        "Rebuild closeness with regular time together",
      ],
      exitCriteria: [
        "Both have written and discussed what forgiveness means to them",
        "A decision about the relationship was made deliberately, in session",
        "Agreements to prevent a recurrence are in place and kept for 4 weeks",
      ],
      items: [
        {
          kind: "homework",
          key: "forgiveness",
          role: "both",
          title: "What forgiveness means to me",
          instructions: "Forgiveness here means letting go of the wish to punish and deciding how to go on — it does not mean excusing or forgetting. Write what it would and would not mean for you.",
          prompts: [
            { type: "text", label: "Forgiveness would mean…" },
            { type: "text", label: "It would not mean…" },
            { type: "scale", label: "How ready do I feel to move on together? (1–10)" },
          ],
          dueInDays: 10,
          visibility: "shared",
        },
        safeAgainHomework,
        gratitudeRoutine,
        planningRoutine,
      ],
    },
  ],
};

export const ATONE_ATTUNE_ATTACH: RepairTemplate = {
  key: "atone-attune-attach",
  title: "Atone → attune → attach",
  basis: "After John Gottman's three phases of affair recovery",
  summary: "Atone (remorse, honesty and verifiable transparency), attune (learn to talk and turn toward each other again), attach (rebuild closeness and rituals of connection).",
  phases: [
    {
      key: "atone",
      name: "Atone",
      summary: "The partner who broke the promise shows remorse without defensiveness, answers questions honestly and offers verifiable transparency.",
      goals: [
        "Full acknowledgement and remorse, without defensiveness",
        "Honest answers to the hurt partner's questions, again if needed",
        "Verifiable transparency: whereabouts, calendar, messages, as agreed",
        "The partner who was hurt can express the pain and be heard",
      ],
      exitCriteria: [
        "The partner who was hurt finds the remorse believable",
        "Questions are answered honestly and consistently",
        "Transparency agreements kept at 80% or more for 4 weeks",
        "The partner who was hurt is willing to begin rebuilding (forgiveness is not required yet)",
      ],
      items: [
        acknowledgeHomework(2),
        apologyHomework,
        questionsHomework,
        answersHomework,
        routine("calendar", ROUTINES.calendar, "both", { libraryTitle: ROUTINES.calendar, routineKind: "routine", target: "Review next week's shared calendar together every Sunday at 7 PM", cadence: "weekly", weekday: 0, durationWeeks: 8 }),
        routine("urgent-replies", ROUTINES.urgent, "broke", { libraryTitle: ROUTINES.urgent, routineKind: "agreement", target: "Reply to any message marked urgent within 4 hours", cadence: "as_needed", durationWeeks: 8 }),
      ],
    },
    {
      key: "attune",
      name: "Attune",
      summary: "Rebuild how the couple talks: turning toward each other's bids, a daily stress-reducing conversation, and talking through hard moments without escalating.",
      goals: [
        "A daily conversation about each other's day and stress, listening without fixing",
        "Turn toward each other's bids for attention",
        "Talk through a regrettable incident without escalating",
        "Understand what each needed and did not get",
      ],
      exitCriteria: [
        "A regrettable incident was talked through in session without escalating",
        "The daily check-in kept at 80% or more for 4 weeks",
        "Both say they feel heard (listening exercise 7 or more)",
      ],
      items: [
        checkInRoutine,
        listeningRoutine,
        iStatementsHomework,
        {
          kind: "homework",
          key: "unmet-needs",
          role: "both",
          title: "What I needed and did not get",
          instructions: "Each of you writes about needs that went unmet in the relationship — not to excuse what happened, but so you can turn toward each other now.",
          prompts: [{ type: "text", label: "A need of mine that went unmet" }, { type: "text", label: "What turning toward me would look like, concretely" }],
          dueInDays: 7,
          visibility: "shared",
        },
        timeOutAgreement,
      ],
    },
    {
      key: "attach",
      name: "Attach",
      summary: "Rebuild closeness: rituals of connection, appreciation, and a shared picture of the future.",
      goals: ["Rituals of connection every week", "Appreciation said out loud, often", "Physical and emotional closeness at a pace both choose", "A shared picture of the future"],
      exitCriteria: [
        "Rituals of connection kept for 4 weeks",
        "Closeness in check-ins trending up over 4 weeks",
        "The CSI-4 trending up, or above the distress cut-off (13.5) for both",
      ],
      items: [
        gratitudeRoutine,
        routine("ritual", "Weekly ritual of connection", "both", { routineKind: "routine", target: "One hour together every Saturday, screens away, doing something you both chose", cadence: "weekly", weekday: 6, durationWeeks: 8 }),
        safeAgainHomework,
        {
          kind: "homework",
          key: "shared-future",
          role: "both",
          title: "Our shared future",
          instructions: "Each of you writes what you hope your relationship will be like a year from now, and one thing you will do this month toward it.",
          prompts: [{ type: "text", label: "A year from now, I hope we…" }, { type: "text", label: "This month I will…" }],
          dueInDays: 14,
          visibility: "shared",
        },
      ],
    },
  ],
};

export const REPAIR_TEMPLATES: readonly RepairTemplate[] = [BROKEN_PROMISE, AFFAIR_RECOVERY, ATONE_ATTUNE_ATTACH];

export function repairTemplate(key: string): RepairTemplate | null {
  return REPAIR_TEMPLATES.find((t) => t.key === key) ?? null;
}
