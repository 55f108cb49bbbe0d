/** What a new password must be. Plain, kind messages. */
const COMMON = new Set([
  "password", "password1", "password123", "1234567890", "12345678910", "qwertyuiop", "iloveyou", "iloveyou123",
  "letmein123", "welcome123", "passw0rd123", "abc1234567", "qwerty1234", "1qaz2wsx3edc", "trustno1234",
  "sunshine123", "football123", "princess123", "monkey12345", "dragon12345", "baseball123", "superman123",
  "starwars123", "whatever123", "0987654321", "1111111111", "aaaaaaaaaa", "changeme123", "password!!", "loveyou123",
]);

export type PasswordCheck = { ok: true } | { ok: false; message: string };

export function checkPassword(pw: string, context: { email?: string; name?: string } = {}): PasswordCheck {
  if (typeof pw !== "string" || pw.length < 10) return { ok: false, message: "Use at least 10 characters — a short phrase works well." };
  if (pw.length > 200) return { ok: false, message: "Use at most 200 characters." };
  if (new Set(pw).size === 1) return { ok: false, message: "Use more than one kind of character." };
  const lower = pw.toLowerCase();
  if (COMMON.has(lower)) return { ok: false, message: "That password is too common. Try a short phrase only you would think of." };
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 3 && lower.includes(local)) return { ok: false, message: "Don't include your email address in your password." };
  const name = context.name?.toLowerCase().trim();
  if (name && name.length >= 3 && lower.includes(name)) return { ok: false, message: "Don't include your name in your password." };
  return { ok: true };
}
