import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./csv";

describe("csv", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["-5", "'-5"],
    [null, ""],
    [7, "7"],
  ])("%o → %s", (v, out) => expect(csvField(v)).toBe(out));
  it("joins rows with CRLF", () => expect(toCsv([["a", 1], ["b", null]])).toBe("a,1\r\nb,\r\n"));
});
