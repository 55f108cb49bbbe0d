import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "mend-demo";

/**
 * Signs in through the real /login action without typing (only the login test types a
 * password); the session cookie lands in the page's browser context.
 */
export async function loginAs(page: Page, email: string, password = DEMO_PASSWORD) {
  const baseURL = test.info().project.use.baseURL!;
  const response = await page.request.post("/login", {
    form: { email, password },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in as ${email}`).toBe(302);
  return response.headers()["location"];
}

export const test = base;
export { expect };
