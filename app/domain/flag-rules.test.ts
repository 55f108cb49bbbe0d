import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_PHRASES,
  EXCERPT_MAX,
  evaluateCheckIn,
  evaluateHelpRequest,
  evaluateText,
  findPhrases,
  highlight,
  inflections,
  maxSeverity,
  mergeSignal,
  MIN_MOOD_HISTORY,
  pausesConjointWork,
  phrasesOf,
  SEVERITIES,
  severityRank,
  type FeelSafe,
  type FlagStatus,
  type Severity,
} from "./flag-rules";

const DEFAULTS = { phrases: [] as string[] }; // an empty practice list means the default list

/** The triggering substrings of `text`, as the reviewer would see them highlighted. */
function hits(text: string, phrases: readonly string[] = DEFAULT_PHRASES) {
  return findPhrases(text, phrases).map((h) => text.slice(h.index, h.index + h.length));
}

describe("phrases: true positives raise one high keyword signal", () => {
  it.each([
    // [text, the phrases reported, the text highlighted]
    ["He hit me last night.", ["hit"], ["hit"]],
    ["HE HITS ME when he drinks", ["hit"], ["HITS"]],
    ["she was hitting the wall and then me", ["hit"], ["hitting"]],
    ["Hit me.", ["hit"], ["Hit"]],
    ["I was hit", ["hit"], ["hit"]],
    ["I've been hit before", ["hit"], ["hit"]],
    ["He gave me a big hit", ["hit"], ["hit"]],
    ["It was a hit to the head", ["hit"], ["hit"]],
    ["He hit the wall next to my head", ["hit"], ["hit"]],
    ["He choked me.", ["choke"], ["choked"]],
    ["he was choking me!!", ["choke"], ["choking"]],
    ["He strangled me", ["strangle"], ["strangled"]],
    ["There's a gun in the house", ["gun"], ["gun"]],
    ["he keeps GUNS in the garage", ["gun"], ["GUNS"]],
    ["his shotgun is under the bed", ["shotgun"], ["shotgun"]],
    ["he showed me a knife", ["knife"], ["knife"]],
    ["he hid the knives", ["knives"], ["knives"]],
    ["He threatened to take the kids", ["threaten"], ["threatened"]],
    ["those were real threats", ["threat"], ["threats"]],
    ["he sends threatening texts", ["threaten"], ["threatening"]],
    ["He said he'd kill me", ["kill"], ["kill"]],
    ["I want to kill myself", ["kill myself"], ["kill myself"]],
    ["I keep thinking about killing myself", ["kill myself"], ["killing myself"]],
    ["I've been thinking about suicide", ["suicide"], ["suicide"]],
    ["I feel suicidal some nights", ["suicidal"], ["suicidal"]],
    ["I want to end my life", ["end my life"], ["end my life"]],
    ["I've been self-harming again", ["self harm"], ["self-harming"]],
    ["I cut myself yesterday", ["cut myself"], ["cut myself"]],
    ["I hurt myself", ["hurt myself"], ["hurt myself"]],
    ["I'm afraid of him", ["afraid of him"], ["afraid of him"]],
    ["I\u2019m afraid of him", ["afraid of him"], ["afraid of him"]],
    ["Honestly I am scared of her\nwhen she yells", ["scared of her"], ["scared of her"]],
    ["afraid of\r\n\r\nhim", ["afraid of him"], ["afraid of\r\n\r\nhim"]],
    ["He pushed me into the door", ["push me"], ["pushed me"]],
    ["She SLAPPED me.", ["slap"], ["SLAPPED"]],
    ["he punched the wall", ["punch"], ["punched"]],
    ["He grabbed me by the arm", ["grab me"], ["grabbed me"]],
    ["He   HURT   ME", ["hurt me"], ["HURT   ME"]],
    ["I don\u2019t feel safe at home", ["don't feel safe"], ["don\u2019t feel safe"]],
    ["i dont feel safe", ["don't feel safe"], ["dont feel safe"]],
    ["I do not feel safe", ["not feel safe"], ["not feel safe"]],
    ["it's not safe here", ["not safe"], ["not safe"]],
    ["he forced me to", ["force me"], ["forced me"]],
    ["(weapon)", ["weapon"], ["weapon"]],
    ["“Threat.”", ["threat"], ["Threat"]],
    ["He hit me, and he threatened me.", ["hit", "threaten"], ["hit", "threatened"]],
  ])("%j", (text, matched, highlighted) => {
    const signals = evaluateText(text, DEFAULTS, "routine note");
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ source: "keyword", concern: "keyword", severity: "high", matched, excerpt: text });
    expect(hits(text)).toEqual(highlighted);
  });
});

describe("phrases: near misses do not flag", () => {
  it.each([
    "We bought a white couch",
    "This week was better",
    "We had a hitch with the car",
    "I'm working on my listening skills",
    "That movie was a hit",
    "Her new song is such a big hit",
    "It was a smash hit",
    "We played his greatest hits",
    "They have a hit show on TV",
    "We hit it off right away",
    "I hit the gym after work",
    "we hit the road at six",
    "I finally hit my goal of 10k steps",
    "That killer workout wiped me out", // "-er" forms are not generated
    "It was overkill",
    "He has begun to listen",
    "Grapes and shortbread",
    "A safe place to talk",
    "We feel safe together",
    "Nothing to report today",
    "",
    "   ",
  ])("%j", (text) => {
    expect(evaluateText(text, DEFAULTS, "routine note")).toEqual([]);
  });

  it.each([
    // decided to flag (documented in flag-rules.ts): the same words carry the dangerous reading
    ["threatening weather all week", "threatening"],
    ["we killed it at trivia night", "killed"],
    ["hit me up later", "hit"],
    ["it really hurt me when you lied", "hurt me"],
    ["this commute is killing me", "killing"],
  ])("conservative choice — %j flags on %j", (text, word) => {
    expect(hits(text)).toEqual([word]);
  });
});

describe("negation: only fear/suicidality states, only when plainly negated", () => {
  it.each([
    // [text, flags?]
    ["I'm not afraid of him anymore", false],
    ["I\u2019m not afraid of him anymore", false],
    ["Im not afraid of him", false],
    ["I am no longer scared of her", false],
    ["No longer scared of her.", false],
    ["I'm not at all afraid of him", false],
    ["I don't feel afraid of her", false],
    ["I've never felt scared of him", false],
    ["I'm not suicidal, just tired", false],
    ["I'm not feeling suicidal", false],
    ["I don't feel unsafe", false],
    ["We talked. I'm not afraid of him. It helped.", false],
    // reopened in the same sentence
    ["I'm not suicidal but I think about dying", true],
    ["I wasn't afraid of him until last night", true],
    ["I was never scared of her before", true],
    ["I'm not afraid of him when he's sober", true],
    ["I'm not scared of her unless she drinks", true],
    ["I'm not afraid of him today", true],
    ["Not afraid of him this time, he promised", true],
    ["I'm not afraid of him, though he yells", true],
    // anything but linking words between the negator and the phrase
    ["I have never been so scared of him", true],
    ["I've never been more afraid of her", true],
    ["I'm not really afraid of him", true],
    ["I am not actively suicidal", true],
    ["I don't know if I'm afraid of him", true],
    ["I'm not afraid of anyone but I'm afraid of him", true],
    // anything but a plain subject before the negator
    ["I pretend I'm not afraid of him", true],
    ["He thinks I'm not scared of him", true],
    ["I can't say I'm not afraid of him", true],
    ["I'm not sure I'm not afraid of him", true],
    ["I try not to be afraid of him", true],
    // not negated at all, or in another clause
    ["I'm afraid of him", true],
    ["I'm not ok, I'm afraid of him", true],
    ["I'm not afraid of him, I'm terrified of him", true],
    // violence, weapons, threats and self-harm are NEVER cancelled by a negation
    ["He didn't hit me.", true],
    ["he never hit me before tonight", true],
    ["He didn't hit me, but he threatened to.", true],
    ["He has never hit me", true],
    ["he doesn't have a gun", true],
    ["I would never kill myself", true],
    ["I'm not thinking about suicide", true],
    ["He didn't hurt me", true],
  ])("%j → flags: %s", (text, flags) => {
    expect(evaluateText(text, DEFAULTS, "check-in").length).toBe(flags ? 1 : 0);
  });
});

describe("findPhrases: matching mechanics", () => {
  it.each([
    // [text, phrases, expected highlighted substrings]
    ["white, this, hitch, thistle, chit", ["hit"], []],
    ["skills skillet overkill", ["kill"], []],
    ["begun gunther shotguns", ["gun"], []],
    ["hit. hits! hitting? hitted", ["hit"], ["hit", "hits", "hitting", "hitted"]],
    ["choke choked chokes choking", ["choke"], ["choke", "choked", "chokes", "choking"]],
    ["slap slapped slapping slaps", ["slap"], ["slap", "slapped", "slapping", "slaps"]],
    ["bullied bullies bully", ["bully"], ["bullied", "bullies", "bully"]],
    ["punches punched", ["punch"], ["punches", "punched"]],
    ["Kill Myself", ["kill", "kill myself"], ["Kill Myself"]], // the longer phrase wins an overlap
    ["I want to die", ["want to die"], ["want to die"]],
    ["He walked out on us again", ["walked out"], ["walked out"]],
    ["We walked outside", ["walked out"], []],
    ["he locked me in the bathroom", ["Locked Me In"], ["locked me in"]],
    ["he said “ça suffit”", ["Ça suffit"], ["ça suffit"]],
    ["CAFE\u0301 and cafe", ["café"], ["CAFE\u0301"]], // NFD text vs NFC phrase
    ["he said he'd ki\u00ADll me", ["kill"], ["ki\u00ADll"]], // soft hyphen and zero-width space are invisible
    ["h\u200Bit", ["hit"], ["h\u200Bit"]],
    ["self harm", ["self-harm"], ["self harm"]],
    ["he said: won\u2019t stop", ["wont stop"], ["won\u2019t stop"]],
    ["x hit y", ["  HIT  "], ["hit"]], // phrases are trimmed and lower-cased
    ["text", ["", "   ", "-"], []],
    ["1+1 (a) [b]", ["(a)", "1+1"], ["1+1", "(a)"]], // regex characters are literal
  ])("%j with %j", (text, phrases, expected) => {
    expect(hits(text, phrases)).toEqual(expected);
  });

  it.each([null, undefined, ""])("no text (%j) finds nothing", (text) => {
    expect(findPhrases(text, DEFAULT_PHRASES)).toEqual([]);
  });

  it("indices refer to the original text, after emoji, curly quotes and collapsed spaces", () => {
    const text = "😢\u00A0\u00A0I\u2019m  so   tired.\r\n\r\nHe   HIT\tme";
    const [h] = findPhrases(text, ["hit me"]);
    expect(text.slice(h!.index, h!.index + h!.length)).toBe("HIT\tme");
  });

  it.each([
    ["hit", ["hitting", "hitted", "hits", "hites", "hited", "hiting", "hit"]],
    ["choke", ["chokes", "choked", "choking"]],
    ["me", ["me"]],
    ["him", ["him"]],
    ["myself", ["myself"]],
    ["café", ["café"]],
  ])("inflections(%j) include %j", (word, forms) => {
    expect(inflections(word.normalize("NFD"))).toEqual(expect.arrayContaining(forms.map((f) => f.normalize("NFD"))));
  });
});

describe("highlight", () => {
  it.each([
    ["Yesterday he hit me again.", [["Yesterday he ", false], ["hit", true], [" me again.", false]]],
    ["He   HURT   ME", [["He   ", false], ["HURT   ME", true]]],
    ["I\u2019m afraid of him", [["I\u2019m ", false], ["afraid of him", true]]],
    ["nothing here", [["nothing here", false]]],
    ["", []],
  ] as const)("%j", (text, expected) => {
    expect(highlight(text, DEFAULT_PHRASES).map((s) => [s.text, s.match])).toEqual(expected);
  });

  it("always joins back to exactly the original text, and never throws", () => {
    const word = fc.constantFrom("hit", "HIT", "me", "not", "afraid", "of", "him", "self-harm", "kill", "’", "  ", "\n", ".", ",", "😢", "e\u0301", "\u00AD", "\uD800");
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(word).map((w) => w.join(" ")), fc.array(word).map((w) => w.join(""))), (text) => {
        const segments = highlight(text, DEFAULT_PHRASES);
        expect(segments.map((s) => s.text).join("")).toBe(text);
        for (const h of findPhrases(text, DEFAULT_PHRASES)) expect(h.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe("practice phrase lists", () => {
  it.each([
    [["walked out"], "He walked out again", 1],
    [["walked out"], "he hit me", 0], // a custom list replaces the defaults
    [[], "he hit me", 1], // empty → defaults
    [["", "  "], "he hit me", 1], // blank only → defaults
  ] as const)("list %j on %j → %i signal(s)", (phrases, text, n) => {
    expect(evaluateText(text, { phrases: [...phrases] }, "note")).toHaveLength(n);
  });

  it("the default list is sensible in size and has no duplicates", () => {
    expect(DEFAULT_PHRASES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(DEFAULT_PHRASES).size).toBe(DEFAULT_PHRASES.length);
    expect(phrasesOf({ phrases: [] })).toBe(DEFAULT_PHRASES);
  });

  it.each([
    ["homework answer", "Phrases found in a homework answer: hit"],
    ["adherence note", "Phrases found in an adherence note: hit"],
  ])("the reason names the context (%s)", (context, reason) => {
    expect(evaluateText("he hit me", DEFAULTS, context)[0]!.reason).toBe(reason);
  });

  it("a long text's excerpt is a window around the first match", () => {
    const text = `${"calm day. ".repeat(500)}he hit me${" fine.".repeat(500)}`;
    const excerpt = evaluateText(text, DEFAULTS, "note")[0]!.excerpt!;
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_MAX + 2);
    expect(excerpt).toContain("he hit me");
    expect(excerpt.startsWith("…")).toBe(true);
    expect(excerpt.endsWith("…")).toBe(true);
  });
});

describe("evaluateCheckIn", () => {
  const base = { feelSafe: "yes" as FeelSafe, mood: 6, note: null as string | null, appreciation: null as string | null, moodHistory: [6, 6, 6, 6] };
  it.each([
    ["feel safe: no → high", { feelSafe: "no" }, [["feel_safe", "high"]]],
    ["feel safe: not sure → medium", { feelSafe: "not_sure" }, [["feel_safe", "medium"]]],
    ["feel safe: yes → nothing", {}, []],
    ["exactly 4 below the average → low", { mood: 2 }, [["mood_drop", "low"]]],
    ["more than 4 below → low", { mood: 1 }, [["mood_drop", "low"]]],
    ["3 below → nothing", { mood: 3 }, []],
    ["3.9 below → nothing", { mood: 2, moodHistory: [5.9, 5.9, 5.9] }, []],
    ["exactly 4 below a non-integer average (float-safe) → low", { mood: 1.9, moodHistory: [5.9, 5.9, 5.9] }, [["mood_drop", "low"]]],
    ["average 7.5 (history 7, 8, 7, 8), mood 3 → 4.5 below → low", { mood: 3, moodHistory: [7, 8, 7, 8] }, [["mood_drop", "low"]]],
    ["average 7.5, mood 4 → 3.5 below → nothing", { mood: 4, moodHistory: [7, 8, 7, 8] }, []],
    ["a rise is never a drop", { mood: 10, moodHistory: [1, 1, 1] }, []],
    [`exactly ${MIN_MOOD_HISTORY} history points are enough`, { mood: 1, moodHistory: [9, 9, 9] }, [["mood_drop", "low"]]],
    ["only 2 history points → no baseline, nothing", { mood: 1, moodHistory: [9, 9] }, []],
    ["no history → nothing", { mood: 1, moodHistory: [] }, []],
    ["unreadable history entries are ignored (2 usable → nothing)", { mood: 1, moodHistory: [9, Number.NaN, 9] }, []],
    ["an unreadable mood raises no mood signal", { mood: Number.NaN }, []],
    ["a phrase in the note → high", { note: "he choked me" }, [["keyword", "high"]]],
    ["a phrase in the appreciation counts too", { appreciation: "thank you for putting the knife away" }, [["keyword", "high"]]],
    ["phrases in both → one keyword signal", { note: "he hit me", appreciation: "the gun is gone" }, [["keyword", "high"]]],
    ["a negated fear in the note → nothing", { note: "I'm not afraid of him anymore" }, []],
    ["no + phrase + drop → three signals", { feelSafe: "no", note: "he hit me", mood: 1 }, [["feel_safe", "high"], ["keyword", "high"], ["mood_drop", "low"]]],
  ] as const)("%s", (_name, over, expected) => {
    const signals = evaluateCheckIn({ ...base, ...over, moodHistory: [...(("moodHistory" in over ? over.moodHistory : undefined) ?? base.moodHistory)] }, DEFAULTS);
    expect(signals.map((s) => [s.concern, s.severity])).toEqual(expected);
  });

  it("the keyword signal lists phrases from note and appreciation", () => {
    const [s] = evaluateCheckIn({ ...base, note: "he hit me", appreciation: "the gun is gone" }, DEFAULTS);
    expect(s!.matched).toEqual(["hit", "gun"]);
    expect(s!.source).toBe("keyword");
  });
});

describe("help requests are always imminent", () => {
  it.each([
    [null, [["help_request", "imminent"]]],
    [undefined, [["help_request", "imminent"]]],
    ["", [["help_request", "imminent"]]],
    ["please call me", [["help_request", "imminent"]]],
    ["I'm not afraid of him anymore", [["help_request", "imminent"]]],
    ["he has a gun", [["help_request", "imminent"], ["keyword", "high"]]],
  ] as const)("%j", (message, expected) => {
    expect(evaluateHelpRequest(message).map((s) => [s.concern, s.severity])).toEqual(expected);
  });

  it("uses the practice list when given one", () => {
    expect(evaluateHelpRequest("he locked the door", { phrases: ["locked the door"] }).map((s) => s.concern)).toEqual(["help_request", "keyword"]);
  });

  it.each([
    [null, "Help button pressed (no message)"],
    ["please call", "please call"],
  ])("excerpt for %j", (message, excerpt) => {
    expect(evaluateHelpRequest(message)[0]!.excerpt).toBe(excerpt);
  });
});

describe("merging signals into flags", () => {
  const statuses: FlagStatus[] = ["open", "acknowledged", "escalated"];
  const table: [{ severity: Severity; status: FlagStatus } | null, Severity, ReturnType<typeof mergeSignal>][] = [
    [null, "low", { action: "open" }],
    [null, "imminent", { action: "open" }],
    [{ severity: "high", status: "resolved" }, "low", { action: "open" }],
    [{ severity: "imminent", status: "resolved" }, "imminent", { action: "open" }],
  ];
  for (const status of statuses)
    for (const existing of SEVERITIES)
      for (const incoming of SEVERITIES) {
        const severity = maxSeverity(existing, incoming);
        table.push([{ severity: existing, status }, incoming, { action: "append", severity, raised: severityRank(incoming) > severityRank(existing) }]);
      }

  it.each(table)("existing %j + %s → %j", (existing, severity, expected) => {
    expect(mergeSignal(existing, { severity })).toEqual(expected);
  });

  it.each([
    [{ severity: "high", status: "open" }, "low", "high"],
    [{ severity: "imminent", status: "acknowledged" }, "medium", "imminent"],
  ] as const)("never lowers: %j + %s stays %s", (existing, severity, stays) => {
    expect(mergeSignal(existing, { severity })).toMatchObject({ action: "append", severity: stays, raised: false });
  });
});

describe("severity helpers", () => {
  it("SEVERITIES are ordered low → imminent", () => expect(SEVERITIES).toEqual(["low", "medium", "high", "imminent"]));
  it.each([
    ["low", 0, false],
    ["medium", 1, false],
    ["high", 2, true],
    ["imminent", 3, true],
  ] as const)("%s: rank %i, pauses conjoint work: %s", (s, rank, pauses) => {
    expect(severityRank(s)).toBe(rank);
    expect(pausesConjointWork(s)).toBe(pauses);
  });
  it.each([
    ["low", "medium", "medium"],
    ["medium", "low", "medium"],
    ["high", "imminent", "imminent"],
    ["imminent", "low", "imminent"],
    ["high", "high", "high"],
  ] as const)("maxSeverity(%s, %s) = %s", (a, b, max) => expect(maxSeverity(a, b)).toBe(max));
});
