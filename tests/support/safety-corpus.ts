/**
 * The labelled safety corpus (tests/safety-corpus/**.jsonl) scored through the same entry point
 * as `npm run safety:eval`. Used by the corpus test (thresholds in CI) and `npm run safety:report`.
 * Labelling policy: docs/safety-labelling-policy.md.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { evaluateLine } from "../../scripts/safety-eval";

export const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../safety-corpus");
const RANK: Record<string, number> = { none: 0, low: 1, medium: 2, high: 3, imminent: 4 };
/** Categories of ordinary notes: "low" there is the most they may raise, never a target. */
const NEGATIVE_CATEGORIES = new Set(["past_abuse", "spanish_negative", "confusable", "plain"]);
/** Ordinary notes with no danger word at all: must raise nothing. */
const PLAIN_CATEGORIES = new Set(["plain"]);

export interface Case {
  id: string;
  channel: "note" | "checkin" | "help";
  text: string;
  feelSafe?: string;
  mood?: number;
  moodHistory?: number[];
  expected: "none" | "low" | "medium" | "high" | "imminent";
  category: string;
  file: string;
}

export function loadCorpus(dir = CORPUS_DIR): Case[] {
  const out: Case[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".jsonl")) {
        const file = path.relative(dir, full);
        for (const line of readFileSync(full, "utf8").split("\n")) if (line.trim()) out.push({ ...(JSON.parse(line) as Omit<Case, "file">), file });
      }
    }
  };
  walk(dir);
  return out;
}

export interface CategoryScore {
  category: string;
  kind: "danger" | "ordinary";
  n: number;
  /** danger: raised at the expected severity or above · ordinary: raised no more than expected */
  ok: number;
  /** danger: raised at all · ordinary: raised at high or above */
  raised: number;
  misses: { id: string; expected: string; got: string; text: string }[];
}

export interface CorpusScore {
  categories: CategoryScore[];
  danger: { n: number; atSeverity: number; raised: number; imminent: number; imminentOk: number };
  ordinary: { n: number; highOrAbove: number; plain: number; plainFlagged: number };
}

export function isOrdinary(c: Pick<Case, "expected" | "category">): boolean {
  return c.expected === "none" || NEGATIVE_CATEGORIES.has(c.category) || c.category.endsWith("negative");
}

export function scoreCorpus(cases: Case[]): CorpusScore {
  const by = new Map<string, CategoryScore>();
  const danger = { n: 0, atSeverity: 0, raised: 0, imminent: 0, imminentOk: 0 };
  const ordinary = { n: 0, highOrAbove: 0, plain: 0, plainFlagged: 0 };
  for (const c of cases) {
    const r = evaluateLine(JSON.stringify(c));
    const got = typeof r.severity === "string" ? r.severity : "error";
    const rank = RANK[got] ?? -1;
    const kind = isOrdinary(c) ? "ordinary" : "danger";
    const key = `${c.file.startsWith("holdout") ? `${path.basename(c.file, ".jsonl")}/` : ""}${c.category}`;
    let s = by.get(key);
    if (!s) by.set(key, (s = { category: key, kind, n: 0, ok: 0, raised: 0, misses: [] }));
    s.n++;
    if (kind === "danger") {
      danger.n++;
      const ok = rank >= RANK[c.expected]!;
      if (ok) {
        s.ok++;
        danger.atSeverity++;
      }      else s.misses.push({ id: c.id, expected: c.expected, got, text: c.text });
      if (rank >= 1) {
        s.raised++;
        danger.raised++;
      }
      if (c.expected === "imminent") {
        danger.imminent++;
        if (got === "imminent") danger.imminentOk++;
      }
    } else {
      ordinary.n++;
      const ok = rank >= 0 && rank <= RANK[c.expected]!;
      if (ok) s.ok++;
      else s.misses.push({ id: c.id, expected: c.expected, got, text: c.text });
      if (rank >= 3) {
        s.raised++;
        ordinary.highOrAbove++;
      }
      if (PLAIN_CATEGORIES.has(c.category)) {
        ordinary.plain++;
        if (rank >= 1) ordinary.plainFlagged++;
      }
    }
  }
  return { categories: [...by.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.category.localeCompare(b.category)), danger, ordinary };
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : "—");

export function formatReport(score: CorpusScore): string {
  const lines = ["category                              n   at/below expected   raised (danger) / high+ (ordinary)"];
  for (const c of score.categories) lines.push(`${c.kind === "danger" ? "⚠" : "·"} ${c.category.padEnd(34)} ${String(c.n).padStart(4)}   ${pct(c.ok, c.n).padStart(8)}            ${pct(c.raised, c.n).padStart(8)}`);
  const d = score.danger;
  const o = score.ordinary;
  lines.push("");
  lines.push(`notes that should flag: ${d.n}; at the expected severity or above ${pct(d.atSeverity, d.n)}; raised at all ${pct(d.raised, d.n)}; imminent raised as imminent ${pct(d.imminentOk, d.imminent)} (${d.imminent})`);
  lines.push(`ordinary notes: ${o.n}; raised at high or above ${pct(o.highOrAbove, o.n)}; plain notes flagged at all ${o.plainFlagged} of ${o.plain}`);
  return lines.join("\n");
}
