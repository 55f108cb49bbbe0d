import { describe, expect, it } from "vitest";
import { cleanNameQuery, matchesName } from "./name-search";

describe("matchesName", () => {
  const names = "Jordan Reyes & Riley Chen";
  it.each([
    ["jordan", true],
    ["JOR", true],
    ["riley", true],
    ["jo ri", true],
    ["  chen  ", true],
    ["dan", false], // inside a word, not at its start
    ["sam", false],
    ["jordan sam", false], // every word must be found
    ["", true],
  ])("%j → %s", (q, found) => expect(matchesName(names, q)).toBe(found));

  it("ignores accents on either side", () => {
    expect(matchesName("José Núñez & Ana Pérez", "jose nunez")).toBe(true);
    expect(matchesName("Jose Nunez & Ana Perez", "josé")).toBe(true);
  });
});

describe("cleanNameQuery", () => {
  it("trims, collapses spaces and caps the length", () => {
    expect(cleanNameQuery("  Jordan   Reyes ")).toBe("Jordan Reyes");
    expect(cleanNameQuery(null)).toBe("");
    expect(cleanNameQuery("x".repeat(500))).toHaveLength(100);
  });
});
