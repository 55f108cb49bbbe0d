/**
 * The words the audit log is written in. An admin filters and reads these, and reports count
 * them, so a typo ("reads", "flags") would silently split one kind of event into two: audit()
 * takes only these types, and a new kind of event is added here first.
 */

/** What was done. Flag intents (acknowledge … resolve) and assignment changes (pause/resume/end) are recorded as themselves. */
export const AUDIT_ACTIONS = [
  "read",
  "create",
  "update",
  "delete",
  "save",
  "save-draft",
  "submit",
  "review",
  "export",
  "send",
  "try",
  "verify",
  "rotate",
  "enable",
  "disable",
  "accept",
  "password-reset",
  "login",
  "login-2fa",
  "signout-everywhere",
  "denied",
  // flags
  "acknowledge",
  "note",
  "escalate",
  "assign_self",
  "resolve",
  // shared work and assignments
  "pause",
  "resume",
  "end",
  "tell",
  // ending access
  "close",
  "revoke",
  // repair plans: a phase moved on, a phase's work assigned, restitution done and confirmed
  "advance",
  "assign",
  "mark-done",
  "confirm",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Which kind of record. `role` and `permission` are the gate a denied request failed at when no record was named. */
export const AUDIT_ENTITIES = [
  "adherence",
  "assignment",
  "caseload",
  "checkin",
  "couple",
  "couple-locale",
  "couple-summary",
  "couple-work",
  "crisis-resource",
  "crisis-resources",
  "digest",
  "flag",
  "flag-history",
  "flag-queue",
  "help-request",
  "homework",
  "homework-submission",
  "invite",
  "on-call-shift",
  "partner",
  "permission",
  "practice",
  "practice-alert-secret",
  "practice-alert-settings",
  "practice-safety-settings",
  "practice-security",
  "reminder-preferences",
  "repair-plan",
  "repair-question",
  "restitution",
  "role",
  "safe-contact",
  "safety-rules",
  "screen",
  "session",
  "staff",
  "two-factor",
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const AUDIT_OUTCOMES = ["allowed", "denied", "failed"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === "string" && (AUDIT_ACTIONS as readonly string[]).includes(value);
}

export function isAuditEntity(value: unknown): value is AuditEntity {
  return typeof value === "string" && (AUDIT_ENTITIES as readonly string[]).includes(value);
}
