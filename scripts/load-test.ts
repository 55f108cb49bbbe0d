/**
 * `npm run test:load` — nothing lost under load or crash.
 *
 * Starts the production build on a fresh PostgreSQL database, sends check-ins and routine
 * reports from 32 clients for 60 s (LOAD_SECONDS to change), kills the server with SIGKILL in the
 * middle and restarts it, then checks that every write that got a success answer is in the
 * database exactly once with the last acknowledged value, and that nothing is half-written.
 * Requests carry idempotency keys; a request cut off by the crash is retried with the same key.
 * The data, the clients and the check are in scripts/load/writes.ts (shared with test:scale).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "./bench/server";
import { createDatabase, seedPartners, signIn, startWriteLoad, verifyWrites } from "./load/writes";

const BASE = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 32);

const database = await createDatabase(BASE, "mend_load");
process.env.DATABASE_URL = database.url;

const { migrate } = await import("~/utils/migrate.server");
const { prisma, closeDb } = await import("~/utils/db.server");

let server: ChildProcess | null = null;
let exitCode = 1;
try {
  await migrate();
  const { partners, today } = await seedPartners(prisma, CLIENTS);
  await closeDb();

  // ---- server ----
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" as const, MEND_DEMO: "0", MEND_INSECURE_COOKIE: "1", SESSION_SECRET: "load-test-secret-load-test-secret-000000", DATABASE_URL: database.url };
  const start = async () => {
    server = spawn(process.execPath, ["server.js"], { env, stdio: ["ignore", "ignore", "inherit"] });
    for (let i = 0; i < 200; i++) {
      try {
        if ((await fetch(`${origin}/healthz`)).ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("server did not start");
  };
  await start();
  const cookies = await Promise.all(partners.map((p) => signIn(origin, p.email)));

  // ---- load, with a crash in the middle ----
  let crashed = false;
  const load = startWriteLoad({ origin, partners, cookies, today, seconds: SECONDS });
  const crashAt = setTimeout(async () => {
    crashed = true;
    console.log(`[load] SIGKILL at ${SECONDS / 2}s after ${load.acknowledged.length} acknowledged writes`);
    server!.kill("SIGKILL");
    await new Promise((r) => server!.once("exit", r));
    await start();
    console.log("[load] server restarted");
  }, (SECONDS * 1000) / 2);
  await load.done;
  clearTimeout(crashAt);
  if (!crashed) throw new Error("the run ended before the crash");

  // ---- verify ----
  const v = await verifyWrites(database.url, partners, today, load, (s) => console.error(`[load] ${s}`));
  console.log(`[load] ${CLIENTS} clients, ${SECONDS}s: ${load.sent} requests sent, ${load.acknowledged.length} acknowledged writes (${v.distinct} distinct records), ${load.retriedAfterCrash} retried after the crash, ${load.errors} error answers`);
  console.log(`[load] found in the database: ${v.found}/${v.distinct}; lost: ${v.lost}; flags without events: ${v.flagsWithoutEvents}; duplicate check-ins: ${v.duplicateCheckIns}`);
  exitCode = v.lost === 0 && load.errors === 0 && v.flagsWithoutEvents === 0 && v.duplicateCheckIns === 0 && load.acknowledged.length > 0 ? 0 : 1;
  console.log(exitCode === 0 ? "1 passed, 0 failed" : "0 passed, 1 failed");
} finally {
  (server as ChildProcess | null)?.kill("SIGKILL");
  await closeDb().catch(() => {});
  await database.drop();
}
process.exit(exitCode);
