import { expect, loginAs, test } from "./fixtures";

test.describe("a therapist reviews clients", () => {
  test("caseload → flagged couple → chart table matches the CSV export", async ({ page, request }) => {
    await loginAs(page, "therapist@demo.mend");
    await page.goto("/caseload");
    await expect(page.getByRole("heading", { name: "Caseload" })).toBeVisible();
    const first = page.locator("tbody tr").first();
    await expect(first).toHaveClass(/flagged/);
    await page.locator("tbody tr", { hasText: "Jordan Kim" }).getByRole("link").click();
    await expect(page.getByRole("heading", { level: 2, name: /open safety flag/i })).toBeVisible();
    await page.locator("#mood-table summary").click();
    const row = page.locator("#mood-table tbody tr").first();
    const date = (await row.locator("td").nth(0).locator("time").getAttribute("datetime"))!;
    const moodA = (await row.locator("td").nth(1).textContent())!.trim();
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const csvUrl = new URL(page.url()).pathname + "/export.csv";
    const csv = await (await request.get(csvUrl, { headers: { Cookie: cookie } })).text();
    const line = csv.split("\r\n").find((l) => l.startsWith(`check-in,${date},Jordan Kim,`));
    if (moodA === "—") expect(line).toBeUndefined();
    else expect(line?.split(",")[3]).toBe(moodA);
  });

  test("assign a vague agreement (warning, then save anyway) and a homework", async ({ page }) => {
    await loginAs(page, "therapist@demo.mend");
    await page.goto("/caseload");
    await page.getByRole("link", { name: /Alex Rivera/ }).click();
    await expect(page).toHaveURL(/\/couples\/[^/]+$/);
    const coupleUrl = new URL(page.url()).pathname;
    await page.getByRole("link", { name: "Assign a routine" }).click();
    await page.getByLabel("Title").fill("Be better");
    await page.getByLabel("Measurable target").fill("I'll be better");
    await page.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText(/isn't measurable/i);
    await expect(page.getByRole("alert")).toContainText("8 PM every day");
    await expect(page.getByLabel("Measurable target")).toHaveValue("I'll be better");
    await page.getByRole("button", { name: "Save anyway" }).click();
    await expect(page).toHaveURL(new RegExp(`${coupleUrl}$`));
    await expect(page.getByText("I'll be better").first()).toBeVisible();

    await page.getByRole("link", { name: "Assign homework" }).click();
    await page.getByLabel("Title").fill("Three small kindnesses");
    await page.getByLabel("Instructions").fill("Notice three kind things your partner did this week.");
    await page.getByLabel("Prompt 1", { exact: true }).fill("What did you notice?");
    await page.getByRole("button", { name: "Assign homework" }).click();
    await expect(page).toHaveURL(new RegExp(`${coupleUrl}$`));
    await expect(page.getByRole("link", { name: "Three small kindnesses", exact: true })).toBeVisible();
  });

  test("review a submission and leave feedback", async ({ page }) => {
    await loginAs(page, "therapist@demo.mend");
    await page.goto("/caseload");
    await page.getByRole("link", { name: /Alex Rivera/ }).click();
    await page.getByRole("link", { name: "Listening exercise" }).click();
    const feedback = page.getByLabel(/Feedback for Alex Rivera/);
    await feedback.fill("Lovely reflection — let's start there on Thursday.");
    await page.getByRole("button", { name: /save feedback/i }).first().click();
    await expect(page.getByText("reviewed").first()).toBeVisible();
    await expect(page.getByLabel(/Feedback for Alex Rivera/)).toHaveValue(/Lovely reflection/);
  });

  test("another therapist's couple is not found", async ({ page }) => {
    await loginAs(page, "therapist@demo.mend");
    await page.goto("/caseload");
    const href = await page.getByRole("link", { name: /Alex Rivera/ }).getAttribute("href");
    await page.context().clearCookies();
    await loginAs(page, "therapist2@demo.mend");
    const res = await page.goto(href!);
    expect(res!.status()).toBe(404);
  });
});
