import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

// A couple whose plan started 13 days ago (today is the last day of plan week 2), with one routine
// from the start and one started 3 days ago; the partners report a few occurrences. Every number
// read back from the adherence bars' table is worked out by hand below.
const TZ = "Europe/London";
const localToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "2026-12-01" → "1 Dec 2026", the app's one date format */
const dayText = (d: string) => `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

const stamp = Date.now().toString(36);
const A = { name: `Quinn Hart ${stamp}`, email: `quinn.${stamp}@example.com` };
const B = { name: `Rowan Hart ${stamp}`, email: `rowan.${stamp}@example.com` };
const PASSWORD = "a steady walk along the canal";

async function join(page: Page, link: string) {
  await page.context().clearCookies();
  await page.goto(new URL(link).pathname);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Type it again").fill(PASSWORD);
  await page.getByLabel(/I have read this and agree/).check();
  await page.getByRole("button", { name: /create my account/i }).click();
  await expect(page).toHaveURL(/\/today$/);
}

async function log(page: Page, assignmentId: string, date: string, status: "kept" | "partly" | "missed") {
  const baseURL = test.info().project.use.baseURL!;
  const res = await page.request.post("/log", { form: { assignmentId, date, status }, headers: { Origin: baseURL }, maxRedirects: 0 });
  expect(res.status(), `log ${status} on ${date}`).toBe(302);
}

async function assign(page: Page, coupleUrl: string, title: string, target: string, startDate: string) {
  await page.goto(`${coupleUrl}/assign`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Measurable target").fill(target);
  await page.getByLabel("Start date").fill(startDate);
  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${coupleUrl}$`));
}

/** The rows of one adherence table (by caption) as [week, expected, kept, partly, missed, not reported, adherence]. */
async function tableRows(page: Page, caption: string) {
  const table = page.locator("#adherence-table table", { has: page.locator("caption", { hasText: caption }) });
  return table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll("td")].map((td, i) => (i === 0 ? (td.textContent ?? "").split("·")[0]!.trim() : (td.textContent ?? "").trim()))),
  );
}

test.describe("the couple page's charts", () => {
  test.describe.configure({ mode: "serial" });
  let coupleUrl = "";
  let links: string[] = [];
  const today = localToday();
  const start = addDays(today, -13);

  test("a new couple says there is nothing yet instead of empty charts", async ({ page }) => {
    await loginAs(page, "therapist@demo.mend");
    await page.goto("/couples/new");
    const first = page.getByRole("group", { name: "First partner" });
    await first.getByLabel("Name").fill(A.name);
    await first.getByLabel("Email").fill(A.email);
    const second = page.getByRole("group", { name: "Second partner" });
    await second.getByLabel("Name").fill(B.name);
    await second.getByLabel("Email").fill(B.email);
    await page.getByLabel("Start date").fill(start);
    await page.getByLabel("Couple's time zone").selectOption(TZ);
    await page.getByRole("button", { name: /add couple/i }).click();
    links = [await page.getByLabel(`Invitation link for ${A.name}`).inputValue(), await page.getByLabel(`Invitation link for ${B.name}`).inputValue()];
    await page.getByRole("link", { name: "Open the couple's page" }).click();
    await expect(page).toHaveURL(/\/couples\/(?!new$)[^/]+$/);
    coupleUrl = new URL(page.url()).pathname;

    await expect(page.getByTestId("mood-empty")).toHaveText(/^No check-ins yet\./);
    await expect(page.getByTestId("adherence-empty")).toBeVisible();
    await expect(page.getByTestId("review-empty")).toBeVisible();
    await expect(page.locator("body")).not.toContainText("—%");
    // no chart frames for nothing
    await expect(page.locator("svg.adherence-bars")).toHaveCount(0);
    await expect(page.locator("#mood-table")).toHaveCount(0);
  });

  test("adherence bars per plan week: the table matches the hand-computed figures, for routines started in different weeks", async ({ page }) => {
    await loginAs(page, "therapist@demo.mend");
    await assign(page, coupleUrl, "Morning call", "I'll call by 8 AM every day", start); // from day 1 of week 1
    await assign(page, coupleUrl, "Evening walk", "We walk for 20 minutes every evening", addDays(today, -3)); // from day 4 of week 2
    const idOf = async (title: string) => page.locator("section[aria-labelledby='asg-h'] li", { hasText: title }).locator("input[name=assignmentId]").inputValue();
    const call = await idOf("Morning call");
    const walk = await idOf("Evening walk");

    await join(page, links[0]!);
    await log(page, call, addDays(today, -7), "kept"); // week 1, its last day
    await log(page, call, addDays(today, -2), "kept");
    await log(page, call, addDays(today, -1), "kept");
    await log(page, walk, today, "kept");
    await join(page, links[1]!);
    await log(page, call, addDays(today, -1), "missed"); // with A's "kept": one occurrence, partly, a perception gap

    await page.context().clearCookies();
    await loginAs(page, "therapist@demo.mend");
    await page.goto(coupleUrl);
    await page.locator("#adherence-table summary").click();
    // Morning call: week 1 expects 7 (1 kept → 1/7 = 14 %); week 2 expects 7 (so far, today included):
    // one kept, one partly (kept + missed = 0.5), 5 not reported → 1.5/7 = 21 %.
    expect(await tableRows(page, "Morning call")).toEqual([
      ["Week 1", "7", "1", "0", "0", "6", "14%"],
      ["Week 2", "7", "1", "1", "0", "5", "21%"],
    ]);
    // Evening walk started in week 2 and counts from there: 4 expected, 1 kept → 25 %; no week 1.
    expect(await tableRows(page, "Evening walk")).toEqual([["Week 2", "4", "1", "0", "0", "3", "25%"]]);
    // All routines: week 1 = the call alone; week 2 = 11 expected, 2 kept + 1 partly = 2.5/11 = 23 %.
    expect(await tableRows(page, "All routines")).toEqual([
      ["Week 1", "7", "1", "0", "0", "6", "14%"],
      ["Week 2", "11", "2", "1", "0", "8", "23%"],
    ]);
    await expect(page.getByTestId("adherence-week-2")).toHaveText("23%");

    // the bars: one stacked bar per plan week (kept / partly / missed / not reported), the current week marked
    const bars = page.locator("section[aria-labelledby='adh-h'] svg.adherence-bars").first();
    await expect(bars.locator("g[data-week]")).toHaveCount(8);
    await expect(bars.locator("g[data-week='2'] rect")).toHaveCount(4); // the current-week band, kept, partly, not reported
    await expect(bars.locator("g[data-week='1'] rect")).toHaveCount(2); // kept, not reported
    await expect(bars).toContainText("now");
    await expect(page.getByTestId("adherence-summary")).toHaveText("All routines: 23% in week 2 (this week, so far), below the 80% target; 0 of 2 weeks so far met it.");
    // one small chart per routine
    await expect(page.locator(".small-multiples svg.adherence-bars")).toHaveCount(2);

    // the perception gap is marked on the call's strip
    await expect(page.getByTestId("gaps-summary")).toHaveText(/reported 1 occurrence differently, all on “Morning call”/);
    await expect(page.locator(".gap-strip", { hasText: "Morning call" }).locator("svg line")).toHaveCount(2); // the axis and one mark
  });

  test("mood and closeness: two panels with a true legend, labelled axes, a summary and a table", async ({ page }) => {
    await loginAs(page, A.email, PASSWORD);
    await page.goto("/checkin");
    await page.getByRole("group", { name: /mood today/i }).getByLabel("6", { exact: true }).check();
    await page.getByRole("group", { name: /close and trusting/i }).getByLabel("7", { exact: true }).check();
    await page.getByRole("group", { name: /feel safe at home/i }).getByLabel("Yes").check();
    await page.getByRole("button", { name: /save/i }).click();
    await expect(page).toHaveURL(/\/today/);

    await page.context().clearCookies();
    await loginAs(page, "therapist@demo.mend");
    await page.goto(coupleUrl);
    const section = page.locator("section[aria-labelledby='mood-h']");
    await expect(section.getByRole("list", { name: "Legend" })).toContainText(A.name);
    await expect(section.getByRole("list", { name: "Legend" })).toContainText(B.name);
    await expect(section.getByRole("heading", { name: "Mood", exact: true })).toBeVisible();
    await expect(section.getByRole("heading", { name: "Closeness", exact: true })).toBeVisible();
    await expect(page.getByTestId("mood-summary")).toHaveText(`Mood (7-day average) was 6 on the one day ${A.name} checked in (${dayText(today)}); no check-ins from ${B.name} in this period.`);
    // recharts draws in the browser: two panels, each with its y-axis label
    await expect(section.locator("svg.recharts-surface")).toHaveCount(2);
    await expect(section.getByText("Mood (1–10)")).toBeVisible();
    await expect(section.getByText("Closeness (1–10)")).toBeVisible();
    await section.locator("#mood-table summary").click();
    const row = section.locator("#mood-table tbody tr").first();
    await expect(row.locator("td time")).toHaveAttribute("datetime", today);
    await expect(row.locator("td").nth(1)).toHaveText("6");
    await expect(row.locator("td").nth(5)).toHaveText("7");
  });

  test("export and print: a readable file name, private notes only when asked, a printable summary with a Print button", async ({ page }) => {
    await loginAs(page, "therapist@demo.mend");
    await page.goto(coupleUrl);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toBe(`Mend – ${A.name} & ${B.name} – ${today}.csv`);
    expect(download.url()).not.toContain("includePrivate");
    await page.getByLabel("with partners' private notes").check();
    const [withPrivate] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    expect(new URL(withPrivate.url()).searchParams.get("includePrivate")).toBe("1");

    await page.goto(coupleUrl);
    await page.getByRole("link", { name: "Progress summary" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Progress summary: ${A.name} & ${B.name}`);
    await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
    for (const h of ["Mood and closeness", "Adherence by plan week", "Couples Satisfaction Index (CSI-4)", "Homework", "Safety flags"]) {
      await expect(page.getByRole("heading", { level: 2, name: h })).toBeVisible();
    }
    await expect(page.locator("dl.facts")).toContainText("Clinician");
    await expect(page.locator("dl.facts")).toContainText(`${dayText(start)} – ${dayText(today)}`);
    await expect(page.locator("svg.adherence-bars")).toHaveCount(1);
    await expect(page.locator("svg.static-trend")).toHaveCount(2);
  });
});

