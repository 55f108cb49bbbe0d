/**
 * server.js around a tiny stand-in Remix build: the same-origin (CSRF) check with the header
 * combinations browsers really send (issue 16 item 5: plain forms post `Origin: null` when
 * scripts are off), the referrer policy that makes them send their origin, and
 * `Cache-Control: no-store` on every dynamic answer while static files keep their cache
 * (issue 16 item 10).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isSameOrigin } from "../../server.js";
import { FORM, send as sendTo, serve, stubBuild } from "../support/stub-server";

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

const build = stubBuild({
  // A route that asks to be cached (as a CSV export or a page might by mistake).
  cacheable: { loader: () => new Response("private text", { headers: { "Cache-Control": "public, max-age=600" } }) },
  form: { action: () => new Response("saved") },
});

let app: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  app = await serve(build);
});
afterAll(() => app.close());

const send = (method: string, path: string, headers: Record<string, string> = {}) =>
  sendTo(app.base, method, path, headers, method === "POST" ? "a=1" : undefined);

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
