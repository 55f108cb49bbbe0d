import { expect, loginAs, test } from "./fixtures";

test.describe("sign-in and landing pages", () => {
  test("a wrong password shows an error by the form and keeps the email", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("therapist@demo.mend");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(page.getByRole("alert")).toContainText(/do not match/i);
    await expect(page.getByLabel("Email")).toHaveValue("therapist@demo.mend");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a therapist signs in by typing and lands on the caseload", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel("Email").fill("therapist@demo.mend");
    await page.getByLabel("Password").fill("mend-demo");
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(page).toHaveURL(/\/caseload$/);
    await expect(page.getByRole("heading", { level: 1, name: /caseload/i })).toBeVisible();
  });

  for (const [email, path, heading] of [
    ["therapist2@demo.mend", "/caseload", /caseload/i],
    ["alex@demo.mend", "/today", /today|good (morning|afternoon|evening)|hello/i],
    ["sam@demo.mend", "/today", /today|good (morning|afternoon|evening)|hello/i],
    ["supervisor@demo.mend", "/flags", /safety/i],
    ["admin@demo.mend", "/admin", /staff/i],
  ] as const) {
    test(`${email} lands on ${path}`, async ({ page }) => {
      const location = await loginAs(page, email);
      expect(location).toBe(path);
      await page.goto("/");
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { level: 1 }).first()).toHaveText(heading);
    });
  }

  test("a partner cannot open a couple's clinical page or another role's pages", async ({ page }) => {
    await loginAs(page, "therapist@demo.mend");
    await page.goto("/caseload");
    const href = await page.getByRole("link", { name: /alex/i }).first().getAttribute("href");
    expect(href).toMatch(/^\/couples\//);
    await page.context().clearCookies();

    await loginAs(page, "alex@demo.mend");
    for (const path of [href!, "/caseload", "/flags", "/admin"]) {
      const response = await page.goto(path);
      expect([403, 404], path).toContain(response!.status());
    }
  });

  test("health check reports the database", async ({ request }) => {
    const response = await request.get("/healthz");
    expect(response.ok()).toBeTruthy();
    expect(await response.json()).toMatchObject({ ok: true });
  });
});
