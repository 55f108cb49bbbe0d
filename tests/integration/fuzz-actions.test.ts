/**
 * Hostile input, property-based (fast-check): every action in the route manifest receives
 * malformed, oversized, wrong-typed, missing and extra fields — including HTML/script, long
 * strings, unicode, NUL and other control characters, lone surrogates, years 0000 and 9999,
 * unknown ids and the ids of other couples' records — from a persona allowed to use it, at a URL
 * whose ids may be hostile too. Every loader gets hostile ids and search params the same way.
 * The answer must never be a 5xx, and a rejected (4xx) action must write nothing.
 */
import path from "node:path";
import { readConfig } from "@remix-run/dev/dist/config.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS, allowed, type Persona } from "~/domain/access-matrix";
import * as adminAudit from "~/routes/admin.audit";
import * as coupleRoute from "~/routes/couples.$coupleId._index/route";
import * as helpRoute from "~/routes/help";
import { prisma, sql } from "~/utils/db.server";
import { normaliseText, readForm } from "~/utils/forms.server";
import { call, createWorld, getRequest, ORIGIN, postRequest, sessionCookieFor } from "../support/fixtures";

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const config = await readConfig(path.resolve(__dirname, "../.."));
type RouteModule = { loader?: (a: never) => unknown; action?: (a: never) => unknown };

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
    unknown: "ckunknownunknownunknown00",
  });
});

afterAll(() => console.log(`[fuzz] ${cases} hostile submissions and page loads, none answered 5xx`));

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

/** C0 controls (NUL first among them), DEL, and both halves of a surrogate pair on their own. */
const controlUnit = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom("\u0000", "\u007f", "\ud800", "\udbff", "\udc00", "\udfff", "\r\n", "\r"),
);
const controlString = fc.array(fc.oneof(controlUnit, fc.string({ maxLength: 3 })), { maxLength: 8 }).map((parts) => parts.join(""));
/** Dates at and past the ends of what PostgreSQL and JS agree on. */
const edgeDate = fc
  .tuple(fc.constantFrom("0000", "0001", "0999", "1899", "2026", "9999", "10000", "-0001"), fc.constantFrom("00", "01", "02", "12", "13"), fc.constantFrom("00", "01", "29", "31", "32"))
  .map(([y, m, d]) => `${y}-${m}-${d}`);

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  controlString,
  edgeDate,
  fc.constantFrom("\u0000", "a\u0000b", "\u0000\u0000", "x\ud800y", "\udc00", "line\r\nbreak", "\u0001\u0008\u000b\u001f", "0000-01-01", "9999-12-31", "0000-00-00T00:00", "9999-12-31T23:59"),
  fc.constantFrom("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'; DROP TABLE \"CheckIn\"; --", "\u0000", "💔🙂", "Ω≈ç√∫", "-1", "0", "11", "1e309", "NaN", "2026-02-30", "9999-12-31", "yes", "no", "not_sure", "kept", "high", "resolved", "acknowledge", "resolve", "escalate", "note", "create", "disable", "signout-everywhere"),
  fc.constantFrom("a".repeat(5000), "é".repeat(20000)),
  fc.constantFrom("otherCouple", "otherAssignment", "otherHomework", "otherPartner", "coupleId", "homeworkId", "unknown").map((k) => `@id:${k}`),
);

/** What a route's :param is filled with: the real record's id most of the time, else something hostile. */
const hostileParam = fc.oneof(
  { weight: 3, arbitrary: fc.constant("@real") },
  { weight: 1, arbitrary: fc.constantFrom("a\u0000b", "\u0000", "%00", "ckunknownunknownunknown00", "x\u0001\u001f", "\ud800", "a".repeat(300), "../admin") },
  { weight: 1, arbitrary: controlString },
);

const SEARCH_NAMES = ["user", "couple", "coupleId", "from", "to", "template", "edit", "therapist", "severity", "page", "range", "step", "done", "saved", "setup", "redirectTo", "q", "status", "week"];
const hostileSearch = fc.dictionary(fc.oneof(fc.constantFrom(...SEARCH_NAMES), fc.string({ maxLength: 10 })), fc.oneof(hostileString, edgeDate, fc.constant("@id:unknown")), { maxKeys: 4 });

const hostileForm = fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 20 })), fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 })), { maxKeys: 12 });

function body(form: Record<string, string | string[]>) {
  const b = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) {
    for (const item of Array.isArray(v) ? v : [v]) b.append(k, item.startsWith("@id:") ? (ids[item.slice(4)] ?? item) : item);
  }
  return b;
}

const actionRoutes = Object.values(config.routes);

function routePath(id: string) {
  const parts: string[] = [];
  for (let r: (typeof config.routes)[string] | undefined = config.routes[id]; r; r = r.parentId ? config.routes[r.parentId] : undefined) if (r.path) parts.unshift(r.path);
  return "/" + parts.join("/");
}

const normaliseSurrogates = (v: string) => v.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

/** The URL and Remix params for one run: each :param is the real id or a hostile value. */
function hostileUrl(id: string) {
  const names = [...routePath(id).matchAll(/:(\w+)/g)].map((m) => m[1]!);
  return fc.tuple(...names.map(() => hostileParam)).map((values) => {
    const routeParams: Record<string, string> = {};
    // A URL cannot carry a lone surrogate (it arrives as U+FFFD), so the param is what Remix would decode.
    names.forEach((n, i) => (routeParams[n] = values[i] === "@real" ? (ids[n] ?? "x") : normaliseSurrogates(values[i]!)));
    const url = routePath(id).replace(/:(\w+)\??/g, (_m, n: string) => encodeURIComponent(routeParams[n]!));
    return { url, routeParams };
  });
}

function firstPersona(who: Parameters<typeof allowed>[0] | undefined) {
  const personas = (Object.keys(users) as Exclude<Persona, "anon">[]).filter((p) => who && allowed(who, p));
  return personas[0] ?? null; // null: nobody may use it, so fuzz it anonymously
}

/** Why a run failed, in a form that survives the NUL and surrogates in it. */
const show = (v: unknown) => JSON.stringify(v).slice(0, 300);

describe.each(actionRoutes.map((r) => [r.id, r] as const))("%s", (id, route) => {
  it("never answers 5xx, and a rejected request writes nothing", async () => {
    const mod = (await import(path.join(config.appDirectory, route.file))) as RouteModule;
    if (!mod.action) return;
    const persona = firstPersona(ACCESS[id]?.POST);
    // Actions that end the session (logout, sign out everywhere) get a fresh one each time.
    await fc.assert(
      fc.asyncProperty(hostileForm, hostileUrl(id), async (form, { url, routeParams }) => {
        const headers = new Headers({ Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" });
        if (persona) headers.set("Cookie", await sessionCookieFor(users[persona]));
        const before = await fingerprint();
        const res = await call(mod.action as never, new Request(`${ORIGIN}${url}`, { method: "POST", headers, body: body(form) }), routeParams);
        cases++;
        expect(res.status, `${id} answered ${res.status} to ${show(form)} at ${show(url)}`).toBeLessThan(500);
        if (res.status >= 400) {
          expect(await fingerprint(), `${id} wrote data on a rejected request ${show(form)} at ${show(url)}`).toEqual(before);
          const text = typeof res.data === "string" ? res.data : JSON.stringify(res.data);
          expect(text.length, `${id} rejected without a message`).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe.each(actionRoutes.map((r) => [r.id, r] as const))("%s loader", (id, route) => {
  it("never answers 5xx to hostile ids or search params", async () => {
    const mod = (await import(path.join(config.appDirectory, route.file))) as RouteModule;
    if (!mod.loader) return;
    const persona = firstPersona(ACCESS[id]?.GET);
    const cookie = persona ? await sessionCookieFor(users[persona]) : null;
    await fc.assert(
      fc.asyncProperty(hostileSearch, hostileUrl(id), async (search, { url, routeParams }) => {
        const headers = new Headers({ Origin: ORIGIN });
        if (cookie) headers.set("Cookie", cookie);
        const query = body(search).toString();
        const res = await call(mod.loader as never, new Request(`${ORIGIN}${url}${query ? `?${query}` : ""}`, { headers }), routeParams);
        cases++;
        expect(res.status, `GET ${id} answered ${res.status} at ${show(url)}?${show(query)}`).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  });
});

/** The cases issue 16 found, by name, so a regression says what broke. */
describe("control characters and edge values, by name", () => {
  it("readForm strips NUL and other C0 controls (keeping tab and newlines), turns CRLF into LF and lone surrogates into U+FFFD", async () => {
    const fd = new FormData();
    fd.append("note", "a\u0000b\u0001c\u001fd\te\r\nf\rg\u007fh");
    fd.append("odd", "x\ud800y\udc00z\ud83d\ude00");
    fd.append("na\u0000me", "v");
    fd.append("file", new File(["\u0000raw"], "f.txt"));
    const read = await readForm({ headers: new Headers(), formData: async () => fd } as unknown as Request);
    expect(read.get("note")).toBe("abcd\te\nf\ng\u007fh");
    expect(read.get("odd")).toBe("x\ufffdy\ufffdz\ud83d\ude00");
    expect(read.get("name")).toBe("v");
    expect(read.get("file")).toBeInstanceOf(File);
    expect(normaliseText("ok")).toBe("ok");
  });

  it("a help request containing NUL is stored, normalised, and flagged", async () => {
    const res = await call(helpRoute.action, await postRequest("/help", { message: "he is\u0000 scaring me\r\nplease call" }, world.partnerA2));
    expect(res.status).toBe(200);
    const help = await prisma.helpRequest.findFirstOrThrow({ where: { partnerId: world.partnerA2.id }, orderBy: { createdAt: "desc" } });
    expect(help.message).toBe("he is scaring me\nplease call");
    expect(help.flagId).not.toBeNull();
    const flag = await prisma.safetyFlag.findUniqueOrThrow({ where: { id: help.flagId! } });
    expect(flag.source).toBe("help_request");
  });

  it.each([["a\u0000b"], ["\u0000"], ["x\u0001y"]])("a couple id %j is a 404, for GET and POST", async (coupleId) => {
    const path = `/couples/${encodeURIComponent(coupleId)}`;
    expect((await call(coupleRoute.loader, await getRequest(path, world.therapist), { coupleId })).status).toBe(404);
    expect((await call(coupleRoute.action, await postRequest(path, { intent: "reinvite", partnerId: world.partnerA1.id }, world.therapist), { coupleId })).status).toBe(404);
  });

  it.each([["user=%00"], ["couple=%00"], ["user=a%00b&couple=%01"]])("/admin/audit?%s ignores the filter rather than failing", async (query) => {
    const res = await call(adminAudit.loader, await getRequest(`/admin/audit?${query}`, world.admin));
    expect(res.status).toBeLessThan(500);
    if (res.status >= 300 && res.status < 400) {
      // sent to the same page without the unreadable characters
      expect(res.location).toMatch(/^\/admin\/audit\?/);
      // eslint-disable-next-line no-control-regex -- the control characters must be gone
      expect(decodeURIComponent(res.location!)).not.toMatch(/[\u0000-\u001f]/);
      const again = await call(adminAudit.loader, await getRequest(res.location!, world.admin));
      expect(again.status).toBe(200);
    } else {
      expect(res.status).toBe(200);
    }
  });

  it.each([
    ["from", "0000-01-01"],
    ["from", "9999-12-31"],
    ["to", "9999-12-31"],
    ["to", "0000-01-01"],
  ])("/admin/audit?%s=%s answers with a field error and keeps what was typed", async (field, value) => {
    const res = await call(adminAudit.loader, await getRequest(`/admin/audit?${field}=${value}`, world.admin));
    expect(res.status).toBe(200);
    const d = res.data as { filters: Record<string, string>; errors: Record<string, string | undefined>; events: unknown[] };
    expect(d.errors[field]).toMatch(/date between/i);
    expect(d.filters[field]).toBe(value);
    expect(Array.isArray(d.events)).toBe(true);
  });
});
