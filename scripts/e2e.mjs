// Runs the Playwright suite against the production build on a fresh database:
// a new PGlite folder by default, or a new PostgreSQL database when TEST_DATABASE_URL is set.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `\nThe end-to-end tests need Chromium at ${chromium}, and it is not installed.\n` +
      `On Debian/Ubuntu install it with:\n\n    sudo apt-get update && sudo apt-get install -y chromium\n\n` +
      `(or set CHROMIUM_PATH to another Chromium/Chrome binary). Playwright's own browser download does not work offline.\n`,
  );
  process.exit(1);
}
if (!existsSync("build/index.js")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

const env = { ...process.env };
let cleanup = () => {};
const testUrl = process.env.TEST_DATABASE_URL;
if (testUrl) {
  const name = `mend_e2e_${Date.now().toString(36)}`;
  const admin = new URL(testUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(testUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  env.SESSION_SECRET ??= "e2e-secret-e2e-secret-e2e-secret-0123456";
  delete env.PGLITE_DATA_DIR;
  cleanup = async () => {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
    await c.query(`DROP DATABASE IF EXISTS "${name}"`);
    await c.end();
  };
  console.log(`[e2e] PostgreSQL database ${name}`);
} else {
  const dir = mkdtempSync(path.join(tmpdir(), "mend-e2e-"));
  env.PGLITE_DATA_DIR = path.join(dir, "pglite");
  delete env.DATABASE_URL;
  cleanup = () => rmSync(dir, { recursive: true, force: true });
  console.log(`[e2e] PGlite at ${env.PGLITE_DATA_DIR}`);
}

const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env });
await cleanup();
process.exit(result.status ?? 1);
