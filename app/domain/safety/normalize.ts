/**
 * Text normalisation for the safety engine, with a map back to the original text so that every
 * matched span can be highlighted where the partner wrote it.
 *
 * The normalised text is made of tokens of letters and digits, lower-cased, accents removed
 * ("golpeó" → "golpeo"), apostrophes dropped ("didn't" → "didnt"), separated by one space; a
 * sentence boundary (. ! ? ; … or a line break) becomes "\n". Everything else (commas, quotes,
 * symbols, emoji without a meaning below) is a space. Then, token by token:
 *   • a few emoji become words (🔪 knife, 🔫 gun, 💊 pills, 🩸 blood, 🪢 rope);
 *   • algospeak and text slang become the words they stand for (unalive → kill, kms → kill
 *     myself, sewerslide → suicide, r*pe / r4pe → rape);
 *   • letters repeated three or more times collapse ("killlll" → "kill");
 *   • digits and symbols inside a word are read as letters when that gives a lethal word
 *     ("k1ll", "su1c1de", "s*icide");
 *   • misspellings of long lethal words (edit distance 1: "strangeled", "sucide", "threatned")
 *     are corrected, never onto an ordinary word that happens to be close ("stranger",
 *     "cooking", "killer" stay as they are).
 * Linear in the length of the text; no regular expression here can backtrack.
 */

export interface Normalized {
  /** tokens separated by " ", sentences by "\n" */
  text: string;
  /** for each token: where it starts in `text`, and where it came from in the original (UTF-16 units) */
  tokStart: number[];
  origStart: number[];
  origEnd: number[];
  /** the words of `text` in order (a slang token that stands for several words gives each of them) */
  words: string[];
  /** for each sentence (a line of `text`), the index in `words` of its first word */
  sentenceStarts: number[];
  /** start offsets in `text` of tokens that began with a capital letter mid-sentence (names) */
  capitalised: Set<number>;
}

const EMOJI_WORDS: Record<string, string> = {
  "🔪": "knife",
  "🗡": "knife",
  "🔫": "gun",
  "💊": "pills",
  "🩸": "blood",
  "🪢": "rope",
  "⚰": "coffin",
  "😂": "lol",
  "🤣": "lol",
  "😆": "lol",
};

/** Whole-token replacements: slang, algospeak, text abbreviations (already lower-case, no accents). */
const SLANG: Record<string, string> = {
  unalive: "kill",
  unalived: "killed",
  unaliving: "killing",
  unalives: "kills",
  kms: "kill myself",
  kys: "kill yourself",
  sewerslide: "suicide",
  sewerslided: "suicide",
  suicid: "suicide",
  seggs: "sex",
  abt: "about",
  bc: "because",
  cuz: "because",
  u: "you",
  ur: "your",
  w: "with",
  tmrw: "tomorrow",
  tonite: "tonight",
  tonigt: "tonight",
  "2nite": "tonight",
  rn: "right now",
  rite: "right",
  omw: "on my way",
  agn: "again",
  agin: "again",
  idk: "i dont know",
  ngl: "not going to lie",
  tbh: "to be honest",
  murdr: "murder",
  kil: "kill",
  kiled: "killed",
  kiling: "killing",
  murda: "murder",
  n: "and",
  nd: "and",
  thru: "through",
  wont: "wont",
  kiero: "quiero",
  qiero: "quiero",
  kero: "quiero",
  xq: "porque",
  pq: "porque",
  nite: "night",
  ppl: "people",
  hubs: "husband",
  husb: "husband",
  hubbie: "hubby",
  bfs: "bf",
  yday: "yesterday",
  od: "overdose",
  odd: "odd",
  oded: "overdosed",
  odd3d: "overdosed",
  unalivin: "killing",
  wanna: "want to",
  gonna: "going to",
  tryna: "trying to",
  finna: "going to",
  gotta: "got to",
  lemme: "let me",
  gimme: "give me",
};

/** The lethal words that digits/symbols inside a word, and single-letter typos, are corrected to. */
export const LETHAL_WORDS = [
  "kill", "killed", "killing", "kills", "suicide", "suicidal", "murder", "murdered", "murdering",
  "strangle", "strangled", "strangling", "strangles", "strangulation", "strangulated", "choke", "choked", "choking", "chokes",
  "threatened", "threatening", "threaten", "threatens", "overdose", "overdosed", "rape", "raped", "raping",
  "stabbed", "stabbing", "punched", "punching", "slapped", "slapping", "shoved", "kicked", "kicking",
  "smothered", "suffocated", "suffocate", "gun", "knife", "knives", "pistol", "weapon",
  "husband", "boyfriend", "girlfriend", "myself", "throat", "bruises", "bruised", "forced", "hitting", "beaten",
  "violent", "violence", "abused", "abusive", "frightened", "terrified", "scared", "afraid",
  "matar", "matarme", "suicidarme", "ahorco", "estrangulo", "golpeo", "golpea", "cuchillo", "pistola",
];
const LETHAL = new Set(LETHAL_WORDS);
const SLANG_MAP = new Map(Object.entries(SLANG));

/** Real words one edit away from a lethal word: never "corrected". */
const NEAR_MISS_WORDS = new Set([
  "killer", "killers", "skilled", "filled", "billed", "milled", "willed", "tilled", "hilled", "gilled", "kilned", "chilled", "spilled", "grilled", "drilled", "thrilled",
  "strange", "stranger", "strangers", "strangely", "strangler", "overdone", "stubbed", "hinting", "rapping", "cooking", "cooked", "cooker", "chokers", "choker", "stroke", "smoke", "smoked", "smoking", "cloke", "broke", "spoke", "woke",
  "threaded", "treated", "threatener", "murders", "murky", "grape", "rapes", "tape", "taped", "raced", "raked", "rated", "raved",
  "punches", "launched", "lunched", "munched", "hunched", "bunched", "ticked", "licked", "kicker", "kickin", "picked", "kicks", "kisses",
  "slipped", "slopped", "flapped", "clapped", "slapper", "shovel", "showed", "shaved", "stabbed",
  "sun", "gum", "guns", "fun", "run", "gut", "nun", "bun", "son", "knit", "knives", "knifes",
  "mysef", "husbands", "throats", "forced", "forces", "forged", "beaten", "beaker", "bruiser", "hitter", "sitting", "fitting", "kitting", "hitching",
  "violet", "violin", "abuses", "abused", "scarred", "scared", "sacred", "scarce", "afraid", "afield", "frightened", "terrified",
  "matear", "mataron", "golpeo", "golpea", "cuchilla", "pistolas",
]);

const APOSTROPHE = /['\u2018\u2019\u201B\u02BC\u02BB\u2032\uFF07`\u00B4]/u;
/** soft hyphen, zero-width space / non-joiner / joiner, word joiner, BOM, variation selectors */
const INVISIBLE_CHARS = new Set(["\u00AD", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\uFE0F", "\uFE0E"]);
const SENTENCE_END_CHARS = new Set(["\u2026", "\u2028", "\u2029", "\u0085", "\u3002", "\uFF01", "\uFF1F", "\u00A1", "\u00BF"]);
const WORD = /[\p{L}\p{N}]/u;
const COMBINING = /\p{M}/u;
/** Symbols that people type inside a word to dodge filters ("s*icide", "k!ll", "r@pe", "$uicide"). */
const IN_WORD_SYMBOL = /[*@$!#%+]/u;
const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "+": "t" };

interface RawToken {
  text: string;
  s: number;
  e: number;
  capital: boolean;
  sentenceStart: boolean;
}

/** Deletion neighbourhood of every lethal word: for the symmetric-delete edit-distance-1 test. */
const DELETES = new Map<string, string>();
for (const w of LETHAL_WORDS) {
  if (w.length < 7) continue;
  for (let i = 0; i < w.length; i++) {
    const d = w.slice(0, i) + w.slice(i + 1);
    if (!DELETES.has(d)) DELETES.set(d, w);
  }
}

/** The lethal word within one edit (insert, delete, substitute, swap) of `w`, if any. */
export function nearLethal(w: string): string | null {
  if (w.length < 6 || LETHAL.has(w) || NEAR_MISS_WORDS.has(w)) return null;
  const direct = DELETES.get(w); // w is a lethal word with one letter missing
  if (direct) return direct;
  for (let i = 0; i < w.length; i++) {
    const d = w.slice(0, i) + w.slice(i + 1);
    if (LETHAL.has(d) && d.length >= 7) return d; // one letter too many
    const hit = DELETES.get(d); // substitution or swap
    if (hit && hit.length === w.length && hit[0] === w[0]) return hit;
  }
  return null;
}

function collapseRepeats(w: string): string {
  for (let i = 2; i < w.length; i++) if (w[i] === w[i - 1] && w[i] === w[i - 2]) return w.replace(/(\p{L})\1{2,}/gu, "$1");
  return w;
}

/** What one raw token reads as (possibly several words), or itself. */
/** Dropped g: "cuttin", "hittin", "chokin" (never "checkin", "kin", "begin"…). */
const G_DROPPED = new Set([
  "cuttin", "hittin", "punchin", "chokin", "killin", "beatin", "yellin", "screamin", "walkin", "cryin", "fightin", "hurtin", "slappin",
  "kickin", "pushin", "shovin", "threatenin", "stalkin", "followin", "trackin", "stabbin", "shootin", "burnin", "bleedin", "dyin", "thinkin",
  "talkin", "goin", "comin", "sayin", "leavin", "hidin", "textin", "callin", "watchin", "grabbin", "stranglin", "drinkin", "cursin", "swearin",
]);

const PLAIN_WORD = /^[a-z]+$/;

/**
 * canonical() is pure and most notes reuse the same few thousand words: its answers are kept,
 * up to a bound (then forgotten all at once), so a word is corrected and looked up once.
 */
const CANONICAL = new Map<string, string>();
const CANONICAL_MAX = 20000;

function canonicalCached(raw: string): string {
  let w = CANONICAL.get(raw);
  if (w === undefined) {
    if (CANONICAL.size >= CANONICAL_MAX) CANONICAL.clear();
    w = canonical(raw);
    CANONICAL.set(raw, w);
  }
  return w;
}

/** The words of a replacement that stands for several ("kill myself"). */
const PARTS = new Map<string, string[]>();
function partsOf(word: string): string[] {
  let parts = PARTS.get(word);
  if (!parts) {
    if (PARTS.size >= CANONICAL_MAX) PARTS.clear();
    PARTS.set(word, (parts = word.split(" ")));
  }
  return parts;
}

function canonical(raw: string): string {
  if (G_DROPPED.has(raw)) return `${raw}g`;
  let w = SLANG_MAP.get(raw);
  if (w) return w;
  if (PLAIN_WORD.test(raw)) {
    w = collapseRepeats(raw);
    if (w !== raw && (LETHAL.has(w) || SLANG_MAP.get(w))) return SLANG_MAP.get(w) ?? w;
    return nearLethal(w) ?? w;
  }
  const bare = raw.replace(/[*@$!#%+]/g, "");
  w = SLANG_MAP.get(bare);
  if (w) return w;
  if (IN_WORD_SYMBOL.test(raw) || /\d/.test(raw)) {
    const leet = raw.replace(/[0134 57@$!+]/g, (c) => LEET[c] ?? c).replace(/[*#%]/g, "");
    if (LETHAL.has(leet) || SLANG_MAP.get(leet)) return SLANG_MAP.get(leet) ?? leet;
    const near = nearLethal(leet.replace(/[^a-z]/g, ""));
    if (near) return near;
    // "s*icide": one hidden letter
    if (raw.includes("*")) {
      for (const candidate of LETHAL_WORDS) if (candidate.length === raw.length && [...raw].every((c, i) => c === "*" || c === candidate[i])) return candidate;
    }
    return bare || raw;
  }
  w = collapseRepeats(raw);
  if (w !== raw && (LETHAL.has(w) || SLANG_MAP.get(w))) return SLANG_MAP.get(w) ?? w;
  return nearLethal(w) ?? w;
}

/** Normalises `input` (see the header); safe on any string, including lone surrogates and NUL. */
export function normalize(input: string, names?: readonly string[]): Normalized {
  const nameSet = names?.length ? new Set(names.map((x) => x.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim()).filter((x) => x.length >= 2 && !x.includes(" "))) : null;
  const raw: RawToken[] = [];
  const breaks: number[] = []; // index in raw before which a sentence ends
  let cur = "";
  let curS = -1;
  let curE = -1;
  let curCapital = false;
  let sentenceStart = true;
  const flush = () => {
    if (cur) {
      raw.push({ text: cur, s: curS, e: curE, capital: curCapital, sentenceStart });
      sentenceStart = false;
    }
    cur = "";
    curS = -1;
  };
  const len = input.length;
  for (let i = 0; i < len; i++) {
    const s = i;
    const code = input.charCodeAt(i);
    // Fast path: ASCII letters, digits, space and the usual punctuation.
    if (code < 128) {
      const at = i + 1;
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
        if (!cur) {
          curS = s;
          curCapital = false;
        }
        cur += input[i];
        curE = at;
        continue;
      }
      if (code >= 65 && code <= 90) {
        if (!cur) {
          curS = s;
          curCapital = true;
        }
        cur += String.fromCharCode(code + 32);
        curE = at;
        continue;
      }
      if (code === 39 || code === 96) {
        if (cur) curE = at;
        continue;
      }
      if (cur && (code === 42 || code === 64 || code === 36 || code === 33 || code === 35 || code === 37 || code === 43)) {
        // "s*icide", "k!ll", "r@pe": a symbol inside a word (a "!" at the end of a word is punctuation)
        const next = input.charCodeAt(at);
        if ((next >= 97 && next <= 122) || (next >= 65 && next <= 90) || (next >= 48 && next <= 57) || next === 42) {
          cur += input[i];
          curE = at;
          continue;
        }
      }
      if (!cur && (code === 36 || code === 64)) {
        const next = input.charCodeAt(at);
        if ((next >= 97 && next <= 122) || (next >= 65 && next <= 90)) {
          curS = s;
          curCapital = false;
          cur = input[i]!;
          curE = at;
          continue;
        }
      }
      if (cur) flush();
      if (code === 46 || code === 33 || code === 63 || code === 59 || code === 10 || code === 13 || code === 11 || code === 12) {
        if (breaks[breaks.length - 1] !== raw.length) breaks.push(raw.length);
        sentenceStart = true;
      }
      continue;
    }
    // Anything else: one code point (a surrogate pair counts as one; a lone surrogate is a space).
    let ch = input[i]!;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < len) {
      const low = input.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        ch = input.slice(i, i + 2);
        i++;
      }
    }
    const at = i + 1;
    if (INVISIBLE_CHARS.has(ch) || APOSTROPHE.test(ch) || COMBINING.test(ch)) {
      if (cur) curE = at;
      continue;
    }
    const emoji = EMOJI_WORDS[ch];
    if (emoji) {
      flush();
      raw.push({ text: emoji, s, e: at, capital: false, sentenceStart });
      sentenceStart = false;
      continue;
    }
    if (WORD.test(ch)) {
      if (!cur) {
        curS = s;
        curCapital = ch !== ch.toLowerCase();
      }
      cur += ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
      curE = at;
      continue;
    }
    flush();
    if (SENTENCE_END_CHARS.has(ch)) {
      if (breaks[breaks.length - 1] !== raw.length) breaks.push(raw.length);
      sentenceStart = true;
    }
  }
  flush();

  const parts: string[] = [];
  const tokStart: number[] = [];
  const origStart: number[] = [];
  const origEnd: number[] = [];
  const words: string[] = [];
  const sentenceStarts: number[] = [0];
  const capitalised = new Set<number>();
  let length = 0;
  let b = 0;
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    if (i > 0) {
      let sep = " ";
      while (b < breaks.length && breaks[b]! <= i) {
        if (breaks[b] === i) sep = "\n";
        b++;
      }
      if (sep === "\n") sentenceStarts.push(words.length);
      parts.push(sep);
      length += 1;
    }
    const word = nameSet?.has(r.text) ? "partnername" : canonicalCached(r.text);
    if (r.capital && !r.sentenceStart) capitalised.add(length);
    if (word.includes(" ")) for (const part of partsOf(word)) words.push(part);
    else words.push(word);
    tokStart.push(length);
    origStart.push(r.s);
    origEnd.push(r.e);
    parts.push(word);
    length += word.length;
  }
  return { text: parts.join(""), tokStart, origStart, origEnd, words, sentenceStarts, capitalised };
}

/** The original [start, end) of normalised [s, e): from the token holding s to the token holding e − 1. */
export function originalSpan(n: Normalized, s: number, e: number): { index: number; length: number } {
  const first = tokenAt(n, s);
  const last = tokenAt(n, Math.max(s, e - 1));
  const index = n.origStart[first] ?? 0;
  return { index, length: Math.max(0, (n.origEnd[last] ?? index) - index) };
}

function tokenAt(n: Normalized, pos: number): number {
  let lo = 0;
  let hi = n.tokStart.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (n.tokStart[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
