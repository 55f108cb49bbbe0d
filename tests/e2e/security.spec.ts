import { expect, test } from "./fixtures";

test.describe("security headers and CSRF", () => {
  test("pages carry CSP with a per-request nonce that Remix's scripts use, and the other headers", async ({ page, request }) => {
    const first = await request.get("/login");
    const second = await request.get("/login");
    const h = first.headers();
    const csp = h["content-security-policy"]!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(/'nonce-([^']+)'/.exec(second.headers()["content-security-policy"]!)?.[1]).not.toBe(nonce);
    expect(h["referrer-policy"]).toBe("same-origin");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["strict-transport-security"]).toMatch(/max-age=\d+/);
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    // every inline script carries this response's nonce
    for (const tag of scripts.filter((t) => !/\bsrc=/.test(t))) expect(tag).toContain(`nonce="${nonce}"`);
    // and the page actually hydrates under that policy (no CSP violations block it)
    const violations: string[] = [];
    page.on("console", (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    await page.goto("/login");
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    expect(violations).toEqual([]);
  });

  test("state-changing requests from another site, or with no origin, are refused", async ({ request, baseURL }) => {
    const form = { email: "therapist@demo.mend", password: "mend-demo" };
    const none = await request.post("/login", { form, maxRedirects: 0 });
    expect(none.status()).toBe(403);
    const foreign = await request.post("/login", { form, headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
    expect(foreign.status()).toBe(403);
    const crossSite = await request.post("/login", { form, headers: { Origin: baseURL!, "Sec-Fetch-Site": "cross-site" }, maxRedirects: 0 });
    expect(crossSite.status()).toBe(403);
    const same = await request.post("/login", { form, headers: { Origin: baseURL! }, maxRedirects: 0 });
    expect(same.status()).toBe(302);
  });
});
