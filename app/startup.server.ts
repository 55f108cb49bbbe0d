/**
 * Start-up, run by server.js before it accepts requests: migrate the database and, on a fresh
 * embedded install (unless MEND_DEMO=0), load the demo practice.
 */
import type { Prisma } from "@prisma/client";
import { backfillCrisisResources } from "~/models/crisis.server";
import { isEmpty, seedDemo } from "~/seed/demo.server";

/** A new practice's starter library, for first-run setup (only this module imports the seed). */
export { seedLibrary } from "~/seed/demo.server";
import { backend, prisma, rawSession } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { migrate } from "~/utils/migrate.server";

export const DEMO_LOGINS = [
  ["admin@demo.mend", "admin"],
  ["supervisor@demo.mend", "supervisor"],
  ["therapist@demo.mend", "therapist"],
  ["therapist2@demo.mend", "therapist"],
  ["alex@demo.mend", "partner (first couple)"],
  ["sam@demo.mend", "partner (first couple)"],
] as const;

/** Any constant: the advisory lock that lets one first run (demo seed or /setup) proceed at a time. */
const FIRST_RUN_LOCK = 7_263_302;

/**
 * Runs `work` once for the whole instance: in one transaction, only while no account exists, and
 * (on PostgreSQL) holding a transaction-scoped advisory lock, so concurrent first runs queue and
 * every one after the first finds an account and gets null. PGlite has one connection whose
 * transactions already run one after another, so the count alone decides there.
 */
export async function firstRunTransaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T | null> {
  return prisma.$transaction(
    async (tx) => {
      if (backend() === "postgres") await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_RUN_LOCK}::bigint)`;
      if ((await tx.user.count()) > 0) return null;
      return work(tx);
    },
    // Runners-up wait for the first to finish rather than fail.
    { maxWait: 20_000, timeout: 30_000 },
  );
}

/** The demo seed under the same lock (several instances may start on one empty database). */
async function seedDemoOnce(log: (line: string) => void): Promise<boolean> {
  return rawSession(async (conn) => {
    const locks = backend() === "postgres";
    if (locks) await conn.query(`SELECT pg_advisory_lock($1::bigint)`, [FIRST_RUN_LOCK]);
    try {
      if (!(await isEmpty(prisma))) return false;
      log("Empty database: loading the demo practice…");
      await seedDemo(prisma, { log });
      return true;
    } finally {
      if (locks) await conn.query(`SELECT pg_advisory_unlock($1::bigint)`, [FIRST_RUN_LOCK]);
    }
  });
}

/**
 * Whether an empty database gets the demo practice: yes on the embedded database (the
 * two-command set-up, which runs in production mode like any other start), no on a PostgreSQL
 * server, where /setup creates the real practice; MEND_DEMO=1 or 0 decides either way.
 */
export function demoWanted(e: { MEND_DEMO?: string; DATABASE_URL?: string }): boolean {
  return e.MEND_DEMO ? e.MEND_DEMO === "1" : !e.DATABASE_URL;
}

export async function bootstrap(options: { log?: (line: string) => void } = {}) {
  const log = options.log ?? ((line: string) => console.log(line));
  const e = env(); // fail fast on bad configuration
  await migrate({ log });
  const empty = await isEmpty(prisma);
  let seeded = false;
  if (empty && demoWanted(e)) seeded = await seedDemoOnce(log);
  // Practices from before per-country crisis lines get the (unverified) seed list once.
  const backfilled = await backfillCrisisResources();
  if (backfilled) log(`Crisis lines: ${backfilled} suggested lines added for an admin to verify`);
  const hasDemo = (await prisma.user.count({ where: { email: "admin@demo.mend" } })) > 0;
  const needsSetup = !hasDemo && (await prisma.user.count()) === 0;
  return { backend: backend(), seeded, hasDemo, needsSetup, demoLogins: hasDemo ? DEMO_LOGINS : [] };
}
