/**
 * Hostile input, property-based (fast-check): every action in the route manifest receives
 * malformed, oversized, wrong-typed, missing and extra fields — including HTML/script, long
 * strings, unicode and the ids of other couples' records — from a persona allowed to use it.
 * The answer must never be a 5xx, and a rejected (4xx) request must write nothing.
 */
import path from "node:path";
import { readConfig } from "@remix-run/dev/dist/config.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS, allowed, type Persona } from "~/domain/access-matrix";
import { prisma, sql } from "~/utils/db.server";
import { call, createWorld, ORIGIN, sessionCookieFor } from "../support/fixtures";

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const config = await readConfig(path.resolve(__dirname, "../.."));
type RouteModule = { action?: (a: never) => unknown };

let world: Awaited<ReturnType<typeof createWorld>>;
let users: Record<Exclude<Persona, "anon">, { id: string }>;
const ids: Record<string, string> = {};
let cases = 0;

beforeAll(async () => {
  world = await createWorld();
  users = {
    partnerA1: world.partnerA1, partnerA2: world.partnerA2, partnerB1: world.partnerB1,
    therapist: world.therapist, otherTherapist: world.otherTherapist, supervisor: world.supervisor,
    admin: world.admin, otherAdmin: world.otherAdmin,
  };
  const mk = (coupleId: string, startDate: Date, by: string) =>
    prisma.assignment.create({ data: { coupleId, title: "Call", target: "by 8 PM daily", cadence: "daily", startDate, createdById: by } });
  const aAssign = await mk(world.coupleA.id, world.coupleA.startDate, world.therapist.id);
  const bAssign = await mk(world.coupleB.id, world.coupleB.startDate, world.otherTherapist.id);
  const hw = (coupleId: string, by: string) =>
    prisma.homework.create({
      data: { coupleId, title: "Q", instructions: "Q", dueDate: new Date(Date.now() + 86_400_000), createdById: by, prompts: { create: [{ position: 0, type: "text", label: "Q" }] } },
    });
  const aHw = await hw(world.coupleA.id, world.therapist.id);
  const bHw = await hw(world.coupleB.id, world.otherTherapist.id);
  const flagB = await prisma.safetyFlag.create({
    data: { practiceId: world.practice.id, coupleId: world.coupleB.id, partnerId: world.partnerB1.id, source: "therapist", concern: "therapist", severity: "low", dueBy: new Date(Date.now() + 3_600_000) },
  });
  Object.assign(ids, {
    coupleId: world.coupleA.id, assignmentId: aAssign.id, homeworkId: aHw.id, flagId: flagB.id, token: "zzzzzzzzzzzzzzzzzzzz", userId: world.partnerA1.id,
    otherCouple: world.coupleB.id, otherAssignment: bAssign.id, otherHomework: bHw.id, otherPartner: world.partnerB1.id,
  });
});

afterAll(() => console.log(`[fuzz] ${cases} hostile submissions, none answered 5xx`));

async function fingerprint() {
  const tables = ["User", "Couple", "PausePeriod", "Assignment", "AdherenceEntry", "Homework", "HomeworkPrompt", "HomeworkSubmission", "CheckIn", "HelpRequest", "SafetyFlag", "FlagEvent", "Invite", "Practice", "ReminderPreference", "OutboxMessage"];
  const out: Record<string, string> = {};
  for (const t of tables) {
    const [row] = await sql<{ h: string }>(`SELECT count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM "${t}" x`);
    out[t] = row!.h;
  }
  return out;
}

const FIELD_NAMES = [
  "intent", "email", "password", "confirm", "consent", "name", "role", "note", "mood", "closeness", "feelSafe", "noteShared", "appreciation",
  "status", "date", "occurrenceDate", "assignmentId", "homeworkId", "coupleId", "partnerId", "userId", "severity", "outcome", "assigneeId",
  "title", "target", "cadence", "weekday", "timesPerWeek", "responsible", "startDate", "durationWeeks", "dueDate", "visibility", "assignee",
  "feedback", "message", "code", "timeZone", "phrases", "crisisResources", "slaHighHours", "checkInTime", "emailEnabled", "_idem", "redirectTo",
];

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'; DROP TABLE \"CheckIn\"; --", "\u0000", "💔🙂", "Ω≈ç√∫", "-1", "0", "11", "1e309", "NaN", "2026-02-30", "9999-12-31", "yes", "no", "not_sure", "kept", "high", "resolved", "acknowledge", "resolve", "escalate", "note", "create", "disable", "signout-everywhere"),
  fc.constantFrom("a".repeat(5000), "é".repeat(20000)),
  fc.constantFrom("otherCouple", "otherAssignment", "otherHomework", "otherPartner", "coupleId", "homeworkId").map((k) => `@id:${k}`),
);

const hostileForm = fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 20 })), fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 })), { maxKeys: 12 });

function body(form: Record<string, string | string[]>) {
  const b = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) {
    for (const item of Array.isArray(v) ? v : [v]) b.append(k, item.startsWith("@id:") ? (ids[item.slice(4)] ?? item) : item);
  }
  return b;
}

const actionRoutes = Object.values(config.routes);

describe.each(actionRoutes.map((r) => [r.id, r] as const))("%s", (id, route) => {
  it("never answers 5xx, and a rejected request writes nothing", async () => {
    const mod = (await import(path.join(config.appDirectory, route.file))) as RouteModule;
    if (!mod.action) return;
    const access = ACCESS[id];
    const personas = (Object.keys(users) as Exclude<Persona, "anon">[]).filter((p) => access && allowed(access.POST, p));
    const persona = personas[0] ?? null; // null: nobody may use it, so fuzz it anonymously
    const parts: string[] = [];
    for (let r: (typeof config.routes)[string] | undefined = config.routes[id]; r; r = r.parentId ? config.routes[r.parentId] : undefined) if (r.path) parts.unshift(r.path);
    const routeParams: Record<string, string> = {};
    const url = "/" + parts.join("/").replace(/:(\w+)\??/g, (_m, n: string) => (routeParams[n] = ids[n] ?? "x"));
    // Actions that end the session (logout, sign out everywhere) get a fresh one each time.
    await fc.assert(
      fc.asyncProperty(hostileForm, async (form) => {
        const headers = new Headers({ Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" });
        if (persona) headers.set("Cookie", await sessionCookieFor(users[persona]));
        const before = await fingerprint();
        const res = await call(mod.action as never, new Request(`${ORIGIN}${url}`, { method: "POST", headers, body: body(form) }), routeParams);
        cases++;
        expect(res.status, `${id} answered ${res.status} to ${JSON.stringify(form).slice(0, 300)}`).toBeLessThan(500);
        if (res.status >= 400) {
          expect(await fingerprint(), `${id} wrote data on a rejected request ${JSON.stringify(form).slice(0, 300)}`).toEqual(before);
          const text = typeof res.data === "string" ? res.data : JSON.stringify(res.data);
          expect(text.length, `${id} rejected without a message`).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
