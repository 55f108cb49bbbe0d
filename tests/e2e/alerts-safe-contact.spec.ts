/**
 * The help button, end to end: the partner records how to be contacted safely, asks for help,
 * the practice's paging webhook receives a signed alert within seconds, and the therapist's flag
 * page shows the safe-contact preferences and the alerts sent. (The escalation rounds after the
 * acknowledgement window are tested with a fake clock in tests/integration/safety-alerts.test.ts.)
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, loginAs, test } from "./fixtures";

test.describe.serial("help, alert and safe contact", () => {
  const received: { signature?: string; body: string }[] = [];
  let receiver: http.Server;
  let hookUrl = "";
  let worker: ChildProcess | null = null;

  test.beforeAll(async () => {
    // On PostgreSQL the outbox worker is its own process (`npm run worker`), as in production;
    // the embedded database runs it inside the server.
    if (process.env.DATABASE_URL) {
      worker = spawn("npx", ["tsx", "scripts/worker.ts"], { env: { ...process.env, WORKER_INTERVAL_MS: "1000" }, stdio: "ignore" });
    }
    receiver = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += String(c)));
      req.on("end", () => {
        received.push({ signature: req.headers["x-mend-signature"] as string | undefined, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", () => resolve()));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/page`;
  });
  test.afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker!.once("exit", resolve));
      worker.kill("SIGTERM");
      await exited;
    }
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  test("the admin connects the paging webhook", async ({ page }) => {
    await loginAs(page, "admin@demo.mend");
    const baseURL = test.info().project.use.baseURL!;
    const res = await page.request.post("/admin/on-call", { form: { intent: "alerts", webhookUrl: hookUrl, ackImminentMinutes: "15", ackHighMinutes: "240", fallbackId: "" }, headers: { Origin: baseURL } });
    expect(res.status()).toBeLessThan(400);
    await page.goto("/admin/on-call");
    await expect(page.getByLabel("Webhook address (optional)")).toHaveValue(hookUrl);
  });

  test("a partner saves safe contact and asks for help; the webhook is paged", async ({ page }) => {
    await loginAs(page, "hayden@demo.mend");
    await page.goto("/settings");
    await page.getByRole("group", { name: "How may we contact you?" }).getByLabel("By phone", { exact: true }).check();
    await page.getByLabel("Phone number (optional)").fill("+1 303 555 0199");
    await page.getByLabel("Times to avoid (optional)").fill("weekends when we are both home");
    await page.getByLabel("A code word (optional)").fill("lighthouse");
    await page.getByRole("button", { name: "Save contact preferences" }).click();
    await expect(page.getByText("Saved. Your care team will contact you this way.")).toBeVisible();

    await page.goto("/help");
    await expect(page.locator('a[href^="tel:"]').first()).toBeVisible();
    await page.getByLabel(/anything you want to tell us/i).fill("please only call on weekdays");
    await page.getByRole("button", { name: /send to my care team/i }).click();
    await expect(page.getByRole("heading", { name: /sent to your care team/i })).toBeVisible();
    await expect.poll(() => received.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const payload = JSON.parse(received[0]!.body) as { type: string; severity: string; round: number; url: string };
    expect(payload).toMatchObject({ type: "mend.alert", severity: "imminent", round: 1 });
    expect(received[0]!.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(received[0]!.body).not.toMatch(/weekdays|Hayden|@/);
  });

  test("the therapist opens the alert's link: safe contact and the alerts are on the flag", async ({ page }) => {
    const payload = JSON.parse(received[0]!.body) as { url: string };
    await loginAs(page, "therapist2@demo.mend");
    await page.goto(new URL(payload.url).pathname);
    await expect(page).toHaveURL(/\/flags\//);
    const card = page.getByRole("region", { name: "Safe contact" });
    await expect(card).toContainText("+1 303 555 0199");
    await expect(card).toContainText("lighthouse");
    await expect(card).toContainText("weekends when we are both home");
    await expect(page.getByText(/Paging webhook \(webhook\) — sent/)).toBeVisible();
    await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Alert sent");
    // no mail server in this test: the emails are queued, and the page says so
    await expect(page.getByText(/\(email\) — queued/).first()).toBeVisible();
  });

  test("the admin disconnects the webhook again", async ({ page }) => {
    await loginAs(page, "admin@demo.mend");
    const baseURL = test.info().project.use.baseURL!;
    const res = await page.request.post("/admin/on-call", { form: { intent: "alerts", webhookUrl: "", ackImminentMinutes: "15", ackHighMinutes: "240", fallbackId: "" }, headers: { Origin: baseURL } });
    expect(res.status()).toBeLessThan(400);
  });
});
