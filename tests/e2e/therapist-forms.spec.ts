/**
 * Issue 17 item 6, without JavaScript: a past due date is refused by its field, and a partner's
 * "Save draft" says it was saved and when. Uses therapist 2's Hayden & Blake Foster, whom no other
 * spec changes.
 */
import type { Browser } from "@playwright/test";
import { DEMO_PASSWORD, expect, test } from "./fixtures";

async function signIn(browser: Browser, baseURL: string | undefined, email: string) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 800 }, baseURL });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return { context, page };
}

test("homework: a past due date is refused by the field; the partner's draft is confirmed with its time", async ({ browser, baseURL }) => {
  const t = await signIn(browser, baseURL, "therapist2@demo.mend");
  await t.page.goto("/caseload?q=hayden");
  const href = await t.page.getByRole("link", { name: /Hayden Foster/ }).getAttribute("href");
  await t.page.goto(`${href}/homework/new`);
  await t.page.getByLabel("Title").fill("Two-minute thanks");
  await t.page.getByLabel("Instructions").fill("Write one thing you were grateful for.");
  await t.page.getByLabel("Prompt 1", { exact: true }).fill("What were you grateful for?");
  await t.page.getByLabel("Due date").fill("2020-01-01");
  await t.page.getByRole("button", { name: "Assign homework" }).click();
  await expect(t.page.getByText(/this date has passed/)).toBeVisible();
  await expect(t.page.getByLabel("Due date")).toHaveAttribute("aria-invalid", "true");
  await expect(t.page.getByLabel("Title")).toHaveValue("Two-minute thanks");

  const due = await t.page.getByLabel("Due date").getAttribute("min"); // the couple's today
  await t.page.getByLabel("Due date").fill(due!);
  await t.page.getByRole("button", { name: "Assign homework" }).click();
  await expect(t.page).toHaveURL(new RegExp(`${href}$`));
  await t.context.close();

  const p = await signIn(browser, baseURL, "hayden@demo.mend");
  await p.page.goto("/today");
  await p.page.getByRole("link", { name: "Two-minute thanks" }).click();
  await p.page.getByLabel("What were you grateful for?").fill("The tea in the morning");
  await p.page.getByRole("button", { name: "Save draft" }).click();
  await expect(p.page).toHaveURL(/\?saved=1$/);
  await expect(p.page.getByRole("status")).toContainText(/Draft saved at \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/);
  await expect(p.page.getByLabel("What were you grateful for?")).toHaveValue("The tea in the morning");
  await p.context.close();
});
