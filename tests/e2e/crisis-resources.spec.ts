import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

test.use({ viewport: { width: 375, height: 812 } });

const stamp = Date.now();

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${page.url()}: ${v.id} ${v.help}`);
}
const partner = { name: `Robin Marsh${stamp % 1000}`, email: `robin.marsh.${stamp}@example.com`, password: "quiet morning tide" };

test.describe.serial("crisis lines where the partner is (phone)", () => {
  test("a therapist adds a couple in London (country from the time zone) and a partner joins", async ({ page }) => {
    await loginAs(page, "therapist2@demo.mend");
    await page.goto("/couples/new");
    const first = page.getByRole("group", { name: "First partner" });
    await first.getByLabel("Name").fill(partner.name);
    await first.getByLabel("Email").fill(partner.email);
    const second = page.getByRole("group", { name: "Second partner" });
    await second.getByLabel("Name").fill(`Kit Marsh${stamp % 1000}`);
    await second.getByLabel("Email").fill(`kit.marsh.${stamp}@example.com`);
    await page.getByLabel("Couple's time zone").selectOption("Europe/London");
    await page.getByRole("button", { name: /add couple/i }).click();
    const link = await page.getByLabel(`Invitation link for ${partner.name}`).inputValue();
    await page.context().clearCookies();
    await page.goto(new URL(link).pathname);
    await page.getByLabel("Password", { exact: true }).fill(partner.password);
    await page.getByLabel("Type it again").fill(partner.password);
    await page.getByLabel(/I have read this and agree/).check();
    await page.getByRole("button", { name: /create my account/i }).click();
    await expect(page).toHaveURL(/\/today$/);
  });

  test("on /help the local lines are tap-to-call links above the form, before anything is sent", async ({ page }) => {
    await loginAs(page, partner.email, partner.password);
    await page.goto("/help");
    await expect(page).toHaveTitle("Mend");
    const call999 = page.locator('a[href="tel:999"]');
    await expect(call999).toBeVisible();
    await expect(call999).toHaveText(/Call 999/);
    await expect(page.locator('a[href="tel:911"]')).toHaveCount(0);
    await expect(page.locator('a[href="tel:116123"]')).toBeVisible();
    // above the form, and big enough for a thumb
    const link = (await call999.boundingBox())!;
    const send = (await page.getByRole("button", { name: "Send to my care team" }).boundingBox())!;
    expect(link.y).toBeLessThan(send.y);
    expect(link.height).toBeGreaterThanOrEqual(44);
    expect(link.width).toBeGreaterThan(250);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel(/Anything you want to tell us/).fill("Please call me this afternoon.");
    await page.getByRole("button", { name: "Send to my care team" }).click();
    await expect(page.getByRole("status")).toContainText("sent to your care team");
    await expect(page.getByRole("status")).toContainText("How we may contact you safely");
    await expect(page.locator('a[href="tel:999"]')).toBeVisible();
  });

  test("after a check-in answered “No”, the confirmation offers the lines; after “Yes”, it does not", async ({ page }) => {
    await loginAs(page, partner.email, partner.password);
    const checkIn = async (answer: "No" | "Yes") => {
      await page.goto("/checkin");
      await page.getByRole("group", { name: /mood today/i }).getByLabel("4", { exact: true }).check();
      await page.getByRole("group", { name: /close and trusting/i }).getByLabel("4", { exact: true }).check();
      await page.getByRole("group", { name: /feel safe at home/i }).getByLabel(answer, { exact: true }).check();
      await page.getByRole("button", { name: /save/i }).click();
      await expect(page.getByText(/today's check-in is saved/i)).toBeVisible();
      expect(page.url()).toMatch(/\/today\?saved=checkin$/);
    };
    await checkIn("No");
    await expect(page.getByRole("region", { name: /someone to talk to right away/i })).toBeVisible();
    await expect(page.locator('a[href="tel:999"]')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await checkIn("Yes");
    await expect(page.getByRole("region", { name: /someone to talk to right away/i })).toHaveCount(0);
  });

  test("the admin sees the seeded lines grouped by country, each waiting to be verified", async ({ page }) => {
    await loginAs(page, "admin@demo.mend");
    await page.goto("/admin/resources");
    const gb = page.getByRole("region", { name: "United Kingdom (GB)" });
    await expect(gb).toContainText("0808 2000 247");
    await expect(gb.getByText("Verify this number").first()).toBeVisible();
    // bad input keeps what was typed and says what is wrong
    const add = page.getByRole("region", { name: "Add a line" });
    await add.getByLabel("Name of the line").fill("Local line");
    await add.getByLabel("Country (two-letter code)").fill("ZZ");
    await add.getByRole("button", { name: "Add line" }).click();
    await expect(add.getByText("Use a two-letter country code")).toBeVisible();
    await expect(add.getByText("Give a number to call or a number to text.")).toBeVisible();
    await expect(add.getByLabel("Name of the line")).toHaveValue("Local line");
  });
});
