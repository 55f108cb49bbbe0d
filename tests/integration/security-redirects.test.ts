/**
 * Open redirects (issue 16): every redirect target that comes from the request (the sign-in
 * form's redirectTo, a routine report's returnTo) goes through one safeRedirect, which keeps only
 * a same-origin path made of URL-safe characters. Browsers drop tabs and newlines from a
 * Location and read "\" as "/", so "/\t/evil.example/" would leave the site; a raw CR or LF in a
 * Location header is a 500. Both must fall back to the role's home instead.
 */
import { describe, expect, it } from "vitest";
import { addDays, localDateOf } from "~/domain/dates";
import * as log from "~/routes/log";
import * as loginRoute from "~/routes/login";
import { safeRedirect } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { call, createPractice, createUser, createWorld, postRequest, TEST_PASSWORD } from "../support/fixtures";

const FALLBACK = "/home";

/**
 * Every one of these must give the fallback. The third column is what a submitted form leaves of
 * it when the form boundary (readForm) has already removed the character (NUL) — then safe.
 */
const HOSTILE: [string, string, string?][] = [
  ["tab after the slash", "/\t/evil.example/"],
  ["encoded tab", "/%09/evil.example/"],
  ["double-encoded tab", "/%2509/evil.example/"],
  ["CR", "/today\rSet-Cookie: a=b"],
  ["LF", "/today\nSet-Cookie: a=b"],
  ["CRLF", "/today\r\nLocation: https://evil.example"],
  ["encoded CRLF", "/today%0d%0aSet-Cookie:%20a=b"],
  ["NUL", "/today\u0000", "/today"],
  ["encoded NUL", "/today%00"],
  ["protocol-relative", "//evil.example/"],
  ["backslash after the slash", "/\\evil.example/"],
  ["backslash later", "/today\\..\\"],
  ["encoded slash after the slash", "/%2F/evil.example/"],
  ["encoded slash, lower case", "/%2f%2fevil.example/"],
  ["encoded backslash", "/%5Cevil.example/"],
  ["double-encoded slash", "/%252F%252Fevil.example"],
  ["absolute https URL", "https://evil.example/"],
  ["scheme with no slashes", "https:evil.example"],
  ["javascript: URL", "javascript:alert(1)"],
  ["encoded javascript:", "%6Aavascript:alert(1)"],
  ["data: URL", "data:text/html,<script>alert(1)</script>"],
  ["relative path", "today"],
  ["leading space", " /today"],
  ["space inside", "/to day"],
  ["unicode line separator", "/today\u2028"],
  ["non-ASCII", "/tödäy"],
  ["DEL", "/today\u007f"],
  ["C1 control, encoded", "/today%C2%85"],
  ["broken percent-encoding", "/today%E0%A4%A"],
  ["very long", "/" + "a".repeat(5000)],
  ["empty", ""],
];

const SAFE: string[] = ["/", "/today", "/couples/ck123?range=4w", "/admin/audit?user=abc&from=2026-01-01", "/history#week-2", "/couples/ck%20x", "/flags?severity=high&page=2"];

describe("safeRedirect", () => {
  it.each(HOSTILE)("refuses %s", (_name, to) => {
    expect(safeRedirect(to, FALLBACK)).toBe(FALLBACK);
  });

  it.each(SAFE.map((s) => [s]))("keeps the same-site path %s", (to) => {
    expect(safeRedirect(to, FALLBACK)).toBe(to);
  });

  it.each([[null], [undefined], [42 as unknown as string], [new File(["x"], "x.txt") as unknown as string]])("refuses a non-string %s", (to) => {
    expect(safeRedirect(to, FALLBACK)).toBe(FALLBACK);
  });
});

describe("after sign-in", () => {
  it.each(HOSTILE)("a redirectTo with %s signs in and goes home, never elsewhere and never a 500", async (_name, to, cleaned) => {
    const practice = await createPractice();
    const therapist = await createUser(practice.id, "therapist");
    const res = await call(loginRoute.action, await postRequest("/login", { email: therapist.email, password: TEST_PASSWORD, redirectTo: to }));
    expect(res.status).toBe(302);
    expect(res.location).toBe(cleaned ?? "/caseload");
  });

  it("a same-site redirectTo is followed", async () => {
    const practice = await createPractice();
    const therapist = await createUser(practice.id, "therapist");
    const res = await call(loginRoute.action, await postRequest("/login", { email: therapist.email, password: TEST_PASSWORD, redirectTo: "/couples/ck123?range=4w" }));
    expect(res.location).toBe("/couples/ck123?range=4w");
  });
});

describe("after a routine report", () => {
  it.each(HOSTILE)("a returnTo with %s goes back to Today", async (_name, to, cleaned) => {
    const w = await createWorld();
    const today = localDateOf(new Date(), "America/New_York");
    const a = await prisma.assignment.create({
      data: { coupleId: w.coupleA.id, title: "Call", target: "by 8 PM every day", cadence: "daily", startDate: new Date(`${addDays(today, -3)}T00:00:00Z`), createdById: w.therapist.id },
    });
    const res = await call(log.action, await postRequest("/log", { assignmentId: a.id, date: today, status: "kept", returnTo: to }, w.partnerA1));
    expect(res.status).toBe(302);
    expect(res.location).toBe(cleaned ?? "/today");
  });

  it("a same-site returnTo is followed", async () => {
    const w = await createWorld();
    const today = localDateOf(new Date(), "America/New_York");
    const a = await prisma.assignment.create({
      data: { coupleId: w.coupleA.id, title: "Call", target: "by 8 PM every day", cadence: "daily", startDate: new Date(`${addDays(today, -3)}T00:00:00Z`), createdById: w.therapist.id },
    });
    const res = await call(log.action, await postRequest("/log", { assignmentId: a.id, date: today, status: "kept", returnTo: "/history?week=2" }, w.partnerA1));
    expect(res.location).toBe("/history?week=2");
  });
});
