import { describe, expect, it } from "vitest";
import * as joinRoute from "~/routes/join.$token";
import * as loginRoute from "~/routes/login";
import * as couplesNew from "~/routes/couples.new";
import * as caseload from "~/routes/caseload";
import * as adminIndex from "~/routes/admin._index";
import { prisma } from "~/utils/db.server";
import { createInvite } from "~/models/invite.server";
import { call, createPractice, createUser, getRequest, postRequest, TEST_PASSWORD } from "../support/fixtures";

describe("login", () => {
  it("signs in with the right password: a new session and a redirect to the role's home", async () => {
    const practice = await createPractice();
    const therapist = await createUser(practice.id, "therapist");
    const res = await call(loginRoute.action, await postRequest("/login", { email: therapist.email, password: TEST_PASSWORD }));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/caseload");
    expect(await prisma.session.count({ where: { userId: therapist.id } })).toBe(1);
  });

  it("rotates the session id: each sign-in creates a new session", async () => {
    const practice = await createPractice();
    const partner = await createUser(practice.id, "partner");
    await call(loginRoute.action, await postRequest("/login", { email: partner.email, password: TEST_PASSWORD }));
    await call(loginRoute.action, await postRequest("/login", { email: partner.email, password: TEST_PASSWORD }));
    const ids = await prisma.session.findMany({ where: { userId: partner.id }, select: { id: true } });
    expect(new Set(ids.map((s) => s.id)).size).toBe(2);
  });

  it.each([
    [{ email: "", password: "x" }, "email"],
    [{ email: "not-an-email", password: "x" }, "email"],
    [{ email: "a@b.co" }, "password"],
    [{ email: "a".repeat(300) + "@b.co", password: "x" }, "email"],
  ])("rejects %o with a 400 and a message on %s, keeping the email", async (fields, field) => {
    const res = await call(loginRoute.action, await postRequest("/login", fields as Record<string, string>));
    expect(res.status).toBe(400);
    const result = (res.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(result.error[field]?.[0]).toMatch(/\w/);
    expect(result.initialValue.email ?? "").toBe(fields.email ?? "");
    expect(result.initialValue.password).toBeUndefined();
  });

  it("a wrong password is a 400 with a form error and no session", async () => {
    const practice = await createPractice();
    const user = await createUser(practice.id, "therapist");
    const res = await call(loginRoute.action, await postRequest("/login", { email: user.email, password: "wrong password" }));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.data)).toMatch(/do not match/);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("locks an account after 5 failures with a 'try again in N minutes' message, even for the right password", async () => {
    const practice = await createPractice();
    const user = await createUser(practice.id, "therapist");
    for (let i = 0; i < 5; i++) {
      await call(loginRoute.action, await postRequest("/login", { email: user.email, password: `wrong ${i}` }));
    }
    const res = await call(loginRoute.action, await postRequest("/login", { email: user.email, password: TEST_PASSWORD }));
    expect(res.status).toBe(429);
    expect(JSON.stringify(res.data)).toMatch(/Try again in \d+ minutes?/);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("couples and invites", () => {
  it("a therapist creates a couple and gets one single-use link per partner; a partner joins and lands on Today", async () => {
    const practice = await createPractice();
    const therapist = await createUser(practice.id, "therapist");
    const res = await call(
      couplesNew.action,
      await postRequest(
        "/couples/new",
        {
          partnerAName: "Robin",
          partnerAEmail: "robin@example.com",
          partnerBName: "Casey",
          partnerBEmail: "casey@example.com",
          startDate: "2026-11-01",
          timeZone: "America/Chicago",
        },
        therapist,
      ),
    );
    expect(res.status).toBe(200);
    const created = (res.data as { created: { coupleId: string; links: { url: string; email: string }[] } }).created;
    expect(created.links).toHaveLength(2);
    const couple = await prisma.couple.findUniqueOrThrow({ where: { id: created.coupleId } });
    expect(couple).toMatchObject({ therapistId: therapist.id, timeZone: "America/Chicago", practiceId: practice.id });

    const token = new URL(created.links[0]!.url).pathname.split("/").pop()!;
    const page = await call(joinRoute.loader, await getRequest(`/join/${token}`), { token });
    expect(page.data).toMatchObject({ state: "valid", name: "Robin" });

    // consent is required, and the password must follow the policy
    const noConsent = await call(joinRoute.action, await postRequest(`/join/${token}`, { password: "a long enough phrase", confirm: "a long enough phrase" }), { token });
    expect(noConsent.status).toBe(400);
    expect(JSON.stringify(noConsent.data)).toMatch(/accept/);
    const weak = await call(joinRoute.action, await postRequest(`/join/${token}`, { password: "short", confirm: "short", consent: "yes" }), { token });
    expect(weak.status).toBe(400);

    const joined = await call(joinRoute.action, await postRequest(`/join/${token}`, { password: "a long enough phrase", confirm: "a long enough phrase", consent: "yes" }), { token });
    expect(joined.status).toBe(302);
    expect(joined.location).toBe("/today");
    const robin = await prisma.user.findFirstOrThrow({ where: { email: "robin@example.com" } });
    expect(robin.passwordHash).toBeTruthy();
    expect(robin.consentAt).toBeTruthy();

    // the link works once
    const again = await call(joinRoute.loader, await getRequest(`/join/${token}`), { token });
    expect(again.data).toMatchObject({ state: "used" });
    const reuse = await call(joinRoute.action, await postRequest(`/join/${token}`, { password: "another long phrase", confirm: "another long phrase", consent: "yes" }), { token });
    expect(reuse.status).toBe(410);
  });

  it("an expired invite says so plainly", async () => {
    const practice = await createPractice();
    const therapist = await createUser(practice.id, "therapist");
    const partner = await prisma.user.create({ data: { practiceId: practice.id, role: "partner", name: "P", email: "p-exp@example.com" } });
    const token = await createInvite({ practiceId: practice.id, userId: partner.id, createdById: therapist.id });
    await prisma.invite.updateMany({ where: { userId: partner.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await call(joinRoute.loader, await getRequest(`/join/${token}`), { token });
    expect(res.data).toMatchObject({ state: "expired" });
  });

  it("refuses duplicate emails and bad fields with field errors, keeping what was typed", async () => {
    const practice = await createPractice();
    const therapist = await createUser(practice.id, "therapist");
    const fields = {
      partnerAName: "Kim",
      partnerAEmail: therapist.email,
      partnerBName: "",
      partnerBEmail: "kim2@example.com",
      startDate: "2026-02-30",
      timeZone: "Mars/Olympus",
    };
    const res = await call(couplesNew.action, await postRequest("/couples/new", fields, therapist));
    expect(res.status).toBe(400);
    const result = (res.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(Object.keys(result.error).sort()).toEqual(["partnerBName", "startDate", "timeZone"]);
    expect(result.initialValue.partnerAName).toBe("Kim");
    expect(await prisma.couple.count({ where: { therapistId: therapist.id } })).toBe(0);
  });
});

describe("authorization basics", () => {
  it("anonymous requests are sent to sign in; other roles get 403 and leave an audit trace", async () => {
    const practice = await createPractice();
    const partner = await createUser(practice.id, "partner");
    const anon = await call(caseload.loader, await getRequest("/caseload"));
    expect(anon.status).toBe(302);
    expect(anon.location).toMatch(/^\/login\?redirectTo=/);

    const denied = await call(caseload.loader, await getRequest("/caseload", partner));
    expect(denied.status).toBe(403);
    const staffPage = await call(adminIndex.loader, await getRequest("/admin", partner));
    expect(staffPage.status).toBe(403);
    const trace = await prisma.auditEvent.findMany({ where: { actorId: partner.id, outcome: "denied" } });
    expect(trace.length).toBe(2);
  });
});
