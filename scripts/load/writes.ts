/**
 * The pieces of the "nothing acknowledged is lost" tests, shared by `npm run test:load` (one
 * server, killed and restarted) and `npm run test:scale` (instances behind HAProxy, one killed):
 * a throwaway PostgreSQL database, a practice of partners with daily routines, 32 clients posting
 * check-ins and routine reports with idempotency keys, and the check that every write that got a
 * success answer is in the database with the last acknowledged value.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import pg from "pg";
import { addDays, localDateOf } from "~/domain/dates";
import { DEFAULT_CRISIS_RESOURCES } from "~/utils/crisis";
import { hashPassword } from "~/utils/password.server";

export const PASSWORD = "load test password";

export function dbUrl(base: string, name: string) {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** CREATE DATABASE on the server of `base`; `drop()` removes it again (warning, not throwing, when it cannot). */
export async function createDatabase(base: string, prefix: string) {
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: dbUrl(base, "postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  return {
    name,
    url: dbUrl(base, name),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((e) => console.warn(`could not drop ${name}: ${e instanceof Error ? e.message : e}`));
      await admin.end();
    },
  };
}

export interface LoadPartner {
  id: string;
  email: string;
  name: string;
  assignments: string[];
}

/** One practice, `clients` partners in `clients`/2 couples, 6 daily routines each (the database must be migrated). */
export async function seedPartners(prisma: PrismaClient, clients: number) {
  const hash = await hashPassword(PASSWORD);
  const practice = await prisma.practice.create({ data: { name: "Load test", crisisResources: DEFAULT_CRISIS_RESOURCES, flagPhrases: [] } });
  const therapist = await prisma.user.create({ data: { practiceId: practice.id, role: "therapist", name: "T", email: "t@load.mend", passwordHash: hash } });
  const tz = "America/New_York";
  const today = localDateOf(new Date(), tz);
  const partners: LoadPartner[] = [];
  for (let c = 0; c < clients / 2; c++) {
    const a = await prisma.user.create({ data: { practiceId: practice.id, role: "partner", name: `A${c}`, email: `a${c}@load.mend`, passwordHash: hash, consentAt: new Date() } });
    const b = await prisma.user.create({ data: { practiceId: practice.id, role: "partner", name: `B${c}`, email: `b${c}@load.mend`, passwordHash: hash, consentAt: new Date() } });
    const couple = await prisma.couple.create({
      data: { practiceId: practice.id, therapistId: therapist.id, partnerAId: a.id, partnerBId: b.id, startDate: new Date(`${addDays(today, -20)}T00:00:00Z`), timeZone: tz },
    });
    const assignments: string[] = [];
    for (let i = 0; i < 6; i++) {
      const asg = await prisma.assignment.create({
        data: { coupleId: couple.id, title: `Routine ${i}`, target: "10 minutes at 8 PM", cadence: "daily", startDate: couple.startDate, createdById: therapist.id },
      });
      assignments.push(asg.id);
    }
    partners.push({ id: a.id, email: a.email, name: a.name, assignments }, { id: b.id, email: b.email, name: b.name, assignments });
  }
  return { practice, therapist, partners, today, passwordHash: hash };
}

/** POST /login with the load password; the session cookie ("name=value"). */
export async function signIn(origin: string, email: string, password = PASSWORD) {
  const res = await fetch(`${origin}/login`, { method: "POST", redirect: "manual", headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ email, password }) });
  await res.arrayBuffer();
  if (res.status !== 302) throw new Error(`login ${email}: ${res.status}`);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

export type Write = { kind: "checkin" | "log"; partner: number; key: string; note: string; assignmentId?: string; date?: string; seq: number };

export interface WriteLoad {
  attempted: Write[];
  acknowledged: Write[];
  sent: number;
  /** requests cut off by a connection error and retried with the same key */
  retriedAfterCrash: number;
  /** answers that were not 2xx/3xx */
  errors: number;
  errorStatuses: Record<number, number>;
  /** resolves when every client has stopped */
  done: Promise<void>;
}

/**
 * One client per partner, each alternating check-ins and routine reports until `seconds` have
 * passed. A request cut off by a connection error is retried with the same key (for up to 30 s
 * after the end); an error answer is counted and the client moves on. `onAnswer` sees every answer
 * (e.g. to note which instance gave it), `onDrop` every connection error.
 */
export function startWriteLoad(opts: {
  origin: string;
  partners: LoadPartner[];
  cookies: string[];
  today: string;
  seconds: number;
  onAnswer?: (res: Response, ok: boolean) => void;
  onDrop?: (error: unknown) => void;
}): WriteLoad {
  const { origin, partners, cookies, today } = opts;
  const deadline = Date.now() + opts.seconds * 1000;
  const load: WriteLoad = { attempted: [], acknowledged: [], sent: 0, retriedAfterCrash: 0, errors: 0, errorStatuses: {}, done: Promise.resolve() };
  let seq = 0;

  async function post(path: string, cookie: string, fields: Record<string, string>): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        load.sent++;
        const res = await fetch(`${origin}${path}`, { method: "POST", redirect: "manual", headers: { Origin: origin, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) });
        await res.arrayBuffer();
        const ok = res.status >= 200 && res.status < 400;
        opts.onAnswer?.(res, ok);
        if (ok) return true;
        load.errors++;
        load.errorStatuses[res.status] = (load.errorStatuses[res.status] ?? 0) + 1;
        return false;
      } catch (error) {
        // connection refused/reset: the server is down; retry the same request (same key)
        opts.onDrop?.(error);
        if (attempt === 0) load.retriedAfterCrash++;
        if (Date.now() > deadline + 30_000) return false;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  async function client(i: number) {
    const p = partners[i]!;
    let n = 0;
    while (Date.now() < deadline) {
      const mySeq = ++seq;
      const key = randomUUID().replace(/-/g, "");
      const note = `load-${i}-${mySeq}`;
      if (n++ % 2 === 0) {
        const w: Write = { kind: "checkin", partner: i, key, note, seq: mySeq };
        load.attempted.push(w);
        const ok = await post("/checkin", cookies[i]!, { mood: String(1 + (mySeq % 10)), closeness: String(1 + ((mySeq * 7) % 10)), feelSafe: "yes", note, noteShared: "on", appreciation: "", _idem: key });
        if (ok) load.acknowledged.push(w);
      } else {
        const date = addDays(today, -(mySeq % 7));
        const assignmentId = p.assignments[mySeq % p.assignments.length]!;
        const w: Write = { kind: "log", partner: i, key, note, assignmentId, date, seq: mySeq };
        load.attempted.push(w);
        const ok = await post("/log", cookies[i]!, { assignmentId, date, status: ["kept", "partly", "missed"][mySeq % 3]!, note, _idem: key });
        if (ok) load.acknowledged.push(w);
      }
    }
  }

  load.done = Promise.all(partners.map((_, i) => client(i))).then(() => undefined);
  return load;
}

/**
 * Every acknowledged write is in the database exactly once with its value, unless a later write
 * to the same record (acknowledged or cut off) replaced it; and nothing is half-written.
 */
export async function verifyWrites(url: string, partners: LoadPartner[], today: string, load: Pick<WriteLoad, "attempted" | "acknowledged">, log: (s: string) => void = console.error) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    let lost = 0;
    let found = 0;
    const lastAttempt = new Map<string, Write>();
    const keyOf = (w: Write) => (w.kind === "checkin" ? `c:${w.partner}` : `l:${w.partner}:${w.assignmentId}:${w.date}`);
    for (const w of load.attempted) if ((lastAttempt.get(keyOf(w))?.seq ?? -1) < w.seq) lastAttempt.set(keyOf(w), w);
    const lastAck = new Map<string, Write>();
    for (const w of load.acknowledged) if ((lastAck.get(keyOf(w))?.seq ?? -1) < w.seq) lastAck.set(keyOf(w), w);
    for (const [k, w] of lastAck) {
      const p = partners[w.partner]!;
      const rows =
        w.kind === "checkin"
          ? (await db.query(`SELECT note FROM "CheckIn" WHERE "partnerId" = $1 AND "localDate" = $2::date`, [p.id, today])).rows
          : (await db.query(`SELECT note FROM "AdherenceEntry" WHERE "assignmentId" = $1 AND "occurrenceDate" = $2::date AND "reporterId" = $3`, [w.assignmentId, w.date, p.id])).rows;
      const last = lastAttempt.get(k)!;
      if (rows.length === 1 && (rows[0].note === w.note || last.seq > w.seq)) found++;
      else {
        lost++;
        log(`LOST ${k}: expected note ${w.note}, rows ${JSON.stringify(rows)}`);
      }
    }
    const half = await db.query(`SELECT count(*)::int AS n FROM "SafetyFlag" f WHERE NOT EXISTS (SELECT 1 FROM "FlagEvent" e WHERE e."flagId" = f.id)`);
    const dupes = await db.query(`SELECT count(*)::int AS n FROM (SELECT "partnerId", "localDate" FROM "CheckIn" GROUP BY 1, 2 HAVING count(*) > 1) d`);
    return { distinct: lastAck.size, found, lost, flagsWithoutEvents: half.rows[0].n as number, duplicateCheckIns: dupes.rows[0].n as number };
  } finally {
    await db.end();
  }
}
