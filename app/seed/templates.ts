/** The routine/agreement and homework libraries seeded into every practice (editable per practice). */
import type { AssignmentKind, Cadence, PromptType } from "@prisma/client";

export interface RoutineTemplateSeed {
  kind: AssignmentKind;
  title: string;
  description: string;
  target: string;
  cadence: Cadence;
  weekday?: number;
  timesPerWeek?: number;
}

export const ROUTINE_TEMPLATES: RoutineTemplateSeed[] = [
  { kind: "routine", title: "Shared calendar review", description: "Keep one shared calendar so plans are visible to both of you.", target: "Review next week's shared calendar together every Sunday at 7 PM", cadence: "weekly", weekday: 0 },
  { kind: "routine", title: "Daily 10-minute check-in", description: "A short, calm conversation about the day and how each of you is feeling.", target: "10 minutes together after dinner, phones away", cadence: "daily" },
  { kind: "routine", title: "Weekly 20-minute planning call", description: "Plan the week ahead: schedules, money, children, time together.", target: "A 20-minute planning call every Wednesday at 8 PM", cadence: "weekly", weekday: 3 },
  { kind: "agreement", title: "Reply to urgent messages within 4 hours", description: "Messages marked urgent get an answer, even a short one, within 4 hours.", target: "Reply to any message marked urgent within 4 hours", cadence: "as_needed" },
  { kind: "routine", title: "Gratitude ritual", description: "Say one specific thing you appreciated about your partner.", target: "Share one specific appreciation, 3 times a week", cadence: "times_per_week", timesPerWeek: 3 },
  { kind: "agreement", title: "Time-out agreement", description: "When a conversation escalates, either partner may call a time-out.", target: "Take a 20-minute break when either of us says 'time-out', then come back to the topic", cadence: "as_needed" },
  { kind: "agreement", title: "Call by 8 PM every day", description: "A predictable daily call when apart.", target: "I'll call by 8 PM every day", cadence: "daily" },
  { kind: "routine", title: "5 minutes of uninterrupted listening", description: "One speaks for 5 minutes without interruption; the other reflects back the main feeling.", target: "5 minutes each, twice a week", cadence: "times_per_week", timesPerWeek: 2 },
];

export interface PromptSeed {
  type: PromptType;
  label: string;
  options?: string[];
  required?: boolean;
}

export interface HomeworkTemplateSeed {
  title: string;
  instructions: string;
  prompts: PromptSeed[];
  measure?: "csi4";
}

const HAPPINESS = ["Extremely unhappy", "Fairly unhappy", "A little unhappy", "Happy", "Very happy", "Extremely happy", "Perfect"];
const TRUE_SCALE = ["Not at all true", "A little true", "Somewhat true", "Mostly true", "Almost completely true", "Completely true"];
const AMOUNT = ["Not at all", "A little", "Somewhat", "Mostly", "Almost completely", "Completely"];

export const CSI4_PROMPTS: PromptSeed[] = [
  { type: "scale", label: "Please indicate the degree of happiness, all things considered, of your relationship.", options: HAPPINESS },
  { type: "scale", label: "I have a warm and comfortable relationship with my partner.", options: TRUE_SCALE },
  { type: "scale", label: "How rewarding is your relationship with your partner?", options: AMOUNT },
  { type: "scale", label: "In general, how satisfied are you with your relationship?", options: AMOUNT },
];

export const HOMEWORK_TEMPLATES: HomeworkTemplateSeed[] = [
  {
    title: "Acknowledge the breach",
    instructions: "Name what happened specifically, without softening it. Your partner needs to hear that you understand what you did.",
    prompts: [
      { type: "text", label: "What exactly did I do? (Be specific: what, when, how often.)" },
      { type: "text", label: "How do I think it affected my partner?" },
      { type: "scale", label: "How ready do I feel to say this out loud in session? (1 = not at all, 10 = completely)" },
    ],
  },
  {
    title: "Apology without excuses",
    instructions: "Write an apology that takes responsibility. Leave out 'but', 'if' and explanations of why.",
    prompts: [
      { type: "text", label: "My apology, in my own words" },
      { type: "checklist", label: "Before I share it, I checked that it:", options: ["names what I did", "has no 'but' or 'if'", "does not ask for forgiveness now", "says what I will do differently"] },
    ],
  },
  {
    title: "Listening exercise",
    instructions: "Take turns: one speaks for 5 minutes uninterrupted, the other listens and then reflects back the main feeling they heard.",
    prompts: [
      { type: "date", label: "When did we do the exercise?" },
      { type: "text", label: "The main feeling I heard from my partner was…" },
      { type: "scale", label: "How well did I feel heard? (1–10)" },
    ],
  },
  {
    title: "Restitution plan",
    instructions: "Offer 1–3 concrete actions that make amends, each with a date.",
    prompts: [
      { type: "text", label: "Action 1" },
      { type: "date", label: "Action 1 done by" },
      { type: "text", label: "Action 2 (optional)", required: false },
      { type: "date", label: "Action 2 done by (optional)", required: false },
    ],
  },
  {
    title: "Agreements worksheet",
    instructions: "Write agreements that can be measured: a number, a time or a frequency ('I'll call by 8 PM every day', not 'I'll be better').",
    prompts: [
      { type: "text", label: "Agreement I'm offering" },
      { type: "text", label: "How we'll both know it was kept" },
      { type: "checklist", label: "It includes:", options: ["a time", "a frequency", "a number"] },
    ],
  },
  {
    title: "Questions I still need answered",
    instructions: "Write the questions that keep coming back. You'll decide in session which to discuss and how.",
    prompts: [
      { type: "text", label: "My questions" },
      { type: "scale", label: "How much do these questions weigh on me this week? (1–10)" },
    ],
  },
  {
    title: "Honest answers",
    instructions: "Answer the questions your partner shared, honestly and completely. Your therapist will help you share them safely.",
    prompts: [{ type: "text", label: "My answers" }, { type: "text", label: "What was hardest to answer, and why?", required: false }],
  },
  {
    title: "I-statements",
    instructions: "Turn three complaints into I-statements: 'I feel … when … because … I need …'.",
    prompts: [
      { type: "text", label: "I-statement 1" },
      { type: "text", label: "I-statement 2" },
      { type: "text", label: "I-statement 3", required: false },
    ],
  },
  {
    title: "What do you need from me to feel safe again?",
    instructions: "Each of you writes what would help you feel safe and trusting again, in concrete terms.",
    prompts: [
      { type: "text", label: "What I need from you" },
      { type: "checklist", label: "Areas that matter most to me right now", options: ["honesty about whereabouts", "phone and message transparency", "time together", "keeping agreements", "patience with my questions"] },
    ],
  },
  {
    title: "Couples Satisfaction Index (CSI-4)",
    instructions: "Four short questions about your relationship this week (Funk & Rogge, 2007). Answer for yourself.",
    prompts: CSI4_PROMPTS,
    measure: "csi4",
  },
];
