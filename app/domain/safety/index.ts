/**
 * Safety signals: the one place that decides what a partner's words, answers and help button
 * raise. Pure and offline; evaluated in the same request (and database transaction) that saves
 * the answer it looks at.
 *
 *   "Do you feel safe at home?"  no → high · not sure → medium                 (concern "feel_safe")
 *   free text (check-in note, homework, routine note, help message) → the concept engine:
 *     the most severe concept found, with every finding as evidence            (concern = that concept)
 *   mood ≥ 4 points below the partner's 14-day average → low                    (concern "mood_drop")
 *   the private "I don't feel safe / I need help" button → imminent             (concern "help_request")
 *
 * Severity decides the consequence: high and imminent pause conjoint work; medium and low open a
 * flag for the therapist and change nothing a partner sees. Nothing here is ever shown to a
 * partner or put into an email or page title: `reason`, `excerpt` and `evidence` are for clinicians.
 */
import type { FlagStatus } from "../flag-workflow";
import { CONCEPT_LABELS, LANGUAGES, type Concept, type Language } from "./concepts";
import { analyze, type Analysis, type Finding, type PracticePhrase } from "./engine";
import { maxSeverity, SEVERITIES, severityRank, type Severity } from "./severity";

export { analyze, CONCEPT_LABELS, LANGUAGES, maxSeverity, SEVERITIES, severityRank };
export { pausesConjointWork, SEVERITIES_MOST_URGENT_FIRST } from "./severity";
export type { Analysis, Concept, Finding, FlagStatus, Language, PracticePhrase, Severity };

export type FlagSource = "checkin_answer" | "keyword" | "mood_drop" | "help_request" | "therapist";
/** The answers to "do you feel safe at home?" (the database enum FeelSafe follows this list). */
export const FEEL_SAFE_ANSWERS = ["yes", "not_sure", "no"] as const;
export type FeelSafe = (typeof FEEL_SAFE_ANSWERS)[number];
/** With couple and partner, the dedupe key: at most one unresolved flag per concern. */
export type Concern = Concept | "feel_safe" | "mood_drop" | "help_request" | "therapist";

/** What a practice adds to the built-in concepts, and the couple the text comes from. */
export interface RuleConfig {
  /** the practice's own phrases, each with its severity and language */
  phrases: readonly PracticePhrase[];
  /** the partners' first names: "Sam hit me" is about the partner */
  names?: readonly string[];
  /** languages besides English (default: every built-in one) */
  languages?: readonly Language[];
}

export interface Evidence {
  concept: Concept;
  severity: Severity;
  reason: string;
  /** the words that show it, as written */
  matched: string[];
}

export interface Signal {
  source: FlagSource;
  concern: Concern;
  severity: Severity;
  /** one line for the flag timeline (clinicians only) */
  reason: string;
  /** the text that triggered the signal, for the reviewer (clinicians only) */
  excerpt?: string;
  /** every concept found in the text, most severe first (clinicians only) */
  evidence?: Evidence[];
}

/* ─── Practice phrases ─────────────────────────────────────────────────────────────────── */

const PHRASE_LINE = /^\s*(?:(low|medium|high|imminent)(?:\s+(en|es|any))?\s*:\s*)?(.*?)\s*$/i;
export const PHRASE_MAX_LENGTH = 80;

/**
 * One practice phrase per line: `phrase` (high, any language), `medium: phrase`, or
 * `high es: frase`. Stored as written; parsed here, the only place that reads the format.
 */
export function parsePhraseLine(line: string): PracticePhrase | { error: string } | null {
  const m = PHRASE_LINE.exec(line);
  const phrase = m?.[3] ?? "";
  if (!phrase) return null;
  if (phrase.length > PHRASE_MAX_LENGTH) return { error: `"${phrase.slice(0, 30)}…" is longer than ${PHRASE_MAX_LENGTH} characters.` };
  if (/^[a-z]+\s*:/i.test(phrase)) return { error: `"${line.trim()}": start with low, medium, high or imminent (optionally "en" or "es"), then a colon.` };
  const severity = (m?.[1]?.toLowerCase() ?? "high") as Severity;
  const language = (m?.[2]?.toLowerCase() ?? "any") as Language | "any";
  return { phrase, severity, language };
}

export function practicePhrases(lines: readonly string[] | null | undefined): PracticePhrase[] {
  const out: PracticePhrase[] = [];
  for (const line of lines ?? []) {
    const p = typeof line === "string" ? parsePhraseLine(line) : null;
    if (p && !("error" in p)) out.push(p);
  }
  return out;
}

/* ─── Text ──────────────────────────────────────────────────────────────────────────────── */

export const EXCERPT_MAX = 2000;

/** The whole text if short, else a window around `index` (with "…" where it was cut). */
function excerptAround(text: string, index: number): string {
  if (text.length <= EXCERPT_MAX) return text;
  let from = Math.max(0, Math.min(index - 200, text.length - EXCERPT_MAX));
  let to = from + EXCERPT_MAX;
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from]!)) from--;
  if (to < text.length && /[\uDC00-\uDFFF]/.test(text[to]!)) to++;
  return `${from > 0 ? "…" : ""}${text.slice(from, to)}${to < text.length ? "…" : ""}`;
}

function withArticle(context: string): string {
  const c = context.trim() || "text";
  return `${/^[aeiou]/i.test(c) ? "an" : "a"} ${c}`;
}

function analyzeWith(text: string, config: RuleConfig): Analysis {
  return analyze(text, { phrases: config.phrases, names: config.names, languages: config.languages });
}

/** The words of `text` a finding rests on, as written. */
function matchedWords(text: string, f: Finding): string[] {
  return f.spans.map((s) => text.slice(s.index, s.index + s.length));
}

function evidenceOf(text: string, findings: Finding[]): Evidence[] {
  return findings.map((f) => ({ concept: f.concept, severity: f.severity, reason: f.reason, matched: matchedWords(text, f) }));
}

/**
 * Free text: one signal for the most severe concept, carrying every finding as evidence, or
 * nothing. `context` names the text in `reason` ("check-in", "homework answer"…).
 */
export function evaluateText(text: string | null | undefined, config: RuleConfig, context: string): Signal[] {
  if (typeof text !== "string" || !text.trim()) return [];
  const a = analyzeWith(text, config);
  const top = a.findings[0];
  if (a.severity === "none" || !top) return [];
  const labels = [...new Set(a.findings.map((f) => CONCEPT_LABELS[f.concept].split(" (")[0]))];
  return [
    {
      source: "keyword",
      concern: top.concept,
      severity: a.severity,
      reason: `In ${withArticle(context)}: ${labels.join("; ")}`,
      excerpt: excerptAround(text, top.spans[0]?.index ?? 0),
      evidence: evidenceOf(text, a.findings),
    },
  ];
}

/** `text` cut into segments that join back to exactly `text`, the words that raised a concern marked. */
export function highlight(text: string | null | undefined, config: RuleConfig): { text: string; match: boolean }[] {
  if (typeof text !== "string" || !text) return [];
  return segmentsOf(text, analyzeWith(text, config).findings);
}

function segmentsOf(text: string, findings: Finding[]): { text: string; match: boolean }[] {
  const spans = findings
    .flatMap((f) => f.spans)
    .filter((s) => s.length > 0)
    .sort((a, b) => a.index - b.index || b.length - a.length);
  const out: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const s of spans) {
    const end = s.index + s.length;
    if (end <= at) continue;
    const from = Math.max(at, s.index);
    if (from > at) out.push({ text: text.slice(at, from), match: false });
    out.push({ text: text.slice(from, end), match: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), match: false });
  return out;
}

/* ─── Check-ins and the help button ─────────────────────────────────────────────────────── */

/** The baseline for a mood drop: the partner's check-ins of this many days before today's. */
export const MOOD_HISTORY_DAYS = 14;
/** Points below the baseline average at which a mood drop is flagged. */
export const MOOD_DROP_POINTS = 4;
/**
 * Fewer earlier check-ins than this make no baseline: a new partner's second or third check-in
 * would flag on noise. Danger without a baseline is still caught by the answer, the text and the
 * help button, which need no history.
 */
export const MIN_MOOD_HISTORY = 3;
/** Averages like 17.7 / 3 are not exact in floating point; "exactly 4 below" must still flag. */
const EPSILON = 1e-9;

/** Every check-in signal; the note counts whatever the answer to "do you feel safe?" was. */
export function evaluateCheckIn(
  input: { feelSafe: FeelSafe; mood: number; note?: string | null; appreciation?: string | null; moodHistory: number[] },
  config: RuleConfig,
): Signal[] {
  const signals: Signal[] = [];
  if (input.feelSafe === "no") {
    signals.push({ source: "checkin_answer", concern: "feel_safe", severity: "high", reason: 'Check-in answer "No" to "Do you feel safe at home?"', excerpt: 'Check-in answer: "Do you feel safe at home?" — No' });
  } else if (input.feelSafe === "not_sure") {
    signals.push({ source: "checkin_answer", concern: "feel_safe", severity: "medium", reason: 'Check-in answer "Not sure" to "Do you feel safe at home?"', excerpt: 'Check-in answer: "Do you feel safe at home?" — Not sure' });
  }
  const text = [input.note, input.appreciation].filter((s): s is string => typeof s === "string" && s.trim() !== "").join("\n");
  signals.push(...evaluateText(text, config, "check-in"));

  const history = (input.moodHistory ?? []).filter((m) => typeof m === "number" && Number.isFinite(m));
  if (Number.isFinite(input.mood) && history.length >= MIN_MOOD_HISTORY) {
    const average = history.reduce((a, b) => a + b, 0) / history.length;
    const drop = average - input.mood;
    if (drop >= MOOD_DROP_POINTS - EPSILON) {
      signals.push({
        source: "mood_drop",
        concern: "mood_drop",
        severity: "low",
        reason: `Mood ${input.mood}, ${drop.toFixed(1)} points below the 14-day average (${average.toFixed(1)})`,
        excerpt: `Mood ${input.mood}; 14-day average ${average.toFixed(1)} over ${history.length} check-ins`,
      });
    }
  }
  return signals;
}

/** The private help button: always imminent, whatever the message says (or if it is empty). */
export function evaluateHelpRequest(message: string | null | undefined, config: RuleConfig): Signal[] {
  const text = typeof message === "string" ? message : "";
  return [
    {
      source: "help_request",
      concern: "help_request",
      severity: "imminent",
      reason: 'The partner pressed "I don\'t feel safe / I need help"',
      excerpt: text.trim() ? excerptAround(text, 0) : "Help button pressed (no message)",
    },
    ...evaluateText(text, config, "help request"),
  ];
}

/** The overall result of a set of signals: the highest severity and every concern, most severe first. */
export function summarize(signals: readonly Signal[]): { severity: Severity | "none"; concerns: string[] } {
  let severity: Severity | "none" = "none";
  const ranked: { concern: string; rank: number }[] = [];
  for (const s of signals) {
    severity = severity === "none" ? s.severity : maxSeverity(severity, s.severity);
    ranked.push({ concern: s.concern, rank: severityRank(s.severity) });
    for (const e of s.evidence ?? []) ranked.push({ concern: e.concept, rank: severityRank(e.severity) });
  }
  ranked.sort((a, b) => b.rank - a.rank);
  return { severity, concerns: [...new Set(ranked.map((r) => r.concern))] };
}

/* ─── Merging a signal into the flags ───────────────────────────────────────────────────── */

/**
 * One flag per couple + partner + concern. If an unresolved flag for the concern exists, the
 * signal is appended to its timeline and its severity raised if the signal is higher (never
 * lowered); if there is none, or only resolved ones, a new flag is opened.
 */
export function mergeSignal(
  existing: { severity: Severity; status: FlagStatus } | null | undefined,
  signal: Pick<Signal, "severity">,
): { action: "open" } | { action: "append"; severity: Severity; raised: boolean } {
  if (!existing || existing.status === "resolved") return { action: "open" };
  const severity = maxSeverity(existing.severity, signal.severity);
  return { action: "append", severity, raised: severity !== existing.severity };
}

/** What a clinician reads about a text: the severity, the text with its words marked, and why. */
export function explain(text: string, config: RuleConfig) {
  const a = analyzeWith(text, config);
  return {
    severity: a.severity,
    segments: segmentsOf(text, a.findings),
    findings: a.findings.map((f) => ({ concept: CONCEPT_LABELS[f.concept], severity: f.severity, reason: f.reason, words: matchedWords(text, f) })),
  };
}
