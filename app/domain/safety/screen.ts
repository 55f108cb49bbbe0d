/**
 * The private relationship-safety screen ("A few private questions"): each partner, alone, at
 * joining and then every `screenEveryWeeks` weeks. Pure: the questions, what the answers raise,
 * and when the next one is due. The wording is Mend's own, in plain words; it covers the items
 * that predict lethal violence best (after the Danger Assessment and lethality screens) without
 * reproducing any instrument's text.
 *
 * Nothing here is ever shown to the other partner: `reason` and `excerpt` are for clinicians.
 */
import { CONCEPT_LABELS, type Concept } from "./concepts";
import type { Evidence, Signal } from "./index";
import type { Severity } from "./severity";

/** Bumped when the questions change, and stored with every answer set. */
export const SCREEN_VERSION = 1;

export const SCREEN_ANSWERS = ["yes", "no", "prefer_not"] as const;
export type ScreenAnswer = (typeof SCREEN_ANSWERS)[number];
export const SCREEN_ANSWER_LABELS: Record<ScreenAnswer, string> = { yes: "Yes", no: "No", prefer_not: "Prefer not to say" };

export interface ScreenQuestion {
  id: string;
  /** what the partner reads */
  text: string;
  /** the engine's concept, so a "yes" lands on the same flag as the same danger written in a note */
  concept: Concept;
  /** the severity of a "yes" on its own */
  severity: Severity;
  /** one of the strongest predictors of a partner being killed: two of them together are imminent */
  lethal: boolean;
  /** a few words for the clinician's summary */
  short: string;
}

/**
 * Severities, following docs/safety-labelling-policy.md:
 * - strangulation, a weapon, threats to kill, fear for one's life → high: each is among the
 *   strongest single predictors of homicide by a partner, and the policy already labels them high.
 * - violence getting worse → high: it means physical violence in this relationship (high by the
 *   policy), and escalation is itself a Danger Assessment risk factor.
 * - forced or pressured sex → high: sexual violence in this relationship is high by the policy,
 *   and it makes conjoint work unsafe, so conjoint work must pause (high and above pause it).
 * - controlling behaviour → medium: coercive control is medium by the policy. It is serious and a
 *   risk factor in combination, but on its own it is not danger to life; medium opens a flag for
 *   the therapist (72-hour SLA) without pausing the couple's work, which could itself alert the
 *   controlling partner.
 * - monitoring of the phone, location or accounts → medium: the policy's label for monitoring
 *   while together. What matters most is practical: the clinician must not contact the partner
 *   through a device that is watched, so the reason says so and points to the safe-contact record.
 */
export const SCREEN_QUESTIONS: readonly ScreenQuestion[] = [
  {
    id: "neck",
    text: "Has your partner ever put their hands, an arm or anything else around your neck, or pressed on your throat?",
    concept: "strangulation",
    severity: "high",
    lethal: true,
    short: "hands, an arm or an object at the neck or throat",
  },
  {
    id: "weapon",
    text: "Has your partner ever hurt you with a weapon, or shown you one or threatened you with one — like a gun or a knife?",
    concept: "weapon",
    severity: "high",
    lethal: true,
    short: "a weapon used, shown or threatened",
  },
  {
    id: "kill",
    text: "Has your partner ever said they would kill you, or threatened your life in another way?",
    concept: "threat_to_kill",
    severity: "high",
    lethal: true,
    short: "threatened to kill them",
  },
  {
    id: "worse",
    text: "Over the past months, has your partner been hurting you more often, or more badly?",
    concept: "physical_violence",
    severity: "high",
    lethal: false,
    short: "violence more frequent or more severe",
  },
  {
    id: "control",
    text: "Does your partner control your money, who you can see, or where you can go?",
    concept: "coercive_control",
    severity: "medium",
    lethal: false,
    short: "controls money, who they see or where they go",
  },
  {
    id: "sex",
    text: "Has your partner ever forced or pressured you into sex or sexual acts you didn't want?",
    concept: "sexual_violence",
    severity: "high",
    lethal: false,
    short: "forced or pressured sex",
  },
  {
    id: "fear",
    text: "Do you ever fear that your partner might kill you or hurt you very badly?",
    concept: "fear_of_partner",
    severity: "high",
    lethal: true,
    short: "fears for their life",
  },
  {
    id: "monitoring",
    text: "Do you think your partner may be checking or tracking your phone, your location, or your accounts (messages, email, social media)?",
    concept: "monitoring",
    severity: "medium",
    lethal: false,
    short: "phone, location or accounts may be monitored",
  },
];

/**
 * Two or more lethality answers → imminent. The Danger Assessment's logic is cumulative: no single
 * item decides, and the risk of being killed climbs steeply as the strongest items occur together
 * (lethality screens send someone straight to an advocate on any one of them). With two present
 * the partner is in the highest band, so every one of those flags gets the 1-hour response, not
 * only the first: whichever the clinician opens carries the true urgency.
 */
export const IMMINENT_LETHAL_COUNT = 2;

export type ScreenAnswers = Record<string, ScreenAnswer>;

/** Only known question ids with a valid answer; anything else is dropped. */
export function cleanAnswers(raw: Record<string, unknown> | null | undefined): ScreenAnswers {
  const out: ScreenAnswers = {};
  for (const q of SCREEN_QUESTIONS) {
    const v = raw?.[q.id];
    if (typeof v === "string" && (SCREEN_ANSWERS as readonly string[]).includes(v)) out[q.id] = v as ScreenAnswer;
  }
  return out;
}

/** The ids of the questions that have no valid answer (every question needs one; "prefer not to say" counts). */
export function unanswered(raw: Record<string, unknown> | null | undefined): string[] {
  const clean = cleanAnswers(raw);
  return SCREEN_QUESTIONS.filter((q) => !clean[q.id]).map((q) => q.id);
}

/** One line for the flag: every "yes" and every "prefer not to say", so each flag shows the whole screen. */
export function screenExcerpt(answers: Record<string, unknown>): string {
  const clean = cleanAnswers(answers);
  const yes = SCREEN_QUESTIONS.filter((q) => clean[q.id] === "yes").map((q) => q.short);
  const withheld = SCREEN_QUESTIONS.filter((q) => clean[q.id] === "prefer_not").map((q) => q.short);
  const parts = [`Private screen — yes: ${yes.length ? yes.join("; ") : "none"}.`];
  if (withheld.length) parts.push(`Preferred not to say: ${withheld.join("; ")}.`);
  return parts.join(" ");
}

/**
 * The signals a set of answers raises: one per "yes", under the engine's concept, most severe
 * first. "No" and "prefer not to say" raise nothing on their own (a withheld answer is shown in
 * the excerpt of any flag the screen does raise).
 */
export function evaluateScreen(answers: Record<string, unknown> | null | undefined): Signal[] {
  const clean = cleanAnswers(answers);
  const yes = SCREEN_QUESTIONS.filter((q) => clean[q.id] === "yes");
  if (!yes.length) return [];
  const lethal = yes.filter((q) => q.lethal);
  const combined = lethal.length >= IMMINENT_LETHAL_COUNT;
  const excerpt = screenExcerpt(clean);
  const evidence: Evidence[] = yes.map((q) => ({ concept: q.concept, severity: q.severity, reason: CONCEPT_LABELS[q.concept], matched: [`${q.text} — Yes`] }));
  const signals = yes.map((q): Signal => {
    const severity: Severity = combined && q.lethal ? "imminent" : q.severity;
    let reason = `Private screen: "Yes" to "${q.text}"`;
    if (combined && q.lethal) reason += ` — with ${lethal.length - 1} more lethality answer${lethal.length === 2 ? "" : "s"} (${lethal.filter((o) => o !== q).map((o) => o.short).join("; ")}): imminent`;
    if (q.concept === "monitoring") reason += " — contact only as their safe-contact preferences say";
    return { source: "checkin_answer", concern: q.concept, severity, reason, excerpt, evidence };
  });
  const rank: Record<Severity, number> = { low: 0, medium: 1, high: 2, imminent: 3 };
  return signals.sort((a, b) => rank[b.severity] - rank[a.severity]);
}

/* ─── Schedule ─────────────────────────────────────────────────────────────────────────── */

const WEEK_MS = 7 * 86_400_000;
/** "Not now" hides the screen for this long. */
export const SNOOZE_MS = 86_400_000;
export const DEFAULT_SCREEN_WEEKS = 4;
export const MAX_SCREEN_WEEKS = 52;

export interface ScreenSchedule {
  /** when the partner joined (accepted the invite); null: not yet */
  joinedAt: Date | null;
  lastAnsweredAt: Date | null;
  /** the couple's interval; 0 = only when the therapist sends one */
  everyWeeks: number;
}

/**
 * When the next screen falls due by the schedule alone: at joining for a partner who has never
 * answered one (whatever the interval — the first screen is the one that matters most before
 * conjoint work), then `everyWeeks` after the last answer; null when nothing is scheduled.
 */
export function nextScreenDue(s: ScreenSchedule): Date | null {
  if (!s.joinedAt) return null;
  if (!s.lastAnsweredAt) return s.joinedAt;
  if (!Number.isInteger(s.everyWeeks) || s.everyWeeks <= 0) return null;
  return new Date(s.lastAnsweredAt.getTime() + s.everyWeeks * WEEK_MS);
}

export function isScreenDue(s: ScreenSchedule & { now: Date }): boolean {
  const due = nextScreenDue(s);
  return due !== null && due.getTime() <= s.now.getTime();
}

/** Whether an unanswered screen shows now: due, and not hidden by "not now". */
export function isScreenVisible(row: { dueAt: Date; snoozedUntil: Date | null; answeredAt?: Date | null }, now: Date): boolean {
  if (row.answeredAt) return false;
  if (row.dueAt.getTime() > now.getTime()) return false;
  return !row.snoozedUntil || row.snoozedUntil.getTime() <= now.getTime();
}

export function snoozedUntil(now: Date): Date {
  return new Date(now.getTime() + SNOOZE_MS);
}

/** A valid interval: whole weeks, 0 (only when sent) to MAX_SCREEN_WEEKS. */
export function isValidInterval(weeks: unknown): weeks is number {
  return typeof weeks === "number" && Number.isInteger(weeks) && weeks >= 0 && weeks <= MAX_SCREEN_WEEKS;
}
