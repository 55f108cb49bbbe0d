import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from "~/utils/backup.server";
import { backend, databaseUrl, pgliteInstance, prisma, sql } from "~/utils/db.server";
import { createCouple, createPractice, createUser } from "../support/fixtures";

const dir = mkdtempSync(path.join(tmpdir(), "mend-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A fingerprint of every table's rows: counts plus an md5 over the ordered row text.
const TABLES = ["Practice", "User", "Couple", "CheckIn", "AuditEvent", "SafetyFlag", "FlagEvent"];
async function fingerprint(query: (text: string) => Promise<Record<string, unknown>[]>) {
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const [row] = await query(`SELECT count(*)::text AS n, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM "${t}" x`);
    out[t] = `${row!.n}:${row!.h}`;
  }
  return out;
}

async function someData() {
  const practice = await createPractice();
  const therapist = await createUser(practice.id, "therapist");
  const { couple, partnerA } = await createCouple(practice.id, therapist.id);
  await prisma.checkIn.create({
    data: { coupleId: couple.id, partnerId: partnerA.id, localDate: new Date("2026-11-01T00:00:00Z"), mood: 7, closeness: 6, feelSafe: "yes", note: "ünïcødé ✓ 'quotes'" },
  });
  await prisma.auditEvent.create({ data: { practiceId: practice.id, actorId: therapist.id, action: "read", entity: "couple" } });
}

describe("backup and restore give back the same rows", () => {
  it(`round-trips on ${backend()}`, async () => {
    await someData();
    const before = await fingerprint((t) => sql(t));
    expect(Number(before.CheckIn!.split(":")[0])).toBeGreaterThan(0);

    if (backend() === "postgres") {
      const file = path.join(dir, "pg.sql");
      await backupPostgres(databaseUrl()!, file);
      // restore into a brand-new database and compare
      const target = new URL(databaseUrl()!);
      const name = `${target.pathname.slice(1)}_restore`;
      const admin = new URL(target.toString());
      admin.pathname = "/postgres";
      const a = new pg.Client({ connectionString: admin.toString() });
      await a.connect();
      await a.query(`CREATE DATABASE "${name}"`);
      target.pathname = `/${name}`;
      try {
        await restorePostgres(target.toString(), file);
        const c = new pg.Client({ connectionString: target.toString() });
        await c.connect();
        const after = await fingerprint(async (t) => (await c.query(t)).rows);
        await c.end();
        expect(after).toEqual(before);
      } finally {
        await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await a.end();
      }
    } else {
      const file = path.join(dir, "pglite.tar.gz");
      await backupPglite(file, pgliteInstance());
      const dataDir = path.join(dir, "restored");
      await restorePglite(file, dataDir);
      const db = new PGlite(dataDir);
      const after = await fingerprint(async (t) => (await db.query<Record<string, unknown>>(t)).rows);
      await db.close();
      expect(after).toEqual(before);
    }
  });
});
