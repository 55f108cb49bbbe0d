import { describe, expect, it } from "vitest";
import { charCount, isWithinLimit, NOTE_MAX, tooLongMessage } from "./text-limits";

describe("text limits", () => {
  it("counts characters as typed: an emoji or an accented letter once", () => {
    expect(charCount("abc")).toBe(3);
    expect(charCount("😀")).toBe(1);
    expect("😀".length).toBe(2); // what a UTF-16 count (zod's .max, HTML maxLength) would say
    expect(charCount("café")).toBe(4);
  });

  it("a note of exactly the limit is within it, one more is not", () => {
    expect(isWithinLimit("x".repeat(NOTE_MAX), NOTE_MAX)).toBe(true);
    expect(isWithinLimit("x".repeat(NOTE_MAX + 1), NOTE_MAX)).toBe(false);
    // 4,000 emoji are 8,000 UTF-16 units, and still within the limit
    expect(isWithinLimit("😀".repeat(NOTE_MAX), NOTE_MAX)).toBe(true);
  });

  it("says the limit and how long the text is", () => {
    expect(tooLongMessage(4000, 4012, "the note")).toBe("Keep the note to 4,000 characters or fewer (this has 4,012).");
  });
});
