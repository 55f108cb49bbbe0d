/** Severities of a safety signal, and what each one does to the couple's work. */
export type Severity = "low" | "medium" | "high" | "imminent";

/** Ordered from the least to the most urgent. */
export const SEVERITIES: readonly Severity[] = ["low", "medium", "high", "imminent"];

/** 0 (low) … 3 (imminent). */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

/** While a high or imminent flag is unresolved, the couple's conjoint routines and homework pause. */
export function pausesConjointWork(s: Severity): boolean {
  return s === "high" || s === "imminent";
}
