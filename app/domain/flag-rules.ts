/**
 * Safety flag rules: pure, configurable, evaluated in the same request that saves an answer.
 *
 *   "Do you feel safe at home?" no → high · not sure → medium
 *   a phrase from the practice's list (hit, choke, weapon, threat, kill, suicide, afraid of him…) → high
 *   mood 4+ points below the partner's 14-day average → low
 *   the partner's private "I need help" button → imminent
 *
 * When in doubt these rules flag: a false positive costs a therapist a minute, a false negative
 * can cost a life. See `findPhrases` for how matching and negation work.
 */
export type Severity = "low" | "medium" | "high" | "imminent";
export type FlagSource = "checkin_answer" | "keyword" | "mood_drop" | "help_request" | "therapist";
export type FlagStatus = "open" | "acknowledged" | "escalated" | "resolved";
export type FeelSafe = "yes" | "not_sure" | "no";

export const SEVERITIES: Severity[] = ["low", "medium", "high", "imminent"];
export const severityRank = (s: Severity) => SEVERITIES.indexOf(s);
export const maxSeverity = (a: Severity, b: Severity): Severity => (severityRank(a) >= severityRank(b) ? a : b);
export const pausesConjointWork = (s: Severity) => s === "high" || s === "imminent";

export interface RuleConfig {
  phrases: string[];
}

export interface Signal {
  source: FlagSource;
  /** with couple and partner, the dedupe key: one unresolved flag per concern */
  concern: "feel_safe" | "keyword" | "mood_drop" | "help_request" | "therapist";
  severity: Severity;
  reason: string;
  excerpt?: string;
  matched?: string[];
}

export const DEFAULT_PHRASES = [
  "hit", "hits me", "hurt me", "hurts me", "choke", "strangle", "weapon", "gun", "knife", "threat", "threaten",
  "kill", "kill me", "kill myself", "suicide", "suicidal", "end my life", "hurt myself", "self harm",
  "afraid of him", "afraid of her", "scared of him", "scared of her", "push me", "pushed me", "shoved me",
  "slap", "punch", "beat me", "abuse", "rape", "forced me", "not safe",
];

/** Phrases about fear or self-harm that an explicit negation ("I'm not afraid of him") cancels. */
const NEGATABLE = /^(afraid|scared|suicidal|not safe)/;
const NEGATORS = /\b(not|never|no longer|isn't|wasn't|aren't|don't|didn't|doesn't|won't|hasn't|haven't|nobody|no one)\s+(\w+\s+){0,2}$/;
/** Words that reopen a negated violent act ("he never hit me before tonight"). */
const REOPENERS = /\b(but|until|before|tonight|today|yesterday|again|anymore|last night|this time|except|now)\b/;
/** "that movie was a hit", "a big hit": the noun, not the act. */
const NOUN_HIT = /\b(a|big|huge|smash|was a|such a)\s+$/;

export function normalize(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, " ").toLowerCase();
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function phrasePattern(phrase: string) {
  const words = normalize(phrase).trim().split(" ").map(escape);
  // Single words also match simple inflections: hits, hitting, choked, slapped, threatens.
  const suffix = words.length === 1 ? "(?:s|es|d|ed|ing|ting|ped|ping|ened|ening|ens)?" : "";
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join(" ")}${suffix}(?![\\p{L}\\p{N}])`, "gu");
}

/**
 * Phrases found in `text`, case-insensitively, on word boundaries, with inflections.
 * Negation: a fear/self-harm phrase preceded within three words by "not", "never", "no longer",
 * "isn't", "don't"… does not count ("I'm not afraid of him anymore"). A violent act is cancelled
 * only by a negation right before it AND no word in the sentence that reopens it ("he didn't hit
 * me" does not flag; "he never hit me before tonight" does).
 */
export function findPhrases(text: string | null | undefined, phrases: string[]) {
  if (!text) return [];
  const t = normalize(text);
  const found: { phrase: string; index: number; length: number }[] = [];
  for (const phrase of phrases) {
    const p = normalize(phrase).trim();
    if (!p) continue;
    for (const m of t.matchAll(phrasePattern(p))) {
      const before = t.slice(Math.max(0, m.index! - 40), m.index!);
      const sentenceStart = Math.max(t.lastIndexOf(".", m.index!), t.lastIndexOf("!", m.index!), t.lastIndexOf("?", m.index!)) + 1;
      const sentenceEndRel = t.slice(m.index!).search(/[.!?]/);
      const sentence = t.slice(sentenceStart, sentenceEndRel < 0 ? t.length : m.index! + sentenceEndRel);
      const negated = NEGATORS.test(before.slice(before.lastIndexOf(",") + 1));
      if (negated && NEGATABLE.test(p)) continue;
      if (negated && !NEGATABLE.test(p) && !REOPENERS.test(sentence)) continue;
      if (p === "hit" && NOUN_HIT.test(before)) continue;
      found.push({ phrase, index: m.index!, length: m[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Text split into segments, with the triggering phrases marked for highlighting. */
export function highlight(text: string, phrases: string[]): { text: string; match: boolean }[] {
  const hits = findPhrases(text, phrases);
  const out: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const h of hits) {
    if (h.index < at) continue;
    if (h.index > at) out.push({ text: text.slice(at, h.index), match: false });
    out.push({ text: text.slice(h.index, h.index + h.length), match: true });
    at = h.index + h.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), match: false });
  return out;
}

function phrasesOf(config: RuleConfig) {
  return config.phrases.length ? config.phrases : DEFAULT_PHRASES;
}

export function evaluateText(text: string | null | undefined, config: RuleConfig, context: string): Signal[] {
  const hits = findPhrases(text, phrasesOf(config));
  if (!hits.length || !text) return [];
  const matched = [...new Set(hits.map((h) => h.phrase))];
  return [{ source: "keyword", concern: "keyword", severity: "high", reason: `Phrases found in a ${context}: ${matched.join(", ")}`, excerpt: text.slice(0, 2000), matched }];
}

/** Fewer than 3 earlier check-ins make no baseline worth comparing against. */
export const MIN_MOOD_HISTORY = 3;

export function evaluateCheckIn(
  input: { feelSafe: FeelSafe; mood: number; note?: string | null; appreciation?: string | null; moodHistory: number[] },
  config: RuleConfig,
): Signal[] {
  const signals: Signal[] = [];
  if (input.feelSafe === "no") {
    signals.push({ source: "checkin_answer", concern: "feel_safe", severity: "high", reason: 'Check-in answer "no" to "Do you feel safe at home?"', excerpt: 'Check-in answer: "Do you feel safe at home?" — No' });
  } else if (input.feelSafe === "not_sure") {
    signals.push({ source: "checkin_answer", concern: "feel_safe", severity: "medium", reason: 'Check-in answer "not sure" to "Do you feel safe at home?"', excerpt: 'Check-in answer: "Do you feel safe at home?" — Not sure' });
  }
  const text = [input.note, input.appreciation].filter(Boolean).join("\n");
  const keyword = evaluateText(text, config, "check-in");
  signals.push(...keyword);
  if (input.moodHistory.length >= MIN_MOOD_HISTORY) {
    const avg = input.moodHistory.reduce((a, b) => a + b, 0) / input.moodHistory.length;
    if (avg - input.mood >= 4) {
      signals.push({ source: "mood_drop", concern: "mood_drop", severity: "low", reason: `Mood ${input.mood}, ${(avg - input.mood).toFixed(1)} points below the 14-day average (${avg.toFixed(1)})`, excerpt: `Mood ${input.mood}; 14-day average ${avg.toFixed(1)}` });
    }
  }
  return signals;
}

export function evaluateHelpRequest(message: string | null | undefined, config: RuleConfig = { phrases: [] }): Signal[] {
  return [
    { source: "help_request", concern: "help_request", severity: "imminent", reason: 'The partner pressed "I don\'t feel safe / I need help"', excerpt: message?.slice(0, 2000) || "Help button pressed (no message)" },
    ...evaluateText(message, config, "help request"),
  ];
}

/** One flag per couple+partner+concern: append to an unresolved one (raising, never lowering, severity). */
export function mergeSignal(
  existing: { severity: Severity; status: FlagStatus } | null,
  signal: Pick<Signal, "severity">,
): { action: "open" } | { action: "append"; severity: Severity; raised: boolean } {
  if (!existing || existing.status === "resolved") return { action: "open" };
  const severity = maxSeverity(existing.severity, signal.severity);
  return { action: "append", severity, raised: severity !== existing.severity };
}
