/**
 * A cheap, exact prefilter for the compiled patterns: which whole words a sentence must contain
 * for a pattern to match anywhere in it.
 *
 * The normalised text is tokens separated by " " (sentences by "\n"). A pattern compiled by
 * pattern.ts is read here as a regular expression, and every stretch of it that can only match a
 * finite set of literal strings ("he ", "my husband ", "hit me") gives a clause: one word from each
 * string, which is a whole token wherever the stretch matches (a space or a token boundary on both
 * sides). A match of the pattern then contains at least one word of every clause of one of its
 * top-level alternatives. The analysis is conservative: anything it cannot read (classes, gaps,
 * lookarounds, unbounded repeats) adds no clause, so a rule is skipped only when it cannot match —
 * the results are the same as without the prefilter, only faster.
 */

/** One clause: at least one of these words occurs in the sentence. */
export type Clause = readonly string[];
/** For each top-level alternative of a pattern, the clauses all of which must hold ([] = no condition). */
export type Requirement = readonly (readonly Clause[])[];

type Node = (
  | { t: "char"; c: string }
  | { t: "lit"; s: string }
  | { t: "words"; words: Set<string> }
  | { t: "any" }
  | { t: "zero" }
  | { t: "boundaryBefore" }
  | { t: "boundaryAfter" }
  | { t: "seq"; items: Node[] }
  | { t: "alt"; alts: Node[] }
  | { t: "rep"; body: Node; min: number; max: number }
) & { p?: Props };

/** The biggest finite language kept for a stretch; beyond it the stretch is split in two. */
const CAP = 512;

/** Word lists ({NAME} in a template), read once each. */
const LISTS = new Map<string, Node>();

/**
 * The tokens of a pattern, in one pass of a native regular expression: the token boundary
 * assertions, group openings, ")", "|", classes, escapes, word lists, quantifiers, runs of
 * literal characters, and any other single character.
 */
const TOKEN = /\(\?<!\[\^ \\n\]\)|\(\?!\[\^ \\n\]\)|\(\?(?::|=|!|<=|<!|<[A-Za-z]\w*>)?|\)|\||\[\^?\]?(?:\\.|[^\]\\])*\]|\\[pPu]\{[^}]*\}|\\.|\{!?[A-Z_]+\}|\{\d+(?:,\d*)?\}\??|[?*+]\??|[^\\()[\]{}|?*+.^$]+|[^]/g;
const QUANTIFIER = /^(?:[?*+]|\{\d)/;

class Parser {
  private i = 0;
  private readonly tokens: string[];
  constructor(
    source: string,
    private readonly macros: Readonly<Record<string, readonly string[]>> = {},
  ) {
    this.tokens = source.match(TOKEN) ?? [];
  }

  parse(): Node {
    const n = this.alt();
    if (this.i !== this.tokens.length) throw new Error(`prefilter: unexpected ")" at token ${this.i}`);
    return n;
  }

  private alt(): Node {
    const alts = [this.seq()];
    while (this.tokens[this.i] === "|") {
      this.i++;
      alts.push(this.seq());
    }
    return alts.length === 1 ? alts[0]! : { t: "alt", alts };
  }

  private seq(): Node {
    const items: Node[] = [];
    const toks = this.tokens;
    for (let tok = toks[this.i]; tok !== undefined && tok !== "|" && tok !== ")"; tok = toks[this.i]) {
      this.i++;
      const next = toks[this.i];
      if (next !== undefined && QUANTIFIER.test(next) && tok.length > 1 && isLiteral(tok)) {
        // "kills?": the quantifier binds to the last character only
        items.push({ t: "lit", s: tok.slice(0, -1) });
        items.push(this.quantified({ t: "char", c: tok[tok.length - 1]! }));
      } else items.push(this.quantified(this.atom(tok)));
    }
    return { t: "seq", items };
  }

  private quantified(atom: Node): Node {
    for (let tok = this.tokens[this.i]; tok !== undefined && QUANTIFIER.test(tok); tok = this.tokens[this.i]) {
      this.i++;
      const c = tok[0];
      let min = 0;
      let max = 1;
      if (c === "*") max = Infinity;
      else if (c === "+") [min, max] = [1, Infinity];
      else if (c === "{") {
        const m = /^\{(\d+)(,?)(\d*)\}/.exec(tok)!;
        min = Number(m[1]);
        max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      }
      atom = { t: "rep", body: atom, min, max };
    }
    return atom;
  }

  private atom(tok: string): Node {
    const c = tok[0]!;
    if (c === "(") {
      if (tok === "(?<![^ \\n])") return { t: "boundaryBefore" };
      if (tok === "(?![^ \\n])") return { t: "boundaryAfter" };
      const look = tok === "(?=" || tok === "(?!" || tok === "(?<=" || tok === "(?<!";
      const body = this.alt();
      if (this.tokens[this.i] !== ")") throw new Error("prefilter: missing \")\"");
      this.i++;
      return look ? { t: "zero" } : body;
    }
    if (c === "{" && tok.length > 2 && tok[1] !== "," && !(tok[1]! >= "0" && tok[1]! <= "9")) {
      const name = tok.slice(tok[1] === "!" ? 2 : 1, -1);
      const words = this.macros[name];
      if (!words) throw new Error(`prefilter: unknown word list {${name}}`);
      let list = LISTS.get(name);
      if (!list) LISTS.set(name, (list = { t: "words", words: new Set(words) }));
      return list;
    }
    if (c === "[") return { t: "any" };
    if (c === "\\") {
      const e = tok[1]!;
      if (e === "b" || e === "B") return { t: "zero" };
      if (e === "n") return { t: "char", c: "\n" };
      if ("dDwWsSpPu".includes(e) || (e >= "1" && e <= "9")) return { t: "any" };
      return { t: "char", c: e };
    }
    if (tok === "^" || tok === "$") return { t: "zero" };
    if (tok === ".") return { t: "any" };
    if (tok === ")" || tok === "|") throw new Error("prefilter: unexpected token");
    return tok.length === 1 ? { t: "char", c: tok } : { t: "lit", s: tok };
  }
}

function isLiteral(tok: string): boolean {
  return !/[\\()[\]{}|?*+.^$]/.test(tok);
}

interface Props {
  /** every string it can match (perhaps repeated), if there are few enough */
  lang: readonly string[] | null;
  nullable: boolean;
  /** it can match a non-empty string */
  nonEmpty: boolean;
  /** every non-empty string it matches starts (ends) with a space or a line break */
  startsSpace: boolean;
  endsSpace: boolean;
  /** the clause of `lang`, by what is known on each side (read once) */
  clauses?: (Clause[] | undefined)[];
}

const isSpace = (c: string | undefined) => c === " " || c === "\n";

function product(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length * b.length > CAP) return null;
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return out;
}

const EMPTY: Props = { lang: [""], nullable: true, nonEmpty: false, startsSpace: true, endsSpace: true };
const ANY: Props = { lang: null, nullable: false, nonEmpty: true, startsSpace: false, endsSpace: false };
function props(n: Node): Props {
  if (n.p) return n.p;
  let p: Props;
  switch (n.t) {
    case "char":
      p = { lang: [n.c], nullable: false, nonEmpty: true, startsSpace: isSpace(n.c), endsSpace: isSpace(n.c) };
      break;
    case "words": {
      const ws = [...n.words];
      p = { lang: ws, nullable: n.words.has(""), nonEmpty: ws.some(Boolean), startsSpace: ws.every((w) => !w || isSpace(w[0])), endsSpace: ws.every((w) => !w || isSpace(w[w.length - 1])) };
      break;
    }
    case "lit":
      p = { lang: [n.s], nullable: false, nonEmpty: true, startsSpace: isSpace(n.s[0]), endsSpace: isSpace(n.s[n.s.length - 1]) };
      break;
    case "any":
      p = ANY;
      break;
    case "zero":
    case "boundaryBefore":
    case "boundaryAfter":
      p = EMPTY;
      break;
    case "seq": {
      if (n.items.length === 1) {
        p = props(n.items[0]!);
        break;
      }
      const ps = n.items.map(props);
      let lang: readonly string[] | null = EMPTY.lang;
      for (const q of ps) lang = lang && q.lang ? product(lang, q.lang) : null;
      const edge = (list: Props[], key: "startsSpace" | "endsSpace") => {
        for (const q of list) {
          if (q.nonEmpty && !q[key]) return false;
          if (!q.nullable) return true;
        }
        return true;
      };
      p = {
        lang,
        nullable: ps.every((q) => q.nullable),
        nonEmpty: ps.some((q) => q.nonEmpty),
        startsSpace: edge(ps, "startsSpace"),
        endsSpace: edge([...ps].reverse(), "endsSpace"),
      };
      break;
    }
    case "alt": {
      const ps = n.alts.map(props);
      let lang: string[] | null = [];
      for (const q of ps) {
        if (!lang || !q.lang || lang.length + q.lang.length > CAP) lang = null;
        else for (const x of q.lang) lang.push(x);
      }
      p = {
        lang,
        nullable: ps.some((q) => q.nullable),
        nonEmpty: ps.some((q) => q.nonEmpty),
        startsSpace: ps.every((q) => !q.nonEmpty || q.startsSpace),
        endsSpace: ps.every((q) => !q.nonEmpty || q.endsSpace),
      };
      break;
    }
    case "rep": {
      const b = props(n.body);
      let lang: string[] | null = null;
      if (b.lang && Number.isFinite(n.max)) {
        lang = [];
        let power: readonly string[] | null = EMPTY.lang;
        for (let k = 0; k <= n.max && lang; k++) {
          if (k >= n.min) {
            if (lang.length + power!.length > CAP) lang = null;
            else for (const x of power!) lang.push(x);
          }
          if (k < n.max) {
            power = product(power!, b.lang);
            if (!power) lang = null;
          }
        }
      }
      p = { lang, nullable: n.min === 0 || b.nullable, nonEmpty: n.max > 0 && b.nonEmpty, startsSpace: b.startsSpace, endsSpace: b.endsSpace };
      break;
    }
  }
  n.p = p;
  return p;
}

/** Words found in almost every sentence: a clause names one only when nothing better is whole. */
const COMMON = new Set([
  "i", "me", "my", "you", "he", "she", "it", "we", "they", "him", "her", "his", "them", "us", "the", "a", "an", "and", "or", "but", "to",
  "of", "in", "on", "at", "for", "with", "is", "was", "be", "been", "are", "were", "have", "has", "had", "do", "did", "not", "no", "so",
  "that", "this", "if", "when", "just", "im", "its", "de", "la", "el", "que", "en", "y", "lo", "los", "las", "un", "una", "mi", "se",
  "por", "con", "es", "su", "al", "del", "le", "me", "ya",
]);

/** How much a word narrows the sentences a clause lets through. */
function worth(w: string): number {
  return w ? (COMMON.has(w) ? 0 : 100) + w.length : -1;
}

/** The words of `s` that are whole tokens wherever `s` matches (given what is known on each side). */
function wholeWords(s: string, leftBounded: boolean, rightBounded: boolean): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    let to = from;
    while (to < s.length && s[to] !== " " && s[to] !== "\n") to++;
    if (to > from && (from > 0 || leftBounded) && (to < s.length || rightBounded)) out.push(s.slice(from, to));
    if (to >= s.length) return out;
    from = to + 1;
  }
}

/**
 * The clauses of a finite stretch: one word from each string it can match (the most telling), or
 * none if a string has no whole word. A stretch that matches one string only gives each of its words.
 */
function clauseOf(lang: readonly string[], leftBounded: boolean, rightBounded: boolean, cache?: (Clause[] | undefined)[]): Clause[] {
  const slot = (leftBounded ? 2 : 0) + (rightBounded ? 1 : 0);
  const known = cache?.[slot];
  if (known !== undefined) return known;
  let out: Clause[] = [];
  if (lang.length === 1 || lang.every((x) => x === lang[0])) {
    out = [...new Set(wholeWords(lang[0]!, leftBounded, rightBounded))].map((w) => [w]);
  } else {
    const words = new Set<string>();
    for (const s of lang) {
      let best = "";
      for (const w of wholeWords(s, leftBounded, rightBounded)) if (worth(w) > worth(best)) best = w;
      if (!best) {
        words.clear();
        break;
      }
      words.add(best);
    }
    if (words.size) out = [[...words]];
  }
  if (cache) cache[slot] = out;
  return out;
}

/** Of several clauses, the one most likely to fail on an ordinary sentence. */
function best(clauses: readonly Clause[]): Clause | null {
  let out: Clause | null = null;
  for (const c of clauses) if (!out || score(c) < score(out)) out = c;
  return out;
}

/** Lower is more telling: few words, none of them common. */
function score(c: Clause): number {
  return (c.some((w) => COMMON.has(w)) ? 1e6 : 0) + c.length;
}

/** Clauses every match of `n` satisfies, given whether the characters just before and after it are boundaries. */
function clauses(n: Node, left: boolean, right: boolean): Clause[] {
  const p = props(n);
  if (p.lang) {
    if (p.nullable) return [];
    return clauseOf(p.lang, left, right, (p.clauses ??= []));
  }
  switch (n.t) {
    case "alt": {
      // (A ∧ …) ∨ (B ∧ …) implies (a ∨ b) for any clause a of A and b of B
      const words = new Set<string>();
      for (const a of n.alts) {
        const c = best(clauses(a, left, right));
        if (!c) return [];
        for (const w of c) words.add(w);
      }
      return [[...words]];
    }
    case "rep":
      return n.min >= 1 && n.max === 1 ? clauses(n.body, left, right) : n.min >= 1 ? clauses(n.body, left, false) : [];
    case "seq":
      return seqClauses(n.items, left, right);
    default:
      return [];
  }
}

function seqClauses(items: Node[], left: boolean, right: boolean): Clause[] {
  const ps = items.map(props);
  const k = items.length;
  // L[i]: the character before item i is a boundary; R[i]: the one after it is.
  const L: boolean[] = new Array<boolean>(k + 1);
  const R: boolean[] = new Array<boolean>(k + 1);
  L[0] = left;
  for (let i = 0; i < k; i++) {
    const q = ps[i]!;
    L[i + 1] = items[i]!.t === "boundaryBefore" ? true : q.nonEmpty ? q.endsSpace && (!q.nullable || L[i]!) : L[i]!;
  }
  R[k - 1] = right;
  for (let i = k - 1; i > 0; i--) {
    const q = ps[i]!;
    R[i - 1] = items[i]!.t === "boundaryAfter" ? true : q.nonEmpty ? q.startsSpace && (!q.nullable || R[i]!) : R[i]!;
  }
  const out: Clause[] = [];
  // Runs of finite items make finite stretches; any other item contributes its own clauses.
  for (let i = 0; i < k; ) {
    if (!ps[i]!.lang) {
      out.push(...clauses(items[i]!, L[i]!, R[i]!));
      i++;
      continue;
    }
    // A word can span two items only where the character between them is not known to be a boundary.
    let lang: readonly string[] = ps[i]!.lang!;
    let j = i + 1;
    for (; j < k && ps[j]!.lang && !R[j - 1]; j++) {
      const next = product(lang, ps[j]!.lang!);
      if (!next) break;
      lang = next;
    }
    if (!lang.includes("")) {
      out.push(...clauseOf(lang, L[i]!, R[j - 1]!));
    }
    i = j;
  }
  return out;
}

/**
 * The requirement of a pattern template (pattern.ts: {NAME} word lists, @(…) anchors, ~N gaps, the
 * rest a regular expression), compiled as "(?<![^ \n])(?:template)(?![^ \n])": per top-level
 * alternative, the clauses a sentence must satisfy. `null`: no condition could be read.
 */
export function requirementOf(template: string, macros: Readonly<Record<string, readonly string[]>> = {}): Requirement | null {
  const source = template.replace(/@\(/g, "(?:").replace(/~(\d)/g, (_m, n: string) => `(?:[^ \\n]+ ){0,${n}}`);
  const root = new Parser(source, macros).parse();
  const alts = root.t === "alt" ? root.alts : [root];
  // One enclosing group: its alternatives are the top-level ones.
  const only = alts.length === 1 && alts[0]!.t === "seq" && alts[0]!.items.length === 1 ? alts[0]!.items[0]! : null;
  const top = only && only.t === "alt" ? only.alts : alts;
  const out = top.map((a) => (a.t === "seq" ? seqClauses(a.items, true, true) : clauses(a, true, true)).sort((x, y) => score(x) - score(y)));
  return out.some((cs) => cs.length === 0) ? null : out;
}
