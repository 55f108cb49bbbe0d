import { describe, expect, it } from "vitest";
import { answerVisibleToAsker, checkAnswer, checkPace, visibleToAnswerer, type QuestionFacts } from "./questions";

const q = (status: QuestionFacts["status"], answered = false, released = false): QuestionFacts => ({ status, answered, released });

describe("checkPace", () => {
  it.each([
    [q("private"), "ask", "asked"],
    [q("held_for_session"), "ask", "asked"],
    [q("private"), "hold", "held_for_session"],
    [q("asked"), "hold", "held_for_session"],
    [q("answered", true, false), "release", "answered"],
    [q("answered", true, true), "revisit", "revisited"],
    [q("held_for_session"), "revisit", "revisited"],
  ] as const)("%o + %s → %s", (facts, step, to) => {
    expect(checkPace(facts, step)).toEqual({ ok: true, to });
  });
  it.each([
    [q("asked"), "ask"],
    [q("answered", true, true), "hold"],
    [q("asked", true), "hold"],
    [q("answered", true, true), "release"],
    [q("asked"), "release"],
    [q("answered", true, false), "revisit"],
    [q("private"), "revisit"],
  ] as const)("refuses %o + %s", (facts, step) => {
    expect(checkPace(facts, step).ok).toBe(false);
  });
});

describe("checkAnswer and visibility", () => {
  it("only the partner asked answers, only while asked", () => {
    expect(checkAnswer({ status: "asked", answered: false, askerIsMe: false })).toEqual({ ok: true });
    expect(checkAnswer({ status: "asked", answered: false, askerIsMe: true }).ok).toBe(false);
    expect(checkAnswer({ status: "private", answered: false, askerIsMe: false }).ok).toBe(false);
    expect(checkAnswer({ status: "held_for_session", answered: false, askerIsMe: false }).ok).toBe(false);
    expect(checkAnswer({ status: "answered", answered: true, askerIsMe: false }).ok).toBe(false);
  });
  it("the answerer sees a question only once asked; the asker sees an answer only once released", () => {
    expect(visibleToAnswerer("private", false)).toBe(false);
    expect(visibleToAnswerer("held_for_session", false)).toBe(false);
    expect(visibleToAnswerer("asked", true)).toBe(true);
    expect(visibleToAnswerer("held_for_session", true)).toBe(true);
    expect(visibleToAnswerer("revisited", true)).toBe(true);
    expect(answerVisibleToAsker({ answered: true, released: false })).toBe(false);
    expect(answerVisibleToAsker({ answered: true, released: true })).toBe(true);
  });
});
