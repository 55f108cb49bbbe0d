/**
 * server.js around a tiny stand-in Remix build: the same-origin (CSRF) check with the header
 * combinations browsers really send (issue 16 item 5: plain forms post `Origin: null` when
 * scripts are off), the referrer policy that makes them send their origin, and
 * `Cache-Control: no-store` on every dynamic answer while static files keep their cache
 * (issue 16 item 10).
 */
import type { AddressInfo } from "node:net";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, isSameOrigin } from "../../server.js";

/** An Express-like request for isSameOrigin: only `get(header)` and `protocol` are read. */
function req(headers: Record<string, string>, host = "mend.test") {
  const all: Record<string, string> = { host, ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) };
  return { protocol: "https", get: (name: string) => all[name.toLowerCase()] };
}
const OWN = "https://mend.test";

describe("isSameOrigin (the CSRF check on every POST)", () => {
  it.each([
    ["a plain form with scripts off: Origin null, Sec-Fetch-Site same-origin", { Origin: "null", "Sec-Fetch-Site": "same-origin" }, true],
    ["no Origin at all, Sec-Fetch-Site same-origin", { "Sec-Fetch-Site": "same-origin" }, true],
    ["our own Origin", { Origin: OWN }, true],
    ["our own Origin, Sec-Fetch-Site same-origin", { Origin: OWN, "Sec-Fetch-Site": "same-origin" }, true],
    ["Origin null and our Referer", { Origin: "null", Referer: `${OWN}/help` }, true],
    ["an allowed extra origin (APP_ORIGIN)", { Origin: "https://mend.example.org" }, true],
    ["Origin null and nothing else", { Origin: "null" }, false],
    ["nothing at all", {}, false],
    ["Origin null, Sec-Fetch-Site none (typed or bookmarked), no Referer", { Origin: "null", "Sec-Fetch-Site": "none" }, false],
    ["a foreign Origin", { Origin: "https://evil.example" }, false],
    ["a foreign Origin that claims Sec-Fetch-Site same-origin", { Origin: "https://evil.example", "Sec-Fetch-Site": "same-origin" }, false],
    ["Sec-Fetch-Site cross-site, even with our Origin", { Origin: OWN, "Sec-Fetch-Site": "cross-site" }, false],
    ["Sec-Fetch-Site cross-site with Origin null", { Origin: "null", "Sec-Fetch-Site": "cross-site" }, false],
    ["Sec-Fetch-Site same-site (a sibling subdomain)", { Origin: "https://other.mend.test", "Sec-Fetch-Site": "same-site" }, false],
    ["Sec-Fetch-Site same-site with Origin null", { Origin: "null", "Sec-Fetch-Site": "same-site" }, false],
    ["Origin null and a foreign Referer", { Origin: "null", Referer: "https://evil.example/page" }, false],
    ["a malformed Referer", { Referer: "::not a url" }, false],
  ])("%s", (_what, headers, expected) => {
    expect(isSameOrigin(req(headers), ["https://mend.example.org"])).toBe(expected);
  });
});

// A stand-in build: resource routes only (the real build's pages are covered end to end).
const stubBuild = {
  mode: "production",
  basename: undefined,
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  isSpaMode: false,
  future: { v3_singleFetch: true, v3_lazyRouteDiscovery: true, v3_relativeSplatPath: true, v3_throwAbortReason: true },
  assets: { version: "test", url: "/build/manifest-test.js", entry: { module: "/build/entry.js", imports: [] }, routes: {} },
  entry: { module: { default: () => new Response("document", { status: 200 }) } },
  routes: {
    root: { id: "root", path: "", module: {} },
    "routes/cacheable": {
      id: "routes/cacheable",
      parentId: "root",
      path: "cacheable",
      // A route that asks to be cached (as a CSV export or a page might by mistake).
      module: { loader: () => new Response("private text", { headers: { "Cache-Control": "public, max-age=600" } }) },
    },
    "routes/form": {
      id: "routes/form",
      parentId: "root",
      path: "form",
      module: { action: () => new Response("saved") },
    },
  },
};

let server: http.Server;
let base: string;

beforeAll(async () => {
  // server.js is plain JavaScript: its options object is typed from the defaults alone.
  const create = createApp as unknown as (o: { build: unknown; production: boolean }) => ReturnType<typeof createApp>;
  const app = await create({ build: stubBuild, production: false });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** node:http rather than fetch: fetch would not let a test set Origin or Sec-Fetch-* freely. */
function send(method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const r = http.request(`${base}${path}`, { method, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    r.on("error", reject);
    r.end(method === "POST" ? "a=1" : undefined);
  });
}
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

describe("the server", () => {
  it("sends Referrer-Policy same-origin, so a same-origin form posts its real Origin", async () => {
    const res = await send("GET", "/cacheable");
    expect(res.headers["referrer-policy"]).toBe("same-origin");
  });

  it("accepts a no-JavaScript form post (Origin null, Sec-Fetch-Site same-origin) and refuses forgeries", async () => {
    expect((await send("POST", "/form", { ...FORM, Origin: "null", "Sec-Fetch-Site": "same-origin" })).status).toBe(200);
    expect((await send("POST", "/form", { ...FORM, Origin: "null" })).status).toBe(403);
    expect((await send("POST", "/form", { ...FORM, Origin: "https://evil.example", "Sec-Fetch-Site": "same-origin" })).status).toBe(403);
    expect((await send("POST", "/form", { ...FORM, Origin: "null", "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
  });

  it("answers every dynamic request with Cache-Control: no-store, whatever the route asked for", async () => {
    const res = await send("GET", "/cacheable");
    expect(res.status).toBe(200);
    expect(res.body).toBe("private text");
    expect(res.headers["cache-control"]).toBe("no-store");
    const posted = await send("POST", "/form", { ...FORM, "Sec-Fetch-Site": "same-origin" });
    expect(posted.headers["cache-control"]).toBe("no-store");
    const missing = await send("GET", "/no-such-page");
    expect(missing.headers["cache-control"]).toBe("no-store");
  });

  it("leaves static files their cache", async () => {
    const res = await send("GET", "/favicon.svg");
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toMatch(/max-age=3600/);
  });
});
