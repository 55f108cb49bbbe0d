// Mend's production server: Express around the Remix build.
// - Production mode unless NODE_ENV says otherwise (`npm run dev` says development), so no
//   answer carries a stack trace or a file path.
// - GET, HEAD and POST only; every request body capped while it is read (MAX_BODY_BYTES).
// - CSRF: every state-changing request must come from this site (Origin / Sec-Fetch-Site).
// - Security headers with a per-request CSP nonce for Remix's inline scripts.
// - Migrates (and on a fresh embedded install, seeds) before listening.
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/node";
// The Express adapter's own two halves (its module exports them; its index only the handler).
import expressAdapter from "@remix-run/express/dist/server.js";
import compression from "compression";
import express from "express";

const here = path.dirname(fileURLToPath(import.meta.url));
const BUILD = path.join(here, "build", "index.js");

/** The methods Mend answers. Anything else (TRACE, PROPFIND, PUT, OPTIONS…) is a 405, not a 500. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST"];

/**
 * The most any request body may be, whatever route it is for. The largest form Mend takes is a
 * homework submission: five answers of up to 10,000 characters, about 450 kB urlencoded at the
 * worst (9 bytes for a character such as 漢). Nothing is uploaded: backups and restores are
 * files on the server (scripts/backup.ts, scripts/restore.ts).
 */
export const MAX_BODY_BYTES = 512 * 1024;

/**
 * Reads a request's body as it arrives, whatever its framing (Content-Length or chunked), and
 * answers 413 as soon as it passes `limit`: at once for a declared length, at the chunk that
 * crosses it otherwise. The 413 closes the connection, so the rest is never read. A body that
 * fits is kept as `req.body` for remixHandler, so Remix never reads the socket itself.
 */
export function capBody(limit = MAX_BODY_BYTES) {
  return (req, res, next) => {
    const declared = Number(req.get("content-length") ?? 0);
    if (req.get("transfer-encoding") === undefined && !(declared > 0)) return next();
    if (declared > limit) return tooLarge(res);
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Still flowing, to nobody, until the 413 is out and the connection closes.
      req.off("data", onData).off("end", onEnd);
      tooLarge(res);
    };
    const onEnd = () => {
      req.body = Buffer.concat(chunks, size);
      next();
    };
    req.on("data", onData).on("end", onEnd);
  };
}

function tooLarge(res) {
  res.set("Connection", "close").status(413).type("text/plain").send("That form is too large.");
}

/**
 * @remix-run/express's createRequestHandler, except for the body: the adapter's request streams
 * the socket (past any cap); this one carries the body capBody read.
 */
function remixHandler({ build, mode, getLoadContext }) {
  const handle = createRequestHandler(build, mode);
  return async (req, res, next) => {
    try {
      let request = expressAdapter.createRemixRequest(req, res);
      if (request.body && req.body) request = new Request(request, { body: req.body, duplex: "half" });
      await expressAdapter.sendRemixResponse(res, await handle(request, getLoadContext(req, res)));
    } catch (error) {
      next(error);
    }
  };
}

/**
 * CSRF: is this state-changing request from this site? Fetch Metadata first: a browser that
 * says cross-site or same-site is refused whatever else it sends. Then a real Origin must be
 * ours. Without one (Origin: null — a plain form under a strict referrer policy, or a privacy
 * setting), the browser's own `Sec-Fetch-Site: same-origin` is proof enough, so forms work
 * without JavaScript; failing that, the Referer's origin must be ours.
 */
export function isSameOrigin(req, allowedOrigins) {
  const fetchSite = req.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  const own = `${req.protocol}://${req.get("host")}`;
  const ours = (source) => source === own || allowedOrigins.includes(source);
  const origin = req.get("origin");
  if (origin && origin !== "null") return ours(origin);
  if (fetchSite === "same-origin") return true;
  const referer = req.get("referer");
  const source = referer ? safeOrigin(referer) : null;
  return source !== null && ours(source);
}

/**
 * Cache-Control: no-store on everything Remix answers — pages, single-fetch `.data`, resource
 * routes such as the CSV export, the sign-in page — so no signed-in page is kept on a shared
 * phone or shown again by Back after a quick exit or sign-out (the browser must ask again, and
 * gets the sign-in page). Set as the headers go out, so no route can loosen it by accident.
 * Static files (/build, /public) are served before this and keep their long cache; so does
 * Remix's route manifest (route names only, versioned).
 */
export function noStore(req, res, next) {
  if (req.path === "/__manifest") return next();
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    if (!this.headersSent) this.setHeader("Cache-Control", "no-store");
    return writeHead.apply(this, args);
  };
  next();
}

function safeOrigin(url) {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export async function createApp({ build, production = process.env.NODE_ENV === "production" } = {}) {
  const app = express();
  app.disable("x-powered-by");
  // Express's own last-resort error page shows the stack outside production.
  app.set("env", production ? "production" : "development");
  app.set("trust proxy", process.env.TRUST_PROXY === "1" ? 1 : false);
  const allowedOrigins = (process.env.APP_ORIGIN ?? "").split(",").map((s) => s.trim()).filter(Boolean);

  app.use((req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'" + (production ? "" : " ws:"),
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self' https://www.weather.gov",
        "frame-ancestors 'none'",
      ].join("; "),
    );
    // Same-origin, not no-referrer: with no-referrer a plain HTML form posts `Origin: null`;
    // other sites (the quick exit's neutral one included) still learn nothing.
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (production) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    // The client's address for rate limits and audit, set here only (never trusted from the client).
    delete req.headers["x-mend-client-ip"];
    req.headers["x-mend-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "unknown";
    next();
  });

  // Before anything else reads or refuses a request, so no body is read past the cap.
  app.use(capBody());

  app.use((req, res, next) => {
    if (ALLOWED_METHODS.includes(req.method)) return next();
    res.set("Allow", ALLOWED_METHODS.join(", ")).status(405).type("text/plain").send("Method not allowed.");
  });

  // CSRF: state-changing requests must be same-origin. Cookies are SameSite=Lax as well.
  app.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    if (isSameOrigin(req, allowedOrigins)) return next();
    res.status(403).type("text/plain").send("Cross-site request refused.");
  });

  app.use(compression());
  app.use("/build", express.static(path.join(here, "public", "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(here, "public"), { maxAge: "1h" }));

  app.all(
    "*",
    noStore,
    remixHandler({
      build,
      mode: production ? "production" : "development",
      getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }),
    }),
  );
  return app;
}

/**
 * WEB_CONCURRENCY=N (N > 1, PostgreSQL only) runs N server processes sharing the port, for a
 * machine with more cores than one Node.js process can use; the server keeps no state between
 * requests, so any process may answer any request. The primary migrates once before forking.
 */
function processCount() {
  const n = Math.floor(Number(process.env.WEB_CONCURRENCY ?? 1));
  if (!Number.isFinite(n) || n <= 1) return 1;
  if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) {
    console.warn("WEB_CONCURRENCY is ignored on the embedded database (one process owns ./data).");
    return 1;
  }
  return n;
}

async function main() {
  // Before the build (and React) is loaded: they read NODE_ENV once, at import.
  process.env.NODE_ENV ||= "production";
  if (!existsSync(BUILD)) {
    console.error("No production build found. Run `npm run build` (or `npm install`, which builds) first.");
    process.exit(1);
  }
  const started = Date.now();
  const build = await import(pathToFileURL(BUILD).href);
  const workers = processCount();
  let info = null;
  if (cluster.isPrimary) {
    try {
      info = await build.entry.module.bootstrap();
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    }
  }
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "0.0.0.0";
  const announce = () => {
    const url = `http://localhost:${port}`;
    const procs = workers > 1 ? `, ${workers} processes` : "";
    console.log(`\nMend is running at ${url}  (database: ${info.backend}${procs}, ready in ${Date.now() - started} ms)`);
    if (info.needsSetup) console.log(`No accounts yet: open ${url}/setup to create the first admin.`);
    if (info.demoLogins.length) {
      console.log("\nDemo logins (password: mend-demo):");
      for (const [email, role] of info.demoLogins) console.log(`  ${email.padEnd(24)} ${role}`);
    }
    console.log("");
  };

  if (cluster.isPrimary && workers > 1) {
    await build.entry.module.shutdown?.();
    let stopping = false;
    let listening = 0;
    const fork = () => cluster.fork();
    cluster.on("listening", () => {
      if (++listening === workers) announce();
    });
    cluster.on("exit", (w, code, signal) => {
      if (stopping) return;
      console.error(`server process ${w.process.pid} exited (${signal ?? code}); starting another`);
      fork();
    });
    for (let i = 0; i < workers; i++) fork();
    const shutdown = () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
      let left = Object.keys(cluster.workers ?? {}).length;
      if (left === 0) process.exit(0);
      cluster.on("exit", () => --left === 0 && process.exit(0));
      setTimeout(() => process.exit(0), 10_000).unref();
    };
    process.on("SIGTERM", shutdown);
    process.on("SIGINT", shutdown);
    return;
  }

  const app = await createApp({ build });
  const worker = build.entry.module.startInProcessWorker?.() ?? null;
  const server = app.listen(port, host, () => {
    if (cluster.isPrimary) announce();
  });
  const shutdown = async () => {
    server.close();
    await worker?.stop();
    await build.entry.module.shutdown?.();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main();
}
