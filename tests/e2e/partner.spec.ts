import AxeBuilder from "@axe-core/playwright";
import { expect, loginAs, test } from "./fixtures";

test.use({ viewport: { width: 375, height: 812 } });

const MARKER = `sam-private-${Date.now()}`;

test.describe("a couple completes homework (phone)", () => {
  test("accept an invite, set a password and land on Today", async ({ page }) => {
    await loginAs(page, "therapist@demo.mend");
    await page.goto("/couples/new");
    const first = page.getByRole("group", { name: "First partner" });
    await first.getByLabel("Name").fill("Robin Vale");
    await first.getByLabel("Email").fill(`robin.${Date.now()}@example.com`);
    const second = page.getByRole("group", { name: "Second partner" });
    await second.getByLabel("Name").fill("Casey Vale");
    await second.getByLabel("Email").fill(`casey.${Date.now()}@example.com`);
    await page.getByRole("button", { name: /add couple/i }).click();
    const link = await page.getByLabel("Invitation link for Robin Vale").inputValue();
    await page.context().clearCookies();
    await page.goto(new URL(link).pathname);
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByLabel("Type it again").fill("short");
    await page.getByRole("button", { name: /create my account/i }).click();
    await expect(page.getByText(/at least 10 characters/i).first()).toBeVisible();
    await page.getByLabel("Password", { exact: true }).fill("a calm walk by the river");
    await page.getByLabel("Type it again").fill("a calm walk by the river");
    await page.getByLabel(/I have read this and agree/).check();
    await page.getByRole("button", { name: /create my account/i }).click();
    await expect(page).toHaveURL(/\/today$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Robin");
    // the link works once
    await page.context().clearCookies();
    await page.goto(new URL(link).pathname);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/already used/i);
  });

  test("Sam writes a private note (set-up for the privacy check)", async ({ page }) => {
    await loginAs(page, "sam@demo.mend");
    await page.goto("/checkin");
    await page.getByRole("group", { name: /mood today/i }).getByLabel("6", { exact: true }).check();
    await page.getByRole("group", { name: /close and trusting/i }).getByLabel("6", { exact: true }).check();
    await page.getByRole("group", { name: /feel safe at home/i }).getByLabel("Not sure").check();
    await page.getByLabel("A note (optional)").fill(`${MARKER} just for my therapist`);
    await page.getByRole("button", { name: /save/i }).click();
    await expect(page).toHaveURL(/\/today/);
  });

  test("Alex checks in, logs a routine, submits homework and reads feedback", async ({ page }) => {
    await loginAs(page, "alex@demo.mend");
    await page.goto("/today");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Alex");
    await page.goto("/checkin");
    await expect(page.getByText(/only your therapist and clinical team see this answer/i)).toBeVisible();
    // bad input: nothing chosen → messages by the fields, nothing saved
    await page.getByRole("button", { name: /save/i }).click();
    await expect(page.getByText("Choose your mood from 1 to 10.")).toBeVisible();
    await page.getByRole("group", { name: /mood today/i }).getByLabel("7", { exact: true }).check();
    await page.getByRole("group", { name: /close and trusting/i }).getByLabel("8", { exact: true }).check();
    await page.getByRole("group", { name: /feel safe at home/i }).getByLabel("Yes").check();
    await page.getByLabel(/appreciation for/i).fill("Thank you for the walk after dinner.");
    await page.getByRole("button", { name: /save/i }).click();
    await expect(page.getByText(/today's check-in is saved/i)).toBeVisible();

    // log a routine for today
    const routines = page.getByRole("region", { name: /routines and agreements/i });
    await routines.getByRole("button", { name: "Kept" }).first().click();
    await expect(routines.getByRole("button", { name: "Kept", pressed: true }).first()).toBeVisible();

    // homework due soon
    await page.getByRole("link", { name: /what do you need from me/i }).click();
    await page.getByLabel("What I need from you").fill("Tell me when plans change, before they change.");
    await page.getByLabel("keeping agreements").check();
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(page.getByText(/submitted\. thank you/i)).toBeVisible();

    // therapist feedback from the demo data
    await page.goto("/today");
    await expect(page.getByRole("region", { name: /from your therapist/i })).toContainText(/specific/i);
  });

  test("Sam's private note and safety answer are absent from everything Alex can fetch", async ({ page, request }) => {
    await loginAs(page, "alex@demo.mend");
    const cookies = await page.context().cookies();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    for (const path of ["/today", "/checkin", "/history", "/help", "/account"]) {
      for (const url of [path, `${path}.data`]) {
        const res = await request.get(url, { headers: { Cookie: cookie } });
        expect(res.status(), url).toBeLessThan(400);
        const body = await res.text();
        expect(body, url).not.toContain(MARKER);
        // Sam answered "not sure"; Alex answered "yes". Only the check-in form itself lists the options.
        if (path !== "/checkin") expect(body, url).not.toMatch(/not_sure|Not sure/);
      }
    }
  });

  test("Today, check-in and homework pages have no serious accessibility violations", async ({ page }) => {
    await loginAs(page, "alex@demo.mend");
    for (const path of ["/today", "/checkin", "/history"]) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad.map((v) => `${path}: ${v.id} ${v.help}`)).toEqual([]);
    }
    await page.goto("/today");
    const hw = page.getByRole("region", { name: /homework/i }).getByRole("link").first();
    if (await hw.count()) {
      await hw.click();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    }
  });
});
