// Takes the README screenshots from a running server: node scripts/screenshots.mjs http://localhost:3000
import { chromium } from "playwright-core";

const base = process.argv[2] ?? "http://localhost:3000";
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.request.post(`${base}/login`, { form: { email: "therapist@demo.mend", password: "mend-demo" }, headers: { Origin: base } });
await page.goto(`${base}/caseload`);
await page.screenshot({ path: "docs/screenshots/caseload.png", fullPage: false });
await page.getByRole("link", { name: /Alex Rivera/ }).click();
await page.waitForSelector("svg.recharts-surface", { timeout: 15000 }).catch(() => {});
await page.screenshot({ path: "docs/screenshots/couple.png", fullPage: false });
const phone = await browser.newPage({ viewport: { width: 375, height: 812 } });
await phone.request.post(`${base}/login`, { form: { email: "alex@demo.mend", password: "mend-demo" }, headers: { Origin: base } });
await phone.goto(`${base}/today`);
await phone.screenshot({ path: "docs/screenshots/today-phone.png", fullPage: false });
await browser.close();
console.log("screenshots written to docs/screenshots/");
