import { readFileSync, readdirSync } from "node:fs";
import { analyze } from "../app/domain/safety/engine";
const RANK: Record<string, number> = { none: 0, low: 1, medium: 2, high: 3, imminent: 4 };
const dir = "/work/main/tests/safety-corpus";
const byCat: Record<string, { n: number; ok: number; hi: number; under: string[]; over: string[] }> = {};
const show = process.argv[2];
const t0 = performance.now();
let total = 0;
for (const f of readdirSync(dir).filter((f) => f.endsWith(".jsonl"))) {
  for (const line of readFileSync(`${dir}/${f}`, "utf8").split("\n").filter(Boolean)) {
    const c = JSON.parse(line);
    total++;
    const a = analyze(c.text);
    let sev = a.severity as string;
    if (c.channel === "help") sev = "imminent";
    if (c.feelSafe === "no" && RANK[sev]! < 3) sev = "high";
    if (c.feelSafe === "not_sure" && RANK[sev]! < 2) sev = "medium";
    const cat = (byCat[c.category] ??= { n: 0, ok: 0, hi: 0, under: [], over: [] });
    cat.n++;
    const exp = c.expected;
    const neg = exp === "none" || (exp === "low" && (c.category === "past_abuse" || c.category.endsWith("negative")));
    const good = neg ? RANK[sev]! <= RANK[exp]! + (exp === "none" ? 0 : 0) : RANK[sev]! >= RANK[exp]!;
    if (neg && RANK[sev]! >= 3) cat.hi++;
    if (good) cat.ok++;
    else (neg ? cat.over : cat.under).push(`${c.id} [${exp}→${sev} ${a.findings.map((x) => x.concept + ":" + x.severity).join(",")}] ${c.text.slice(0, 300)}`);
  }
}
const ms = performance.now() - t0;
for (const [k, v] of Object.entries(byCat)) console.log(`${k.padEnd(24)} ${v.ok}/${v.n} ${(100 * v.ok / v.n).toFixed(0)}%${v.hi ? ` HIGH+ ${v.hi}` : ""}`);
console.log(`total ${total} in ${ms.toFixed(0)} ms`);
if (show) for (const [k, v] of Object.entries(byCat)) if (show === "all" || k === show) for (const x of [...v.under, ...v.over]) console.log(k, x);
