/**
 * The ways a partner may let the care team contact them (SafeContact.method, also held by a
 * CHECK constraint). Here rather than in the model so the settings page can draw them in the
 * browser too.
 */
export const CONTACT_METHODS = ["phone", "email", "in_session", "none"] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** What the partner reads when choosing (their own page). */
export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  phone: "By phone",
  email: "By email",
  in_session: "Only in a session — no calls, texts or emails",
  none: "Not at all outside sessions for now",
};
