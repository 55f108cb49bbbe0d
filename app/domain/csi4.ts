/**
 * Couples Satisfaction Index, 4-item version (Funk & Rogge, 2007; free to use).
 * Item 1 scores 0–6, items 2–4 score 0–5; total 0–21; below 13.5 indicates relationship distress.
 */
export const CSI4_CUTOFF = 13.5;

const HAPPINESS = ["Extremely unhappy", "Fairly unhappy", "A little unhappy", "Happy", "Very happy", "Extremely happy", "Perfect"];
const TRUE_SCALE = ["Not at all true", "A little true", "Somewhat true", "Mostly true", "Almost completely true", "Completely true"];
const AMOUNT = ["Not at all", "A little", "Somewhat", "Mostly", "Almost completely", "Completely"];

export const CSI4_ITEMS = [
  { id: "happiness", text: "Please indicate the degree of happiness, all things considered, of your relationship.", labels: HAPPINESS },
  { id: "warm", text: "I have a warm and comfortable relationship with my partner.", labels: TRUE_SCALE },
  { id: "rewarding", text: "How rewarding is your relationship with your partner?", labels: AMOUNT },
  { id: "satisfied", text: "In general, how satisfied are you with your relationship?", labels: AMOUNT },
].map((item) => ({ ...item, options: item.labels.map((label, value) => ({ value, label })) }));

export type Csi4Result = { ok: true; score: number; distressed: boolean } | { ok: false; errors: Record<string, string> };

/** Scores answers keyed by item id (or by position "0".."3"); values may be numbers or numeric strings. */
export function scoreCsi4(answers: Record<string, unknown>): Csi4Result {
  const errors: Record<string, string> = {};
  let score = 0;
  CSI4_ITEMS.forEach((item, index) => {
    const raw = answers[item.id] ?? answers[String(index)];
    const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
    if (raw === undefined || raw === null || raw === "") errors[item.id] = "Please answer this question.";
    else if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > item.labels.length - 1) errors[item.id] = "Choose one of the answers.";
    else score += value;
  });
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, score, distressed: score < CSI4_CUTOFF };
}
