/**
 * Per test file: a private database cloned from the migrated template, closed afterwards.
 * A console.error during a test fails it (an unexpected error must not scroll by unnoticed).
 */
import pg from "pg";
import { afterAll, beforeEach, inject, vi } from "vitest";

const template = inject("pgTemplate");
const dump = inject("pgliteDump");
let cloneName: string | null = null;
const testUrl = process.env.TEST_DATABASE_URL;

function adminUrl(url: string, database = "postgres") {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

if (template && testUrl) {
  cloneName = `${template}_f${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl(testUrl) });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${cloneName}" TEMPLATE "${template}"`);
  await admin.end();
  process.env.DATABASE_URL = adminUrl(testUrl, cloneName);
  delete process.env.PGLITE_DATA_DIR;
} else if (dump) {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = "memory://";
  process.env.PGLITE_LOAD_DUMP = dump;
}
process.env.SESSION_SECRET ??= "test-secret-test-secret-test-secret-0123";
// NODE_ENV stays "test"; the demo seed is never loaded implicitly in tests.
process.env.MEND_DEMO = "0";

beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error during a test: ${args.map(String).join(" ")}`);
  });
});

afterAll(async () => {
  const { closeDb } = await import("../../app/utils/db.server");
  await closeDb();
  if (cloneName && testUrl) {
    const admin = new pg.Client({ connectionString: adminUrl(testUrl) });
    await admin.connect();
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [cloneName]);
    await admin.query(`DROP DATABASE IF EXISTS "${cloneName}"`);
    await admin.end();
  }
});
