/**
 * Safety flag rules: pure, configurable per practice, evaluated in the same request (and
 * database transaction) that saves the answer they look at.
 *
 *   "Do you feel safe at home?"  no → high · not sure → medium            (concern "feel_safe")
 *   a phrase from the practice's list in free text → high                 (concern "keyword")
 *   mood ≥ 4 points below the partner's 14-day average → low               (concern "mood_drop")
 *   the partner's private "I don't feel safe / I need help" button → imminent (concern "help_request")
 *
 * Guiding rule: WHEN IN DOUBT, FLAG. A false positive costs a therapist a minute; a false
 * negative can cost a life. Every exception below (negation, the noun "a hit") is deliberately
 * narrow, and anything it does not positively recognise is flagged.
 *
 * Nothing here is ever shown to partners or put into email/reminder text: `reason` and
 * `excerpt` are for clinicians only (see "Technology safety" in the spec).
 *
 * ─── Phrase matching (`findPhrases`) ────────────────────────────────────────────────────────
 * • Case-insensitive and Unicode-aware: text and phrases are compared after lower-casing and
 *   canonical decomposition (NFD), so "É" and "e\u0301" compare equal.
 * • Whole words only: a phrase never matches inside a longer word ("hit" ≠ "white", "this",
 *   "hitch"; "kill" ≠ "skills", "overkill"; "gun" ≠ "begun"). Letters, digits and combining
 *   marks of any script count as word characters.
 * • Apostrophes are ignored on both sides (’ ‘ ʼ ' are all dropped), so "don’t feel safe",
 *   "don't feel safe" and "dont feel safe" are the same text.
 * • Hyphens count as spaces ("self-harm" = "self harm"); runs of spaces, tabs and line breaks
 *   count as one space, so a phrase may run across a line break. Invisible characters (soft
 *   hyphen, zero-width space/joiners, BOM) are ignored.
 * • Simple inflections: every word of a phrase that is plain a–z, at least 3 letters long and
 *   not a pronoun/function word ("me", "him", "her", "myself", "the", …) also matches
 *   +s, +es, +ed, +ing, and the usual spelling changes: final-e dropped (choke → choked,
 *   choking), final consonant doubled (hit → hitting, slap → slapped, cut → cutting) and
 *   y → ies/ied. So "hit" matches "hits"/"hitting", "push me" matches "pushed me", "kill myself"
 *   matches "killing myself", "self harm" matches "self-harming". Nothing else: "-er" forms are
 *   NOT generated, so "killer workout" and "hitter" do not match "kill"/"hit". Irregular forms
 *   need their own entry (the defaults list "knives", "beaten me").
 * • Matches never overlap: of two starting at the same place the longer, more specific one is
 *   reported ("kill myself" over "kill"); otherwise the one starting first.
 *
 * ─── The only exceptions ────────────────────────────────────────────────────────────────────
 * 1. Negation suppresses only "state" phrases — those whose first word is afraid, scared,
 *    frightened, terrified, fearful, suicidal or unsafe — and only when ALL of these hold:
 *    a) a negator (not, never, no longer, isn't, wasn't, aren't, weren't, don't, didn't,
 *       doesn't, won't, haven't, hasn't, hadn't, ain't — with or without apostrophe) stands in
 *       the same clause right before the phrase, with at most 3 linking words between them,
 *       all from a short list (am, be, been, feel, felt, get, even, at all, a bit, the least…):
 *       "I'm not afraid of him", "I've never felt scared of her", "I'm not at all afraid of him".
 *       Anything else between them keeps the flag: "never been SO scared of him", "not REALLY
 *       afraid", "not ACTIVELY suicidal", "don't KNOW IF I'm afraid of him".
 *    b) nothing in that clause before the negator but a plain subject and simple adverbs
 *       (I, I'm, I've, he, she, honestly, still, really, and…). So "I PRETEND I'm not afraid of
 *       him", "he THINKS I'm not scared", "I CAN'T SAY I'm not afraid", "I'm not sure I'm not
 *       afraid" (double negation) all flag.
 *    c) the sentence contains no word that reopens the danger: but, until, till, before, again,
 *       today, tonight, tomorrow, yesterday, last (night/week…), this time, now, when, whenever,
 *       if, unless, except, though, although, however, yet, sometimes. "I wasn't afraid of him
 *       until last night" flags. ("anymore" is NOT a reopener: "I'm not afraid of him anymore"
 *       is the textbook statement this exception exists for.)
 *    Negation NEVER suppresses violence, weapons, threats, killing or self-harm phrases, in any
 *    sentence: "he never hit me before tonight", "he didn't hit me, but…", "I would never kill
 *    myself", even a plain "he didn't hit me" all flag. Minimising ("he didn't really hit me")
 *    is common in abusive relationships, and a therapist reading a false positive loses a
 *    minute.
 * 2. The noun "hit" (exactly "hit"/"hits" from a phrase "hit"): after a copula and an article
 *    ("that movie was a hit", "her song is such a big hit" — but not when a preposition or
 *    pronoun follows: "it was a hit to the head" flags), "smash hit", "greatest/biggest hits",
 *    "hit song/show/movie/film/series/album/record…", and the idioms "hit it off", "hit the
 *    gym/road/hay/sack/spot/jackpot/books/shops/mall", "hit my/our/the/a goal/target/steps/
 *    milestone". Only these exact shapes. "I was hit", "I've been hit", "he gave me a big hit",
 *    "hit the wall", "hit a wall", "hit me up" and everything else flag.
 *    Decided NOT to exempt: "threatening weather" (an exemption by following noun would also
 *    hide "threatening texts/messages/voicemails", classic coercive control) and "killed it /
 *    killing it" (the same words describe harming a pet, a known abuse warning sign).
 */
import type { FlagStatus } from "./flag-workflow";

export type { FlagStatus };
export type Severity = "low" | "medium" | "high" | "imminent";
export type FlagSource = "checkin_answer" | "keyword" | "mood_drop" | "help_request" | "therapist";
export type FeelSafe = "yes" | "not_sure" | "no";
/** With couple and partner, the dedupe key: at most one unresolved flag per concern. */
export type Concern = "feel_safe" | "keyword" | "mood_drop" | "help_request" | "therapist";

/** Practice-editable. An empty list (or one with only blank entries) means DEFAULT_PHRASES. */
export interface RuleConfig {
  phrases: string[];
}

export interface Signal {
  source: FlagSource;
  concern: Concern;
  severity: Severity;
  /** one line for the flag timeline (clinicians only) */
  reason: string;
  /** the text that triggered the signal, for the reviewer (clinicians only) */
  excerpt?: string;
  /** the phrases (as written in the practice list) that matched */
  matched?: string[];
}

export interface PhraseMatch {
  /** the phrase as written in the list */
  phrase: string;
  /** position and length in the ORIGINAL text (UTF-16 code units), ready for slicing */
  index: number;
  length: number;
}

/* ─── Severity ───────────────────────────────────────────────────────────────────────────── */

/** Ordered from the least to the most urgent. */
export const SEVERITIES: readonly Severity[] = ["low", "medium", "high", "imminent"];

/** 0 (low) … 3 (imminent). */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

/** While a high or imminent flag is unresolved, the couple's conjoint routines and homework pause. */
export function pausesConjointWork(s: Severity): boolean {
  return s === "high" || s === "imminent";
}

/* ─── The default phrase list ────────────────────────────────────────────────────────────── */

export const DEFAULT_PHRASES: string[] = [
  // physical violence (inflections are automatic: hit → hits, hitting; push me → pushed me)
  "hit", "hurt me", "beat me", "beaten me", "punch", "slap", "kick me", "push me", "shove", "grab me",
  "choke", "strangle", "smother",
  // weapons
  "weapon", "gun", "handgun", "shotgun", "knife", "knives",
  // threats and killing
  "threat", "threaten", "kill", "murder",
  // suicide and self-harm
  "suicide", "suicidal", "kill myself", "end my life", "take my own life", "want to die", "hurt myself",
  "cut myself", "self harm", "overdose",
  // fear and safety
  "afraid of him", "afraid of her", "scared of him", "scared of her", "terrified of him", "terrified of her",
  "afraid for my life", "fear for my life", "not safe", "unsafe", "don't feel safe", "not feel safe",
  // abuse and coercion
  "abuse", "abusive", "rape", "force me",
];

/* ─── Normalisation with a map back to the original text ───────────────────────────────── */

interface Normalized {
  /** lower-cased, NFD, apostrophes dropped, hyphens and whitespace runs → " " (or "\n") */
  text: string;
  /** for each UTF-16 unit of `text`: start and end (exclusive) in the original string */
  start: number[];
  end: number[];
}

const APOSTROPHE = /^['\u2018\u2019\u201B\u02BC\u02BB\u2032\uFF07`\u00B4]$/u;
/** soft hyphen, zero-width space / non-joiner / joiner, word joiner, BOM */
const INVISIBLE = new Set(["\u00AD", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"]);
const HYPHEN = /^[-\u2010\u2011]$/u;
const LINE_BREAK = new Set(["\n", "\r", "\u2028", "\u2029", "\u0085", "\u000B", "\u000C"]);
const SPACE = /^\s$/u;

function normalizeMapped(input: string): Normalized {
  let text = "";
  const start: number[] = [];
  const end: number[] = [];
  let gap: { s: number; e: number; newline: boolean } | null = null;
  let at = 0;
  for (const ch of input) {
    const s = at;
    const e = at + ch.length;
    at = e;
    if (INVISIBLE.has(ch) || APOSTROPHE.test(ch)) continue;
    if (SPACE.test(ch) || HYPHEN.test(ch)) {
      if (gap) {
        gap.e = e;
        gap.newline ||= LINE_BREAK.has(ch);
      } else gap = { s, e, newline: LINE_BREAK.has(ch) };
      continue;
    }
    if (gap) {
      text += gap.newline ? "\n" : " ";
      start.push(gap.s);
      end.push(gap.e);
      gap = null;
    }
    const out = ch.normalize("NFD").toLowerCase();
    text += out;
    for (let k = 0; k < out.length; k++) {
      start.push(s);
      end.push(e);
    }
  }
  if (gap) {
    text += gap.newline ? "\n" : " ";
    start.push(gap.s);
    end.push(gap.e);
  }
  return { text, start, end };
}

/** A phrase as it is compared: normalised, trimmed, single spaces. "" if nothing is left. */
function normalizePhrase(phrase: string): string {
  return normalizeMapped(phrase).text.replace(/\n/g, " ").trim();
}

/* ─── Phrase patterns ───────────────────────────────────────────────────────────────────── */

const WORD_CHAR = "[\\p{L}\\p{N}\\p{M}]";
const WORD_RE = /[\p{L}\p{N}\p{M}]+/gu;

/** Words that never take inflections inside a phrase (pronouns and function words). */
const NO_INFLECTION = new Set([
  "the", "and", "not", "nor", "for", "from", "with", "all", "any", "own", "too",
  "him", "her", "his", "hers", "she", "you", "your", "our", "ours", "them", "they", "their", "its",
  "myself", "himself", "herself", "yourself", "ourselves", "themselves", "itself",
]);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The forms a single phrase word matches: itself plus the simple inflections described above. */
export function inflections(word: string): string[] {
  const forms = new Set([word]);
  if (word.length >= 3 && /^[a-z]+$/.test(word) && !NO_INFLECTION.has(word)) {
    for (const suffix of ["s", "es", "ed", "ing"]) forms.add(word + suffix);
    if (word.endsWith("e")) {
      forms.add(word + "d");
      forms.add(word.slice(0, -1) + "ing");
    }
    if (/[^aeiou]y$/.test(word)) {
      forms.add(word.slice(0, -1) + "ies");
      forms.add(word.slice(0, -1) + "ied");
    }
    if (/[^aeiou][aeiou][^aeiouwxy]$/.test(word)) {
      const last = word[word.length - 1];
      forms.add(word + last + "ed");
      forms.add(word + last + "ing");
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

const patternCache = new Map<string, RegExp>();

function phrasePattern(normalizedPhrase: string): RegExp {
  let re = patternCache.get(normalizedPhrase);
  if (!re) {
    const words = normalizedPhrase.split(" ").map((w) => `(?:${inflections(w).map(escapeRegExp).join("|")})`);
    re = new RegExp(`(?<!${WORD_CHAR})${words.join("[ \\n]")}(?!${WORD_CHAR})`, "gu");
    if (patternCache.size > 2000) patternCache.clear();
    patternCache.set(normalizedPhrase, re);
  }
  return re;
}

/* ─── Negation ──────────────────────────────────────────────────────────────────────────── */

/** Phrases whose first word is one of these may be cancelled by a negation. Nothing else can. */
const NEGATABLE_HEADS = new Set(["afraid", "scared", "frightened", "terrified", "fearful", "suicidal", "unsafe"]);
/** Apostrophes are already dropped, so "isn't" arrives as "isnt". */
const NEGATORS = new Set([
  "not", "never", "isnt", "wasnt", "arent", "werent", "dont", "didnt", "doesnt", "wont",
  "havent", "hasnt", "hadnt", "aint",
]);
/** Words allowed between the negator and the phrase ("not at all afraid", "never felt scared"). */
const LINKING = new Set([
  "am", "be", "been", "being", "is", "was", "were", "are", "feel", "feels", "feeling", "felt",
  "get", "gets", "getting", "got", "even", "at", "all", "a", "bit", "any", "the", "least",
]);
const MAX_LINKING = 3;
/** Words allowed in the clause BEFORE the negator: a plain subject and simple adverbs. */
const PLAIN_PREFIX = new Set([
  "i", "im", "ive", "am", "have", "has", "had", "was", "were", "is", "are", "be", "been",
  "he", "hes", "she", "shes", "we", "were", "they", "theyre", "you", "youre",
  "honestly", "truly", "definitely", "totally", "absolutely", "really", "just", "also", "still",
  "and", "so", "ok", "okay", "yes", "well", "actually", "anyway", "personally",
]);
/** Words that reopen a negated statement anywhere in its sentence. */
const REOPENERS = new Set([
  "but", "until", "till", "before", "again", "today", "tonight", "tomorrow", "yesterday", "last",
  "now", "when", "whenever", "if", "unless", "except", "though", "although", "however", "yet", "sometimes",
]);
const CLAUSE_BREAK = /[.!?;:,\n()[\]{}"“”«»\u2012\u2013\u2014\u2015\u2026]/u;
const SENTENCE_BREAK = /[.!?\n\u2026]/u;
/** Beyond this distance we stop reading and treat the statement as not negated (flag). */
const NEGATION_WINDOW = 400;

function isNegatable(normalizedPhrase: string): boolean {
  return NEGATABLE_HEADS.has(normalizedPhrase.split(" ")[0] ?? "");
}

function lastIndexOfPattern(text: string, re: RegExp, from: number, limit: number): number {
  for (let i = from - 1; i >= Math.max(0, from - limit); i--) if (re.test(text[i]!)) return i;
  return from - limit <= 0 ? -1 : Number.NaN; // NaN: gave up before finding the boundary
}

function indexOfPattern(text: string, re: RegExp, from: number, limit: number): number {
  const stop = Math.min(text.length, from + limit);
  for (let i = from; i < stop; i++) if (re.test(text[i]!)) return i;
  return stop >= text.length ? text.length : Number.NaN;
}

/** True only when the match at [at, at+len) of normalised `t` is negated under rule 1 above. */
function isNegated(t: string, at: number, len: number): boolean {
  const clauseBreak = lastIndexOfPattern(t, CLAUSE_BREAK, at, NEGATION_WINDOW);
  if (Number.isNaN(clauseBreak)) return false;
  const tokens = t.slice(clauseBreak + 1, at).match(WORD_RE) ?? [];
  let j = tokens.length - 1;
  let linking = 0;
  let negatorAt = -1;
  for (; j >= 0; j--) {
    const w = tokens[j]!;
    if (w === "longer" && tokens[j - 1] === "no") {
      negatorAt = j - 1;
      break;
    }
    if (NEGATORS.has(w)) {
      negatorAt = j;
      break;
    }
    if (!LINKING.has(w) || ++linking > MAX_LINKING) return false;
  }
  if (negatorAt < 0) return false;
  for (let k = 0; k < negatorAt; k++) if (!PLAIN_PREFIX.has(tokens[k]!)) return false;

  const sentenceStart = lastIndexOfPattern(t, SENTENCE_BREAK, at, NEGATION_WINDOW);
  const sentenceEnd = indexOfPattern(t, SENTENCE_BREAK, at + len, NEGATION_WINDOW);
  if (Number.isNaN(sentenceStart) || Number.isNaN(sentenceEnd)) return false;
  const sentence = t.slice(sentenceStart + 1, sentenceEnd).match(WORD_RE) ?? [];
  for (let k = 0; k < sentence.length; k++) {
    if (REOPENERS.has(sentence[k]!)) return false;
    if (sentence[k] === "this" && sentence[k + 1] === "time") return false;
  }
  return true;
}

/* ─── The noun "hit" ────────────────────────────────────────────────────────────────────── */

/**
 * The noun after a copula AND an article ("was a hit", "is such a big hit"), or "smash hit",
 * "greatest hits". The article is required: "I was hit", "I've been hit" are violence. Read
 * against the ~40 characters before the match (padded with a space at the start of the text).
 */
const NOUN_HIT_BEFORE = /[^\p{L}\p{N}\p{M}](?:(?:was|is|were|be|been)\s(?:such\s)?an?\s(?:(?:big|huge|massive|smash|real|instant|total|great)\s)?|smash\s|(?:greatest|biggest)\s)$/u;
/** "was a hit TO the head", "a big hit ON me": a preposition or pronoun after it cancels the noun reading. */
const NOUN_HIT_CANCEL = new RegExp(`^\\s(?:to|on|in|at|into|across|against|with|from|me|him|her|them|us|you)(?!${WORD_CHAR})`, "u");
/** Idioms and noun uses, read against the text right after "hit"/"hits". */
const NOUN_HIT_AFTER = new RegExp(
  "^\\s(?:song|songs|single|record|show|shows|movie|movies|film|series|album|podcast|musical|tv|it\\soff" +
    "|the\\s(?:gym|road|hay|sack|spot|jackpot|books|shops|mall|ground\\srunning)" +
    "|(?:my|our|the|a)\\s(?:goal|goals|target|targets|steps|milestone))" +
    `(?!${WORD_CHAR})`,
  "u",
);

function isNounHit(t: string, normalizedPhrase: string, at: number, len: number): boolean {
  if (normalizedPhrase !== "hit") return false;
  const word = t.slice(at, at + len);
  if (word !== "hit" && word !== "hits") return false;
  const from = Math.max(0, at - 40);
  const before = (from === 0 ? " " : "") + t.slice(from, at);
  const after = t.slice(at + len, at + len + 40);
  if (NOUN_HIT_AFTER.test(after)) return true;
  return NOUN_HIT_BEFORE.test(before) && !NOUN_HIT_CANCEL.test(after);
}

/* ─── Finding phrases ───────────────────────────────────────────────────────────────────── */

/**
 * Phrases of `phrases` found in `text` (see the header for the exact rules), sorted by position,
 * never overlapping (where two overlap, the one starting first — of those, the longest — is kept).
 * Index and length refer to the ORIGINAL text. No fallback: an empty list finds nothing.
 */
export function findPhrases(text: string | null | undefined, phrases: readonly string[]): PhraseMatch[] {
  if (typeof text !== "string" || !text) return [];
  const n = normalizeMapped(text);
  const t = n.text;
  const raw: { phrase: string; s: number; e: number }[] = [];
  const seen = new Set<string>();
  for (const phrase of phrases) {
    if (typeof phrase !== "string") continue;
    const p = normalizePhrase(phrase);
    if (!p || seen.has(p)) continue;
    seen.add(p);
    const negatable = isNegatable(p);
    for (const m of t.matchAll(phrasePattern(p))) {
      const at = m.index;
      const len = m[0].length;
      if (negatable && isNegated(t, at, len)) continue;
      if (isNounHit(t, p, at, len)) continue;
      raw.push({ phrase, s: at, e: at + len });
    }
  }
  // Overlaps: the match that starts first wins; of those starting together, the longest (then
  // the earlier-listed: the sort is stable).
  raw.sort((a, b) => a.s - b.s || b.e - a.e);
  const kept: typeof raw = [];
  let end = -1;
  for (const r of raw) {
    if (r.s < end) continue;
    kept.push(r);
    end = r.e;
  }
  return kept.map((r) => {
      const index = n.start[r.s]!;
      return { phrase: r.phrase, index, length: n.end[r.e - 1]! - index };
    });
}

/** `text` cut into segments that join back to exactly `text`, the matching phrases marked. */
export function highlight(text: string | null | undefined, phrases: readonly string[]): { text: string; match: boolean }[] {
  if (typeof text !== "string" || !text) return [];
  const out: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const h of findPhrases(text, phrases)) {
    if (h.index < at) continue;
    if (h.index > at) out.push({ text: text.slice(at, h.index), match: false });
    out.push({ text: text.slice(h.index, h.index + h.length), match: true });
    at = h.index + h.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), match: false });
  return out;
}

/* ─── Evaluating answers ────────────────────────────────────────────────────────────────── */

/** The practice's phrases, or the defaults when the practice list is empty or blank. */
export function phrasesOf(config: RuleConfig | null | undefined): readonly string[] {
  const own = (config?.phrases ?? []).filter((p) => typeof p === "string" && normalizePhrase(p) !== "");
  return own.length ? own : DEFAULT_PHRASES;
}

export const EXCERPT_MAX = 2000;

/** The whole text if short, else a window around `index` (with "…" where it was cut). */
function excerptAround(text: string, index: number): string {
  if (text.length <= EXCERPT_MAX) return text;
  let from = Math.max(0, Math.min(index - 200, text.length - EXCERPT_MAX));
  let to = from + EXCERPT_MAX;
  // never cut a surrogate pair in half
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from]!)) from--;
  if (to < text.length && /[\uDC00-\uDFFF]/.test(text[to]!)) to++;
  return `${from > 0 ? "…" : ""}${text.slice(from, to)}${to < text.length ? "…" : ""}`;
}

function withArticle(context: string): string {
  const c = context.trim() || "text";
  return `${/^[aeiou]/i.test(c) ? "an" : "a"} ${c}`;
}

/**
 * Free text (homework answers, routine notes, help-request messages, check-in notes): one high
 * "keyword" signal listing every phrase found, or nothing. `context` names the text in `reason`.
 */
export function evaluateText(text: string | null | undefined, config: RuleConfig, context: string): Signal[] {
  if (typeof text !== "string" || !text.trim()) return [];
  const hits = findPhrases(text, phrasesOf(config));
  if (!hits.length) return [];
  const matched = [...new Set(hits.map((h) => h.phrase))];
  return [
    {
      source: "keyword",
      concern: "keyword",
      severity: "high",
      reason: `Phrases found in ${withArticle(context)}: ${matched.join(", ")}`,
      excerpt: excerptAround(text, hits[0]!.index),
      matched,
    },
  ];
}

/** The baseline for a mood drop: the partner's check-ins of this many days before today's. */
export const MOOD_HISTORY_DAYS = 14;
/** Points below the baseline average at which a mood drop is flagged. */
export const MOOD_DROP_POINTS = 4;
/**
 * Fewer earlier check-ins than this make no baseline: with one or two days, the "average" is
 * just one ordinary good day, so a new partner's second or third check-in would flag on noise
 * and teach the therapist to ignore mood flags. Danger without a baseline is still caught by the
 * feel-safe answer, the phrases and the help button, which need no history.
 */
export const MIN_MOOD_HISTORY = 3;
/** Averages like 17.7 / 3 are not exact in floating point; "exactly 4 below" must still flag. */
const EPSILON = 1e-9;

export function evaluateCheckIn(
  input: { feelSafe: FeelSafe; mood: number; note?: string | null; appreciation?: string | null; moodHistory: number[] },
  config: RuleConfig,
): Signal[] {
  const signals: Signal[] = [];
  if (input.feelSafe === "no") {
    signals.push({
      source: "checkin_answer",
      concern: "feel_safe",
      severity: "high",
      reason: 'Check-in answer "No" to "Do you feel safe at home?"',
      excerpt: 'Check-in answer: "Do you feel safe at home?" — No',
    });
  } else if (input.feelSafe === "not_sure") {
    signals.push({
      source: "checkin_answer",
      concern: "feel_safe",
      severity: "medium",
      reason: 'Check-in answer "Not sure" to "Do you feel safe at home?"',
      excerpt: 'Check-in answer: "Do you feel safe at home?" — Not sure',
    });
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
export function evaluateHelpRequest(message?: string | null, config: RuleConfig = { phrases: [] }): Signal[] {
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
