/** Issue 17 item 12: the caseload's name search (works without JavaScript), sparkline legends, and the phone layout. */
import type { Browser } from "@playwright/test";
import { DEMO_PASSWORD, expect, loginAs, test } from "./fixtures";

async function signedInWithoutScripts(browser: Browser, baseURL: string | undefined, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport, baseURL });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill("therapist@demo.mend");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/caseload$/);
  return { context, page };
}

test.describe("caseload", () => {
  test("search by name narrows the list, keeps the query in the box, and says when nothing matches (no JavaScript)", async ({ browser, baseURL }) => {
    const { context, page } = await signedInWithoutScripts(browser, baseURL, { width: 1280, height: 800 });
    const rows = page.locator("table.caseload tbody tr");
    const before = await rows.count();
    expect(before).toBeGreaterThan(2);

    await page.getByRole("searchbox", { name: /name/i }).fill("jord");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]q=jord/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("Jordan Kim");
    await expect(page.getByRole("searchbox", { name: /name/i })).toHaveValue("jord");
    await expect(page.getByRole("status")).toContainText(`1 of ${before} couples matching “jord”`);

    await page.getByRole("searchbox", { name: /name/i }).fill("Nobody Here");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("heading", { name: "No couples match" })).toBeVisible();
    await expect(rows).toHaveCount(0);
    await page.getByRole("link", { name: "show all couples" }).click();
    await expect(rows).toHaveCount(before);
    await context.close();
  });

  test("each sparkline says whose mood it is, and the header takes the adherence window from the domain", async ({ page }) => {
    await loginAs(page, "therapist@demo.mend");
    await page.goto("/caseload?q=jordan");
    const row = page.locator("table.caseload tbody tr").first();
    await expect(row.locator(".spark-name", { hasText: "Jordan" })).toBeVisible();
    await expect(row.locator(".spark-name", { hasText: "Taylor" })).toBeVisible();
    await expect(row.getByRole("img", { name: /^Jordan's mood: \d+ on \d{1,2} [A-Z][a-z]{2} \d{4}/ })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Adherence (14 days)" })).toBeAttached();
  });

  test("on a phone each couple is a card and the safety column is visible, not clipped", async ({ browser, baseURL }) => {
    const { context, page } = await signedInWithoutScripts(browser, baseURL, { width: 375, height: 740 });
    const card = page.locator("table.caseload tbody tr.flagged").first();
    const safety = card.locator("td.safety-cell");
    await expect(safety).toBeVisible();
    await expect(safety).toContainText(/flag/);
    const box = (await safety.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    // no sideways scrolling needed to read a card
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
