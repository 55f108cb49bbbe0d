/**
 * Issue 16 item 10: no signed-in answer may be kept by the browser (or shown again by Back
 * after signing out): pages, single-fetch `.data`, resource routes such as the CSV export and
 * the sign-in page carry `Cache-Control: no-store`; the hashed static assets keep their cache.
 */
import { expect, loginAs, test } from "./fixtures";

test("every signed-in answer and the sign-in page are no-store; /build assets stay cached", async ({ page, playwright, baseURL }) => {
  const anon = await playwright.request.newContext({ baseURL });
  const login = await anon.get("/login");
  expect(login.status()).toBe(200);
  expect(login.headers()["cache-control"]).toBe("no-store");
  const asset = /"(\/build\/[^"]+\.js)"/.exec(await login.text())?.[1];
  expect(asset).toBeTruthy();
  const assetRes = await anon.get(asset!);
  expect(assetRes.status()).toBe(200);
  expect(assetRes.headers()["cache-control"]).toMatch(/max-age=31536000/);
  expect(assetRes.headers()["cache-control"]).toContain("immutable");
  await anon.dispose();

  await loginAs(page, "therapist@demo.mend");
  await page.goto("/caseload");
  const couplePath = await page.getByRole("link", { name: /Alex Rivera/ }).getAttribute("href");
  for (const path of ["/caseload", "/caseload.data", couplePath!, `${couplePath}.data`, `${couplePath}/export.csv`, "/account"]) {
    const res = await page.request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    expect(res.headers()["cache-control"], path).toBe("no-store");
  }
  await page.context().clearCookies();

  await loginAs(page, "sam@demo.mend");
  for (const path of ["/today", "/today.data", "/checkin", "/history", "/help", "/settings", "/settings.data"]) {
    const res = await page.request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    expect(res.headers()["cache-control"], path).toBe("no-store");
  }
  // the document the browser itself loads, too
  const doc = await page.goto("/today");
  expect(doc!.headers()["cache-control"]).toBe("no-store");
});
