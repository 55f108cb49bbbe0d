/**
 * Issue 15 item 4, "a quick exit that protects": on a phone the button is on screen without
 * scrolling and first in the tab order; pressing it (or Escape three times) lands on the neutral
 * site, signs out on the server, and Back shows nothing of the partner — with and without
 * JavaScript.
 */
import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

const PHONE = { width: 375, height: 667 };
const NEUTRAL = /^https:\/\/www\.weather\.gov\//;

test.use({ viewport: PHONE });

async function neutralSite(page: Page) {
  await page.route("https://www.weather.gov/**", (r) => r.fulfill({ contentType: "text/html", body: "<title>Weather</title>weather" }));
}

/** The button is inside the phone's viewport, a comfortable target, and stays there when scrolled. */
async function expectOnScreen(page: Page) {
  const button = page.getByRole("button", { name: "Quick exit" });
  await expect(button).toBeVisible();
  const box = (await button.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(44);
  expect(box.height).toBeGreaterThanOrEqual(44);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
  expect(await button.evaluate((el) => getComputedStyle(el.closest("form") ?? el).position)).toBe("fixed");
}

/** Whatever Back shows, it holds nothing of the partner: at most the neutral sign-in page. */
async function expectNothingOfThePartner(page: Page) {
  await page.waitForLoadState("domcontentloaded");
  if (!NEUTRAL.test(page.url())) {
    expect(new URL(page.url()).pathname).toBe("/login");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Mend");
  }
  const text = await page.locator("body").innerText();
  expect(text).not.toMatch(/Alex|Rivera|Signed in as|check-?in|Today|History|Quick exit/i);
  await expect(page.locator("body.partner")).toHaveCount(0);
}

async function expectSignedOut(page: Page) {
  await page.goto("/today");
  await expect(page).toHaveURL(/\/login\?/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Mend");
  await expect(page.getByLabel("Email")).toHaveValue("");
}

test.describe("quick exit (phone)", () => {
  test("the button is on screen, first in the tab order, leaves, signs out, and Back shows nothing", async ({ page }) => {
    await neutralSite(page);
    await loginAs(page, "alex@demo.mend");
    await page.goto("/today");
    await expect(page.getByRole("banner")).toContainText("Alex Rivera");
    await expectOnScreen(page);
    await page.goto("/checkin");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/check-in/i);
    await expectOnScreen(page);
    // the first stop of the keyboard
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Quick exit" })).toBeFocused();
    // still on screen at the bottom of a long page
    await page.mouse.wheel(0, 5000);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await expectOnScreen(page);

    await page.getByRole("button", { name: "Quick exit" }).click();
    await expect(page).toHaveURL(NEUTRAL);
    await expect(page).toHaveTitle("Weather");
    await page.goBack();
    await expectNothingOfThePartner(page);
    await expectSignedOut(page);
  });

  test("Escape three times leaves and signs out too", async ({ page }) => {
    await neutralSite(page);
    await loginAs(page, "alex@demo.mend");
    await page.goto("/today");
    await page.goto("/checkin");
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    await page.waitForTimeout(300); // hydration attaches the key listener
    for (let i = 0; i < 3; i++) await page.keyboard.press("Escape");
    await expect(page).toHaveURL(NEUTRAL);
    await page.goBack();
    await expectNothingOfThePartner(page);
    await expectSignedOut(page);
  });

  test("without JavaScript the button still leaves and signs out on the server", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE, baseURL });
    const page = await context.newPage();
    await neutralSite(page);
    await loginAs(page, "alex@demo.mend");
    await page.goto("/today");
    await expect(page.getByRole("banner")).toContainText("Alex Rivera");
    await page.goto("/checkin");
    await expectOnScreen(page);
    await page.getByRole("button", { name: "Quick exit" }).click();
    await expect(page).toHaveURL(NEUTRAL);
    expect((await context.cookies()).filter((c) => c.name === "mend_session")).toEqual([]);
    await page.goBack();
    await expectNothingOfThePartner(page);
    await expectSignedOut(page);
    await context.close();
  });
});
