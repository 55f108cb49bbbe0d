// Takes the README screenshots from a running server: node scripts/screenshots.mjs http://localhost:3000
import { chromium } from "playwright-core";

const base = process.argv[2] ?? "http://localhost:3000";
// SHOTS=couple (comma-separated: caseload, couple, today) takes only those; all by default
const only = process.env.SHOTS ? new Set(process.env.SHOTS.split(",")) : null;
const want = (name) => !only || only.has(name);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.request.post(`${base}/login`, { form: { email: "therapist@demo.mend", password: "mend-demo" }, headers: { Origin: base } });
await page.goto(`${base}/caseload`);
if (want("caseload")) await page.screenshot({ path: "docs/screenshots/caseload.png", fullPage: false });
if (want("couple")) {
  // the flagged demo couple: the charts with a flag and a pause on their time axis
  await page.getByRole("link", { name: /Jordan Kim/ }).first().click();
  await page.waitForURL(/\/couples\/[^/]+$/);
  await page.waitForSelector("svg.recharts-surface", { timeout: 15000 }).catch(() => {});
  await page.waitForTimeout(500);
  await page.locator("section[aria-labelledby='mood-h']").screenshot({ path: "docs/screenshots/couple.png" });
  await page.locator("section[aria-labelledby='adh-h']").screenshot({ path: "docs/screenshots/couple-adherence.png" });
}
if (want("today")) {
  const phone = await browser.newPage({ viewport: { width: 375, height: 812 } });
  await phone.request.post(`${base}/login`, { form: { email: "alex@demo.mend", password: "mend-demo" }, headers: { Origin: base } });
  await phone.goto(`${base}/today`);
  await phone.screenshot({ path: "docs/screenshots/today-phone.png", fullPage: false });
}
await browser.close();
console.log("screenshots written to docs/screenshots/");
