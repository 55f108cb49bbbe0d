/**
 * Issue 16, item 13: first-run setup has one winner, decided in the database. This file's
 * database starts empty (no practice, no account), which is what /setup needs.
 */
import { describe, expect, it } from "vitest";
import * as setup from "~/routes/setup";
import { prisma } from "~/utils/db.server";
import { call, postRequest } from "../support/fixtures";

const fields = (i: number) => ({
  practiceName: `Practice ${i}`,
  name: `Robin Okafor ${i}`,
  email: `owner-${i}@example.org`,
  password: `tidal marble lantern ${i}`,
});

describe("first-run setup", () => {
  it("three concurrent submissions on an empty instance: one practice and one admin; the others are told it is already set up", async () => {
    expect(await prisma.user.count()).toBe(0);
    const requests = await Promise.all([0, 1, 2].map((i) => postRequest("/setup", fields(i))));
    const results = await Promise.all(requests.map((r) => call(setup.action, r)));

    expect(await prisma.practice.count()).toBe(1);
    expect(await prisma.user.count()).toBe(1);
    expect(await prisma.user.count({ where: { role: "admin" } })).toBe(1);

    const winners = results.filter((r) => r.status === 302);
    expect(winners).toHaveLength(1);
    expect(winners[0]!.location).toBe("/admin");
    const losers = results.filter((r) => r.status !== 302);
    expect(losers).toHaveLength(2);
    for (const l of losers) {
      expect(l.status).toBe(409);
      expect(JSON.stringify(l.data)).toMatch(/already set up/);
    }
    // The winner's practice is complete: the library and the crisis lines were seeded.
    const practice = await prisma.practice.findFirstOrThrow({ select: { id: true } });
    expect(await prisma.homeworkTemplate.count({ where: { practiceId: practice.id } })).toBeGreaterThan(0);
    expect(await prisma.crisisResource.count({ where: { practiceId: practice.id } })).toBeGreaterThan(0);
  });

  it("once set up, the page and the form are gone", async () => {
    expect((await call(setup.loader, await postRequest("/setup", {}))).status).toBe(404);
    const late = await call(setup.action, await postRequest("/setup", fields(9)));
    expect(late.status).toBe(404);
    expect(await prisma.user.count()).toBe(1);
  });
});
