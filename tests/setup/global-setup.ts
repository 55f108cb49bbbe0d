/**
 * Once per test run: build a migrated template database.
 * - PostgreSQL (TEST_DATABASE_URL set): a template database; each test file clones it with
 *   CREATE DATABASE … TEMPLATE …, so files never share rows.
 * - PGlite (default): a dump of a migrated in-memory database; each test file loads it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string | null;
    pgliteDump: string | null;
  }
}

export function adminUrl(url: string, database = "postgres") {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const testUrl = process.env.TEST_DATABASE_URL;
  const started = Date.now();
  if (testUrl) {
    const template = `mend_tpl_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: adminUrl(testUrl) });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${template}"`);
    process.env.DATABASE_URL = adminUrl(testUrl, template);
    const { migrate } = await import("../../app/utils/migrate.server");
    const { closeDb } = await import("../../app/utils/db.server");
    await migrate();
    await closeDb();
    delete process.env.DATABASE_URL;
    project.provide("pgTemplate", template);
    project.provide("pgliteDump", null);
    console.log(`[test db] PostgreSQL template ${template} ready in ${Date.now() - started} ms`);
    return async () => {
      // Clones may still be closing; terminate stragglers and drop everything we made.
      const leftovers = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
        [`${template}_f%`, template],
      );
      for (const { datname } of leftovers.rows) {
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [datname]);
        await admin.query(`DROP DATABASE IF EXISTS "${datname}"`);
      }
      await admin.end();
    };
  }
  process.env.PGLITE_DATA_DIR = "memory://";
  const { migrate } = await import("../../app/utils/migrate.server");
  const { closeDb, pgliteInstance } = await import("../../app/utils/db.server");
  await migrate();
  const blob = await pgliteInstance()!.dumpDataDir("none");
  const dir = mkdtempSync(path.join(tmpdir(), "mend-test-"));
  const file = path.join(dir, "template.tar");
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await closeDb();
  project.provide("pgTemplate", null);
  project.provide("pgliteDump", file);
  console.log(`[test db] PGlite template ready in ${Date.now() - started} ms`);
  return () => rmSync(dir, { recursive: true, force: true });
}
