/** Shown to a partner at once when they ask for help, until the practice edits its own. */
export const DEFAULT_CRISIS_RESOURCES = `If you are in immediate danger, call 911 (or your local emergency number) now.

National Domestic Violence Hotline (US): call 1-800-799-7233, or text START to 88788. Free, confidential, 24/7.
988 Suicide & Crisis Lifeline (US): call or text 988.
Outside the US: find a local helpline at findahelpline.com.

Your therapist has been told that you asked for help and will contact you as soon as possible, in the way you agreed is safe.`;
