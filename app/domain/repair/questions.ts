/**
 * Questions and answers, paced by the therapist (issue 18, item 4). The partner who was hurt keeps
 * a private list of questions. The therapist decides, per question, whether it goes to the other
 * partner to answer in writing or is held for a session, and whether they read the answer first
 * (the default: graphic detail can harm). The partner who asked sees an answer only once it is
 * released; the other partner never sees a question before it is asked of them.
 */
export type QuestionStatus = "private" | "asked" | "held_for_session" | "answered" | "revisited";
export type PaceStep = "ask" | "hold" | "release" | "revisit";

export interface QuestionFacts {
  status: QuestionStatus;
  answered: boolean;
  released: boolean;
}

export type StepCheck = { ok: true; to: QuestionStatus } | { ok: false; error: string };

/** The therapist's pacing: which step is allowed from where. */
export function checkPace(q: QuestionFacts, step: PaceStep): StepCheck {
  switch (step) {
    case "ask":
      return q.status === "private" || q.status === "held_for_session" ? { ok: true, to: "asked" } : { ok: false, error: "Only a question not yet asked can be sent to be answered." };
    case "hold":
      return q.status === "private" || (q.status === "asked" && !q.answered) ? { ok: true, to: "held_for_session" } : { ok: false, error: "Only a question not yet answered can be held for a session." };
    case "release":
      return q.status === "answered" && q.answered && !q.released ? { ok: true, to: "answered" } : { ok: false, error: "There is no answer waiting to be shared." };
    case "revisit":
      return (q.status === "answered" && q.released) || q.status === "held_for_session" ? { ok: true, to: "revisited" } : { ok: false, error: "A question is revisited after it was answered or discussed." };
  }
}

/** A written answer: only by the partner it was asked of (not its author), only while asked. */
export function checkAnswer(q: { status: QuestionStatus; answered: boolean; askerIsMe: boolean }): { ok: true } | { ok: false; error: string } {
  if (q.askerIsMe) return { ok: false, error: "This is your own question: the other partner answers it." };
  if (q.status !== "asked" || q.answered) return { ok: false, error: "This question is not waiting for your answer." };
  return { ok: true };
}

/** Does the other partner (the one who answers) see this question? Only once it was asked of them. */
export function visibleToAnswerer(status: QuestionStatus, askedEver: boolean): boolean {
  return askedEver && status !== "private";
}

/** Does the partner who asked see the answer? Only once it is released. */
export function answerVisibleToAsker(q: { answered: boolean; released: boolean }): boolean {
  return q.answered && q.released;
}

export const QUESTION_STATUS_LABEL: Record<QuestionStatus, string> = {
  private: "on the list (private)",
  asked: "asked",
  held_for_session: "held for session",
  answered: "answered",
  revisited: "revisited",
};
