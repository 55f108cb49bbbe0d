/**
 * The authorization matrix: every route in Remix's route manifest × every persona × GET/POST,
 * checked against app/domain/access-matrix.ts. A route missing from the table fails here, so a
 * new route cannot escape review. Denied POSTs must leave the database unchanged.
 */
import path from "node:path";
import { readConfig } from "@remix-run/dev/dist/config.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS, allowed, PERSONAS, type Persona } from "~/domain/access-matrix";
import { prisma, sql } from "~/utils/db.server";
import { call, createWorld, ORIGIN, sessionCookieFor } from "../support/fixtures";

type World = Awaited<ReturnType<typeof createWorld>>;
type RouteModule = { loader?: (a: never) => unknown; action?: (a: never) => unknown };

const config = await readConfig(path.resolve(__dirname, "../.."));
const routes = Object.values(config.routes);

function fullPath(id: string): string {
  const parts: string[] = [];
  for (let r: (typeof config.routes)[string] | undefined = config.routes[id]; r; r = r.parentId ? config.routes[r.parentId] : undefined) {
    if (r.path) parts.unshift(r.path);
  }
  return "/" + parts.join("/");
}

let world: World;
let users: Record<Exclude<Persona, "anon">, { id: string }>;
const params: Record<string, string> = {};
let checked = 0;

/**
 * Text that only some personas may ever receive, in any response (HTML, JSON, redirect):
 * partner A1's private check-in note, couple A's identity, and practice 1's staff list.
 */
const MARKERS: Record<string, { text: string; may: Persona[] }> = {
  a1Private: { text: "zz-private-a1-note-7f3c", may: ["partnerA1", "therapist", "supervisor"] },
  coupleA: { text: "", may: ["partnerA1", "partnerA2", "therapist", "supervisor"] },
  // couple A's repair plan: partner A2's private question, and partner A1's answer the therapist has not released
  a2Question: { text: "zz-private-a2-question-9d1e", may: ["partnerA2", "therapist"] },
  a1Answer: { text: "zz-unreleased-a1-answer-4b2c", may: ["partnerA1", "therapist"] },
  practice1Staff: { text: "", may: ["partnerA1", "partnerA2", "partnerB1", "therapist", "otherTherapist", "supervisor", "admin"] },
};

function expectNoLeak(persona: Persona, what: string, body: unknown) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  for (const [name, m] of Object.entries(MARKERS)) {
    if (m.text && !m.may.includes(persona)) expect(text.includes(m.text), `${what} as ${persona} leaked ${name}`).toBe(false);
  }
}

beforeAll(async () => {
  world = await createWorld();
  const personaUser: Record<Exclude<Persona, "anon">, { id: string }> = {
    partnerA1: world.partnerA1,
    partnerA2: world.partnerA2,
    partnerB1: world.partnerB1,
    therapist: world.therapist,
    otherTherapist: world.otherTherapist,
    supervisor: world.supervisor,
    admin: world.admin,
    otherAdmin: world.otherAdmin,
  };
  users = personaUser;

  // Records of couple A for parameterised routes.
  const a = world.coupleA;
  const assignment = await prisma.assignment.create({
    data: { coupleId: a.id, title: "Daily check-in", target: "10 minutes at 8 PM", cadence: "daily", startDate: a.startDate, createdById: world.therapist.id },
  });
  const homework = await prisma.homework.create({
    data: {
      coupleId: a.id,
      title: "Questions I still need answered",
      instructions: "Write them down.",
      dueDate: new Date(Date.now() + 3 * 86_400_000),
      createdById: world.therapist.id,
      prompts: { create: [{ position: 0, type: "text", label: "Your questions" }] },
    },
  });
  const flag = await prisma.safetyFlag.create({
    data: {
      practiceId: world.practice.id,
      coupleId: a.id,
      partnerId: world.partnerA1.id,
      source: "therapist",
      concern: "therapist",
      severity: "medium",
      dueBy: new Date(Date.now() + 72 * 3_600_000),
      events: { create: [{ type: "raised", authorId: world.therapist.id, note: "matrix test" }] },
    },
  });
  await prisma.checkIn.create({
    data: { coupleId: a.id, partnerId: world.partnerA1.id, localDate: new Date("2026-11-01T00:00:00Z"), mood: 6, closeness: 5, feelSafe: "not_sure", note: MARKERS.a1Private.text, noteShared: false },
  });
  const plan = await prisma.repairPlan.create({ data: { coupleId: a.id, title: "Repair after a broken promise", hurtPartner: "B", startedById: world.therapist.id } });
  const restitution = await prisma.restitutionAction.create({ data: { planId: plan.id, responsibleId: world.partnerA1.id, text: "Tell my brother the truth", dueOn: new Date(Date.now() + 3 * 86_400_000), createdById: world.therapist.id } });
  await prisma.repairQuestion.create({ data: { planId: plan.id, askerId: world.partnerA2.id, text: MARKERS.a2Question!.text } });
  await prisma.repairQuestion.create({
    data: { planId: plan.id, askerId: world.partnerA2.id, text: "Who else knew?", status: "answered", askedAt: new Date(), answer: MARKERS.a1Answer!.text, answeredAt: new Date(), answeredById: world.partnerA1.id },
  });
  MARKERS.coupleA.text = world.partnerA1.email;
  MARKERS.practice1Staff.text = world.otherTherapist.email;
  Object.assign(params, {
    coupleId: a.id,
    assignmentId: assignment.id,
    homeworkId: homework.id,
    flagId: flag.id,
    token: "not-a-real-invite-token-000",
    userId: world.partnerA1.id,
    actionId: restitution.id,
  });
});

afterAll(() => {
  console.log(`[authz matrix] ${checked} route × persona × method checks`);
});

/** Row counts and last-update marks of every clinical table (audit/session tables excluded). */
async function fingerprint() {
  const tables = [
    "Practice", "User", "Couple", "PausePeriod", "RoutineTemplate", "HomeworkTemplate", "Assignment",
    "AdherenceEntry", "Homework", "HomeworkPrompt", "HomeworkSubmission", "CheckIn", "HelpRequest",
    "SafetyFlag", "FlagEvent", "Invite", "ReminderPreference", "OutboxMessage", "RecoveryCode",
    "RepairPlan", "RepairPhase", "RepairPhaseItem", "RepairPlanEvent", "RestitutionAction", "RepairQuestion",
  ];
  const out: Record<string, string> = {};
  for (const t of tables) {
    const [row] = await sql<{ h: string }>(`SELECT count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM "${t}" x`);
    out[t] = row!.h;
  }
  return out;
}

function requestFor(method: "GET" | "POST", url: string, cookie: string | null) {
  const headers = new Headers({ Origin: ORIGIN });
  if (cookie) headers.set("Cookie", cookie);
  if (method === "GET") return new Request(`${ORIGIN}${url}`, { headers });
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  // A plausible body: ids of couple A's records and harmless values; denied personas must not
  // get anywhere with it, allowed ones may get a 400 for missing fields.
  const body = new URLSearchParams({ intent: "note", note: "matrix", coupleId: params.coupleId!, partnerId: params.userId!, ...params });
  return new Request(`${ORIGIN}${url}`, { method, headers, body });
}

const DENIED = new Set([401, 403, 404, 405, 410]);

describe("every route in the manifest is in the access table", () => {
  it.each(routes.map((r) => [r.id]))("%s", (id) => {
    expect(ACCESS[id], `add ${id} to app/domain/access-matrix.ts`).toBeDefined();
  });
});

describe.each(routes.map((r) => [r.id, r] as const))("%s", (id, route) => {
  const url = fullPath(id).replace(/:(\w+)\??/g, (_m, name: string) => {
    if (!(name in params) && Object.keys(params).length) throw new Error(`no test value for route param :${name}`);
    return params[name] ?? `:${name}`;
  });

  it.each(PERSONAS.map((p) => [p]))(`GET and POST as %s`, async (persona) => {
    const access = ACCESS[id];
    if (!access) return; // reported by the test above
    const mod = (await import(path.join(config.appDirectory, route.file))) as RouteModule;
    const query = (access.query ?? []).map((k) => `${k}=${encodeURIComponent(params[k] ?? "")}`).join("&");
    const resolved = query ? `${url}?${query}` : url;
    const routeParams: Record<string, string> = {};
    for (const m of fullPath(id).matchAll(/:(\w+)/g)) routeParams[m[1]!] = params[m[1]!]!;
    // A fresh session per check: some routes (logout, sign out everywhere) end sessions.
    const cookie = persona === "anon" ? null : await sessionCookieFor(users[persona]);

    if (mod.loader) {
      const res = await call(mod.loader as never, requestFor("GET", resolved, cookie), routeParams);
      checked++;
      expect(res.status, `GET ${resolved} as ${persona}`).toBeLessThan(500);
      expectNoLeak(persona, `GET ${resolved}`, res.data);
      if (allowed(access.GET, persona)) {
        expect(DENIED.has(res.status), `GET ${resolved} as ${persona} should be allowed, got ${res.status}`).toBe(false);
        if (persona !== "anon") expect(res.location ?? "", `GET ${resolved} as ${persona} was sent to sign in`).not.toMatch(/^[/]login[?]/);
      } else {
        const denied = DENIED.has(res.status) || (res.status >= 300 && res.status < 400);
        expect(denied, `GET ${resolved} as ${persona} should be denied, got ${res.status}`).toBe(true);
      }
    } else {
      expect(access.GET === "none" || access.GET === "all", `${id} has no loader`).toBe(true);
    }

    if (mod.action) {
      const before = allowed(access.POST, persona) ? null : await fingerprint();
      const res = await call(mod.action as never, requestFor("POST", resolved, cookie), routeParams);
      checked++;
      expect(res.status, `POST ${resolved} as ${persona}`).toBeLessThan(500);
      expectNoLeak(persona, `POST ${resolved}`, res.data);
      if (before) {
        const denied = DENIED.has(res.status) || (res.status >= 300 && res.status < 400);
        expect(denied, `POST ${resolved} as ${persona} should be denied, got ${res.status}`).toBe(true);
        expect(await fingerprint(), `POST ${resolved} as ${persona} changed the database`).toEqual(before);
      } else {
        expect(DENIED.has(res.status), `POST ${resolved} as ${persona} should be allowed, got ${res.status}`).toBe(false);
      }
    } else {
      expect(access.POST, `${id} has no action: declare POST "none"`).toBe("none");
    }
  });
});
