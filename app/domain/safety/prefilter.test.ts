import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../../tests/support/safety-corpus";
import { MACROS, RULES } from "./concepts";
import { analyze } from "./engine";
import { requirementOf } from "./prefilter";

describe("the prefilter", () => {
  it("reads a condition for every built-in rule", () => {
    for (const rule of RULES) expect(requirementOf(rule.template, MACROS), rule.id).not.toBeNull();
  });

  it("asks for whole words only where the pattern has them", () => {
    expect(requirementOf("@(hit|hits) ~1(?:me|us)")).toEqual([[["hit", "hits"], ["me", "us"]]]);
    // "kill(?:s|ed)?" is a word only together with its ending; rare words are checked first
    expect(requirementOf("@(he) kill(?:s|ed)? me")).toEqual([[["kill", "kills", "killed"], ["he"], ["me"]]]);
    // an optional part asks for nothing
    expect(requirementOf("@(took) (?:my )?phone")).toEqual([[["took"], ["phone"]]]);
    // each top-level alternative has its own condition
    expect(requirementOf("@(pills) ready|@(rope) (?:in|under) the bed")).toEqual([[["pills"], ["ready"]], [["rope"], ["bed"], ["the"], ["in", "under"]]]);
    // a gap or a class gives no word
    expect(requirementOf("@(he) ~3\\w+ed")).toEqual([[["he"]]]);
  });

  it("changes no result: the whole corpus reads the same with and without it", () => {
    for (const c of loadCorpus()) {
      const fast = analyze(c.text);
      const slow = analyze(c.text, { exhaustive: true });
      expect(fast, c.id).toEqual(slow);
      expect(analyze(c.text, { languages: ["en"], names: ["Sam"] }), c.id).toEqual(analyze(c.text, { languages: ["en"], names: ["Sam"], exhaustive: true }));
    }
  });
});
