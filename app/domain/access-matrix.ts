/**
 * The declared access table for every route, read by tests/integration/authz-matrix.test.ts,
 * which enumerates Remix's route manifest: a route missing here fails the test.
 *
 * Personas (see tests/support/fixtures.ts `createWorld`):
 *   anon        nobody signed in
 *   partnerA1   partner A of couple A        partnerA2  partner B of couple A
 *   partnerB1   a partner of couple B (another therapist's couple)
 *   therapist   couple A's therapist          otherTherapist  couple B's therapist
 *   supervisor  the practice's supervisor     admin       the practice's admin
 *   otherAdmin  an admin of another practice
 *
 * For each route and method: the personas that may use it ("all" = every persona incl. anon;
 * "signedIn" = every signed-in persona). Everyone else must get a redirect to sign in (anon),
 * 403 or 404 — and, for POST, the database must be unchanged. Parameterised routes are
 * requested for couple A's records (see the test for the ids used).
 */
export const PERSONAS = [
  "anon",
  "partnerA1",
  "partnerA2",
  "partnerB1",
  "therapist",
  "otherTherapist",
  "supervisor",
  "admin",
  "otherAdmin",
] as const;
export type Persona = (typeof PERSONAS)[number];
type Who = readonly Persona[] | "all" | "signedIn" | "none";

export interface RouteAccess {
  GET: Who;
  POST: Who;
  /** why, for a reader of this table */
  note?: string;
  /** search params the route needs, filled with couple A's ids (e.g. "coupleId") */
  query?: string[];
}

// Practice-wide pages answer every admin/supervisor with THEIR OWN practice's data; the test's
// leak markers check that another practice's admin never receives this practice's records.
const STAFF_ADMINS = ["admin", "otherAdmin"] as const;
const PARTNERS_A = ["partnerA1", "partnerA2"] as const;
const PARTNERS = ["partnerA1", "partnerA2", "partnerB1"] as const;

export const ACCESS: Record<string, RouteAccess> = {
  root: { GET: "all", POST: "none" },
  "routes/_index": { GET: "all", POST: "none", note: "redirects to sign-in or the role's home" },
  "routes/login": { GET: "all", POST: "all" },
  "routes/login_.2fa": { GET: "none", POST: "none", note: "only for a half-signed-in session (second factor pending)" },
  "routes/logout": { GET: "all", POST: "all" },
  "routes/exit": { GET: "all", POST: "all", note: "the quick exit: ends one's own session (if any) and goes to a neutral site" },
  "routes/healthz": { GET: "all", POST: "none" },
  "routes/setup": { GET: "none", POST: "none", note: "only while no account exists" },
  "routes/join.$token": { GET: "all", POST: "none", note: "requested with an unknown token: a plain message, and nothing can be done with it (the real flow is in auth.test.ts)" },
  "routes/reset._index": { GET: "all", POST: "all", note: "\"Forgot your password?\": the same neutral answer whether or not the address has an account" },
  "routes/reset.$token": { GET: "all", POST: "none", note: "requested with an unknown token: a plain message (410), and nothing can be done with it (the real flow is in account-recovery.test.ts)" },
  "routes/account": { GET: "signedIn", POST: "signedIn" },
  "routes/admin._index": { GET: STAFF_ADMINS, POST: STAFF_ADMINS },
  "routes/couples.new": { GET: ["therapist", "otherTherapist"], POST: ["therapist", "otherTherapist"] },
  "routes/caseload": { GET: ["therapist", "otherTherapist"], POST: "none" },
  "routes/today": { GET: PARTNERS, POST: "none" },
  "routes/checkin": { GET: PARTNERS, POST: PARTNERS, note: "each partner checks in for themself only" },
  "routes/questions": { GET: PARTNERS, POST: PARTNERS, note: "each partner's own private screen only; another's screen id → 404" },
  "routes/log": { GET: "all", POST: PARTNERS, note: "GET redirects to /today; couple A's assignment id → 404 for partner B1" },
  "routes/history": { GET: PARTNERS, POST: "none" },
  "routes/help": { GET: PARTNERS, POST: PARTNERS },
  "routes/homework.$homeworkId": { GET: PARTNERS_A, POST: PARTNERS_A, note: "couple A's homework; partner B1 gets 404" },
  "routes/flags._index": { GET: ["supervisor"], POST: "none" },
  "routes/flags.resolved": { GET: ["supervisor"], POST: ["supervisor"], note: "resolved flags of the practice and the review of therapists' lone resolutions" },
  "routes/a.$flagId": { GET: ["therapist", "supervisor"], POST: "none", note: "the alert email's short link to a flag of couple A" },
  "routes/flags.$flagId": { GET: ["therapist", "supervisor"], POST: ["therapist", "supervisor"], note: "a flag of couple A: its therapist and the supervisor" },
  "routes/flags.new": { GET: ["therapist"], POST: ["therapist"], query: ["coupleId"], note: "for couple A: only its therapist" },
  "routes/couples_.$coupleId.resume": { GET: ["therapist"], POST: ["therapist"], note: "the resume form; a note that is missing or too long comes back here with the message by the field" },
  "routes/couples.$coupleId._index": { GET: ["therapist"], POST: ["therapist"] },
  "routes/couples.$coupleId.pause": { GET: ["therapist"], POST: ["therapist"], note: "couple A's therapist decides when and how the couple learns of a pause" },
  "routes/couples.$coupleId.assign": { GET: ["therapist"], POST: ["therapist"] },
  "routes/couples.$coupleId.routines.$assignmentId.end": { GET: ["therapist"], POST: ["therapist"], note: "the confirm step before a routine of couple A ends" },
  "routes/couples.$coupleId.plan": { GET: ["therapist"], POST: ["therapist"], note: "couple A's repair plan: only its therapist starts it, moves it on and adds restitution" },
  "routes/plan.questions": { GET: PARTNERS, POST: PARTNERS, note: "each partner's own plan's questions: the hurt partner's private list, the questions asked of the other; never another's private question or an unreleased answer (leak markers)" },
  "routes/restitution.$actionId": { GET: PARTNERS_A, POST: PARTNERS_A, note: "a restitution action of couple A: its partners (who may do what is checked inside: tests/integration/repair-plan.test.ts); partner B1 gets 404" },
  "routes/couples.$coupleId.screen": { GET: "none", POST: ["therapist"], note: "send a private screen now / its interval: only the couple's therapist" },
  "routes/couples.$coupleId.homework.new": { GET: ["therapist"], POST: ["therapist"] },
  "routes/couples.$coupleId.homework.$homeworkId": { GET: ["therapist"], POST: ["therapist"] },
  "routes/couples.$coupleId.export[.csv]": { GET: ["therapist"], POST: "none" },
  "routes/couples.$coupleId.print": { GET: ["therapist"], POST: "none" },
  "routes/admin.settings": { GET: STAFF_ADMINS, POST: STAFF_ADMINS },
  "routes/admin.resources": { GET: STAFF_ADMINS, POST: STAFF_ADMINS, note: "each admin edits their own practice's crisis lines; another practice's line → 404" },
  "routes/couples.$coupleId.access": { GET: ["therapist", "admin"], POST: ["therapist", "admin"], note: "close the couple or end one partner's access: its therapist or an admin of the practice (another practice's admin → 404)" },
  "routes/couples.$coupleId.details": { GET: ["therapist"], POST: ["therapist"], note: "the couple's country and the partners' languages: only its therapist" },
  "routes/admin.on-call": { GET: STAFF_ADMINS, POST: STAFF_ADMINS },
  "routes/safety.try": { GET: ["supervisor", ...STAFF_ADMINS], POST: ["supervisor", ...STAFF_ADMINS], note: "nothing is saved; each use is audited" },
  "routes/admin.audit": { GET: STAFF_ADMINS, POST: "none" },
  "routes/settings": { GET: PARTNERS, POST: PARTNERS },
  "routes/digest": { GET: ["therapist", "otherTherapist"], POST: "none", note: "each therapist's own caseload only" },
};

export function allowed(who: Who, persona: Persona): boolean {
  if (who === "all") return true;
  if (who === "none") return false;
  if (who === "signedIn") return persona !== "anon";
  return (who as readonly string[]).includes(persona);
}
