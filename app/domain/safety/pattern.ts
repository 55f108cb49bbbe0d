/**
 * A tiny pattern language over normalised text (tokens joined by " ", sentences by "\n"),
 * compiled once to regular expressions that cannot run away:
 *
 *   {NAME}    a word list from the lexicon (alternation, longest first)
 *   {!NAME}   the same, and the rule runs only when one of its words occurs in the note
 *   @(a|b c)  literal alternatives that are also the anchor
 *   ~N        up to N further words, each with its space ("he ~2hit me" = "he hit me", "he really hit me", …)
 *
 * Every pattern is wrapped in token boundaries; a gap matches whole words only and never crosses
 * a sentence, so each attempt is bounded by (N+1) per gap: no catastrophic backtracking.
 */

export type Macros = Record<string, readonly string[]>;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function alternation(words: readonly string[]): string {
  const uniq = [...new Set(words)].sort((a, b) => b.length - a.length);
  return `(?:${uniq.map(escape).join("|")})`;
}

export interface Compiled {
  re: RegExp;
  /**
   * When every alternative STARTS with its anchor word: the same pattern, sticky, to be tried only
   * at the positions where an anchor word begins (one attempt each instead of a scan).
   */
  sticky: RegExp | null;
  /** words of which at least one must occur in the note for the pattern to be tried ([] = always) */
  anchors: string[];
  /** the template as compiled, for the prefilter */
  template: string;
}

const cache = new Map<string, string>();

/** The template's top-level alternatives (inside one enclosing "(?:…)" if it has one). */
function topLevelAlternatives(template: string): string[] {
  let body = template;
  if (body.startsWith("(?:") && closingParen(body, 0) === body.length - 1) body = body.slice(3, -1);
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === "\\") i++;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "|" && depth === 0) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
  }
  out.push(body.slice(start));
  return out;
}

function closingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === "(") depth++;
    else if (s[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

const LEADS_WITH_ANCHOR = /^(?:\(\?:)*(?:@\(|\{!)/;

/**
 * An alternative whose first element is a plain word, a plain group of words or a word list
 * becomes anchored on it, so the rule can be tried only where such a word starts.
 */
function anchorLeading(alt: string): string {
  if (LEADS_WITH_ANCHOR.test(alt)) return alt;
  let m = /^((?:\(\?:)*)\{([A-Z_]+)\}(?![?*])/.exec(alt);
  if (m) return `${m[1]}{!${m[2]}}${alt.slice(m[0].length)}`;
  m = /^\(\?:([a-z0-9 |]+)\)(?![?*])/.exec(alt);
  if (m) return `@(${m[1]})${alt.slice(m[0].length)}`;
  m = /^([a-z0-9]+)(?= )/.exec(alt);
  if (m) return `@(${m[1]})${alt.slice(m[1].length)}`;
  return alt;
}

export function compile(rawTemplate: string, macros: Macros): Compiled {
  const anchors: string[] = [];
  const wrapped = rawTemplate.startsWith("(?:") && closingParen(rawTemplate, 0) === rawTemplate.length - 1;
  const alternatives = topLevelAlternatives(rawTemplate).map(anchorLeading);
  const template = wrapped ? `(?:${alternatives.join("|")})` : alternatives.join("|");
  // A rule may be skipped for a note only if EVERY alternative names an anchor word.
  const gated = alternatives.every((alt) => alt.includes("@(") || alt.includes("{!"));
  const leading = gated && alternatives.every((alt) => /^(?:\(\?:)*(?:@\(|\{!)/.test(alt));
  let src = template.replace(/\{(!?)([A-Z_]+)\}/g, (_m, bang: string, name: string) => {
    const words = macros[name];
    if (!words) throw new Error(`Unknown word list {${name}} in pattern: ${template}`);
    if (bang) for (const w of words) anchors.push(w.split(" ")[0]!);
    let alt = cache.get(name);
    if (!alt) {
      alt = alternation(words);
      cache.set(name, alt);
    }
    return alt;
  });
  src = src.replace(/@\(([^()]*)\)/g, (_m, body: string) => {
    for (const w of body.split("|")) anchors.push(w.trim().split(" ")[0]!.replace(/\\/g, ""));
    return `(?:${body})`;
  });
  if (src.includes("@(")) throw new Error(`An anchor group @(…) may not contain parentheses: ${template}`);
  src = src.replace(/~(\d)/g, (_m, n: string) => `(?:[^ \\n]+ ){0,${n}}`);
  const body = `(?<![^ \\n])(?:${src})(?![^ \\n])`;
  return { re: new RegExp(body, "g"), sticky: leading ? new RegExp(body, "y") : null, anchors: gated ? [...new Set(anchors)].filter(Boolean) : [], template: rawTemplate };
}

/** A plain phrase (a practice's own) as a pattern: its words in order, whole words only. */
export function phraseRegExp(normalizedPhrase: string): RegExp {
  return new RegExp(`(?<![^ \\n])${normalizedPhrase.split(" ").map(escape).join(" ")}(?![^ \\n])`, "g");
}
