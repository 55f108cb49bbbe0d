/**
 * What server.js refuses before Remix sees a request (issue 16 items 8 and 9):
 *  - every request body is capped while it is read, chunked or not: past MAX_BODY_BYTES the
 *    answer is a 413 and the connection closes, long before a 20 MB upload is read;
 *  - methods other than GET, HEAD and POST get a 405 with an Allow header, not a 500;
 *  - in production mode (what `npm start` runs) a 404 or a thrown 500 carries no stack trace
 *    or file path, as HTML or as `.data`; development mode, for contrast, does.
 * And `node server.js` as `npm start` runs it, with nothing set: production mode, the embedded
 * database, the demo practice loaded and its logins printed.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ALLOWED_METHODS, MAX_BODY_BYTES } from "../../server.js";
import { demoWanted } from "~/startup.server";
import { FORM, send, serve, stubBuild, type Answer } from "../support/stub-server";

const SAME_ORIGIN = { "Sec-Fetch-Site": "same-origin" };
const MB = 1024 * 1024;

/** Counts the action's runs and answers with the length of every field it read. */
let actionRuns = 0;
const echo = {
  action: async ({ request }: { request: Request }) => {
    actionRuns++;
    const form = await request.formData();
    return Response.json(Object.fromEntries([...form].map(([name, value]) => [name, String(value).length])));
  },
};

/**
 * Streams up to `total` bytes as a chunked POST over a raw socket, 64 KiB a chunk, and stops
 * as soon as the server answers or closes. Resolves with the answer's first bytes and how much
 * was sent by then.
 */
function chunkedUpload(port: number, path: string, total: number) {
  return new Promise<{ head: string; sent: number; closed: boolean }>((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let head = "";
    let sent = 0;
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      resolve({ head, sent, closed });
      socket.destroy();
    };
    socket.setEncoding("latin1");
    socket.on("data", (text: string) => {
      head += text;
    });
    socket.on("end", () => finish(true));
    socket.on("close", () => finish(true));
    socket.on("error", () => finish(true)); // a reset while still sending is the server closing
    const chunk = Buffer.concat([Buffer.from(`${(64 * 1024).toString(16)}\r\n`), Buffer.alloc(64 * 1024, "a"), Buffer.from("\r\n")]);
    socket.once("connect", async () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
          `Sec-Fetch-Site: same-origin\r\nTransfer-Encoding: chunked\r\n\r\n`,
      );
      try {
        while (!done && !head && sent < total) {
          if (!socket.write(chunk)) await new Promise((r) => socket.once("drain", r));
          sent += 64 * 1024;
          await new Promise((r) => setTimeout(r, 1));
        }
        if (!done && !head) socket.write("0\r\n\r\n");
        // An answer may still be on its way: wait for it, or for the close.
        setTimeout(() => finish(false), 5_000);
      } catch (error) {
        reject(error);
      }
    });
  });
}

describe("the body cap", () => {
  let app: Awaited<ReturnType<typeof serve>>;
  /** What the server read from each connection before it closed. */
  const bytesRead: number[] = [];
  beforeAll(async () => {
    app = await serve(stubBuild({ echo }));
    app.server.on("connection", (socket: net.Socket) => socket.on("close", () => bytesRead.push(socket.bytesRead)));
  });
  afterAll(() => app.close());

  it("is the one cap, and big enough for the largest form: five 10,000-character answers in any script", () => {
    // 9 bytes a character urlencoded (a three-byte UTF-8 character, each byte as %XX).
    expect(MAX_BODY_BYTES).toBeGreaterThan(5 * 10_000 * 9 + 10_000);
    expect(MAX_BODY_BYTES).toBeLessThanOrEqual(MB);
  });

  it("answers a 20 MB chunked upload with 413 and closes the connection long before the end, the action never run", async () => {
    actionRuns = 0;
    bytesRead.length = 0;
    const { head, sent, closed } = await chunkedUpload(app.port, "/echo", 20 * MB);
    expect(head).toMatch(/^HTTP\/1\.1 413 /);
    expect(head).toMatch(/\r\nConnection: close\r\n/i);
    expect(closed).toBe(true);
    // Of 20 MB, little more than the cap itself was sent, and read (about 0.6 MB of each here).
    expect(sent).toBeLessThan(MAX_BODY_BYTES + MB);
    await vi.waitFor(() => expect(bytesRead.length).toBe(1));
    expect(bytesRead[0]).toBeLessThan(MAX_BODY_BYTES + MB);
    expect(actionRuns).toBe(0);
  });

  it("answers a declared Content-Length over the cap with 413 at once, without waiting for the body", async () => {
    actionRuns = 0;
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(app.port, "127.0.0.1", () => {
        socket.write(`POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nSec-Fetch-Site: same-origin\r\nContent-Length: ${20 * MB}\r\n\r\n`);
      });
      let text = "";
      socket.setEncoding("latin1");
      socket.on("data", (t: string) => {
        text += t;
        if (text.includes("\r\n\r\n")) {
          socket.destroy();
          resolve(text);
        }
      });
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(actionRuns).toBe(0);
  });

  it("caps every method and route, whatever answers it: a cross-site POST and a GET with a body", async () => {
    const big = "a=" + "b".repeat(MAX_BODY_BYTES);
    expect((await send(app.base, "POST", "/echo", { ...FORM, "Sec-Fetch-Site": "cross-site" }, big)).status).toBe(413);
    expect((await send(app.base, "GET", "/echo", FORM, big)).status).toBe(413);
  });

  it("passes a large but legitimate form through whole, with a length or chunked", async () => {
    // Five answers of 10,000 characters that take three bytes each: about 450 kB urlencoded.
    const answer = "漢".repeat(10_000);
    const body = new URLSearchParams([...Array(5)].map((_, i) => [`p_${i}`, answer])).toString() + "&intent=submit";
    expect(body.length).toBeGreaterThan(440_000);
    const expected = { p_0: 10_000, p_1: 10_000, p_2: 10_000, p_3: 10_000, p_4: 10_000, intent: 6 };
    const withLength = await send(app.base, "POST", "/echo", { ...FORM, ...SAME_ORIGIN }, body);
    expect(withLength.status).toBe(200);
    expect(JSON.parse(withLength.body)).toEqual(expected);
    // Written in pieces with no length given, Node's client frames the body as chunked.
    const chunked = await new Promise<Answer>((resolve, reject) => {
      const req = http.request(`${app.base}/echo`, { method: "POST", headers: { ...FORM, ...SAME_ORIGIN } }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      });
      req.on("error", reject);
      for (let i = 0; i < body.length; i += 50_000) req.write(body.slice(i, i + 50_000));
      req.end();
    });
    expect(chunked.status).toBe(200);
    expect(JSON.parse(chunked.body)).toEqual(expected);
  });

  it("still serves an ordinary small form", async () => {
    const res = await send(app.base, "POST", "/echo", { ...FORM, ...SAME_ORIGIN }, "note=hello&mood=7");
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ note: 5, mood: 1 });
  });
});

describe("HTTP methods", () => {
  let app: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    app = await serve(stubBuild({ login: { loader: () => new Response("sign in"), action: () => new Response("signed in") } }), true);
  });
  afterAll(() => app.close());

  it.each(["TRACE", "PROPFIND", "PUT", "DELETE", "PATCH", "OPTIONS"])("%s /login is a 405 with an Allow header", async (method) => {
    const res = await send(app.base, method, "/login", SAME_ORIGIN);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("GET, HEAD, POST");
    expect(res.body).not.toMatch(/ at |node_modules|\.js:/);
  });

  it("GET, HEAD and POST are answered", async () => {
    expect(ALLOWED_METHODS).toEqual(["GET", "HEAD", "POST"]);
    expect((await send(app.base, "GET", "/login")).status).toBe(200);
    expect((await send(app.base, "HEAD", "/login")).status).toBe(200);
    expect((await send(app.base, "POST", "/login", { ...FORM, ...SAME_ORIGIN }, "a=1")).status).toBe(200);
  });
});

/** A stack frame, a path of this checkout, or a module file: none may reach a browser. */
const LEAKS = [/\n\s+at /, /\\n\s+at /, /node_modules/, new RegExp(escape(process.cwd())), /\.(js|ts|tsx):\d+/];
function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
const leaks = (body: string) => LEAKS.filter((re) => re.test(body)).map(String);

/** The real production build, so the pages are Mend's own document and error boundary. */
const BUILD = path.resolve("build/index.js");

describe("error answers of the production build", () => {
  type Build = { routes: Record<string, { module: Record<string, unknown> }>; entry: { module: { shutdown?: () => Promise<void> } } };
  let build: Build;
  let production: Awaited<ReturnType<typeof serve>>;
  let development: Awaited<ReturnType<typeof serve>>;
  const SECRET = `/srv/mend/app/models/secret.server.ts:42`;

  beforeAll(async () => {
    if (!existsSync(BUILD)) throw new Error("No production build: run `npm run build` (npm install does) before the tests.");
    const real = (await import(/* @vite-ignore */ pathToFileURL(BUILD).href)) as Build;
    // The sign-in page's loader fails with an error that names a file, as a real bug would.
    const login = real.routes["routes/login"]!;
    const failing = () => {
      throw new Error(`database exploded at ${SECRET}`);
    };
    build = { ...real, routes: { ...real.routes, "routes/login": { ...login, module: { ...login.module, loader: failing } } } };
    production = await serve(build, true);
    development = await serve(build, false);
  });
  afterAll(async () => {
    await production?.close();
    await development?.close();
    await build?.entry.module.shutdown?.();
  });

  it.each([
    ["an unknown page", "/no-such-page", 404],
    ["an unknown page's data", "/no-such-page.data", 404],
    ["a page whose loader throws", "/login", 500],
    ["that page's data", "/login.data", 500],
  ])("%s: no stack trace or file path in production", async (_what, url, status) => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await send(production.base, "GET", url);
    expect(res.status).toBe(status);
    expect(leaks(res.body)).toEqual([]);
    expect(res.body).not.toContain(SECRET);
    if (status === 500) expect(logged).toHaveBeenCalled(); // the operator still sees it, in the log
    if (!url.endsWith(".data")) expect(res.body).toMatch(status === 404 ? /We couldn(’|'|&#x27;)t find that page/ : /Something went wrong on our side/);
  });

  it.each([
    ["an unknown page", "/no-such-page"],
    ["a page whose loader throws", "/login.data"],
  ])("%s in development mode does show the stack (what production hides)", async (_what, url) => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await send(development.base, "GET", url);
    expect(leaks(res.body).length).toBeGreaterThan(0);
  });
});

describe("demo data", () => {
  it.each<[string, Record<string, string>, boolean]>([
    ["the embedded database, nothing set (npm start)", {}, true],
    ["the embedded database in production mode", { NODE_ENV: "production" }, true],
    ["the embedded database, MEND_DEMO=0", { MEND_DEMO: "0" }, false],
    ["a PostgreSQL server in production", { NODE_ENV: "production", DATABASE_URL: "postgresql://db/mend" }, false],
    ["a PostgreSQL server, nothing else set", { DATABASE_URL: "postgresql://db/mend" }, false],
    ["a PostgreSQL server, MEND_DEMO=1", { DATABASE_URL: "postgresql://db/mend", MEND_DEMO: "1" }, true],
  ])("%s", (_what, env, expected) => {
    expect(demoWanted(env)).toBe(expected);
  });
});

// One real start costs a migration and the demo seed (~20 s). A new user's start is the embedded
// database whatever TEST_DATABASE_URL says (the server never reads it), so both passes check it.
describe("node server.js with nothing set, as npm start runs it", () => {
  let dir: string;
  let child: ReturnType<typeof spawn> | undefined;
  let output = "";
  let base = "";

  beforeAll(async () => {
    if (!existsSync(BUILD)) throw new Error("No production build: run `npm run build` (npm install does) before the tests.");
    dir = mkdtempSync(path.join(tmpdir(), "mend-start-"));
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", PGLITE_DATA_DIR: path.join(dir, "pglite"), MEND_WORKER: "0" };
    // What this test process has set for itself (test mode, its own database, no demo) is not
    // what a user's shell has.
    for (const name of ["NODE_ENV", "MEND_DEMO", "DATABASE_URL", "PGLITE_LOAD_DUMP", "VITEST", "VITEST_POOL_ID", "VITEST_WORKER_ID", "TEST"]) delete env[name];
    child = spawn(process.execPath, ["server.js"], { env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout!.on("data", (b: Buffer) => (output += b.toString()));
    child.stderr!.on("data", (b: Buffer) => (output += b.toString()));
    await vi.waitFor(() => expect(output).toMatch(/Mend is running at/), { timeout: 55_000, interval: 200 });
    base = `http://127.0.0.1:${port}`;
  }, 60_000);
  afterAll(() => {
    child?.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  });

  it("loads the demo practice and prints the URL and the demo logins", async () => {
    await vi.waitFor(() => expect(output).toMatch(/therapist@demo\.mend/), { timeout: 5_000 });
    expect(output).toMatch(/Mend is running at http:\/\/localhost:\d+ {2}\(database: pglite/);
    expect(output).toMatch(/Demo logins \(password: mend-demo\)/);
    for (const email of ["admin@demo.mend", "supervisor@demo.mend", "therapist@demo.mend", "alex@demo.mend", "sam@demo.mend"]) expect(output).toContain(email);
  });

  it("runs in production mode: HSTS is sent, and a 404 has no stack as HTML or .data", async () => {
    const page = await send(base, "GET", "/no-such-page");
    expect(page.status).toBe(404);
    expect(page.headers["strict-transport-security"]).toMatch(/max-age=/);
    expect(leaks(page.body)).toEqual([]);
    const data = await send(base, "GET", "/no-such-page.data");
    expect(data.status).toBe(404);
    expect(leaks(data.body)).toEqual([]);
  });

  it("refuses TRACE with 405 and an oversized chunked upload with 413", async () => {
    expect((await send(base, "TRACE", "/login")).status).toBe(405);
    const { head } = await chunkedUpload(Number(new URL(base).port), "/login", 20 * MB);
    expect(head).toMatch(/^HTTP\/1\.1 413 /);
  });
});
