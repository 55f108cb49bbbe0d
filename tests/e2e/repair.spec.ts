/**
 * Issue 18: the first phases of "Repair after a broken promise", at a desk for the therapist and
 * on a phone for the partners — the plan started, the acknowledgement assigned to the partner who
 * broke the promise, phases moved on only with their exit criteria confirmed (never back),
 * restitution actions added (one without a date first), marked done by Finley and confirmed by
 * Sage — the partners' forms with JavaScript off, as a partner in danger may need — and one
 * question from Sage's private list asked in writing, answered by Finley, read by the therapist
 * first and then shared. Finley & Sage (therapist 2's couple) are not used by other specs.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

const DESK = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };

async function signedIn(browser: Browser, email: string, viewport: { width: number; height: number }, javaScriptEnabled = true) {
  const context = await browser.newContext({ viewport, baseURL: test.info().project.use.baseURL, javaScriptEnabled });
  const page = await context.newPage();
  await loginAs(page, email);
  return { context, page };
}

/** No serious or critical accessibility problems on the page as it is now. */
async function accessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${what}: ${v.id} ${v.help}`)).toEqual([]);
}

test("a couple walks the first phases of repair after a broken promise", async ({ browser }) => {
  test.setTimeout(120_000);
  const therapist = await signedIn(browser, "therapist2@demo.mend", DESK);
  const t = therapist.page;
  await t.goto("/caseload");
  const href = await t.getByRole("link", { name: /Finley Murphy/ }).first().getAttribute("href");
  const planUrl = `${href}/plan`;
  await t.goto(planUrl);
  await expect(t.getByRole("heading", { name: "Start a repair plan" })).toBeVisible();
  await t.getByLabel(/Repair after a broken promise/).check();
  await t.getByLabel("Who was hurt?").selectOption({ label: "Sage Murphy" });
  await t.getByRole("button", { name: "Start the plan" }).click();
  await expect(t.getByRole("status").filter({ hasText: "The plan has started." })).toBeVisible();
  await expect(t.getByText(/phase 1 of 7/)).toBeVisible();
  await accessible(t, "plan page");

  // Phase 1: the acknowledgement is the partner who broke the promise's homework, due within 48 h
  const phase1 = t.locator("section", { has: t.getByRole("heading", { name: /Phase 1: Acknowledge the breach/ }) });
  await phase1.getByRole("button", { name: "Assign Acknowledge the breach to Finley Murphy" }).click();
  await expect(t.getByRole("status").filter({ hasText: "Assigned." })).toBeVisible();
  await expect(phase1.getByText(/assigned \d{4}-/)).toBeVisible();

  // moving on needs every exit criterion confirmed
  await phase1.getByRole("checkbox").first().check();
  await phase1.getByRole("button", { name: /Confirm and move on to phase 2/ }).click();
  await expect(t.getByRole("alert").filter({ hasText: /Confirm every exit criterion/ })).toBeVisible();

  const advance = async (n: number, note: string) => {
    const phase = t.locator("section", { has: t.getByRole("heading", { name: new RegExp(`^Phase ${n}:`) }) });
    for (const box of await phase.getByRole("checkbox").all()) await box.check();
    await phase.getByLabel("Note (optional)").fill(note);
    await phase.getByRole("button", { name: new RegExp(`Confirm and move on to phase ${n + 1}`) }).click();
    await expect(t.getByRole("status").filter({ hasText: "moved on to the next phase" })).toBeVisible();
    await expect(t.getByText(new RegExp(`phase ${n + 1} of 7`))).toBeVisible();
  };
  await advance(1, "Acknowledged specifically within a day.");

  // Phase 2 (apology) and 3 (listening): assign their work, then confirm
  const phase2 = t.locator("section", { has: t.getByRole("heading", { name: /^Phase 2:/ }) });
  await phase2.getByRole("button", { name: /Assign Apology without excuses/ }).click();
  await expect(t.getByRole("status").filter({ hasText: "Assigned." })).toBeVisible();
  await advance(2, "Under a minute, named the harm.");
  const phase3 = t.locator("section", { has: t.getByRole("heading", { name: /^Phase 3:/ }) });
  await phase3.getByRole("button", { name: /Assign 5 minutes of uninterrupted listening to both partners/ }).click();
  await expect(t.getByRole("status").filter({ hasText: "Assigned." })).toBeVisible();
  await advance(3, "Five minutes, main feeling reflected.");
  await advance(4, "Two sentences, no blame.");

  // Phase 5: restitution — an action without a date is refused by the field, keeping the text
  await expect(t.getByText(/phase 5 of 7/)).toBeVisible();
  const restitution = t.getByRole("form", { name: "Add a restitution action" });
  await restitution.getByLabel("Action").fill("Tell my brother the truth about the money");
  await restitution.getByRole("button", { name: "Add the action" }).click();
  await expect(t.getByText(/needs a date/)).toBeVisible();
  const form = t.getByRole("form", { name: "Add a restitution action" });
  await expect(form.getByLabel("Action")).toHaveValue("Tell my brother the truth about the money");
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel("Done by (date)").fill(inDays(2));
  await form.getByRole("button", { name: "Add the action" }).click();
  await expect(t.getByRole("status").filter({ hasText: "Restitution action added." })).toBeVisible();
  const second = t.getByRole("form", { name: "Add a restitution action" });
  await second.getByLabel("Action").fill("Cancel the second credit card");
  await second.getByLabel("Done by (date)").fill(inDays(5));
  await second.getByRole("button", { name: "Add the action" }).click();
  await expect(t.getByRole("cell", { name: "Cancel the second credit card" })).toBeVisible();

  // Finley, on a phone: the acknowledgement homework and the action are on Today; marks it done
  const finley = await signedIn(browser, "finley@demo.mend", PHONE, false);
  const f = finley.page;
  await f.goto("/today");
  await expect(f.getByRole("region", { name: "Homework" }).getByRole("link", { name: "Acknowledge the breach" })).toBeVisible();
  const mine = f.locator("li", { has: f.getByRole("heading", { name: "Tell my brother the truth about the money" }) });
  await expect(mine).toContainText("Yours");
  await mine.getByLabel("Note (optional)").fill("Called him on Sunday evening.");
  await mine.getByRole("button", { name: "Mark done" }).click();
  await expect(f.getByRole("status").filter({ hasText: "Marked done" })).toBeVisible();
  await expect(f.locator("li", { has: f.getByRole("heading", { name: "Tell my brother the truth about the money" }) })).toContainText("waiting for the other's answer");

  // Sage, on a phone: "did this happen as promised?" — first with no answer, then yes
  const sage = await signedIn(browser, "sage@demo.mend", PHONE, false);
  const s = sage.page;
  await s.goto("/today");
  const theirs = s.locator("li", { has: s.getByRole("heading", { name: "Tell my brother the truth about the money" }) });
  await expect(theirs).toContainText("Finley Murphy's");
  await theirs.getByRole("button", { name: "Send my answer" }).click();
  await expect(s.getByText("Choose yes or no.")).toBeVisible();
  await s.getByRole("group", { name: "Did this happen as promised?" }).getByLabel("Yes").check();
  await s.getByRole("button", { name: "Send my answer" }).click();
  await expect(s).toHaveURL(/\/today\?saved=restitution-confirmed/);
  await expect(s.getByRole("status").filter({ hasText: "your answer is saved" })).toBeVisible();
  // the other action is Finley's to do, so Sage has nothing to press for it
  const other = s.locator("li", { has: s.getByRole("heading", { name: "Cancel the second credit card" }) });
  await expect(other.getByRole("button")).toHaveCount(0);

  // back at the desk: done and confirmed; confirm restitution and move on to the agreements
  await t.goto(planUrl);
  await expect(t.getByRole("row", { name: /Tell my brother the truth/ })).toContainText("done and confirmed");
  await expect(t.getByText(/1 confirmed/)).toBeVisible();
  await advance(5, "First action done and confirmed; the second is on track.");
  await expect(t.getByRole("heading", { name: /Phase 6: Measurable agreements/ })).toBeVisible();
  // the couple page shows where they are on the plan
  await t.goto(href!);
  await expect(t.getByRole("region", { name: "Repair plan" })).toContainText("Phase 6 of 7 — Measurable agreements");
  await expect(t.getByRole("region", { name: "Repair plan" })).toContainText("1 of 2 done and confirmed");

  // Questions: Sage's private list → asked in writing, read first → Finley answers → shared
  await s.goto("/today");
  await s.getByRole("region", { name: "Questions and answers" }).getByRole("link", { name: "Open questions" }).click();
  await s.getByLabel("A question I still need answered").fill("Who else knew about the money?");
  await s.getByRole("button", { name: "Add to my list" }).click();
  await expect(s.getByRole("status").filter({ hasText: "Only you and your therapist see it" })).toBeVisible();
  await f.goto("/plan/questions");
  await expect(f.getByText("Who else knew about the money?")).toHaveCount(0);

  await t.goto(planUrl);
  const questions = t.getByRole("region", { name: "Questions and answers" });
  await expect(questions).toContainText("Who else knew about the money?");
  await questions.getByRole("button", { name: "Ask in writing" }).click();
  await expect(t.getByRole("status").filter({ hasText: "Question updated." })).toBeVisible();

  await f.goto("/today");
  await expect(f.getByRole("region", { name: "Questions and answers" })).toContainText("1 waiting for your answer");
  await f.goto("/plan/questions");
  await f.getByLabel("My answer").fill("My brother knew. I asked him not to tell you.");
  await f.getByRole("button", { name: "Send my answer" }).click();
  await expect(f.getByRole("status").filter({ hasText: "your answer is saved" })).toBeVisible();

  await s.goto("/plan/questions");
  await expect(s.getByText(/your therapist will go through it with you first/)).toBeVisible();
  await expect(s.getByText("My brother knew.", { exact: false })).toHaveCount(0);
  await t.goto(planUrl);
  await expect(questions).toContainText("My brother knew. I asked him not to tell you.");
  await questions.getByRole("button", { name: "Share the answer" }).click();
  await expect(t.getByRole("status").filter({ hasText: "Question updated." })).toBeVisible();
  await s.goto("/plan/questions");
  await expect(s.getByText("My brother knew. I asked him not to tell you.")).toBeVisible();

  // axe needs scripts: Sage's pages again, on a phone with JavaScript on
  const sageJs = await signedIn(browser, "sage@demo.mend", PHONE);
  await sageJs.page.goto("/today");
  await expect(sageJs.page.getByRole("region", { name: "Restitution" })).toBeVisible();
  await accessible(sageJs.page, "Today with restitution");
  await sageJs.page.goto("/plan/questions");
  await accessible(sageJs.page, "questions page");

  for (const c of [therapist, finley, sage, sageJs]) await c.context.close();
});
