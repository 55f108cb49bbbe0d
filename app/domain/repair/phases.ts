/**
 * Phase transitions of a repair plan. A plan moves forward one phase at a time, only when the
 * therapist confirms the phase's exit criteria, and never back (the database also refuses a
 * lower phase). The last phase is completed without a next one: the plan is then finished.
 */
export interface PlanPosition {
  /** 0-based index of the phase the couple is in; equals phaseCount once every phase is done */
  currentPhase: number;
  phaseCount: number;
  ended: boolean;
}

export type MoveCheck =
  | { ok: true; to: number; finishes: boolean }
  | { ok: false; field: "toPhase" | "criteria" | "form"; error: string };

/**
 * May the therapist move the plan from `fromPhase` (the phase the form was showing) to `toPhase`?
 * `confirmed` are the indices of the exit criteria the therapist ticked; `criteriaCount` how many
 * the phase has.
 */
export function checkMove(plan: PlanPosition, input: { fromPhase: number; toPhase: number; confirmed: number[]; criteriaCount: number }): MoveCheck {
  if (plan.ended) return { ok: false, field: "form", error: "This plan has ended; it can no longer move." };
  if (plan.currentPhase >= plan.phaseCount) return { ok: false, field: "form", error: "Every phase of this plan is already complete." };
  if (input.toPhase <= plan.currentPhase) {
    return { ok: false, field: "toPhase", error: "A plan only moves forward: a finished phase stays finished. Assign its homework again if the couple needs to revisit it." };
  }
  if (input.fromPhase !== plan.currentPhase) {
    return { ok: false, field: "form", error: "The plan has moved since this page was loaded. Check where it is now." };
  }
  if (input.toPhase > plan.currentPhase + 1) return { ok: false, field: "toPhase", error: "Move on one phase at a time, confirming each phase's exit criteria." };
  const ticked = new Set(input.confirmed.filter((i) => Number.isInteger(i) && i >= 0 && i < input.criteriaCount));
  if (ticked.size < input.criteriaCount) {
    return { ok: false, field: "criteria", error: `Confirm every exit criterion before moving on (${ticked.size} of ${input.criteriaCount} confirmed).` };
  }
  return { ok: true, to: input.toPhase, finishes: input.toPhase >= plan.phaseCount };
}

/** "phase 2 of 7", or "complete" once every phase is done. */
export function progressLabel(plan: Pick<PlanPosition, "currentPhase" | "phaseCount">): string {
  if (plan.currentPhase >= plan.phaseCount) return `all ${plan.phaseCount} phases complete`;
  return `phase ${plan.currentPhase + 1} of ${plan.phaseCount}`;
}

export type PhaseState = "done" | "current" | "upcoming";

export function phaseState(position: number, currentPhase: number): PhaseState {
  return position < currentPhase ? "done" : position === currentPhase ? "current" : "upcoming";
}

/** A phase's homework and routines can be assigned once the couple has reached it. */
export function itemsUnlocked(position: number, currentPhase: number): boolean {
  return position <= currentPhase;
}
