import { describe, expect, it } from "vitest";
import { CONCEPT_LABELS } from "./concepts";
import {
  cleanAnswers,
  evaluateScreen,
  isScreenDue,
  isScreenVisible,
  isValidInterval,
  nextScreenDue,
  SCREEN_QUESTIONS,
  screenExcerpt,
  snoozedUntil,
  unanswered,
} from "./screen";

const allNo = () => Object.fromEntries(SCREEN_QUESTIONS.map((q) => [q.id, "no"]));
const withYes = (...ids: string[]) => ({ ...allNo(), ...Object.fromEntries(ids.map((id) => [id, "yes"])) });
const DAY = 86_400_000;

describe("the questions", () => {
  it("cover the strongest lethality signals, each under a real engine concept", () => {
    const concepts = SCREEN_QUESTIONS.map((q) => q.concept);
    for (const c of ["strangulation", "weapon", "threat_to_kill", "physical_violence", "coercive_control", "sexual_violence", "fear_of_partner", "monitoring"]) {
      expect(concepts).toContain(c);
    }
    for (const q of SCREEN_QUESTIONS) expect(CONCEPT_LABELS[q.concept], q.id).toBeTruthy();
    expect(new Set(SCREEN_QUESTIONS.map((q) => q.id)).size).toBe(SCREEN_QUESTIONS.length);
  });
});

describe("evaluateScreen", () => {
  it("all 'no' or all 'prefer not to say' raises nothing", () => {
    expect(evaluateScreen(allNo())).toEqual([]);
    expect(evaluateScreen(Object.fromEntries(SCREEN_QUESTIONS.map((q) => [q.id, "prefer_not"])))).toEqual([]);
    expect(evaluateScreen({})).toEqual([]);
    expect(evaluateScreen(null)).toEqual([]);
  });

  it.each([
    ["neck", "strangulation", "high"],
    ["weapon", "weapon", "high"],
    ["kill", "threat_to_kill", "high"],
    ["fear", "fear_of_partner", "high"],
    ["worse", "physical_violence", "high"],
    ["sex", "sexual_violence", "high"],
    ["control", "coercive_control", "medium"],
    ["monitoring", "monitoring", "medium"],
  ])("'yes' to %s alone → %s, %s, as a check-in answer", (id, concern, severity) => {
    const signals = evaluateScreen(withYes(id));
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ source: "checkin_answer", concern, severity });
    const q = SCREEN_QUESTIONS.find((x) => x.id === id)!;
    expect(signals[0]!.reason).toContain(q.text);
    expect(signals[0]!.excerpt).toContain(q.short);
  });

  it("two lethality answers make each of them imminent; the others keep their own severity", () => {
    const signals = evaluateScreen(withYes("neck", "weapon", "control"));
    const by = Object.fromEntries(signals.map((s) => [s.concern, s.severity]));
    expect(by).toEqual({ strangulation: "imminent", weapon: "imminent", coercive_control: "medium" });
    expect(signals.map((s) => s.severity)).toEqual(["imminent", "imminent", "medium"]);
    expect(signals[0]!.reason).toMatch(/imminent/);
  });

  it("a lethality answer with a non-lethality high answer stays high", () => {
    const signals = evaluateScreen(withYes("kill", "worse", "sex"));
    expect(signals.every((s) => s.severity === "high")).toBe(true);
  });

  it("the excerpt lists every yes and every withheld answer", () => {
    const text = screenExcerpt({ ...withYes("weapon"), kill: "prefer_not" });
    expect(text).toContain("a weapon used");
    expect(text).toMatch(/Preferred not to say: threatened to kill/);
  });

  it("unknown ids and values are ignored", () => {
    expect(cleanAnswers({ neck: "YES", weapon: "maybe", bogus: "yes", kill: "yes" })).toEqual({ kill: "yes" });
    expect(evaluateScreen({ neck: ["yes"], bogus: "yes" } as never)).toEqual([]);
  });

  it("unanswered names every question without a valid answer", () => {
    expect(unanswered(allNo())).toEqual([]);
    const { neck: _n, ...rest } = allNo();
    expect(unanswered({ ...rest, weapon: "sometimes" })).toEqual(["neck", "weapon"]);
  });
});

describe("schedule", () => {
  const joinedAt = new Date("2026-11-01T12:00:00Z");
  const now = new Date("2026-11-20T12:00:00Z");

  it("a partner who never answered is due from joining, whatever the interval", () => {
    expect(isScreenDue({ now, joinedAt, lastAnsweredAt: null, everyWeeks: 4 })).toBe(true);
    expect(isScreenDue({ now, joinedAt, lastAnsweredAt: null, everyWeeks: 0 })).toBe(true);
    expect(isScreenDue({ now, joinedAt: null, lastAnsweredAt: null, everyWeeks: 4 })).toBe(false);
  });

  it("then every N weeks after the last answer; 0 = only when sent", () => {
    const last = new Date("2026-10-20T12:00:00Z");
    expect(nextScreenDue({ joinedAt, lastAnsweredAt: last, everyWeeks: 4 })?.toISOString()).toBe("2026-11-17T12:00:00.000Z");
    expect(isScreenDue({ now, joinedAt, lastAnsweredAt: last, everyWeeks: 4 })).toBe(true);
    expect(isScreenDue({ now, joinedAt, lastAnsweredAt: last, everyWeeks: 6 })).toBe(false);
    expect(isScreenDue({ now, joinedAt, lastAnsweredAt: last, everyWeeks: 0 })).toBe(false);
    expect(nextScreenDue({ joinedAt, lastAnsweredAt: last, everyWeeks: 0 })).toBeNull();
  });

  it("'not now' hides a due screen for a day", () => {
    const row = { dueAt: new Date(now.getTime() - DAY), snoozedUntil: snoozedUntil(now), answeredAt: null };
    expect(isScreenVisible(row, now)).toBe(false);
    expect(isScreenVisible(row, new Date(now.getTime() + DAY - 1))).toBe(false);
    expect(isScreenVisible(row, new Date(now.getTime() + DAY))).toBe(true);
    expect(isScreenVisible({ ...row, snoozedUntil: null, answeredAt: now }, now)).toBe(false);
    expect(isScreenVisible({ ...row, snoozedUntil: null, dueAt: new Date(now.getTime() + 1) }, now)).toBe(false);
  });

  it.each([[0, true], [4, true], [52, true], [53, false], [-1, false], [1.5, false], [Number.NaN, false], ["4", false]])("interval %s valid: %s", (w, ok) => {
    expect(isValidInterval(w)).toBe(ok);
  });
});
