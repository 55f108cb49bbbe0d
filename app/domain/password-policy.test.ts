import { describe, expect, it } from "vitest";
import { checkPassword } from "./password-policy";

const SHORT = "Use at least 10 characters — a short phrase works well.";
const LONG = "Use 200 characters or fewer.";
const REPEATED = "Use a mix of characters rather than one repeated — a short phrase works well.";
const COMMON = "That password is very common and easy to guess. Try a short phrase only you would think of.";
const EMAIL = "Please leave your email address out of your password.";
const NAME = "Please leave your name out of your password.";

const who = { email: "sam.rivera@example.com", name: "Sam Rivera" };

describe("checkPassword", () => {
  it.each([
    // [password, context, expected message or null for ok]
    ["steady harbour lights", who, null],
    ["correct horse battery", {}, null],
    ["abcdefghi", {}, SHORT], // 9 characters
    ["mend-demo", {}, SHORT], // the seeded demo password cannot be chosen
    ["", {}, SHORT],
    ["   short   ", {}, SHORT], // surrounding spaces do not count
    ["😀😀😀😀😀😀😀😀😀", {}, SHORT], // 9 characters (18 UTF-16 units)
    ["tenletters", {}, null], // exactly 10
    ["😀🌧️ rainy tea time", {}, null],
    ["x".repeat(199) + "y", {}, null], // exactly 200
    ["x".repeat(200) + "y", {}, LONG],
    ["aaaaaaaaaa", {}, REPEATED],
    ["          ", {}, SHORT], // spaces only are trimmed away first
    ["1111111111111", {}, REPEATED],
    ["password", {}, SHORT],
    ["Password123", {}, COMMON],
    ["PASSWORD!!!", {}, COMMON],
    ["1234567890", {}, COMMON],
    ["qwertyuiop", {}, COMMON],
    ["QwErTyUiOp", {}, COMMON],
    ["iloveyou2024", {}, COMMON],
    ["!!iloveyou!!", {}, COMMON],
    ["letmein12345", {}, COMMON],
    ["sunshine1234", {}, COMMON],
    ["password for our garden", {}, null], // a common word inside a phrase is fine
    ["my sam.rivera secret", who, EMAIL],
    ["SAM.RIVERA-2026!", who, EMAIL],
    ["rivera family picnic", who, NAME],
    ["samrivera forever", { name: "Sam Rivera" }, NAME],
    ["sam rivera forever", { name: "Sam  Rivera" }, NAME],
    ["samples of summer rain", who, null], // 3-letter name parts alone are allowed
    ["samples of summer rain", { name: "Sam" }, null],
    ["jo@ mountain walk", { email: "jo@example.com" }, null], // a 2-letter local part is ignored
    ["quiet morningtides", { email: "tides@example.com" }, EMAIL],
    ["steady harbour lights", { email: "", name: "" }, null],
    ["steady harbour lights", { email: null, name: null }, null],
  ] as const)("%j with %j", (pw, context, message) => {
    const result = checkPassword(pw, context);
    expect(result).toEqual(message === null ? { ok: true } : { ok: false, message });
  });

  it("a non-string password is refused, not thrown", () => {
    expect(checkPassword(undefined as unknown as string)).toEqual({ ok: false, message: SHORT });
  });
});
