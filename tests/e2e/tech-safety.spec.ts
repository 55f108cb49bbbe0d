import { expect, loginAs, test } from "./fixtures";

test.describe("technology safety", () => {
  test.beforeEach(async ({ page }) => {
    await page.route("https://www.weather.gov/**", (route) => route.fulfill({ contentType: "text/html", body: "<title>Weather</title><h1>Weather</h1>" }));
  });

  test("partner pages say whose account is open and the page title is neutral", async ({ page }) => {
    await loginAs(page, "alex@demo.mend");
    for (const path of ["/today", "/checkin", "/history", "/help", "/settings"]) {
      await page.goto(path);
      await expect(page.getByRole("banner")).toContainText("Signed in as Alex Rivera");
      expect(await page.title()).not.toMatch(/safe|flag|abuse|help/i);
    }
  });

  test("the quick exit button leaves at once and 'back' does not return to Mend", async ({ page }) => {
    await loginAs(page, "alex@demo.mend");
    await page.goto("/login"); // an earlier entry in history
    await page.goto("/today");
    await page.getByRole("button", { name: "Quick exit" }).click();
    await expect(page).toHaveURL(/weather\.gov/);
    await page.goBack();
    await expect(page).not.toHaveURL(/\/today/);
  });

  test("pressing Escape three times also leaves", async ({ page }) => {
    await loginAs(page, "alex@demo.mend");
    await page.goto("/history");
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    await page.waitForTimeout(300); // hydration attaches the key listener
    for (let i = 0; i < 3; i++) await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/weather\.gov/);
  });

  test("a partner can turn email off and choose a discreet name", async ({ page }) => {
    await loginAs(page, "sam@demo.mend");
    await page.goto("/settings");
    await page.getByLabel("Daily check-in").fill("20:00");
    await page.getByLabel("Send reminders by email").uncheck();
    await page.getByLabel(/Name to use for Mend in emails/).fill("Garden club");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status")).toContainText("Saved");
    await page.reload();
    await expect(page.getByLabel("Send reminders by email")).not.toBeChecked();
    await expect(page.getByLabel(/Name to use for Mend in emails/)).toHaveValue("Garden club");
  });
});
