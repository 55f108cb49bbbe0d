/**
 * Restitution actions: the 1–3 concrete actions from the restitution step, each with a date,
 * marked done by the partner responsible and confirmed by the other ("did this happen as promised?").
 *
 * A date passed without the action done — or done after its date — is a missed date, and counts
 * as an adherence miss in the weekly review (beside the routines' figures, not inside their
 * percentage: see docs/repair-program.md). A date that fell while shared work was paused is not
 * held against the couple, as paused days are not for routines.
 */
import type { LocalDate } from "../dates";
import { isPaused, type PauseRange } from "../schedule";

export const MAX_ACTIONS = 3;
export const MIN_ACTIONS = 1;

export type RestitutionState = "due" | "overdue" | "done" | "confirmed" | "disputed";

export interface RestitutionFacts {
  dueOn: LocalDate;
  /** the local date it was marked done, if it was */
  doneOn: LocalDate | null;
  confirmation: "yes" | "no" | null;
}

export function restitutionState(a: RestitutionFacts, today: LocalDate): RestitutionState {
  if (a.doneOn) return a.confirmation === "yes" ? "confirmed" : a.confirmation === "no" ? "disputed" : "done";
  return today > a.dueOn ? "overdue" : "due";
}

/** The date was missed: not done by the end of its day, or done only after it — unless the couple's work was paused that day. */
export function missedDate(a: RestitutionFacts, today: LocalDate, pauses: PauseRange[] = []): boolean {
  if (isPaused(a.dueOn, pauses)) return false;
  if (a.doneOn) return a.doneOn > a.dueOn;
  return today > a.dueOn;
}

export const STATE_LABEL: Record<RestitutionState, string> = {
  due: "due",
  overdue: "date passed, not done",
  done: "done, waiting for confirmation",
  confirmed: "done and confirmed",
  disputed: "done, but not as promised",
};

/** Counts for the couple page and the weekly review. `week` limits to actions due in that range. */
export function restitutionSummary(actions: RestitutionFacts[], today: LocalDate, pauses: PauseRange[] = [], week?: { from: LocalDate; to: LocalDate }) {
  const inRange = week ? actions.filter((a) => a.dueOn >= week.from && a.dueOn <= week.to) : actions;
  const states = inRange.map((a) => restitutionState(a, today));
  return {
    total: inRange.length,
    confirmed: states.filter((s) => s === "confirmed").length,
    awaitingConfirmation: states.filter((s) => s === "done").length,
    disputed: states.filter((s) => s === "disputed").length,
    open: states.filter((s) => s === "due" || s === "overdue").length,
    missed: inRange.filter((a) => missedDate(a, today, pauses)).length,
  };
}

export type ActionCheck = { ok: true } | { ok: false; field: "text" | "dueOn" | "form"; error: string };

/**
 * Whether a new action may be added to a plan that has `existing` actions. Its date must be a
 * real date, not already past (an action is a promise about the future).
 */
export function checkNewAction(input: { text: string; dueOn: LocalDate | null; existing: number; today: LocalDate }): ActionCheck {
  if (input.existing >= MAX_ACTIONS) return { ok: false, field: "form", error: `A restitution has at most ${MAX_ACTIONS} actions: keep them few and concrete. Talk about the rest in session.` };
  if (!input.text.trim()) return { ok: false, field: "text", error: "Say what the action is, concretely." };
  if (!input.dueOn) return { ok: false, field: "dueOn", error: "Give the action a date: restitution needs a date to be kept." };
  if (input.dueOn < input.today) return { ok: false, field: "dueOn", error: "Choose today or a later date." };
  return { ok: true };
}

export type PartnerStep = { ok: true } | { ok: false; error: string };

/** The responsible partner marks it done (once). */
export function checkMarkDone(a: { responsible: boolean; doneOn: LocalDate | null }): PartnerStep {
  if (!a.responsible) return { ok: false, error: "Only the partner who offered this action marks it done; you can confirm it once it is." };
  if (a.doneOn) return { ok: false, error: "This action is already marked done." };
  return { ok: true };
}

/** The other partner confirms it (once), after it was marked done. */
export function checkConfirm(a: { responsible: boolean; doneOn: LocalDate | null; confirmation: "yes" | "no" | null }): PartnerStep {
  if (a.responsible) return { ok: false, error: "The other partner confirms this action, not the one who did it." };
  if (!a.doneOn) return { ok: false, error: "This action has not been marked done yet." };
  if (a.confirmation) return { ok: false, error: "You have already answered for this action." };
  return { ok: true };
}
