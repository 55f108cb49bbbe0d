/**
 * Who may do what — the one table every loader and action asks (through
 * app/utils/authz.server.ts). Pure data and pure functions: readable by a person, tested.
 *
 * Permission strings are `action:entity:access`:
 *   own   — records in the actor's own caseload (therapist) or own couple (partner)
 *   self  — the actor's own records only (a partner's check-ins, submissions)
 *   any   — any record in the actor's practice
 * Nothing ever crosses practices: every check also compares practiceId.
 */
export type Role = "therapist" | "partner" | "supervisor" | "admin";

export const ROLE_PERMISSIONS = {
  therapist: [
    "read:caseload:own",
    "create:couple:own",
    "read:couple:own",
    "update:couple:own",
    "create:assignment:own",
    "update:assignment:own",
    "create:homework:own",
    "review:homework:own",
    "read:flag:own",
    "create:flag:own",
    "update:flag:own",
    "resume:work:own",
    "export:couple:own",
    "read:digest:own",
    "manage:repair:own",
  ],
  partner: [
    "read:couple:self",
    "create:checkin:self",
    "update:checkin:self",
    "create:adherence:self",
    "update:homework:self",
    "create:help:self",
    "update:preferences:self",
    "update:restitution:self",
  ],
  supervisor: [
    "read:flag:any",
    "update:flag:any",
    "assign:flag:any",
    // the couple context around a flag, not the whole caseload
    "read:couple:flagged",
    // "try a note" against the practice's safety rules (nothing is saved)
    "test:rules:any",
  ],
  admin: [
    "manage:staff:any",
    "manage:settings:any",
    "read:audit:any",
    "test:rules:any",
  ],
} as const satisfies Record<Role, readonly string[]>;

export type Permission = (typeof ROLE_PERMISSIONS)[Role][number];

export function hasPermission(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly string[]).includes(permission);
}

/** Every role lands somewhere useful after sign-in. */
export const HOME_BY_ROLE: Record<Role, string> = {
  therapist: "/caseload",
  partner: "/today",
  supervisor: "/flags",
  admin: "/admin",
};

export interface Actor {
  id: string;
  role: Role;
  practiceId: string;
}

export interface CoupleScope {
  practiceId: string;
  therapistId: string;
  partnerAId: string;
  partnerBId: string;
  /** does the couple have any safety flag (any status)? */
  hasFlag?: boolean;
}

/**
 * How an actor may see a couple:
 * - "clinician": the couple's own therapist — everything, including private fields;
 * - "supervisor": a supervisor of the practice, for a couple that has a safety flag — read-only
 *   clinical context;
 * - "partner": one of the two partners — their own data plus what the other chose to share;
 * - null: nothing (and the caller answers 404, so the couple's existence is not revealed).
 */
export type CoupleAccess = "clinician" | "supervisor" | "partner" | null;

export function coupleAccess(actor: Actor, couple: CoupleScope): CoupleAccess {
  if (actor.practiceId !== couple.practiceId) return null;
  switch (actor.role) {
    case "therapist":
      return couple.therapistId === actor.id ? "clinician" : null;
    case "partner":
      return couple.partnerAId === actor.id || couple.partnerBId === actor.id ? "partner" : null;
    case "supervisor":
      return couple.hasFlag ? "supervisor" : null;
    case "admin":
      return null; // admins manage the practice, not clinical records
  }
}

/** Which slot ("A" | "B") a partner occupies in their couple, or null. */
export function partnerSlot(actorId: string, couple: Pick<CoupleScope, "partnerAId" | "partnerBId">): "A" | "B" | null {
  if (couple.partnerAId === actorId) return "A";
  if (couple.partnerBId === actorId) return "B";
  return null;
}

/** May this viewer see a private field written by `authorId`? Only its author and clinicians. */
export function maySeePrivate(viewer: Actor, access: CoupleAccess, authorId: string): boolean {
  if (access === "clinician" || access === "supervisor") return true;
  return viewer.id === authorId;
}
