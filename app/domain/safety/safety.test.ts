import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateLine } from "../../../scripts/safety-eval";
import { analyze, evaluateCheckIn, evaluateHelpRequest, evaluateText, highlight, mergeSignal, parsePhraseLine, practicePhrases, summarize, type RuleConfig } from "./index";
import { nearLethal, normalize } from "./normalize";

const NEW: RuleConfig = { phrases: [] };
const sev = (text: string, config: RuleConfig = NEW) => analyze(text, config).severity;
const concerns = (text: string) => analyze(text).concerns;

describe("concepts tied to instrument items, at their severity", () => {
  it.each([
    // physical violence, strangulation, weapons, threats (DA, HITS, WAST) → high
    ["my husband punched me in the stomach", "high", "physical_violence"],
    ["she slapped me across the face at breakfast", "high", "physical_violence"],
    ["I was shoved into the wardrobe door", "high", "physical_violence"],
    ["he put his hands around my neck", "high", "strangulation"],
    ["he choked me until I nearly passed out", "high", "strangulation"],
    ["she held a knife to my throat", "high", "weapon"],
    ["he keeps the gun on the nightstand when we fight and reminds me it is loaded", "high", "weapon"],
    ["he said he would kill me if I ever left", "high", "threat_to_kill"],
    ["he forced me to have sex when I said no", "high", "sexual_violence"],
    ["he threatened to take the kids and I would never see them again", "high", "threat_to_children_pets"],
    ["he kicked the dog so hard she yelped", "high", "threat_to_children_pets"],
    ["since we separated he keeps showing up outside my work", "high", "stalking"],
    ["he locked me in the bedroom all night", "high", "confinement"],
    ["he says if I leave him he'll kill himself", "high", "partner_suicide_threat"],
    ["I fear for my life", "high", "fear_of_partner"],
    // coercive control, monitoring, jealousy, insults, property → medium
    ["he controls all the money and gives me an allowance", "medium", "coercive_control"],
    ["she checks my phone every night and reads my messages", "medium", "monitoring"],
    ["he accuses me of cheating and won't let me go out with friends", "medium", "jealousy"],
    ["he calls me a worthless whore in front of the kids", "medium", "verbal_abuse"],
    ["he punched a hole in the wall", "medium", "property_violence"],
    ["I'm scared of him when he drinks", "medium", "fear_of_partner"],
    // low
    ["he screams at me for hours", "low", "distress"],
    ["I walk on eggshells around her", "low", "distress"],
  ])("%s → %s (%s)", (text, expected, concept) => {
    const a = analyze(text);
    expect(a.severity).toBe(expected);
    expect(a.concerns).toContain(concept);
  });
});

describe("the C-SSRS ladder for the writer", () => {
  it.each([
    ["I wish I could go to sleep and not wake up", "medium"],
    ["everyone would be better off without me", "medium"],
    ["I've been thinking about killing myself", "high"],
    ["I want to die", "high"],
    ["I've been saving my pills and I'm going to take them all on Friday", "imminent"],
    ["I wrote a goodbye letter and I'm doing it tonight", "imminent"],
    ["I cut myself again last night", "high"],
    ["relapsed on SH after 6 months clean", "high"],
  ])("%s → %s", (text, expected) => {
    expect(sev(text)).toBe(expected);
  });
});

describe("imminence: a time or a means at hand", () => {
  it.each([
    ["he's on his way home and he said he'll kill me", "imminent"],
    ["he is outside the door right now", "imminent"],
    ["he has the knife in his hand and he's drunk", "imminent"],
    ["he hit me last week", "high"],
  ])("%s → %s", (text, expected) => {
    expect(sev(text)).toBe(expected);
  });
});

describe("ambiguous words are tiers, not triggers", () => {
  it.each([
    "this commute is killing me",
    "my feet are killing me after the museum",
    "she beat me at chess again",
    "he killed me in Mario Kart three times",
    "beat the eggs and fold in the flour",
    "I hit my head on the cupboard door, small bump",
    "we watched a murder mystery and I guessed the killer",
    "he grabbed my hand on the walk and it was lovely",
    "she pushed me to apply for the job and I got it",
    "I choked up at the wedding",
    "my boss is going to kill me if I miss the deadline",
    "she shot me a text at lunch saying she was proud of me",
  ])("never high: %s", (text) => {
    expect(["none", "low"]).toContain(sev(text));
  });

  it("a bare lethal word with no actor or victim is at most a low review", () => {
    const a = analyze("the knife is on the counter");
    expect(a.severity).toBe("low");
    expect(a.concerns).toEqual(["review"]);
  });

  it("a plain ordinary note raises nothing", () => {
    expect(sev("we cooked dinner together and talked about the weekend")).toBe("none");
    expect(sev("good day, went for a walk, feeling hopeful")).toBe("none");
  });
});

describe("negation is scoped and never suppresses a violent act", () => {
  it.each([
    ["he didn't really hit me, he just shoved me into the wall", "high"],
    ["he never hit me before tonight", "imminent"],
    ["he didn't mean it, he just grabbed me by the hair", "high"],
  ])("%s → %s", (text, expected) => {
    expect(sev(text)).toBe(expected);
  });

  it.each(["I'm not afraid of him at all", "I am not suicidal", "he has never hit me or threatened me", "nobody at home hurts me"])("a plain denial raises nothing: %s", (text) => {
    expect(sev(text)).toBe("none");
  });

  it("a reopener keeps the state flagged", () => {
    expect(sev("I wasn't afraid of him until last night")).not.toBe("none");
  });
});

describe("who did it", () => {
  it("a parent's violence long ago is history to note (low), not this relationship", () => {
    const a = analyze("my dad used to hit us when I was a kid");
    expect(a.severity).toBe("low");
    expect(a.concerns).toContain("past_abuse");
  });

  it("the partner's first name counts as the partner", () => {
    expect(analyze("Robin said Robin would find me", { names: ["Robin"] }).severity).toBe("none");
    expect(analyze("Robin threatened to kill me", { names: ["Robin"] }).severity).toBe("high");
  });

  it("'my husband', 'my wife', 'they' are actors like he and she", () => {
    for (const actor of ["my husband", "my wife", "my partner", "they", "my ex"]) expect(sev(`${actor} punched me`)).toBe("high");
  });
});

describe("tolerant matching", () => {
  it.each([
    ["he choaked me", "strangulation"],
    ["he strangeled me", "strangulation"],
    ["she threatned to kill me", "threat_to_kill"],
    ["i want to unalive myself", "suicide"],
    ["kms fr", "suicide"],
    ["he said he'd k1ll me", "threat_to_kill"],
    ["he had the 🔪 out again and pointed it at me", "weapon"],
    ["HE HIT ME", "physical_violence"],
    ["he hit me agn", "physical_violence"],
  ])("%s → %s", (text, concept) => {
    expect(concerns(text)).toContain(concept);
  });

  it("corrects only long lethal words, never ordinary neighbours", () => {
    expect(nearLethal("strangeled")).toBe("strangled");
    expect(nearLethal("sucide")).toBe("suicide");
    for (const word of ["stranger", "cooking", "killer", "racing", "chores", "strange", "skilled"]) expect(nearLethal(word)).toBeNull();
  });

  it("normalises accents, apostrophes and case, keeping a map back to the original", () => {
    const n = normalize("Él me GOLPEÓ. Didn’t stop");
    expect(n.text).toBe("el me golpeo\ndidnt stop");
  });
});

describe("Spanish", () => {
  it.each([
    ["me pegó anoche", "high"],
    ["mi esposo me apretó el cuello", "high"],
    ["me dijo que me va a matar", "high"],
    ["revisa mi celular todas las noches", "medium"],
    ["quiero morirme", "high"],
    ["quisiera dormir y no despertar", "medium"],
    ["viene en camino y dijo que me va a matar", "imminent"],
  ])("%s → %s", (text, expected) => {
    expect(sev(text)).toBe(expected);
  });

  it.each(["este calor me mata", "me muero de hambre", "me pegó la gripe", "mi pareja me mata a besos"])("idioms raise nothing high: %s", (text) => {
    expect(["none", "low"]).toContain(sev(text));
  });

  it("Spanish is read only when the practice's languages include it", () => {
    expect(analyze("me pegó anoche", { languages: [] }).severity).toBe("none");
  });
});

describe("signals and consequences", () => {
  it("free text gives one signal: the most severe concept, every finding as evidence", () => {
    const [signal] = evaluateText("he checks my phone every night and last week he choked me", NEW, "check-in");
    expect(signal).toMatchObject({ source: "keyword", concern: "strangulation", severity: "high" });
    expect(signal!.evidence!.map((e) => e.concept)).toEqual(expect.arrayContaining(["strangulation", "monitoring"]));
    expect(signal!.evidence!.find((e) => e.concept === "strangulation")!.matched.join(" ")).toMatch(/choked me/);
  });

  it("a check-in note counts even when the answer to 'do you feel safe?' is yes", () => {
    const signals = evaluateCheckIn({ feelSafe: "yes", mood: 6, note: "he slapped me again", moodHistory: [] }, NEW);
    expect(summarize(signals).severity).toBe("high");
  });

  it("the higher of the answer and the note wins, and both are concerns", () => {
    const s = summarize(evaluateCheckIn({ feelSafe: "not_sure", mood: 5, note: "he said he'd kill me", moodHistory: [] }, NEW));
    expect(s.severity).toBe("high");
    expect(s.concerns).toEqual(expect.arrayContaining(["feel_safe", "threat_to_kill"]));
  });

  it("a mood 4+ points below the 14-day average is low; fewer than 3 earlier check-ins make no baseline", () => {
    expect(summarize(evaluateCheckIn({ feelSafe: "yes", mood: 3, moodHistory: [7, 7, 7] }, NEW))).toEqual({ severity: "low", concerns: ["mood_drop"] });
    expect(summarize(evaluateCheckIn({ feelSafe: "yes", mood: 3, moodHistory: [7, 7] }, NEW)).severity).toBe("none");
  });

  it("the help button is imminent whatever the message says, or if it is empty", () => {
    expect(evaluateHelpRequest("", NEW)[0]!.severity).toBe("imminent");
    expect(summarize(evaluateHelpRequest("we are fine really", NEW)).severity).toBe("imminent");
  });

  it("a merge never lowers a flag's severity", () => {
    expect(mergeSignal({ severity: "high", status: "open" }, { severity: "low" })).toEqual({ action: "append", severity: "high", raised: false });
    expect(mergeSignal({ severity: "low", status: "open" }, { severity: "imminent" })).toEqual({ action: "append", severity: "imminent", raised: true });
    expect(mergeSignal({ severity: "high", status: "resolved" }, { severity: "low" })).toEqual({ action: "open" });
  });
});

describe("practice phrases add, never replace", () => {
  it("parses 'severity language: phrase' lines, defaulting to high in any language", () => {
    expect(parsePhraseLine("took my car title")).toEqual({ phrase: "took my car title", severity: "high", language: "any" });
    expect(parsePhraseLine("medium es: me quita el dinero")).toEqual({ phrase: "me quita el dinero", severity: "medium", language: "es" });
    expect(parsePhraseLine("   ")).toBeNull();
    expect(parsePhraseLine("urgent: something")).toHaveProperty("error");
  });

  it("a practice phrase raises at its own severity, and the built-in concepts still apply", () => {
    const config = { phrases: practicePhrases(["medium: the blue folder"]) };
    expect(analyze("he hid the blue folder again", config)).toMatchObject({ severity: "medium", concerns: ["practice_phrase"] });
    expect(analyze("he hit me", config).severity).toBe("high");
  });
});

describe("highlight", () => {
  it("marks the words that raised a concern, and the segments join back to the text", () => {
    const text = "Long week. Dinner with friends was fun. Then he choked me in the hallway. Today was calm.";
    const segments = highlight(text, NEW);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(["choked me"]);
  });

  it("keeps surrogate pairs and odd spacing intact", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), fc.constantFrom("he hit me", "she choked me", "quiero morirme", ""), (noise, danger) => {
        const text = `${noise} ${danger} ${noise}`;
        expect(highlight(text, NEW).map((s) => s.text).join("")).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});

describe("bad input: no crash, no runaway matching, a clear result", () => {
  it.each([
    ["empty", ""],
    ["whitespace", "   \n\t  "],
    ["emoji only", "😭😭😭🔪🙃"],
    ["binary-looking", "\u0000\u0001\u0002\uFFFD\uD800abc\uDFFF\u0007"],
    ["mixed script", "он меня ударил 他打了我 he hit me"],
  ])("%s", (_label, text) => {
    const a = analyze(text);
    expect(["none", "low", "medium", "high", "imminent"]).toContain(a.severity);
  });

  it("a 100 kB note with a disclosure in the middle is read to the end, and pathological repetition does not backtrack", () => {
    const filler = "we had a good week and cooked together. ".repeat(1250);
    const text = `${filler}he choked me last night. ${filler}`;
    expect(text.length).toBeGreaterThan(100_000);
    expect(analyze(text).concerns).toContain("strangulation");
    // repeated anchor words and gaps: every attempt is bounded, so this finishes (vitest's timeout guards it)
    expect(["none", "low", "medium", "high", "imminent"]).toContain(analyze("he ".repeat(30_000) + "x").severity);
    expect(["none", "low", "medium", "high", "imminent"]).toContain(analyze("kill ".repeat(20_000)).severity);
    expect(["none", "low", "medium", "high", "imminent"]).toContain(analyze("a".repeat(100_000)).severity);
  });

  it("any string at all gets an answer", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 500 }), (text) => {
        const a = analyze(text);
        expect(a.findings.every((f) => f.spans.every((s) => s.index >= 0 && s.index + s.length <= text.length))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the safety:eval contract", () => {
  it("answers id, severity and concerns; a bad line gets an error and the run goes on", () => {
    expect(evaluateLine(JSON.stringify({ id: "a", channel: "note", text: "he hit me" }))).toEqual({ id: "a", severity: "high", concerns: ["physical_violence"] });
    expect(evaluateLine(JSON.stringify({ id: "b", channel: "checkin", text: "", feelSafe: "no" }))).toEqual({ id: "b", severity: "high", concerns: ["feel_safe"] });
    expect(evaluateLine(JSON.stringify({ id: "c", channel: "checkin", text: "", mood: 2, moodHistory: [8, 8, 8] }))).toEqual({ id: "c", severity: "low", concerns: ["mood_drop"] });
    expect(evaluateLine(JSON.stringify({ id: "d", channel: "help", text: "" }))).toEqual({ id: "d", severity: "imminent", concerns: ["help_request"] });
    expect(evaluateLine(JSON.stringify({ id: "e", channel: "note", text: "lovely walk" }))).toEqual({ id: "e", severity: "none", concerns: [] });
    expect(evaluateLine("{not json")).toHaveProperty("error");
    expect(evaluateLine(JSON.stringify({ id: "f", channel: "fax", text: "x" }))).toMatchObject({ id: "f", error: expect.any(String) });
    expect(evaluateLine(JSON.stringify({ id: "g", text: 42 }))).toMatchObject({ id: "g", error: expect.any(String) });
  });
});
