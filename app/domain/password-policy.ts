/**
 * What a password chosen through Mend (invite link, first-run setup, password change) must be.
 * Length over complexity rules: a short phrase is both easier to remember and harder to guess.
 * Messages are plain and kind; each names one thing to change.
 *
 * Rules, checked in this order (the first that fails is reported):
 *   1. at least 10 characters (leading/trailing spaces do not count), at most 200;
 *   2. not one character repeated ("aaaaaaaaaa");
 *   3. not a very common password, also after stripping digits and symbols from its ends
 *      ("password", "Password123!", "iloveyou2024");
 *   4. not containing the email's part before "@" (if 3+ characters), case-insensitively;
 *   5. not containing the person's name: the full name (with or without spaces) or any part of
 *      it, each if 4+ characters, case-insensitively ("Sam Rivera" → "sam rivera", "samrivera",
 *      "rivera"; a 3-letter name or part like "Sam" alone is allowed, or too many good phrases —
 *      "samples of rain" — would be refused).
 * Lengths are counted in characters as typed (an emoji counts once).
 * The seeded demo password "mend-demo" (9 characters) does not pass; demo accounts are seeded,
 * not chosen through this policy.
 */

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Lower-case. Checked as typed and with digits/symbols stripped from both ends. */
const COMMON = new Set([
  "password", "passw0rd", "password1", "password123", "1234567890", "0123456789", "0987654321",
  "12345678910", "1111111111", "qwertyuiop", "qwertyuiop1", "asdfghjkl", "asdfghjkl1", "zxcvbnm",
  "qwerty", "qwerty123", "1qaz2wsx3edc", "abcdefghij", "abcd1234", "iloveyou", "letmein", "welcome",
  "trustno1", "sunshine", "football", "baseball", "princess", "monkey", "dragon", "superman",
  "starwars", "whatever", "changeme", "admin", "loveyou", "mustang", "shadow", "master",
]);

export type PasswordCheck = { ok: true } | { ok: false; message: string };

function chars(s: string): number {
  return [...s].length;
}

export function checkPassword(pw: string, context: { email?: string | null; name?: string | null } = {}): PasswordCheck {
  if (typeof pw !== "string" || chars(pw.trim()) < PASSWORD_MIN) {
    return { ok: false, message: "Use at least 10 characters — a short phrase works well." };
  }
  if (chars(pw) > PASSWORD_MAX) return { ok: false, message: "Use 200 characters or fewer." };
  if (new Set(pw.trim()).size === 1) {
    return { ok: false, message: "Use a mix of characters rather than one repeated — a short phrase works well." };
  }

  const lower = pw.toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  if (COMMON.has(lower) || COMMON.has(lower.trim()) || (core && COMMON.has(core))) {
    return { ok: false, message: "That password is very common and easy to guess. Try a short phrase only you would think of." };
  }

  const local = (context.email ?? "").split("@")[0]?.trim().toLowerCase() ?? "";
  if (chars(local) >= 3 && lower.includes(local)) {
    return { ok: false, message: "Please leave your email address out of your password." };
  }

  const name = (context.name ?? "").trim().toLowerCase().replace(/\s+/g, " ");
  if (name) {
    const candidates = [name, name.replace(/ /g, ""), ...name.split(/[^\p{L}\p{M}]+/u).filter((part) => chars(part) >= 4)];
    if (candidates.some((c) => chars(c) >= 4 && lower.includes(c))) {
      return { ok: false, message: "Please leave your name out of your password." };
    }
  }
  return { ok: true };
}
