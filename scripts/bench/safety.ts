/**
 * The safety rules on a 2,000-character note, in process: the cost a check-in or homework save
 * pays before (and inside) its transaction. Notes are built from the corpus's ordinary sentences
 * with one disclosure in the middle, so every rule family is exercised.
 */
import { readFileSync } from "node:fs";
import { analyze } from "~/domain/safety";

export function measureSafetyRules(runs: number): { median: number; p99: number; notes: number } {
  const lines = readFileSync("tests/safety-corpus/negatives.jsonl", "utf8").split("\n").filter(Boolean);
  const body = lines.map((l) => (JSON.parse(l) as { text: string }).text).join(" ");
  const disclosures = ["he choked me last night.", "she reads my messages every night.", "i have been saving my pills.", "me pegó anoche."];
  const notes: string[] = [];
  for (let i = 0; i < 200; i++) {
    const from = (i * 997) % (body.length - 2100);
    const half = body.slice(from, from + 1000);
    notes.push(`${half} ${disclosures[i % disclosures.length]} ${body.slice(from + 1000, from + 2000)}`.slice(0, 2000));
  }
  for (let i = 0; i < 100; i++) analyze(notes[i % notes.length]);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    for (const note of notes) {
      const started = performance.now();
      analyze(note);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * q))]! * 1000) / 1000;
  return { median: at(0.5), p99: at(0.99), notes: times.length };
}
