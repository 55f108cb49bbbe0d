import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

/** axe on the page as it is now: no serious or critical violation (each listed with where it is). */
async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  expect(bad).toEqual([]);
}

/** Opens every "View as table" so the tables are checked too, and waits for the charts. */
async function openTables(page: Page) {
  await page.waitForSelector("svg.recharts-surface", { timeout: 10_000 }).catch(() => {});
  for (const summary of await page.locator("details > summary").all()) await summary.click();
}

test.describe("no serious or critical axe violations", () => {
  // axe over a couple page with every table open takes a while on a busy machine
  test.describe.configure({ timeout: 90_000 });

  test("caseload", async ({ page }) => {
    await loginAs(page, "therapist@demo.mend");
    await page.goto("/caseload");
    await expect(page.getByRole("heading", { name: "Caseload" })).toBeVisible();
    await expectNoSeriousViolations(page, "/caseload");
  });

  test("couple page, with its charts drawn and every table open", async ({ page }) => {
    await loginAs(page, "therapist@demo.mend");
    await page.goto("/caseload");
    await page.getByRole("link", { name: /Alex Rivera/ }).first().click();
    await expect(page).toHaveURL(/\/couples\/[^/]+$/);
    await openTables(page);
    await expectNoSeriousViolations(page, "couple page (Alex & Sam)");
  });

  test("a flagged couple's page (flag and pause markers) and its flag page", async ({ page }) => {
    await loginAs(page, "therapist@demo.mend");
    await page.goto("/caseload");
    await page.getByRole("link", { name: /Jordan Kim/ }).first().click();
    await expect(page).toHaveURL(/\/couples\/[^/]+$/);
    await openTables(page);
    await expectNoSeriousViolations(page, "couple page (flagged)");

    await page.locator("a[href^='/flags/']").first().click();
    await expect(page).toHaveURL(/\/flags\/[^/]+$/);
    await expectNoSeriousViolations(page, "flag page");
  });

  test("partner pages", async ({ page }) => {
    await loginAs(page, "alex@demo.mend");
    for (const path of ["/today", "/checkin", "/history", "/settings"]) {
      await page.goto(path);
      await expectNoSeriousViolations(page, path);
    }
  });
});
