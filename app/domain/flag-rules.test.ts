import { describe, expect, it } from "vitest";
import { DEFAULT_PHRASES, evaluateCheckIn, evaluateHelpRequest, evaluateText, findPhrases, highlight, maxSeverity, mergeSignal, pausesConjointWork } from "./flag-rules";

const config = { phrases: [] as string[] }; // empty = the default list

describe("phrases: true positives → high", () => {
  it.each([
    "He hit me last night.",
    "HE HITS ME when he drinks",
    "she was hitting the wall and then me",
    "He choked me.",
    "he choked me during the argument",
    "There's a gun in the house",
    "he showed me a knife",
    "He threatened to take the kids",
    "those were real threats",
    "He said he'd kill me",
    "I want to kill myself",
    "I've been thinking about suicide",
    "I feel suicidal some nights",
    "I want to end my life",
    "I'm afraid of him",
    "I’m afraid of him", // curly apostrophe
    "Honestly I am scared of her\nwhen she yells",
    "He pushed me into the door",
    "She slapped me.",
    "he punched the wall and then punched me",
    "I don't feel safe. He never hit me before tonight.",
    "He didn't hit me, but he threatened to.",
    "I was not afraid before, but now I am afraid of him",
    "He   HURT   ME",
    "He hurt me again",
    "I hurt myself yesterday",
  ])("%s", (text) => {
    const s = evaluateText(text, config, "note");
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ severity: "high", concern: "keyword", source: "keyword" });
  });
});

describe("phrases: near misses → no flag", () => {
  it.each([
    "We bought a white couch",
    "This week was better",
    "We had a hitch with the car",
    "I'm working on my listening skills",
    "That movie was a hit",
    "Her new song is a big hit",
    "I'm not afraid of him anymore",
    "I am no longer scared of her",
    "He didn't hit me.",
    "I'm not suicidal, just tired",
  ])("%s", (text) => {
    expect(evaluateText(text, config, "note")).toEqual([]);
  });

  it("a conservative choice: 'killed it at trivia' still flags (inflected 'kill')", () => {
    expect(evaluateText("We killed it at trivia night", config, "note")).toHaveLength(1);
  });

  it.each(["skills", "hitch", "white", "this", "thistle", "skillet", "gunther", "knifeless? no", "abused"])("word-boundary check on '%s'", (word) => {
    const hits = findPhrases(word, ["kill", "hit", "gun"]);
    expect(hits).toEqual([]);
  });
});

describe("practice phrase lists", () => {
  it.each([
    [["walked out"], "He walked out on us again", 1],
    [["walked out"], "We walked outside", 0],
    [["Locked Me In"], "he locked me in the bathroom", 1],
  ] as const)("custom list %o on %s → %i signal", (phrases, text, n) => {
    expect(evaluateText(text, { phrases: [...phrases] }, "note")).toHaveLength(n);
  });
  it("the default list is used when the practice list is empty", () => {
    expect(DEFAULT_PHRASES.length).toBeGreaterThan(20);
    expect(evaluateText("he hit me", { phrases: [] }, "note")).toHaveLength(1);
  });
});

describe("evaluateCheckIn", () => {
  const base = { feelSafe: "yes" as const, mood: 6, note: null, appreciation: null, moodHistory: [6, 6, 6, 6] };
  it.each([
    ["feel safe: no → high", { feelSafe: "no" as const }, [["feel_safe", "high"]]],
    ["feel safe: not sure → medium", { feelSafe: "not_sure" as const }, [["feel_safe", "medium"]]],
    ["feel safe: yes → nothing", {}, []],
    ["exactly 4 below the average → low", { mood: 2 }, [["mood_drop", "low"]]],
    ["3.9 below → nothing", { mood: 2, moodHistory: [5.9, 5.9, 5.9] }, []],
    ["4 below with only 2 history points → nothing", { mood: 1, moodHistory: [9, 9] }, []],
    ["a phrase in the appreciation counts too", { appreciation: "thank you for putting the knife away" }, [["keyword", "high"]]],
    ["no + phrase + drop → three signals", { feelSafe: "no" as const, note: "he hit me", mood: 1 }, [["feel_safe", "high"], ["keyword", "high"], ["mood_drop", "low"]]],
  ] as const)("%s", (_n, over, expected) => {
    const s = evaluateCheckIn({ ...base, ...over } as Parameters<typeof evaluateCheckIn>[0], config);
    expect(s.map((x) => [x.concern, x.severity])).toEqual(expected);
  });
});

describe("help requests", () => {
  it.each([
    [null, [["help_request", "imminent"]]],
    ["", [["help_request", "imminent"]]],
    ["please call me", [["help_request", "imminent"]]],
    ["he has a gun", [["help_request", "imminent"], ["keyword", "high"]]],
  ] as const)("%s", (message, expected) => {
    expect(evaluateHelpRequest(message).map((x) => [x.concern, x.severity])).toEqual(expected);
  });
});

describe("merging signals into flags", () => {
  it.each([
    [null, "high", { action: "open" }],
    [{ severity: "medium", status: "resolved" }, "low", { action: "open" }],
    [{ severity: "medium", status: "open" }, "high", { action: "append", severity: "high", raised: true }],
    [{ severity: "high", status: "acknowledged" }, "medium", { action: "append", severity: "high", raised: false }],
    [{ severity: "low", status: "escalated" }, "imminent", { action: "append", severity: "imminent", raised: true }],
  ] as const)("existing %o + %s → %o", (existing, severity, expected) => {
    expect(mergeSignal(existing, { severity })).toEqual(expected);
  });
  it.each([
    ["low", false],
    ["medium", false],
    ["high", true],
    ["imminent", true],
  ] as const)("%s pauses conjoint work: %s", (s, p) => expect(pausesConjointWork(s)).toBe(p));
  it("maxSeverity", () => expect(maxSeverity("medium", "low")).toBe("medium"));
});

describe("highlight", () => {
  it("marks the triggering text", () => {
    expect(highlight("Yesterday he hit me again.", DEFAULT_PHRASES)).toEqual([
      { text: "Yesterday he ", match: false },
      { text: "hit", match: true },
      { text: " me again.", match: false },
    ]);
  });
});
