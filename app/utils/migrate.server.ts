/**
 * Applies prisma/migrations/* in order, recording them in Prisma's own `_prisma_migrations`
 * table (same columns and checksums), so `prisma migrate status/deploy` agree with it.
 *
 * Why not `prisma migrate deploy` at start-up: its JS schema engine cannot read this
 * table through @prisma/adapter-pg 6.19 ("Column type 'name' could not be deserialized"), and
 * spawning the CLI would cost seconds on every embedded start. See docs/decisions/002.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { backend, rawSession } from "./db.server";

const LOCK_KEY = 7_263_301; // any constant: serialises migrations across app instances

export function migrationsDir(): string {
  return path.resolve(process.env.MEND_MIGRATIONS_DIR ?? path.join(process.cwd(), "prisma", "migrations"));
}

export function listMigrations(dir = migrationsDir()) {
  if (!existsSync(dir)) throw new Error(`No migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const script = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, script, checksum: createHash("sha256").update(script).digest("hex") };
    });
}

export async function migrate(options: { log?: (line: string) => void } = {}): Promise<string[]> {
  const log = options.log ?? (() => {});
  const usesLock = backend() === "postgres";
  return rawSession(async (conn) => {
    const applied: string[] = [];
    if (usesLock) await conn.query(`SELECT pg_advisory_lock($1)`, [LOCK_KEY]);
    try {
      await conn.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id" VARCHAR(36) PRIMARY KEY NOT NULL,
        "checksum" VARCHAR(64) NOT NULL,
        "finished_at" TIMESTAMPTZ,
        "migration_name" VARCHAR(255) NOT NULL,
        "logs" TEXT,
        "rolled_back_at" TIMESTAMPTZ,
        "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0
      )`);
      const done = await conn.query<{ migration_name: string; checksum: string }>(
        `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      const doneByName = new Map(done.map((r) => [r.migration_name, r.checksum]));
      for (const m of listMigrations()) {
        const previous = doneByName.get(m.name);
        if (previous) {
          if (previous !== m.checksum) log(`warning: migration ${m.name} was edited after it was applied`);
          continue;
        }
        log(`applying migration ${m.name}`);
        const id = randomUUID();
        // One transaction per migration: a failure leaves the database as it was.
        try {
          await conn.exec(
            `BEGIN;\n${m.script}\n;INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ('${id}', '${m.checksum}', now(), '${m.name.replace(/'/g, "''")}', 1);\nCOMMIT;`,
          );
        } catch (error) {
          await conn.exec("ROLLBACK").catch(() => {});
          throw error;
        }
        applied.push(m.name);
      }
    } finally {
      if (usesLock) await conn.query(`SELECT pg_advisory_unlock($1)`, [LOCK_KEY]);
    }
    return applied;
  });
}
