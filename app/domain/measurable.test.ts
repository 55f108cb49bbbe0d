import { describe, expect, it } from "vitest";
import { checkMeasurable } from "./measurable";

describe("checkMeasurable", () => {
  it.each([
    ["I'll call by 8 PM every day", true],
    ["I'll text when I leave work every day", true],
    ["Reply to urgent messages within 4 hours", true],
    ["Share my calendar every Sunday", true],
    ["We'll talk for 10 minutes after dinner", true],
    ["I'll be home by 19:00 on weekdays", true],
    ["Gratitude, 3 times a week", true],
    ["Date night twice a month", true],
    ["I'll check in each morning", true],
    ["Walk together on Saturdays", true],
    ["Phone away at dinner daily", true],
    ["I will tell you before I go out with friends", true],
    ["I'll be better", false],
    ["I will try harder to communicate", false],
    ["Be more honest", false],
    ["I'll try to be on time", false],
    ["Stop lying", false],
    ["Listen more", false],
    ["I'll make an effort", false],
    ["Be more present with the kids", false],
    ["Respect each other", false],
    ["Keep my temper", false],
    ["I'll stop staying out late", false],
    ["Be kind", false],
    ["I promise to change", false],
  ])("%s → measurable %s", (text, measurable) => {
    expect(checkMeasurable(text).measurable).toBe(measurable);
  });

  it.each([
    ["I will try harder to communicate", /check-in every evening/],
    ["Be more honest", /calendar/],
    ["I'll call you more", /8 PM every day/],
    ["Stop coming home late", /home by 7 PM/],
    ["Keep my temper", /time-out/],
    ["I'll be better", /8 PM every day/],
  ])("a vague '%s' gets a concrete rewrite", (text, suggestion) => {
    const r = checkMeasurable(text);
    expect(r.suggestion).toMatch(suggestion);
    expect(r.missing).toEqual(["number", "time", "frequency"]);
  });

  it("a measurable agreement gets no suggestion", () => {
    expect(checkMeasurable("I'll call by 8 PM every day").suggestion).toBeNull();
  });
});
