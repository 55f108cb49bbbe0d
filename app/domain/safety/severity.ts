/**
 * Severities of a safety signal, and what each one does to the couple's work. The one list of
 * them: forms, filters and the database enum (held equal by tests/integration/vocabulary.test.ts)
 * follow it. Ordered from the least to the most urgent.
 */
export const SEVERITIES = ["low", "medium", "high", "imminent"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Most urgent first, as queues and filters list them. */
export const SEVERITIES_MOST_URGENT_FIRST: readonly Severity[] = [...SEVERITIES].reverse();

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
