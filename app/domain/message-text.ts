/**
 * Every message Mend sends is built here, so it can be tested for one rule: a partner's phone,
 * email or screen may be watched, so nothing sent mentions safety, flags, abuse, therapy
 * content or private answers. Reminders say only that something is waiting in the app.
 */
export const SENSITIVE_WORDS = [
  "safety", "safe", "flag", "abuse", "abusive", "violence", "violent", "danger", "crisis", "help request", "emergency",
  "therapist", "therapy", "counsel", "counseling", "counselling", "affair", "betrayal", "cheat", "trust", "mood", "check-in answer", "private",
];

export function containsSensitive(text: string): string[] {
  const t = text.toLowerCase();
  // Substring match on purpose: "unsafe" and "flagged" must be caught too.
  return SENSITIVE_WORDS.filter((w) => t.includes(w));
}

export type ReminderKind = "checkin" | "routines" | "homework";

/** Partner reminders: neutral, the same shape whatever is due. */
export function reminderMessage(kind: ReminderKind, appName: string | null | undefined, url: string) {
  const name = appName?.trim() || "Mend";
  const subject = kind === "checkin" ? `A reminder from ${name}` : `You have a new item in ${name}`;
  const body = `Hello,\n\nYou have something waiting in ${name}.\n\nOpen it here: ${url}\n\nYou can change or turn off these reminders in the app's settings.`;
  return { subject, body };
}

/** The therapist's daily digest: counts and links only, never clinical text. */
export function digestMessage(counts: { missedCheckIns: number; overdueHomework: number; fallingAdherence: number; openItems: number }, url: string) {
  const subject = "Your daily Mend summary";
  const lines = [
    `${counts.missedCheckIns} couple(s) with no check-in for 3+ days`,
    `${counts.overdueHomework} overdue homework item(s)`,
    `${counts.fallingAdherence} couple(s) with falling adherence`,
    `${counts.openItems} open item(s) needing your review`,
  ];
  return { subject, body: `Good morning,\n\n${lines.join("\n")}\n\nDetails: ${url}` };
}

/**
 * A clinician's alert about a high or imminent flag: a link only. Staff email is read on phones
 * and shared screens too, so it says nothing clinical; the page behind the link needs sign-in.
 */
export function alertMessage(url: string, round: number) {
  const subject = round > 1 ? "Mend: still waiting for someone to look" : "Mend: please sign in now";
  const body = `Hello,\n\nSomething in Mend needs a clinician to look at it soon${round > 1 ? " and nobody has opened it yet" : ""}.\n\nOpen it here: ${url}\n\nPlease sign in as soon as you can.`;
  return { subject, body };
}

/**
 * A password-reset link, to the account's own address. Neutral like every message (someone else
 * may read this inbox): it names no person, no reason and nothing clinical; `appName` is the
 * partner's discreet sender name.
 */
export function passwordResetMessage(appName: string | null | undefined, url: string, minutes: number) {
  const name = appName?.trim() || "Mend";
  const subject = `Choose a new password for ${name}`;
  const body = `Hello,\n\nA link to choose a new password for your ${name} account was requested.\n\nChoose it here (the link works once, for ${minutes === 60 ? "one hour" : `${minutes} minutes`}): ${url}\n\nIf you did not ask for this, you can ignore this message: your password stays as it is.`;
  return { subject, body };
}
