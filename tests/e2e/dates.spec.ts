/**
 * Issue 17 item 11: one date and time format, decided on the server in the viewer's zone (the
 * practice's for staff), so the page reads the same before and after hydration.
 */
import { DEMO_PASSWORD, expect, loginAs, test } from "./fixtures";

const DATE_TIME = /^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}, \d{2}:\d{2}$/;

test("the safety queue's due times read the same without JavaScript and after hydration, in one format", async ({ browser, baseURL, page }) => {
  const noJs = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const plain = await noJs.newPage();
  await plain.goto("/login");
  await plain.getByLabel("Email").fill("supervisor@demo.mend");
  await plain.getByLabel("Password").fill(DEMO_PASSWORD);
  await plain.getByRole("button", { name: "Sign in" }).click();
  await plain.goto("/flags");
  const serverText = await plain.locator("time.date").allTextContents();
  expect(serverText.length).toBeGreaterThan(0);
  for (const t of serverText) expect(t).toMatch(DATE_TIME);
  await noJs.close();

  await loginAs(page, "supervisor@demo.mend");
  await page.goto("/flags");
  await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
  await page.waitForLoadState("networkidle");
  expect(await page.locator("time.date").allTextContents()).toEqual(serverText);
  // a date never wraps inside a table cell
  expect(await page.locator("time.date").first().evaluate((el) => getComputedStyle(el).whiteSpace)).toBe("nowrap");
});
