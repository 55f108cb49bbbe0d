/**
 * Backups for both back ends:
 * - PostgreSQL: `pg_dump` (plain SQL with --clean --if-exists) and `psql` to restore;
 * - PGlite: its own data-directory dump (a gzipped tarball) and `loadDataDir` to restore.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { databaseUrl, pgliteDir, pgliteInstance } from "./db.server";

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += String(d)));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}: ${stderr.trim()}`))));
  });
}

export async function backupPostgres(url: string, file: string) {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await run("pg_dump", ["--no-owner", "--no-privileges", "--clean", "--if-exists", "--file", file, url]);
  return file;
}

export async function restorePostgres(url: string, file: string) {
  if (!existsSync(file)) throw new Error(`No backup at ${file}`);
  await run("psql", ["--quiet", "--no-psqlrc", "-v", "ON_ERROR_STOP=1", "--single-transaction", "--file", file, url]);
}

/** Dumps the open embedded database (the running process's PGlite) to a .tar.gz file. */
export async function backupPglite(file: string, instance: PGlite | null = pgliteInstance()) {
  if (!instance) throw new Error("The embedded database is not open.");
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const blob = await instance.dumpDataDir("gzip");
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  return file;
}

/**
 * Restores an embedded backup into `dir` (the server must be stopped). The current data
 * directory is kept beside it as `<dir>.before-restore-<time>`, so nothing is lost.
 */
export async function restorePglite(file: string, dir = pgliteDir()) {
  if (!existsSync(file)) throw new Error(`No backup at ${file}`);
  let keptAt: string | null = null;
  if (existsSync(dir)) {
    keptAt = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    renameSync(dir, keptAt);
  }
  mkdirSync(dir, { recursive: true });
  const db = new PGlite(dir, { loadDataDir: new Blob([readFileSync(file)]) });
  await db.waitReady;
  await db.close();
  return { keptAt };
}

export function defaultBackupFile() {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return path.join("backups", `mend-${stamp}.${databaseUrl() ? "sql" : "tar.gz"}`);
}
