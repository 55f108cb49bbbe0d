/**
 * How long the things people write may be, and how their length is counted. Counted as the
 * characters a person typed (code points: an emoji counts once), never by UTF-16 units, and
 * refused with a message — never cut (no `maxLength` on the field, which silently drops what is
 * pasted past the limit).
 */

/** A clinician's note: flag notes and resolutions, homework feedback and instructions, a partner's help message. */
export const NOTE_MAX = 4000;
/** A partner's short note: the check-in note and appreciation, a routine's note; a note to resume shared work. */
export const SHORT_NOTE_MAX = 2000;

/** Characters as a person counts them. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function isWithinLimit(text: string, max: number): boolean {
  return charCount(text) <= max;
}

/** "Keep it to 4,000 characters or fewer (this has 4,012)." */
export function tooLongMessage(max: number, count: number, what = "it"): string {
  return `Keep ${what} to ${max.toLocaleString("en")} characters or fewer (this has ${count.toLocaleString("en")}).`;
}
