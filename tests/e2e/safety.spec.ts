import { expect, loginAs, test } from "./fixtures";

const stamp = Date.now();
const names = { a: `Jesse Holt${stamp % 1000}`, b: `Morgan Holt${stamp % 1000}` };
const links: Record<string, string> = {};

test.describe.serial("safety flag review, end to end", () => {
  test("a therapist adds a couple and both partners join", async ({ page }) => {
    await loginAs(page, "therapist@demo.mend");
    await page.goto("/couples/new");
    const first = page.getByRole("group", { name: "First partner" });
    await first.getByLabel("Name").fill(names.a);
    await first.getByLabel("Email").fill(`jesse.${stamp}@example.com`);
    const second = page.getByRole("group", { name: "Second partner" });
    await second.getByLabel("Name").fill(names.b);
    await second.getByLabel("Email").fill(`morgan.${stamp}@example.com`);
    await page.getByRole("button", { name: /add couple/i }).click();
    links.a = await page.getByLabel(`Invitation link for ${names.a}`).inputValue();
    links.b = await page.getByLabel(`Invitation link for ${names.b}`).inputValue();
    for (const who of ["a", "b"] as const) {
      await page.context().clearCookies();
      await page.goto(new URL(links[who]!).pathname);
      await page.getByLabel("Password", { exact: true }).fill("steady harbour lights");
      await page.getByLabel("Type it again").fill("steady harbour lights");
      await page.getByLabel(/I have read this and agree/).check();
      await page.getByRole("button", { name: /create my account/i }).click();
      await expect(page).toHaveURL(/\/today$/);
    }
  });

  test("the partner answers 'no' to feeling safe → nothing either partner sees changes; the caseload shows the couple first, in red", async ({ page, request }) => {
    // What the other partner's pages look like before, as served (time-dependent bits aside).
    await loginAs(page, `morgan.${stamp}@example.com`, "steady harbour lights");
    const morgan = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const snapshot = async () => Promise.all(["/today", "/history", "/settings"].map(async (path) => normalise(await (await request.get(path, { headers: { Cookie: morgan } })).text())));
    const before = await snapshot();
    await page.context().clearCookies();

    await loginAs(page, `jesse.${stamp}@example.com`, "steady harbour lights");
    await page.goto("/checkin");
    await page.getByRole("group", { name: /mood today/i }).getByLabel("3", { exact: true }).check();
    await page.getByRole("group", { name: /close and trusting/i }).getByLabel("2", { exact: true }).check();
    await page.getByRole("group", { name: /feel safe at home/i }).getByLabel("No", { exact: true }).check();
    await page.getByLabel("A note (optional)").fill("He grabbed my neck when I tried to leave.");
    await page.getByRole("button", { name: /save/i }).click();
    await expect(page).toHaveURL(/\/today/);
    await expect(page.getByText(/paused/i)).toHaveCount(0);
    // later the same day the check-in is edited back to "Yes", the note cleared
    await page.goto("/checkin");
    await page.getByRole("group", { name: /feel safe at home/i }).getByLabel("Yes", { exact: true }).check();
    await page.getByLabel("A note (optional)").fill("");
    await page.getByRole("button", { name: /save/i }).click();
    await expect(page).toHaveURL(/\/today/);
    await page.context().clearCookies();

    expect(await snapshot()).toEqual(before);
    await page.context().clearCookies();

    await loginAs(page, "therapist@demo.mend");
    await page.goto("/caseload");
    const rows = page.locator("tbody tr");
    const ours = rows.filter({ hasText: names.a });
    await expect(ours).toHaveClass(/flagged/);
    await expect(ours.getByText(/flag/)).toBeVisible();
    // every flagged row comes before every unflagged one
    const classes = await rows.evaluateAll((trs) => trs.map((tr) => tr.className.includes("flagged")));
    expect(classes.indexOf(false) === -1 || classes.lastIndexOf(true) < classes.indexOf(false)).toBe(true);
  });

  test("the flag keeps what was first written, says it changed, and the therapist tells the couple about the pause", async ({ page }) => {
    await loginAs(page, "therapist@demo.mend");
    await page.goto("/caseload");
    await page.getByRole("link", { name: new RegExp(names.a) }).click();
    await expect(page).toHaveURL(/\/couples\/[^/]+$/);
    const coupleUrl = new URL(page.url()).pathname;
    await page.getByRole("link", { name: /High — about/ }).first().click();
    await expect(page.getByRole("heading", { name: "What raised it" })).toBeVisible();
    await expect(page.locator("blockquote.trigger").first()).toContainText("He grabbed my neck when I tried to leave.");
    await expect(page.getByRole("heading", { name: /Changed since \(1\)/ })).toBeVisible();
    await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Changed by the partner");
    await expect(page.getByText("the partners have not been told")).toBeVisible();

    await page.goto(`${coupleUrl}/pause`);
    await expect(page.getByText("nothing they see has changed")).toBeVisible();
    await page.getByLabel("What the couple will read").fill("A short break from shared exercises until we meet on Thursday.");
    await page.getByRole("button", { name: "Tell the couple" }).click();
    await expect(page.getByText(/The couple was told/)).toBeVisible();
    await page.context().clearCookies();
    await loginAs(page, `morgan.${stamp}@example.com`, "steady harbour lights");
    await page.goto("/today");
    await expect(page.getByText("A short break from shared exercises until we meet on Thursday.")).toBeVisible();
  });

  test("the therapist escalates; the supervisor notes and resolves; the timeline has every step", async ({ page }) => {
    await loginAs(page, "therapist@demo.mend");
    await page.goto("/caseload");
    await page.getByRole("link", { name: new RegExp(names.a) }).click();
    await page.getByRole("link", { name: /High — about/ }).first().click();
    await page.getByLabel("Escalate to supervisor").selectOption({ label: "Dr. Morgan Reyes" });
    await page.getByLabel(/note for the supervisor/i).fill("Please review today.");
    await page.getByRole("button", { name: "Escalate" }).click();
    await expect(page.getByText("Escalated").first()).toBeVisible();
    const flagUrl = new URL(page.url()).pathname;
    await page.context().clearCookies();

    await loginAs(page, "supervisor@demo.mend");
    await page.goto("/flags");
    // the note raised a second flag (its concept); the escalated one is the one we follow
    const row = page.locator("tbody tr").filter({ hasText: names.a }).filter({ hasText: "Escalated" });
    await expect(row).toContainText("High");
    await expect(row.locator("td").nth(4)).toContainText(/\d/);
    await row.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(flagUrl));
    await page.getByLabel("Add a note").fill("Called the partner; safe at a friend's tonight.");
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByText("Called the partner")).toBeVisible();
    // a resolution needs an outcome and a note
    await page.getByRole("button", { name: "Resolve" }).click();
    await expect(page.getByText("Choose an outcome.")).toBeVisible();
    await page.getByLabel("Outcome").selectOption("safety_plan");
    await page.getByLabel("Resolution note").fill("Safety plan agreed in an individual session.");
    await page.getByRole("button", { name: "Resolve" }).click();
    const timeline = page.getByRole("list", { name: "Timeline" });
    for (const step of ["Raised", "Shared work paused", "Changed by the partner", "Couple told about the pause", "Escalated", "Assigned", "Note", "Resolved"]) await expect(timeline).toContainText(step);
  });

  test("the other partner's pages show no trace of it", async ({ page, request }) => {
    await loginAs(page, `morgan.${stamp}@example.com`, "steady harbour lights");
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    for (const path of ["/today", "/history"]) {
      for (const url of [path, `${path}.data`]) {
        const body = await (await request.get(url, { headers: { Cookie: cookie } })).text();
        // The therapist's own words about the pause are allowed; any reason is not.
        expect(body, url).not.toMatch(/flag|safety|feelSafe|escalat|Safety plan|Not sure|"no"/i);
      }
    }
  });
});

/** A served page without what changes on every response: CSP nonces, idempotency keys, the greeting. */
function normalise(html: string) {
  return html
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<uuid>")
    .replace(/Good (morning|afternoon|evening)/g, "Good <time>");
}
