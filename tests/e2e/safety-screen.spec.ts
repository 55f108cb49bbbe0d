import { expect, loginAs, test } from "./fixtures";

// A fresh couple, so the screen due "at joining" is theirs and no demo couple's flags change.
const stamp = Date.now();
const names = { a: `Robin Vale${stamp % 1000}`, b: `Casey Vale${stamp % 1000}` };
const email = { a: `robin.${stamp}@example.com`, b: `casey.${stamp}@example.com` };
const PASSWORD = "quiet river stones";

test.describe.serial("the private safety screen and safe contact", () => {
  // A page that fails to hydrate still "works" from the server's HTML; catch it here.
  const pageErrors: string[] = [];
  test.beforeEach(({ page }) => {
    pageErrors.length = 0;
    page.on("pageerror", (e) => pageErrors.push(e.message));
  });
  test.afterEach(() => expect(pageErrors).toEqual([]));

  test("a therapist adds a couple and both partners join", async ({ page }) => {
    await loginAs(page, "therapist@demo.mend");
    await page.goto("/couples/new");
    const first = page.getByRole("group", { name: "First partner" });
    await first.getByLabel("Name").fill(names.a);
    await first.getByLabel("Email").fill(email.a);
    const second = page.getByRole("group", { name: "Second partner" });
    await second.getByLabel("Name").fill(names.b);
    await second.getByLabel("Email").fill(email.b);
    await page.getByRole("button", { name: /add couple/i }).click();
    const links = {
      a: await page.getByLabel(`Invitation link for ${names.a}`).inputValue(),
      b: await page.getByLabel(`Invitation link for ${names.b}`).inputValue(),
    };
    for (const who of ["a", "b"] as const) {
      await page.context().clearCookies();
      await page.goto(new URL(links[who]).pathname);
      await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await page.getByLabel("Type it again").fill(PASSWORD);
      await page.getByLabel(/I have read this and agree/).check();
      await page.getByRole("button", { name: /create my account/i }).click();
      await expect(page).toHaveURL(/\/today$/);
    }
  });

  test("the partner sees the card on Today, answers, and gets only a neutral thank-you", async ({ page }) => {
    await loginAs(page, email.a, PASSWORD);
    await page.goto("/today");
    const card = page.getByRole("region", { name: "A few private questions" });
    await expect(card).toContainText(/when you have a moment and it's safe/i);
    await card.getByRole("link").click();
    await expect(page).toHaveURL(/\/questions$/);
    await expect(page).toHaveTitle("Mend");
    await expect(page.getByRole("heading", { name: "Is it safe to answer these now?" })).toBeVisible();
    await page.getByRole("link", { name: "Yes", exact: true }).click();

    const groups = page.getByRole("group");
    await expect(groups.first()).toContainText(/neck/);
    const count = await groups.count();
    expect(count).toBeGreaterThanOrEqual(8);
    // leave one unanswered first: the error names it and keeps the choices already made
    await groups.first().getByLabel("Yes", { exact: true }).check();
    for (let i = 1; i < count - 1; i++) await groups.nth(i).getByLabel("No", { exact: true }).check();
    await page.getByRole("button", { name: "Save answers" }).click();
    await expect(groups.last().getByRole("alert")).toContainText(/choose an answer/i);
    await expect(groups.first().getByLabel("Yes", { exact: true })).toBeChecked();
    await groups.last().getByLabel("Prefer not to say").check();
    await page.getByRole("button", { name: "Save answers" }).click();

    await expect(page.getByRole("heading", { name: "Thank you" })).toBeVisible();
    await expect(page.getByRole("link", { name: "help page" })).toBeVisible();
    await expect(page.locator("main")).not.toContainText(/flag|concern|alert|therapist will/i);
    await expect(page).toHaveTitle("Mend");
    // the card is gone
    await page.goto("/today");
    await expect(page.getByRole("region", { name: "A few private questions" })).toHaveCount(0);
  });

  test("the therapist and the supervisor then see a high flag about that partner, with the question", async ({ page }) => {
    await loginAs(page, "therapist@demo.mend");
    await page.goto("/caseload");
    const row = page.locator("tbody tr").filter({ hasText: names.a });
    await expect(row).toHaveClass(/flagged/);
    await row.getByRole("link", { name: new RegExp(names.a) }).click();
    await page.getByRole("link", { name: new RegExp(`High — about ${names.a}`) }).click();
    await expect(page.locator("main")).toContainText(/around your neck/);
    await page.context().clearCookies();

    await loginAs(page, "supervisor@demo.mend");
    await page.goto("/flags");
    await expect(page.locator("tbody tr").filter({ hasText: names.a })).toContainText("High");
  });

  test("the therapist's panel: a bad interval is a field error; 'send one now' makes the questions due again", async ({ page }) => {
    await loginAs(page, "therapist@demo.mend");
    await page.goto("/caseload");
    await page.locator("tbody tr").filter({ hasText: names.a }).getByRole("link", { name: new RegExp(names.a) }).click();
    await expect(page).toHaveURL(/\/couples\/[^/]+$/);
    const coupleId = new URL(page.url()).pathname.split("/")[2]!;
    // The panel is placed on the couple page separately; post to its route the way its form does.
    await page.evaluate((action) => {
      const form = Object.assign(document.createElement("form"), { method: "post", action });
      for (const [name, value] of [["intent", "interval"], ["weeks", "99"]]) form.append(Object.assign(document.createElement("input"), { type: "hidden", name, value }));
      document.body.append(form);
      form.submit();
    }, `/couples/${coupleId}/screen?form=1`);
    const panel = page.getByRole("region", { name: "Private safety screen" });
    await expect(panel.getByRole("alert")).toContainText("whole number of weeks from 0 to 52");
    await expect(panel.getByLabel("Repeat every (weeks)")).toHaveValue("99");
    await expect(panel.locator("tbody tr").filter({ hasText: names.a })).not.toContainText("Not yet");
    await panel.getByLabel("Repeat every (weeks)").fill("6");
    await panel.getByRole("button", { name: "Save interval" }).click();
    await expect(page).toHaveURL(new RegExp(`/couples/${coupleId}$`));

    await page.goto(`/couples/${coupleId}`);
    await page.evaluate((action) => {
      const form = Object.assign(document.createElement("form"), { method: "post", action });
      for (const [name, value] of [["intent", "send-now"], ["partnerId", "not-a-partner"]]) form.append(Object.assign(document.createElement("input"), { type: "hidden", name, value }));
      document.body.append(form);
      form.submit();
    }, `/couples/${coupleId}/screen?form=1`);
    const again = page.getByRole("region", { name: "Private safety screen" });
    await expect(again).toContainText("Repeats every 6 weeks");
    await expect(again.getByRole("alert")).toContainText("one of this couple's partners");
    await again.getByLabel("Send one now to").selectOption({ label: names.a });
    await again.getByRole("button", { name: "Send now" }).click();
    await expect(page).toHaveURL(new RegExp(`/couples/${coupleId}$`));
    await page.context().clearCookies();

    await loginAs(page, email.a, PASSWORD);
    await page.goto("/today");
    await expect(page.getByRole("region", { name: "A few private questions" })).toBeVisible();
  });

  test("the other partner can say 'not now', and none of their pages show a trace of the screen or the flag", async ({ page, request }) => {
    await loginAs(page, email.b, PASSWORD);
    await page.goto("/today");
    await page.getByRole("region", { name: "A few private questions" }).getByRole("link").click();
    await page.getByRole("button", { name: "Not now" }).click();
    await expect(page).toHaveURL(/\/today$/);
    await expect(page.getByRole("region", { name: "A few private questions" })).toHaveCount(0);

    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    for (const path of ["/today", "/history", "/questions", "/settings"]) {
      for (const url of [path, `${path}.data`]) {
        const body = await (await request.get(url, { headers: { Cookie: cookie } })).text();
        expect(body, url).not.toMatch(/strangl|flag|neck|throat|Robin Vale\d+'s answers/i);
      }
    }
  });

  test("a partner records how the care team may contact them safely", async ({ page }) => {
    await loginAs(page, email.a, PASSWORD);
    await page.goto("/settings");
    const section = page.getByRole("region", { name: "How we may contact you safely" });
    await expect(section).toContainText(/only your care team sees this/i);
    await expect(section.getByLabel("Do not leave a voicemail")).toBeChecked();
    // phone chosen without a number: a field error, and the code word typed is kept
    await section.getByLabel("By phone").check();
    await section.getByLabel(/A code word/).fill("bluebird");
    await section.getByRole("button", { name: "Save contact preferences" }).click();
    await expect(section.getByText("Add the phone number we may use.")).toBeVisible();
    await expect(section.getByLabel(/A code word/)).toHaveValue("bluebird");
    await expect(section.getByLabel("By phone")).toBeChecked();

    await section.getByLabel(/Phone number/).fill("+1 555 010 0199");
    await section.getByLabel(/Times to avoid/).fill("Evenings and weekends");
    await section.getByRole("button", { name: "Save contact preferences" }).click();
    await expect(section.getByRole("status")).toContainText("Saved");
    await page.reload();
    const again = page.getByRole("region", { name: "How we may contact you safely" });
    await expect(again.getByLabel(/Phone number/)).toHaveValue("+1 555 010 0199");
    await expect(again.getByLabel("By phone")).toBeChecked();
    await expect(again.getByLabel(/A code word/)).toHaveValue("bluebird");
    await expect(again.getByLabel("Do not leave a voicemail")).toBeChecked();
    // the reminders form on the same page is untouched and still shows no error
    await expect(page.getByRole("button", { name: "Save settings" })).toBeVisible();
    expect(await page.title()).not.toMatch(/safe|flag|abuse|help/i);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the questions keep choices on an error, and 'not now' postpones them; safe contact saves", async ({ page }) => {
    // a demo partner who has never answered: their screen is due from joining
    await loginAs(page, "riley@demo.mend");
    await page.goto("/today");
    await page.getByRole("region", { name: "A few private questions" }).getByRole("link").click();
    await page.getByRole("link", { name: "Yes", exact: true }).click();
    const groups = page.getByRole("group");
    await groups.first().getByLabel("No", { exact: true }).check();
    await page.getByRole("button", { name: "Save answers" }).click();
    await expect(groups.nth(1).getByRole("alert")).toContainText(/choose an answer/i);
    await expect(groups.first().getByLabel("No", { exact: true })).toBeChecked();
    await page.getByRole("button", { name: "Not now" }).click();
    await expect(page).toHaveURL(/\/today$/);
    await expect(page.getByRole("region", { name: "A few private questions" })).toHaveCount(0);

    await page.goto("/settings");
    const section = page.getByRole("region", { name: "How we may contact you safely" });
    await section.getByLabel("By email").check();
    await section.getByLabel(/Email address/).fill("not an address");
    await section.getByRole("button", { name: "Save contact preferences" }).click();
    await expect(section.getByText(/valid email address/)).toBeVisible();
    await expect(section.getByLabel(/Email address/)).toHaveValue("not an address");
    await section.getByLabel(/Email address/).fill("riley.private@example.org");
    await section.getByRole("button", { name: "Save contact preferences" }).click();
    await expect(section.getByRole("status")).toContainText("Saved");
    await page.goto("/settings");
    await expect(page.getByRole("region", { name: "How we may contact you safely" }).getByLabel(/Email address/)).toHaveValue("riley.private@example.org");
  });
});
