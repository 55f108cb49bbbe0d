/**
 * Test data builders and request helpers for integration tests. Every builder writes real rows
 * to the test file's private database.
 */
import type { Role } from "@prisma/client";
import { DEFAULT_CRISIS_RESOURCES } from "~/utils/crisis";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { commitSession, createSession } from "~/utils/session.server";

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;
const hashOnce = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

let counter = 0;
const uniq = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function createPractice(overrides: Partial<{ name: string; require2fa: boolean }> = {}) {
  return prisma.practice.create({
    data: { name: overrides.name ?? `Practice ${uniq()}`, crisisResources: DEFAULT_CRISIS_RESOURCES, flagPhrases: [], require2fa: overrides.require2fa ?? false },
  });
}

export async function createUser(practiceId: string, role: Role, overrides: Partial<{ name: string; email: string }> = {}) {
  const id = uniq();
  return prisma.user.create({
    data: {
      practiceId,
      role,
      name: overrides.name ?? `${role} ${id}`,
      email: overrides.email ?? `${role}-${id}@test.mend`,
      passwordHash: await hashOnce(),
      consentAt: role === "partner" ? new Date() : null,
    },
  });
}

/** A couple with two partners, owned by `therapistId`. */
export async function createCouple(
  practiceId: string,
  therapistId: string,
  overrides: Partial<{ startDate: string; timeZone: string; names: [string, string] }> = {},
) {
  const a = await createUser(practiceId, "partner", { name: overrides.names?.[0] });
  const b = await createUser(practiceId, "partner", { name: overrides.names?.[1] });
  const couple = await prisma.couple.create({
    data: {
      practiceId,
      therapistId,
      partnerAId: a.id,
      partnerBId: b.id,
      startDate: new Date(`${overrides.startDate ?? new Date(Date.now() - 21 * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`),
      timeZone: overrides.timeZone ?? "America/New_York",
    },
  });
  return { couple, partnerA: a, partnerB: b };
}

/**
 * The standard cast used by authorization tests: two couples of one therapist's practice, a
 * second therapist, a supervisor, an admin, and an admin of another practice.
 */
export async function createWorld() {
  const practice = await createPractice();
  const therapist = await createUser(practice.id, "therapist");
  const otherTherapist = await createUser(practice.id, "therapist");
  const supervisor = await createUser(practice.id, "supervisor");
  const admin = await createUser(practice.id, "admin");
  const a = await createCouple(practice.id, therapist.id);
  const b = await createCouple(practice.id, otherTherapist.id);
  const otherPractice = await createPractice();
  const otherAdmin = await createUser(otherPractice.id, "admin");
  const otherPracticeTherapist = await createUser(otherPractice.id, "therapist");
  return {
    practice,
    therapist,
    otherTherapist,
    supervisor,
    admin,
    coupleA: a.couple,
    partnerA1: a.partnerA,
    partnerA2: a.partnerB,
    coupleB: b.couple,
    partnerB1: b.partnerA,
    partnerB2: b.partnerB,
    otherPractice,
    otherAdmin,
    otherPracticeTherapist,
  };
}

export const ORIGIN = "http://mend.test";

/** Cookie header for a fresh session of `user`. */
export async function sessionCookieFor(user: { id: string }) {
  const full = await prisma.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { id: true, role: true, practice: { select: { staffIdleMinutes: true, partnerIdleDays: true } } },
  });
  const sessionId = await createSession(full);
  const setCookie = await commitSession(sessionId);
  return setCookie.split(";")[0]!;
}

export async function getRequest(path: string, user?: { id: string } | null) {
  const headers = new Headers();
  if (user) headers.set("Cookie", await sessionCookieFor(user));
  return new Request(`${ORIGIN}${path}`, { headers });
}

export async function postRequest(path: string, fields: Record<string, string | string[]>, user?: { id: string } | null) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  }
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN });
  if (user) headers.set("Cookie", await sessionCookieFor(user));
  return new Request(`${ORIGIN}${path}`, { method: "POST", body, headers });
}

type Args = { request: Request; params: Record<string, string>; context: Record<string, unknown> };
type Handler = (args: Args) => unknown;

/**
 * Calls a loader/action the way Remix does and normalises the outcome: thrown Responses
 * (redirects, 403/404) are returned, `data()` results are unwrapped to { status, data }.
 */
export async function call(handler: Handler | undefined, request: Request, params: Record<string, string> = {}) {
  if (!handler) throw new Error("route has no such handler");
  try {
    const value = await handler({ request, params, context: {} });
    return normalise(value);
  } catch (thrown) {
    if (thrown instanceof Response) return normalise(thrown);
    throw thrown;
  }
}

async function normalise(value: unknown): Promise<{ status: number; data: unknown; location: string | null }> {
  if (value instanceof Response) {
    const text = await value.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      // plain text
    }
    return { status: value.status, data, location: value.headers.get("Location") };
  }
  // Remix single-fetch `data()` helper returns a DataWithResponseInit
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const v = value as unknown as { data: unknown; init: ResponseInit | null };
    return { status: v.init?.status ?? 200, data: v.data, location: null };
  }
  return { status: 200, data: value, location: null };
}
