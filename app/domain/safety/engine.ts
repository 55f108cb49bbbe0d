/**
 * The concept engine: reads a note the way a careful couples therapist would, and says which
 * danger concepts it contains, how severe each is, and which words show it.
 *
 *  1. Normalise (normalize.ts): lower case, accents, apostrophes, emoji, slang, typos of lethal words.
 *  2. Try every rule (concepts.ts) whose anchor word occurs in the note. A match is then checked
 *     against its sentence:
 *       • sense exclusions ("choked up", "beat me at chess", "the knife slipped while chopping");
 *       • who did it — a thing ("the heat is killing me") cancels it; a third party makes it a
 *         low review; a parent, or an earlier partner long ago, makes it low "past abuse";
 *       • a sport, game, media, cooking or accident word close by makes it a low review;
 *       • scoped negation ("I'm not afraid of him") — only for states, never for an act.
 *  3. Lift to imminent: a time or presence ("tonight", "on his way", "outside") or a means at
 *     hand near a violent concept; a method, plan, means or date near the writer's suicidal thoughts.
 *  4. Monitoring after a separation is stalking (high).
 *  5. A lethal word that no rule explained, outside any idiom or domain, is a low "review".
 *  6. The practice's own phrases add findings at their own severity.
 * Pure and synchronous; the work is linear in the note's length.
 */
import {
  FAMILY_SET, IMMINENT_RE, IMMINENT_TIME_RE, LANGUAGES, MACROS, PAST_TIME_RE, RULES, SEPARATION_RE, SUICIDE_MEANS_RE,
  type Concept, type Language, type Rule,
} from "./concepts";
import { DOMAIN_WORDS, PARTNER_NOUNS, PARTNER_PRONOUNS, PAST_MARKERS, SUBJECT_SKIP, THING_SUBJECTS, THIRD_PARTIES } from "./lexicon";
import { normalize, originalSpan } from "./normalize";
import { phraseRegExp } from "./pattern";
import { requirementOf } from "./prefilter";
import { maxSeverity, severityRank, type Severity } from "./severity";

export interface Span {
  /** position and length in the ORIGINAL text (UTF-16 code units) */
  index: number;
  length: number;
}

export interface Finding {
  concept: Concept;
  severity: Severity;
  reason: string;
  spans: Span[];
  /** the rule that matched (for tests and the "try a note" box) */
  rule: string;
}

export interface PracticePhrase {
  phrase: string;
  severity: Severity;
  /** "any" (or missing): checked whatever the partner's language */
  language?: Language | "any";
}

export interface AnalyzeOptions {
  /** languages to read the note in besides English (default: every built-in language) */
  languages?: readonly Language[];
  /** first names of the couple's partners: they count as "the partner" in the patterns */
  names?: readonly string[];
  /** the practice's own phrases, added to the built-in concepts */
  phrases?: readonly PracticePhrase[];
  /** try every rule an anchor word touches, without the prefilter: the same result, slower (for tests) */
  exhaustive?: boolean;
}

export interface Analysis {
  severity: Severity | "none";
  findings: Finding[];
  /** the concepts found, most severe first */
  concerns: Concept[];
}

const SKIP = new Set(SUBJECT_SKIP);
/** Of two concepts at one severity, the more specific names the flag (strangulation over "violence"). */
const PRIORITY: Concept[] = [
  "strangulation", "weapon", "threat_to_kill", "sexual_violence", "threat_to_children_pets", "suicide", "self_harm", "partner_suicide_threat",
  "confinement", "stalking", "physical_violence", "not_safe", "fear_of_partner", "coercive_control", "monitoring", "jealousy", "verbal_abuse",
  "property_violence", "practice_phrase", "distress", "past_abuse", "review",
];
const SPANISH_HINTS = new Set([
  "que", "el", "la", "los", "las", "de", "del", "y", "mi", "mis", "con", "por", "para", "es", "esta", "estoy", "pero", "lo", "se", "un",
  "una", "muy", "ya", "cuando", "porque", "si", "como", "le", "les", "su", "sus", "al", "hoy", "ayer", "anoche", "tengo", "estaba", "nos",
  "yo", "tu", "ella", "esposo", "marido", "esposa", "pareja", "novio", "novia", "casa", "ahora", "dijo", "dice", "va", "voy", "quiero",
  "mas", "todo", "nada", "nadie", "siempre", "nunca", "otra", "vez", "hace", "fue", "son", "era", "han", "pues", "bueno", "muy", "tambien",
]);
/** Words shared by English and Spanish: they do not make a sentence Spanish. */
const SHARED_WORDS = new Set(["me", "te", "le", "lo", "la", "no", "nos", "mi", "se", "el", "a", "he", "ha", "tu", "su", "y", "o", "es", "i", "un", "de", "si", "con", "sin", "ya", "mas", "vez"]);
for (const rule of RULES) if (rule.lang === "es") for (const a of rule.anchors) if (!SHARED_WORDS.has(a)) SPANISH_HINTS.add(a);

/**
 * What the engine knows about a word, found with one look-up per word of a sentence: the rules it
 * is an anchor of (English ones, and all), whether it marks a sentence as Spanish, and the
 * prefilter clauses (prefilter.ts) it satisfies.
 */
interface WordInfo {
  en: number[];
  all: number[];
  spanish: boolean;
  clauses: number[];
}
const WORDS = new Map<string, WordInfo>();
function infoOf(w: string): WordInfo {
  let info = WORDS.get(w);
  if (!info) WORDS.set(w, (info = { en: [], all: [], spanish: false, clauses: [] }));
  return info;
}
for (const w of SPANISH_HINTS) infoOf(w).spanish = true;
/** rules without anchor words: tried on every sentence */
const UNGATED: number[] = [];
RULES.forEach((rule, i) => {
  if (!rule.anchors.length) UNGATED.push(i);
  for (const a of new Set(rule.anchors)) {
    const info = infoOf(a);
    info.all.push(i);
    if (rule.lang === "en") info.en.push(i);
  }
});

/*
 * The prefilter: per rule, the words a sentence must contain for its pattern to match at all,
 * read from the pattern the first time the rule is needed. Each word of a sentence stamps the
 * clauses it satisfies with the sentence's number; a rule is tried only if, for one of its
 * alternatives, every clause bears the stamp.
 */
const CLAUSE_ID = new Map<string, number>();
let clauseStamp = new Int32Array(512);
/** per rule: for each top-level alternative, its clause ids (null: no condition; undefined: not read yet) */
const REQUIRES: (Int32Array[] | null | undefined)[] = RULES.map(() => undefined);
let sentenceNo = 0;

function readRequirement(i: number): Int32Array[] | null {
  const req = requirementOf(RULES[i]!.template, MACROS);
  if (!req) return null;
  return req.map((clauses) =>
    Int32Array.from(clauses, (clause) => {
      const key = [...clause].sort().join(" ");
      let id = CLAUSE_ID.get(key);
      if (id === undefined) {
        id = CLAUSE_ID.size;
        CLAUSE_ID.set(key, id);
        for (const w of new Set(clause)) infoOf(w).clauses.push(id);
        if (id >= clauseStamp.length) {
          const next = new Int32Array(clauseStamp.length * 2);
          next.set(clauseStamp);
          clauseStamp = next;
        }
      }
      return id;
    }),
  );
}

/** Stamps the clauses the words of the current sentence satisfy. */
function stampClauses(words: readonly string[], from: number, to: number) {
  for (let k = from; k < to; k++) {
    const info = WORDS.get(words[k]!);
    if (info) for (const c of info.clauses) clauseStamp[c] = sentenceNo;
  }
}

/** Can rule `i` match anywhere in the current sentence (whose clauses are stamped)? */
function mayMatch(i: number, words: readonly string[], from: number, to: number): boolean {
  let req = REQUIRES[i];
  if (req === undefined) {
    const known = CLAUSE_ID.size;
    req = REQUIRES[i] = readRequirement(i);
    if (CLAUSE_ID.size !== known) stampClauses(words, from, to);
  }
  if (req === null) return true;
  for (const alt of req) {
    let all = true;
    for (let k = 0; k < alt.length; k++) {
      if (clauseStamp[alt[k]!] !== sentenceNo) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

/** Per rule, where its anchors begin in the sentence being read (reused: analyze is synchronous). */
const AT: number[][] = RULES.map(() => []);
const AT_COUNT = new Int32Array(RULES.length);
/** The rules touched by the sentence being read, in rule order once sorted. */
const TOUCHED = new Int32Array(RULES.length);
/** The look-ups of the sentence being read, word by word. */
const SENTENCE_INFO: (WordInfo | undefined)[] = [];

const PARTNERS = new Set([...PARTNER_PRONOUNS, ...PARTNER_NOUNS.filter((n) => !n.includes(" "))]);
const THINGS = new Set(THING_SUBJECTS);
const THIRD = new Set(THIRD_PARTIES);
const PRONOUNS = new Set(PARTNER_PRONOUNS);
const OTHERS_POSSESSIVE = new Set(["her", "his", "their", "su", "sus", "friends", "sisters", "brothers", "cousins", "neighbours", "neighbors", "coworkers"]);
const SPOKE = new Set(["said", "says", "told", "tells", "texted", "yelled", "screamed", "shouted", "swore", "threatened", "joked", "warned"]);
const SELF = new Set(["i", "im", "ive", "id", "i m"]);
const EX_PREFIX = new Set(["ex", "former", "first", "previous", "old", "late"]);
const DOMAIN = new Set(DOMAIN_WORDS);
const NOBODY = new Set(["nobody", "noone", "nothing", "none", "nadie", "nada", "neither", "ones"]);
/** Someone named in the clause before the match (for rules where a person must do it). */
function personBefore(pre: string): boolean {
  const toks = pre.split(" ").slice(-9);
  return toks.some((w, i) => PARTNERS.has(w) || (w === "ex") || (PARTNERS.has(toks[i + 1] ?? "") && w === "my"));
}
const FAMILY_OR_EX_RE = /(?<![^ \n])(?:primer novio|primer esposo|primer marido|exnovio|exesposo|exmarido|mi ex|papa|mama|abuelo|dad|father|mom|mum|mother|stepdad|stepfather|stepmom|stepmother|parents|uncle|grandpa|grandfather|grandmother|grandma|brother|stepbrother|papa|padre|mama|madre|padrastro|madrastra|tio|abuelo|ex|exhusband|exwife|first husband|first wife|first marriage|previous relationship|previous partner|former partner|old boyfriend|old girlfriend|an abusive relationship)(?![^ \n])/;
/** Verbal threats and "I could strangle you" said in play: both laughing, clearly marked as a joke. */
const JOKING_CONCEPTS = new Set<Concept>(["threat_to_kill", "strangulation", "weapon", "partner_suicide_threat", "stalking", "monitoring"]);
const JOKE_RE = /(?:^|[ \n])(?:(?:we|we were|both of us|we both|both) (?:[^ \n]+ ){0,2}(?:laugh|laughed|laughing|cracked up|cracking up|crying laughing|in stitches|giggling|giggled)|(?:was|were|s|is|re) (?:obviously |clearly |only |just |totally )?(?:joking|kidding)|(?:shes|hes|theyre|she s|he s|im|i m|were|we re) (?:obviously |clearly |only |just |totally )?(?:joking|kidding)|obviously joking|clearly joking|just joking|only joking|joking obviously|to be clear|just kidding|jk|our bit|running joke|family joke|inside joke|jaja\w*|es broma|era broma|de broma|bromeando|muertos de risa|screaming laughing|dying laughing|pirate voice|silly voice|funny voice|cartoon voice|villain voice|laughing (?:her|his|their) head off|in stitches)(?=$|[ \n])/;
/** A "joke" that left a mark is not a joke. */
const HARM_DONE_RE = /(?:^|[ \n])(?:until|saw spots|couldnt breathe|could not breathe|passed out|blacked out|bruise|bruises|bruised|marks|hurt me|bleeding|bled|choked me|squeezed)(?=$|[ \n])/;

/** "he has never hit me", "nobody has ever hurt me": a plain denial of an act (not "he didn't REALLY hit me"). */
const DENIAL_FILLER = new Set([
  "has", "have", "had", "ever", "once", "even", "s", "would", "will", "did", "does", "do", "is", "was", "been", "me", "or", "nor", "and", "a",
  "hand", "on", "hurt", "hurts", "hit", "hits", "threatened", "threatens", "touched", "touches", "laid", "raised", "his", "her", "their",
  "voice", "physically", "harmed", "harms", "at", "home", "in", "the", "house", "anyone", "us", "being", "getting",
  // Spanish: "nunca me ha pegado"
  "ha", "han", "habia", "nos", "la", "lo", "le",
]);
const MINIMISED_RE = /^(?:only|just|solo|nomas|apenas|nada mas) /;
function deniedAct(pre: string, sentence: string): boolean {
  const toks = pre.split(" ").filter(Boolean);
  let j = toks.length - 1;
  while (j >= 0 && DENIAL_FILLER.has(toks[j]!)) j--;
  const w = toks[j];
  const denial = w === "never" || w === "nunca" || w === "jamas" || ((w === "hasnt" || w === "havent" || w === "hadnt") && !(toks[j + 1] ?? "").startsWith("really")) || (w === "not" && ["being", "been", "getting", "ever"].includes(toks[j + 1] ?? "")) || ((w === "not" || w === "hasnt" || w === "havent" || w === "hadnt") && toks[j + 1] === "ever") || NOBODY.has(w ?? "") || (w === "one" && toks[j - 1] === "no");
  if (!denial) return false;
  for (const x of sentence.split(" ")) if (REOPENERS.has(x) || x === "only" || x === "except" || x === "really") return false;
  // "he just never hit me hard" reopens; "he has never hit me, we just bicker" does not (a later act is its own match)
  for (const x of toks) if (x === "just") return false;
  return true;
}
const CHILDHOOD_RE = new RegExp(
  `(?<![^ \\n])(?:when i was (?:a kid|little|young|a child|a teen|a teenager|growing up|small|in school|\\d+)|${PAST_MARKERS.filter((m) => !["used to", "years ago", "year ago", "long ago", "long time ago", "back then", "hace anos", "when i was"].includes(m)).join("|")})(?![^ \\n])`,
);
const LONG_AGO_RE = /(?<![^ \n])(?:years ago|year ago|used to|long ago|long time ago|back then|back in|in the past|decade ago|decades ago|a decade|in (?:19|20)\d\d|hace anos|de joven|when we were married|when i was married|before the divorce|is over|its over|it s over|been over|got out|i left him|i left her|passed away|passed years ago|in my twenties|in my teens|as a kid|as a child|growing up|cuando tenia|cuando era|hace mucho|de chica|de chico|cuando era chica|cuando era chico)(?![^ \n])/;

type Who = "partner" | "self" | "thing" | "third" | "family" | "ex" | "nobody" | "name" | "unknown" | "none";

/** Who did it: the first word before the match (skipping adverbs and auxiliaries) that names someone or something. */
function subjectOf(pre: string, offset = 0, capitalised: ReadonlySet<number> = new Set()): Who {
  const toks = pre.split(" ");
  let seen = 0;
  let at = pre.length;
  for (let i = toks.length - 1; i >= 0 && seen < 6; i--) {
    const w = toks[i]!;
    at -= w.length + (i < toks.length - 1 ? 1 : 0);
    if (!w || SKIP.has(w)) continue;
    seen++;
    const prev = toks[i - 1] ?? "";
    if (NOBODY.has(w) || (w === "one" && prev === "no")) return "nobody";
    if (w === "ex" || w === "exhusband" || w === "exwife" || (PARTNERS.has(w) && EX_PREFIX.has(prev))) return "ex";
    // "her husband pushed her", "his girlfriend hits him", "su esposo": someone else's partner
    if (PARTNERS.has(w) && !PRONOUNS.has(w) && OTHERS_POSSESSIVE.has(prev)) return "third";
    if (PARTNERS.has(w)) {
      // "my daughter said she'd kill me", "my sister told me he…": the pronoun names whoever just spoke
      if (PRONOUNS.has(w)) {
        let k = i - 1;
        if (toks[k] === "that") k--;
        if (toks[k] === "me" || toks[k] === "us") k--;
        if (SPOKE.has(toks[k] ?? "")) {
          const who = toks[k - 1] ?? "";
          if (THIRD.has(who)) return "third";
          if (FAMILY_SET.has(who)) return "family";
        }
      }
      return "partner";
    }
    if (SELF.has(w)) return "self";
    if (FAMILY_SET.has(w)) return "family";
    if (THIRD.has(w)) return "third";
    if (THINGS.has(w)) return "thing";
    return capitalised.has(offset + at) ? "name" : "unknown";
  }
  return "none";
}

const NEGATORS = new Set(["not", "never", "no", "dont", "didnt", "doesnt", "isnt", "wasnt", "arent", "werent", "wont", "havent", "hasnt", "hadnt", "aint", "nunca", "jamas", "ni", "denies", "deny", "denied", "nothing", "nobody", "neither"]);
const LINKING = new Set(["thoughts", "thought", "urge", "urges", "plans", "plan", "intention", "intent", "desire", "of", "to", "am", "be", "been", "being", "is", "was", "were", "are", "feel", "feels", "feeling", "felt", "get", "gets", "getting", "got", "even", "at", "all", "a", "bit", "any", "the", "least", "ever", "have", "had", "having", "im", "i", "really", "actually", "currently", "remotely", "in", "way", "le", "me", "lo", "tengo", "siento", "estoy"]);
const PLAIN_PREFIX = new Set([
  "i", "im", "ive", "id", "am", "have", "has", "had", "was", "were", "is", "are", "be", "been", "he", "hes", "she", "shes", "we", "they",
  "theyre", "you", "honestly", "truly", "definitely", "totally", "absolutely", "really", "just", "also", "still", "and", "so", "ok", "okay",
  "yes", "well", "actually", "anyway", "personally", "would", "will", "could", "ill", "to", "be", "clear", "for", "the", "record", "no", "yo",
  "y", "pero", "que", "currently", "right", "now", "thankfully", "luckily", "fortunately",
]);
const REOPENERS = new Set([
  "but", "until", "till", "before", "again", "today", "tonight", "tomorrow", "yesterday", "last", "when", "whenever", "if", "unless",
  "except", "though", "although", "however", "yet", "sometimes", "lately", "pero", "hasta", "cuando", "aunque", "sino", "anoche", "ayer", "hoy",
]);

/** "I'm not afraid of him", "no suicidal thoughts": a plain negation right before, with no word in the sentence reopening it. */
const QUESTION_RE = /(?:^| )(?:asked|asks|ask|asking|wondered|wonders|questionnaire|screening|the question)(?: [^ \n]+){0,3} (?:if|whether|about)(?= |$)/;
function isNegated(pre: string, sentence: string): boolean {
  if (QUESTION_RE.test(pre)) return true; // "she asked if I'd ever felt unsafe": a question, not a statement
  const toks = pre.split(" ").filter(Boolean);
  let j = toks.length - 1;
  let linking = 0;
  let neg = -1;
  for (; j >= 0; j--) {
    const w = toks[j]!;
    if (w === "longer" && toks[j - 1] === "no") {
      neg = j - 1;
      break;
    }
    if (NEGATORS.has(w)) {
      neg = j;
      break;
    }
    if (!LINKING.has(w) || ++linking > 4) return false;
  }
  if (neg < 0) return false;
  for (let k = 0; k < neg; k++) if (!PLAIN_PREFIX.has(toks[k]!)) return false;
  for (const w of sentence.split(" ")) if (REOPENERS.has(w)) return false;
  return true;
}

function nearDomain(t: string, s: number, e: number, ss: number, se: number): boolean {
  const before = t.slice(ss, s).split(" ").slice(-6);
  const after = t.slice(e, se).split(" ").slice(0, 7);
  // "baseball bat" is a weapon, not a game of baseball
  const sporty = (words: string[], i: number) => DOMAIN.has(words[i]!) && !(words[i + 1] === "bat" || words[i + 1] === "bats");
  for (let i = 0; i < before.length; i++) if (sporty(before, i)) return true;
  for (let i = 0; i < after.length; i++) if (sporty(after, i)) return true;
  return false;
}

/**
 * How far context is read around a match. A "sentence" of 100 kB (no punctuation) is read only
 * this far on each side, so checking a match never costs more than a bounded slice.
 */
const CONTEXT = 400;
/** Evidence enough: past this many findings of one concept in a note, more add nothing. */
const MAX_PER_CONCEPT = 12;

/** The sentence around [s, e), at most CONTEXT characters either side. */
function sentenceAt(t: string, s: number, e: number): [number, number] {
  const lo = Math.max(0, s - CONTEXT);
  const back = t.slice(lo, s).lastIndexOf("\n");
  const fwd = t.slice(e, e + CONTEXT).indexOf("\n");
  return [back < 0 ? lo : lo + back + 1, fwd < 0 ? Math.min(t.length, e + CONTEXT) : e + fwd];
}

/** The sentence before, this one and the one after, as [start, end) (each at most CONTEXT long). */
function windowAt(t: string, ss: number, se: number, reach = 1): [number, number] {
  let ws = ss;
  let we = se;
  for (let i = 0; i < reach && ws > 0; i++) {
    const lo = Math.max(0, ws - 1 - CONTEXT);
    const back = t.slice(lo, ws - 1).lastIndexOf("\n");
    ws = back < 0 ? lo : lo + back + 1;
  }
  for (let i = 0; i < reach && we < t.length; i++) {
    const fwd = t.slice(we + 1, we + 1 + CONTEXT).indexOf("\n");
    we = fwd < 0 ? Math.min(t.length, we + 1 + CONTEXT) : we + 1 + fwd;
  }
  return [ws, we];
}

function test(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}

/** Is there a time, presence or means word in [ws, we) whose sentence is not about the past? */
function imminentCue(t: string, ws: number, we: number): boolean {
  const w = t.slice(ws, we);
  if (test(IMMINENT_TIME_RE, w)) return true;
  IMMINENT_RE.lastIndex = 0;
  for (const m of w.matchAll(IMMINENT_RE)) {
    const [cs, ce] = sentenceAt(w, m.index, m.index + m[0].length);
    if (!test(PAST_TIME_RE, w.slice(cs, ce))) return true;
  }
  return false;
}

const AMBIGUOUS = new Set([
  "kill", "kills", "killed", "killing", "murder", "murdered", "murdering", "murders", "gun", "guns", "knife", "knives", "weapon", "weapons",
  "choke", "choked", "choking", "strangle", "strangled", "strangling", "stab", "stabbed", "stabbing", "rape", "raped", "suicide", "suicidal",
  "shoot", "pistol", "rifle", "shotgun", "abuse", "abused", "abusive", "violent", "violence", "beat up", "overdose", "matar", "mata", "mato",
  "pistola", "cuchillo", "arma", "suicidio", "golpes", "violencia",
]);
/** Words that, written alone as the whole note, are worth a look (a means, a push, blood). */
const CHARGED_ALONE = new Set([
  "pills", "rope", "noose", "razor", "blades", "pushed", "shoved", "hit", "choked", "blood", "bruises", "bruised", "hurt", "gun", "knife",
  "pastillas", "cuerda", "soga", "sangre", "golpes", "moretones",
]);
const SHORT_NOTE_WORDS = 3;
const IDIOM_AFTER = /^ (?:it|time|two birds|the mood|the lights|the engine|the vibe|the music|the conversation|the buzz|the battery|my vibe|the plants?|the weeds|weeds|the bugs?|bugs|the spiders?|a spider|a bug|the mosquito|a mosquito|the fly|a fly|germs|bacteria|the ants|ants|for (?:a|some)|up|on (?:a|my|his|her|the|some)|the game|the presentation|the interview|the exam|the test|el tiempo|de risa|las ganas|the idea|joy|the fun|off the|the chance)\b/;
const IDIOM_BEFORE = /(?:^|[ \n])(?:dressed to|killer|kill or be|serial|murder mystery|murder mysteries|true crime|toy|water|nerf|glue|nail|staple|heat|squirt|butter|bread|chef|chefs|kitchen|steak|pocket|swiss army|pizza|paring|carving|jump the|top|smoking|son of a|no|elder|substance|alcohol|drug|child|animal|power)\s$/;

export function analyze(text: string | null | undefined, options: AnalyzeOptions = {}): Analysis {
  if (typeof text !== "string" || !text.trim()) return { severity: "none", findings: [], concerns: [] };
  const n = normalize(text, options.names);
  const t = n.text;
  const languages = new Set<Language>(["en", ...(options.languages ?? LANGUAGES)]);
  const findings: (Finding & { s: number; e: number; imminent: boolean })[] = [];
  const spanish = languages.has("es");
  const perConcept = new Map<Concept, number>();
  /** matches an idiom or a sense exclusion explained away: their words are not left for review */
  const explained: [number, number][] = [];

  // Each sentence is read only by the rules one of whose anchor words it contains.
  const exhaustive = options.exhaustive === true;
  const allWords = n.words;
  const starts = n.sentenceStarts;
  for (let j = 0, start = 0; j < starts.length; j++) {
    const nl = t.indexOf("\n", start);
    const end = nl < 0 ? t.length : nl;
    const sentence = t.slice(start, end);
    const from = starts[j]!;
    const to = j + 1 < starts.length ? starts[j + 1]! : allWords.length;
    // One look-up per word: anchors, Spanish hints, prefilter clauses.
    sentenceNo++;
    let looksSpanish = false;
    for (let k = from; k < to; k++) {
      const info = WORDS.get(allWords[k]!);
      SENTENCE_INFO[k - from] = info;
      if (!info) continue;
      // Spanish patterns read a sentence only when it has a Spanish word (not one shared with English).
      if (info.spanish) looksSpanish = spanish;
      for (const c of info.clauses) clauseStamp[c] = sentenceNo;
    }
    // rule → where its anchor words begin in this sentence
    let touched = 0;
    for (const i of UNGATED) TOUCHED[touched++] = i;
    for (let k = from, pos = 0; k < to; pos += allWords[k]!.length + 1, k++) {
      const info = SENTENCE_INFO[k - from];
      if (!info) continue;
      for (const i of looksSpanish ? info.all : info.en) {
        if (AT_COUNT[i] === 0) TOUCHED[touched++] = i;
        AT[i]![AT_COUNT[i]!++] = pos;
      }
    }
    // in rule order (insertion sort: a sentence touches a few dozen rules)
    for (let r = 1; r < touched; r++) {
      const x = TOUCHED[r]!;
      let q = r - 1;
      for (; q >= 0 && TOUCHED[q]! > x; q--) TOUCHED[q + 1] = TOUCHED[q]!;
      TOUCHED[q + 1] = x;
    }
    for (let r = 0; r < touched; r++) {
      const i = TOUCHED[r]!;
      const rule = RULES[i]!;
      const count = AT_COUNT[i]!;
      AT_COUNT[i] = 0;
      if (!languages.has(rule.lang) || (!exhaustive && !mayMatch(i, allWords, from, to))) continue;
      const positions = AT[i]!;
      const hits: [number, number][] = [];
      if (rule.sticky) {
        let after = -1;
        for (let q = 0; q < count; q++) {
          const pos = positions[q]!;
          if (pos < after) continue;
          rule.sticky.lastIndex = pos;
          const m = rule.sticky.exec(sentence);
          if (m && m[0].length) {
            hits.push([pos, pos + m[0].length]);
            after = pos + m[0].length;
          }
        }
      } else {
        rule.re.lastIndex = 0;
        for (const m of sentence.matchAll(rule.re)) if (m[0].length) hits.push([m.index, m.index + m[0].length]);
      }
      for (const [ms, me] of hits) {
        const s = start + ms;
        const e = start + me;
        if ((perConcept.get(rule.concept) ?? 0) >= MAX_PER_CONCEPT) break;
        const finding = judge(rule, t, s, e, n.capitalised);
        if (finding === EXPLAINED) {
          explained.push([s, e]);
          continue;
        }
        if (finding) perConcept.set(rule.concept, (perConcept.get(rule.concept) ?? 0) + 1);
        if (finding) findings.push({ ...finding, spans: [originalSpan(n, s, e)], rule: rule.id, s, e, imminent: Boolean(rule.imminent) });
      }
    }
    start = end + 1;
  }

  // Imminence, the suicide ladder, stalking after separation.
  const separated = test(SEPARATION_RE, t);
  for (const f of findings) {
    const [ss, se] = sentenceAt(t, f.s, f.e);
    if (f.concept === "suicide" && severityRank(f.severity) >= 1 && f.severity !== "imminent") {
      const [ws, we] = windowAt(t, ss, se, 2);
      if (test(SUICIDE_MEANS_RE, t.slice(ws, we))) {
        const next: Severity = f.severity === "high" ? "imminent" : "high";
        f.reason += next === "imminent" ? " — with a method, means, plan or time named (C-SSRS 3–5)" : " — with a means named";
        f.severity = next;
      }
    }
    if (f.concept === "monitoring" && separated) {
      f.concept = "stalking";
      f.severity = "high";
      f.reason = "Monitoring or following after a separation (stalking)";
      f.imminent = true;
    } else if (f.concept === "stalking" && !separated && !/stalk/.test(t.slice(f.s, f.e))) {
      f.concept = "monitoring";
      f.severity = "medium";
      f.reason = "Following or watching the writer";
    }
    if (f.imminent && severityRank(f.severity) >= 1 && f.severity !== "imminent") {
      const [ws, we] = windowAt(t, ss, se, 1);
      if (imminentCue(t, ws, we)) {
        f.severity = "imminent";
        f.reason += " — happening now, or with a time or a means at hand";
      }
    }
  }

  // A lethal word no rule explained: a low review, unless it is an idiom or in a sport/game/media/cooking sentence.
  const covered = (s: number, e: number) => findings.some((f) => f.s <= s && e <= f.e) || explained.some(([xs, xe]) => xs <= s && e <= xe);
  let reviewed = findings.some((f) => f.concept === "review");
  const words = n.words;
  for (let k = 0, s = 0; k < words.length && !reviewed; s += words[k]!.length + 1, k++) {
    const e = s + words[k]!.length;
    if (!AMBIGUOUS.has(words[k]!) || covered(s, e)) continue;
    const [ss, se] = sentenceAt(t, s, e);
    if (/(?:^|[ \n])(?:not|never|no|isnt|wasnt|arent|dont|didnt|nobody|neither)(?: [^ \n]+){0,2} $/.test(t.slice(Math.max(ss, s - 30), s))) continue;
    if (nearDomain(t, s, e, ss, se) || IDIOM_AFTER.test(t.slice(e, se)) || IDIOM_BEFORE.test(t.slice(Math.max(ss, s - 24), s))) continue;
    findings.push({ concept: "review", severity: "low", reason: "An ambiguous word with no actor or victim, for review", spans: [originalSpan(n, s, e)], rule: "review", s, e, imminent: false });
    reviewed = true;
  }

  // A note that is nothing but a charged word or two ("pills", "rope", "pushed."): a low review.
  if (!findings.length && words.length <= SHORT_NOTE_WORDS) {
    for (let k = 0, s = 0; k < words.length; s += words[k]!.length + 1, k++) {
      if (!CHARGED_ALONE.has(words[k]!)) continue;
      const e = s + words[k]!.length;
      findings.push({ concept: "review", severity: "low", reason: "A charged word written on its own, for review", spans: [originalSpan(n, s, e)], rule: "review-alone", s, e, imminent: false });
      break;
    }
  }

  // The practice's own phrases.
  for (const p of options.phrases ?? []) {
    if (p.language && p.language !== "any" && !languages.has(p.language)) continue;
    const norm = normalize(p.phrase).text.replace(/\n/g, " ").trim();
    if (!norm) continue;
    for (const m of t.matchAll(phraseRegExp(norm))) {
      findings.push({ concept: "practice_phrase", severity: p.severity, reason: `The practice's phrase "${p.phrase.trim()}"`, spans: [originalSpan(n, m.index, m.index + m[0].length)], rule: "practice", s: m.index, e: m.index + m[0].length, imminent: false });
    }
  }

  findings.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || PRIORITY.indexOf(a.concept) - PRIORITY.indexOf(b.concept) || a.s - b.s);
  let severity: Severity | "none" = "none";
  for (const f of findings) severity = severity === "none" ? f.severity : maxSeverity(severity, f.severity);
  const concerns = [...new Set(findings.map((f) => f.concept))];
  return { severity, findings: findings.map(({ concept, severity: sv, reason, spans, rule }) => ({ concept, severity: sv, reason, spans, rule })), concerns };
}

type Judged = Omit<Finding, "spans" | "rule">;
/** A match recognised as an idiom or another sense ("the heat is killing me"): no finding, and no review either. */
const EXPLAINED = Symbol("explained");

/** A match checked against its sentence: kept as is, lowered, or dropped (null). */
function judge(rule: Rule, t: string, s: number, e: number, capitalised: ReadonlySet<number>): Judged | null | typeof EXPLAINED {
  const [ss, se] = sentenceAt(t, s, e);
  const sentence = t.slice(ss, se);
  const pre = t.slice(ss, s);
  const post = t.slice(e, se);
  // Cheapest and most often decisive first: the required context, then the exclusions.
  if (rule.contextRe && !rule.contextRe.test(sentence)) {
    const [ws, we] = windowAt(t, ss, se, 2);
    if (!rule.contextRe.test(t.slice(ws, ss)) && !rule.contextRe.test(t.slice(se, we))) return null;
  }
  if (rule.beforeRe) {
    const [ws] = windowAt(t, ss, se, 1);
    if (!rule.beforeRe.test(t.slice(ws, s))) return null;
  }
  if (rule.afterRe && rule.afterRe.test(post)) return EXPLAINED;
  if (rule.unlessRe && rule.unlessRe.test(sentence)) return EXPLAINED;
  if (rule.negatable && isNegated(pre, sentence)) return null;
  if (JOKING_CONCEPTS.has(rule.concept)) {
    const w = t.slice(...windowAt(t, ss, se, 1));
    if (JOKE_RE.test(w) && !HARM_DONE_RE.test(w)) return EXPLAINED;
  }
  const violent = rule.severity === "high" || rule.severity === "imminent";
  const review = (reason: string): Judged => ({ concept: "review", severity: "low", reason });
  const past = (reason: string): Judged => ({ concept: "past_abuse", severity: "low", reason });
  // "no fue nada, solo una cachetada": a minimised act is asserted, whatever denial comes before it
  if (violent && !rule.negatable && !MINIMISED_RE.test(t.slice(s, e)) && deniedAct(pre, sentence)) return null;
  if (rule.subject || rule.person) {
    const who = subjectOf(pre, ss, capitalised);
    const reported = rule.concept === "threat_to_kill" || rule.concept === "threat_to_children_pets" || rule.concept === "coercive_control";
    if (who === "thing") return EXPLAINED;
    if (who === "nobody" || (who === "self" && !reported)) return null;
    if (rule.person && who !== "partner" && who !== "ex" && who !== "name" && !personBefore(pre)) return null;
    if (who === "third") return violent ? review(`${rule.reason}, by someone other than the partner`) : null;
    if (who === "family") return past(`${rule.reason}, by a parent or relative`);
    if (who === "ex" && LONG_AGO_RE.test(sentence)) return past(`${rule.reason}, by an earlier partner, in the past`);
  }
  if (violent && CHILDHOOD_RE.test(sentence)) return past(`${rule.reason}, in childhood or an earlier relationship`);
  if (violent && LONG_AGO_RE.test(sentence) && FAMILY_OR_EX_RE.test(sentence)) return past(`${rule.reason}, by a parent or an earlier partner, in the past`);
  if (rule.domain && nearDomain(t, s, e, ss, se)) return violent ? review(`${rule.reason}? (sport, game, media or cooking words nearby)`) : null;
  return { concept: rule.concept, severity: rule.severity, reason: rule.reason };
}
