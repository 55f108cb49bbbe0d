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
  /** words of which at least one must occur in the note for the pattern to be tried ([] = always) */
  anchors: string[];
}

const cache = new Map<string, string>();

export function compile(template: string, macros: Macros): Compiled {
  const anchors: string[] = [];
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
  return { re: new RegExp(`(?<![^ \\n])(?:${src})(?![^ \\n])`, "g"), anchors: [...new Set(anchors)].filter(Boolean) };
}

/** A plain phrase (a practice's own) as a pattern: its words in order, whole words only. */
export function phraseRegExp(normalizedPhrase: string): RegExp {
  return new RegExp(`(?<![^ \\n])${normalizedPhrase.split(" ").map(escape).join(" ")}(?![^ \\n])`, "g");
}
