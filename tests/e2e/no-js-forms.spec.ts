/**
 * Issue 16 item 5: with scripts blocked, plain HTML forms must pass the same-origin (CSRF)
 * check. They used to post `Origin: null` (Referrer-Policy no-referrer) and were refused.
 * The partner here is of therapist 2's practice list, so other specs' demo data stays as it was.
 */
import type { Browser } from "@playwright/test";
import { DEMO_PASSWORD, expect, test } from "./fixtures";

async function noScriptPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 667 }, baseURL });
  return { context, page: await context.newPage() };
}

test.describe("forms without JavaScript", () => {
  test("a partner signs in, asks for help and checks in", async ({ browser, baseURL }) => {
    const { context, page } = await noScriptPage(browser, baseURL);
    await page.goto("/login");
    await page.getByLabel("Email").fill("cameron@demo.mend");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/today$/);
    await expect(page.getByRole("banner")).toContainText("Cameron Price");

    await page.goto("/help");
    await page.getByLabel(/Anything you want to tell us/).fill("Please call me at work, not at home.");
    await page.getByRole("button", { name: "Send to my care team" }).click();
    await expect(page.getByRole("status")).toContainText("Your message was sent to your care team");

    await page.goto("/checkin");
    await page.getByRole("group", { name: /mood today/i }).getByLabel("6", { exact: true }).check();
    await page.getByRole("group", { name: /close and trusting/i }).getByLabel("5", { exact: true }).check();
    await page.getByRole("group", { name: /feel safe at home/i }).getByLabel("Yes").check();
    await page.getByRole("button", { name: /save/i }).click();
    await expect(page).toHaveURL(/\/today\?saved=checkin/);
    await expect(page.getByText(/today's check-in is saved/i)).toBeVisible();
    await context.close();
  });

  test("the therapist signs in", async ({ browser, baseURL }) => {
    const { context, page } = await noScriptPage(browser, baseURL);
    await page.goto("/login");
    await page.getByLabel("Email").fill("therapist@demo.mend");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/caseload$/);
    await expect(page.getByRole("banner")).toContainText("Signed in as");
    await context.close();
  });
});
