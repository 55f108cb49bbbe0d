/**
 * The one module that knows which database back end is in use.
 *
 * - `DATABASE_URL=postgres://…` → a PostgreSQL server through `@prisma/adapter-pg` (a pool per
 *   process; the server stays stateless so many instances can share one database).
 * - otherwise → embedded PGlite under `PGLITE_DATA_DIR` (default `./data/pglite`;
 *   `memory://` for tests).
 *
 * Everything else imports `prisma` (and, rarely, `sql` for hand-written aggregate queries) and
 * never asks which back end it is talking to.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

export type Backend = "postgres" | "pglite";

interface RawDb {
  /** Run a script of several statements (migrations, dumps). */
  exec(script: string): Promise<void>;
  /** Run one parameterised query and return its rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[], name?: string): Promise<T[]>;
  close(): Promise<void>;
  /** Run `fn` on one connection (advisory locks, multi-statement transactions). */
  session<T>(fn: (conn: Pick<RawDb, "exec" | "query">) => Promise<T>): Promise<T>;
}

interface DbHandle {
  backend: Backend;
  pglite?: PGlite;
  prisma: PrismaClient;
  raw: RawDb;
}

declare global {
  // Survives dev-server reloads so we do not open a new pool (or a second PGlite) each time.
  var __mendDb: DbHandle | undefined;
}

export function databaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

export function pgliteDir(): string {
  return process.env.PGLITE_DATA_DIR ?? "./data/pglite";
}

function open(): DbHandle {
  const url = databaseUrl();
  if (url) return openPostgres(url);
  return openPglite(pgliteDir());
}

function openPostgres(url: string): DbHandle {
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  // Timestamps are stored as UTC wall-clock values (Prisma's convention for `timestamp(3)`); pin the
  // session zone so `now()` and column defaults agree with that whatever the server's zone is.
  const pool = new pg.Pool({ connectionString: url, max, options: "-c TimeZone=UTC" });
  // An idle connection can be cut (database restart, failover): pg then emits 'error' on the pool,
  // which would crash the process without a listener. The pool replaces the connection itself.
  pool.on("error", (error) => console.warn(`database connection lost: ${error.message}`));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    backend: "postgres",
    prisma,
    raw: {
      async exec(script) {
        await pool.query(script);
      },
      async query(text, params = [], name) {
        // A name makes it a prepared statement: parsed and planned once per connection.
        const res = await pool.query(name ? { name, text, values: params as unknown[] } : { text, values: params as unknown[] });
        return res.rows;
      },
      async close() {
        await prisma.$disconnect();
        await pool.end().catch(() => {});
      },
      async session(fn) {
        const client = await pool.connect();
        try {
          return await fn({
            async exec(script) {
              await client.query(script);
            },
            async query(text, params = []) {
              return (await client.query(text, params as unknown[])).rows;
            },
          });
        } finally {
          client.release();
        }
      },
    },
  };
}

function openPglite(dir: string): DbHandle {
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  // Tests start each file from a dump of an already-migrated database (fast, isolated).
  const dump = process.env.PGLITE_LOAD_DUMP;
  const pglite = dump ? new PGlite(dir, { loadDataDir: new Blob([readFileSync(dump)]) }) : new PGlite(dir);
  // pglite-prisma-adapter 0.6 is typed against an older driver-adapter-utils; the wire format is the same.
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) as unknown as ConstructorParameters<typeof PrismaClient>[0] extends infer O ? O extends { adapter?: infer A } ? A : never : never });
  return {
    backend: "pglite",
    pglite,
    prisma,
    raw: {
      async exec(script) {
        await pglite.exec(script);
      },
      async query(text, params = []) {
        const res = await pglite.query(text, params as unknown[]);
        return res.rows as never[];
      },
      async close() {
        await prisma.$disconnect();
        if (!pglite.closed) await pglite.close();
      },
      session(fn) {
        return fn(this);
      },
    },
  };
}

function handle(): DbHandle {
  globalThis.__mendDb ??= open();
  return globalThis.__mendDb;
}

/** The Prisma client. Created on first use. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = handle().prisma as unknown as Record<PropertyKey, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

/** Hand-written SQL for aggregates Prisma cannot express (charts, caseload roll-ups). */
export function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return handle().raw.query<T>(text, params);
}

/**
 * The same, as a named prepared statement on PostgreSQL (parsed and planned once per pooled
 * connection): for the few statements that run on nearly every request. `name` must be unique
 * to `text`. PGlite runs it as a plain query.
 */
export function preparedSql<T = Record<string, unknown>>(name: string, text: string, params: unknown[] = []): Promise<T[]> {
  return handle().raw.query<T>(text, params, name);
}

export function rawExec(script: string): Promise<void> {
  return handle().raw.exec(script);
}

export function rawSession<T>(fn: (conn: Pick<RawDb, "exec" | "query">) => Promise<T>): Promise<T> {
  return handle().raw.session(fn);
}

export function backend(): Backend {
  return databaseUrl() ? "postgres" : "pglite";
}

/** Close the connection (PGlite keeps the process alive until closed). */
/** The PGlite instance, for its own dump format (backups, test templates); null on PostgreSQL. */
export function pgliteInstance(): PGlite | null {
  const h = handle();
  return h.pglite ?? null;
}

export async function closeDb(): Promise<void> {
  const h = globalThis.__mendDb;
  globalThis.__mendDb = undefined;
  if (h) await h.raw.close();
}

/**
 * True for a unique-constraint violation, whichever back end raised it: Prisma maps it to P2002
 * on PostgreSQL, while pglite-prisma-adapter 0.6 surfaces the raw driver error (SQLSTATE 23505).
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const rec = e as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };
    if (rec.code === "P2002" || rec.code === "23505" || rec.originalCode === "23505") return true;
    if (typeof rec.message === "string" && /duplicate key value violates unique constraint/.test(rec.message)) return true;
    e = rec.cause;
  }
  return false;
}
