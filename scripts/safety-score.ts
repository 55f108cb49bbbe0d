/**
 * `tsx scripts/safety-score.ts <labelled.jsonl> <eval-output.jsonl> [--misses]`: scores the output
 * of `npm run --silent safety:eval` against a labelled file (one case a line, with "expected" and
 * "category": positive | review | negative | plain). Unlike `safety:report`, which evaluates the
 * whole tests/safety-corpus tree in-process, this scores one file from a run that already happened.
 */
import { readFileSync } from "node:fs";

const RANK: Record<string, number> = { none: 0, low: 1, medium: 2, high: 3, imminent: 4 };
const [labelledPath, outputPath] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
if (!labelledPath || !outputPath) {
  console.error("usage: tsx scripts/safety-score.ts <labelled.jsonl> <eval-output.jsonl> [--misses]");
  process.exit(2);
}
/** A labelled case or an evaluator's answer: the fields this script reads. */
interface Row {
  id: string;
  expected: string;
  category: string;
  severity?: unknown;
  concerns?: string[];
  text?: string;
  [field: string]: unknown;
}
const read = (p: string) => readFileSync(p, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
const cases = read(labelledPath);
const got = new Map(read(outputPath).map((o) => [String(o.id), o]));

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} % (${a}/${b})` : "—");
let exact = 0, errors = 0;
const t = { pos: 0, posRaised: 0, posAt: 0, rev: 0, revRaised: 0, imm: 0, immOk: 0, ord: 0, ordHigh: 0, neg: 0, negHigh: 0, negRaised: 0, plain: 0, plainRaised: 0 };
const misses: { id: string; category: string; expected: string; got: string; concerns: string[]; text: string }[] = [];
for (const c of cases) {
  const r = got.get(c.id);
  const sev = r && typeof r.severity === "string" ? r.severity : "error";
  if (sev === "error") errors++;
  const rank = RANK[sev] ?? -1;
  const want = RANK[c.expected]!;
  if (sev === c.expected) exact++;
  let miss = false;
  if (c.category === "positive") {
    t.pos++;
    if (rank >= 1) t.posRaised++;
    if (rank >= want) t.posAt++;
    else miss = true;
    if (c.expected === "imminent") {
      t.imm++;
      if (sev === "imminent") t.immOk++;
    }
  } else if (c.category === "review") {
    t.rev++;
    if (rank >= 1) t.revRaised++;
    else miss = true;
    if (rank >= 3) miss = true; // a review note raised high is an over-call
  } else {
    t.ord++;
    if (rank >= 3) t.ordHigh++;
    if (c.category === "negative") {
      t.neg++;
      if (rank >= 3) t.negHigh++;
      if (rank >= 1) t.negRaised++;
    } else {
      t.plain++;
      if (rank >= 1) t.plainRaised++;
    }
    if (rank !== 0) miss = true;
  }
  if (miss) misses.push({ id: c.id, category: c.category, expected: c.expected, got: sev, concerns: c.concerns ?? [], text: String(c.text) });
}
console.log(`cases ${cases.length}; errors ${errors}`);
console.log(`exact severity: ${pct(exact, cases.length)}`);
console.log(`positives raised at all (>= low): ${pct(t.posRaised, t.pos)}`);
console.log(`positives at >= expected severity: ${pct(t.posAt, t.pos)}`);
console.log(`imminent raised as imminent: ${pct(t.immOk, t.imm)}`);
console.log(`review notes raised (>= low): ${pct(t.revRaised, t.rev)}`);
console.log(`should-flag (positive + review) at >= expected: ${pct(t.posAt + t.revRaised, t.pos + t.rev)}`);
console.log(`negatives + plain raised high or above: ${pct(t.ordHigh, t.ord)}`);
console.log(`negatives raised high+: ${pct(t.negHigh, t.neg)}; raised at all: ${pct(t.negRaised, t.neg)}`);
console.log(`plain flagged at all: ${pct(t.plainRaised, t.plain)}`);
if (process.argv.includes("--misses")) {
  for (const m of misses) console.log(`${m.category}\t${m.id}\t${m.expected}->${m.got}\t${m.concerns.join(",") || "-"}\t${m.text.replace(/\s+/g, " ").slice(0, 200)}`);
}
