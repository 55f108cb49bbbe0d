/**
 * `npm run --silent safety:eval`: the safety rules of a new practice (built-in concepts, no
 * practice phrases), as a filter. Reads JSON lines on stdin, one case a line:
 *   {"id", "channel": "note" | "checkin" | "help", "text", "feelSafe"?, "mood"?, "moodHistory"?}
 * and writes exactly one JSON line per input, in order:
 *   {"id", "severity": "none" | "low" | "medium" | "high" | "imminent", "concerns": [...]}
 * A line that cannot be read gets {"id", "error"} and the run goes on. Nothing else is written to
 * stdout. Pure: no database, no network.
 */
import { createInterface } from "node:readline";
import { evaluateCheckIn, FEEL_SAFE_ANSWERS, evaluateHelpRequest, evaluateText, summarize, type FeelSafe, type RuleConfig, type Signal } from "~/domain/safety";

const NEW_PRACTICE: RuleConfig = { phrases: [] };
const FEEL_SAFE = new Set<string>(FEEL_SAFE_ANSWERS);

export function evaluateLine(line: string): Record<string, unknown> {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { id: null, error: "not valid JSON" };
  }
  if (!input || typeof input !== "object" || Array.isArray(input)) return { id: null, error: "expected a JSON object" };
  const c = input as Record<string, unknown>;
  const id = typeof c.id === "string" || typeof c.id === "number" ? String(c.id) : null;
  if (id === null) return { id: null, error: 'missing "id"' };
  const text = c.text === undefined || c.text === null ? "" : c.text;
  if (typeof text !== "string") return { id, error: '"text" must be a string' };
  const channel = c.channel ?? "note";
  let signals: Signal[];
  if (channel === "help") {
    signals = evaluateHelpRequest(text, NEW_PRACTICE);
  } else if (channel === "checkin") {
    const feelSafe = c.feelSafe === undefined || c.feelSafe === null ? "yes" : c.feelSafe;
    if (typeof feelSafe !== "string" || !FEEL_SAFE.has(feelSafe)) return { id, error: '"feelSafe" must be "yes", "not_sure" or "no"' };
    const mood = typeof c.mood === "number" && Number.isFinite(c.mood) ? c.mood : Number.NaN;
    const history = Array.isArray(c.moodHistory) ? c.moodHistory.filter((m): m is number => typeof m === "number" && Number.isFinite(m)) : [];
    signals = evaluateCheckIn({ feelSafe: feelSafe as FeelSafe, mood, note: text, moodHistory: history }, NEW_PRACTICE);
  } else if (channel === "note") {
    signals = evaluateText(text, NEW_PRACTICE, "note");
  } else {
    return { id, error: '"channel" must be "note", "checkin" or "help"' };
  }
  const { severity, concerns } = summarize(signals);
  return { id, severity, concerns };
}

async function main() {
  const out: string[] = [];
  const flush = () => {
    if (out.length) process.stdout.write(`${out.join("\n")}\n`);
    out.length = 0;
  };
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    let result: Record<string, unknown>;
    try {
      result = evaluateLine(line);
    } catch (error) {
      result = { id: null, error: `could not evaluate: ${error instanceof Error ? error.message : String(error)}` };
    }
    out.push(JSON.stringify(result));
    if (out.length >= 256) flush();
  }
  flush();
}

if (process.argv[1] && /safety-eval\.(?:ts|js|mjs)$/.test(process.argv[1])) void main();
