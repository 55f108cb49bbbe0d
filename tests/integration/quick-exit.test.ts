/**
 * The quick exit's server side (issue 15 item 4): /exit ends the session on the server — the
 * row is gone, so the old cookie is worthless even if the browser kept it — and sends the
 * browser to the neutral site, without JavaScript (GET) or from the button's script (POST).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { NEUTRAL_URL } from "~/components/quick-exit";
import { prisma } from "~/utils/db.server";
import { getSessionUser } from "~/utils/session.server";
import { action, loader } from "~/routes/exit";
import { loader as todayLoader } from "~/routes/today";
import { call, createWorld, ORIGIN, sessionCookieFor } from "../support/fixtures";

let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  world = await createWorld();
});

const sessionIdOf = async (userId: string) => (await prisma.session.findMany({ where: { userId }, select: { id: true } })).map((s) => s.id);

function request(path: string, cookie: string | null, method = "GET") {
  const headers = new Headers({ Origin: ORIGIN });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`${ORIGIN}${path}`, { method, headers });
}

async function expectSignedOut(cookie: string) {
  expect(await getSessionUser(request("/today", cookie))).toBeNull();
  const today = await call(todayLoader as never, request("/today", cookie));
  expect(today.status).toBe(302);
  expect(today.location).toMatch(/^\/login\?/);
}

describe("GET /exit (the no-JavaScript quick exit)", () => {
  it("ends the partner's session on the server and redirects to the neutral site", async () => {
    const cookie = await sessionCookieFor(world.partnerA1);
    const other = await sessionCookieFor(world.partnerA1); // the same partner on another device
    expect(await getSessionUser(request("/today", cookie))).not.toBeNull();
    const before = await sessionIdOf(world.partnerA1.id);
    expect(before).toHaveLength(2);

    const res = (await loader({ request: request("/exit", cookie), params: {}, context: {} })) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(NEUTRAL_URL);
    expect(res.headers.get("Location")).toBe("https://www.weather.gov/");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("Clear-Site-Data")).toContain('"cookies"');
    expect(res.headers.get("Set-Cookie")).toMatch(/^mend_session=;.*Max-Age=0/i);

    // Only this browser's session row is gone; the old cookie no longer signs anyone in.
    expect(await sessionIdOf(world.partnerA1.id)).toHaveLength(1);
    await expectSignedOut(cookie);
    expect(await getSessionUser(request("/today", other))).not.toBeNull();
  });

  it("still leaves for the neutral site with no session, or a forged cookie", async () => {
    for (const cookie of [null, "mend_session=forged", "mend_session=%%%"]) {
      const res = (await loader({ request: request("/exit", cookie), params: {}, context: {} })) as Response;
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toBe(NEUTRAL_URL);
    }
  });
});

describe("POST /exit (sent in the background by the button's script)", () => {
  it("ends the session and answers 204 with no-store and Clear-Site-Data", async () => {
    const cookie = await sessionCookieFor(world.partnerB1);
    const res = (await action({ request: request("/exit", cookie, "POST"), params: {}, context: {} })) as Response;
    expect(res.status).toBe(204);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("Clear-Site-Data")).toBe('"cache", "cookies", "storage"');
    expect(res.headers.get("Set-Cookie")).toMatch(/Max-Age=0/i);
    expect(await sessionIdOf(world.partnerB1.id)).toHaveLength(0);
    await expectSignedOut(cookie);
  });
});
