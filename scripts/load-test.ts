/**
 * `npm run test:load` — nothing lost under load or crash.
 *
 * Starts the production build on a fresh PostgreSQL database, sends check-ins and routine
 * reports from 32 clients for 60 s (LOAD_SECONDS to change), kills the server with SIGKILL in the
 * middle and restarts it, then checks that every write that got a success answer is in the
 * database exactly once with the last acknowledged value, and that nothing is half-written.
 * Requests carry idempotency keys; a request cut off by the crash is retried with the same key.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import net from "node:net";
import pg from "pg";

const BASE = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 32);
const PASSWORD = "load test password";

function dbUrl(name: string) {
  const u = new URL(BASE);
  u.pathname = `/${name}`;
  return u.toString();
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

const dbName = `mend_load_${Date.now().toString(36)}`;
const admin = new pg.Client({ connectionString: dbUrl("postgres") });
await admin.connect();
await admin.query(`CREATE DATABASE "${dbName}"`);
process.env.DATABASE_URL = dbUrl(dbName);

const { migrate } = await import("~/utils/migrate.server");
const { prisma, closeDb } = await import("~/utils/db.server");
const { hashPassword } = await import("~/utils/password.server");
const { localDateOf, addDays } = await import("~/domain/dates");
const { DEFAULT_CRISIS_RESOURCES } = await import("~/utils/crisis");

let server: ChildProcess | null = null;
let exitCode = 1;
try {
  await migrate();
  // ---- data: one practice, CLIENTS partners in CLIENTS/2 couples, 6 daily routines each ----
  const hash = await hashPassword(PASSWORD);
  const practice = await prisma.practice.create({ data: { name: "Load test", crisisResources: DEFAULT_CRISIS_RESOURCES, flagPhrases: [] } });
  const therapist = await prisma.user.create({ data: { practiceId: practice.id, role: "therapist", name: "T", email: "t@load.mend", passwordHash: hash } });
  const tz = "America/New_York";
  const today = localDateOf(new Date(), tz);
  const partners: { id: string; email: string; assignments: string[] }[] = [];
  for (let c = 0; c < CLIENTS / 2; c++) {
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
    partners.push({ id: a.id, email: a.email, assignments }, { id: b.id, email: b.email, assignments });
  }
  await closeDb();

  // ---- server ----
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" as const, MEND_DEMO: "0", MEND_INSECURE_COOKIE: "1", SESSION_SECRET: "load-test-secret-load-test-secret-000000", DATABASE_URL: dbUrl(dbName) };
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

  const login = async (email: string) => {
    const res = await fetch(`${origin}/login`, { method: "POST", redirect: "manual", headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ email, password: PASSWORD }) });
    if (res.status !== 302) throw new Error(`login ${email}: ${res.status}`);
    return res.headers.get("set-cookie")!.split(";")[0]!;
  };
  const cookies = await Promise.all(partners.map((p) => login(p.email)));

  // ---- load ----
  type Write = { kind: "checkin" | "log"; partner: number; key: string; note: string; assignmentId?: string; date?: string; seq: number };
  const acknowledged: Write[] = [];
  const attempted: Write[] = [];
  let sent = 0;
  let retriedAfterCrash = 0;
  let errors = 0;
  let seq = 0;
  const deadline = Date.now() + SECONDS * 1000;
  let crashed = false;

  async function post(path: string, cookie: string, fields: Record<string, string>): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        sent++;
        const res = await fetch(`${origin}${path}`, { method: "POST", redirect: "manual", headers: { Origin: origin, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) });
        await res.arrayBuffer();
        if (res.status >= 200 && res.status < 400) return true;
        errors++;
        return false;
      } catch {
        // connection refused/reset: the server is down; retry the same request (same key)
        if (attempt === 0) retriedAfterCrash++;
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
        attempted.push(w);
        const ok = await post("/checkin", cookies[i]!, { mood: String(1 + (mySeq % 10)), closeness: String(1 + ((mySeq * 7) % 10)), feelSafe: "yes", note, noteShared: "on", appreciation: "", _idem: key });
        if (ok) acknowledged.push(w);
      } else {
        const date = addDays(today, -(mySeq % 7));
        const assignmentId = p.assignments[mySeq % p.assignments.length]!;
        const w: Write = { kind: "log", partner: i, key, note, assignmentId, date, seq: mySeq };
        attempted.push(w);
        const ok = await post("/log", cookies[i]!, { assignmentId, date, status: ["kept", "partly", "missed"][mySeq % 3]!, note, _idem: key });
        if (ok) acknowledged.push(w);
      }
    }
  }

  const crashAt = setTimeout(async () => {
    crashed = true;
    console.log(`[load] SIGKILL at ${SECONDS / 2}s after ${acknowledged.length} acknowledged writes`);
    server!.kill("SIGKILL");
    await new Promise((r) => server!.once("exit", r));
    await start();
    console.log("[load] server restarted");
  }, (SECONDS * 1000) / 2);
  await Promise.all(partners.map((_, i) => client(i)));
  clearTimeout(crashAt);
  if (!crashed) throw new Error("the run ended before the crash");

  // ---- verify ----
  const db = new pg.Client({ connectionString: dbUrl(dbName) });
  await db.connect();
  let lost = 0;
  let found = 0;
  // The last attempted write per key decides the stored value; acknowledged writes must be there
  // unless a later write to the same key (acknowledged or cut off) replaced them.
  const lastAttempt = new Map<string, Write>();
  const keyOf = (w: Write) => (w.kind === "checkin" ? `c:${w.partner}` : `l:${w.partner}:${w.assignmentId}:${w.date}`);
  for (const w of attempted) if ((lastAttempt.get(keyOf(w))?.seq ?? -1) < w.seq) lastAttempt.set(keyOf(w), w);
  const lastAck = new Map<string, Write>();
  for (const w of acknowledged) if ((lastAck.get(keyOf(w))?.seq ?? -1) < w.seq) lastAck.set(keyOf(w), w);
  for (const [k, w] of lastAck) {
    const p = partners[w.partner]!;
    const rows =
      w.kind === "checkin"
        ? (await db.query(`SELECT note FROM "CheckIn" WHERE "partnerId" = $1 AND "localDate" = $2::date`, [p.id, today])).rows
        : (await db.query(`SELECT note FROM "AdherenceEntry" WHERE "assignmentId" = $1 AND "occurrenceDate" = $2::date AND "reporterId" = $3`, [w.assignmentId, w.date, p.id])).rows;
    const last = lastAttempt.get(k)!;
    const okValue = rows.length === 1 && (rows[0].note === w.note || last.seq > w.seq);
    if (okValue) found++;
    else {
      lost++;
      console.error(`[load] LOST ${k}: expected note ${w.note}, rows ${JSON.stringify(rows)}`);
    }
  }
  const half = await db.query(`SELECT count(*)::int AS n FROM "SafetyFlag" f WHERE NOT EXISTS (SELECT 1 FROM "FlagEvent" e WHERE e."flagId" = f.id)`);
  const dupes = await db.query(`SELECT count(*)::int AS n FROM (SELECT "partnerId", "localDate" FROM "CheckIn" GROUP BY 1, 2 HAVING count(*) > 1) d`);
  await db.end();
  console.log(`[load] ${CLIENTS} clients, ${SECONDS}s: ${sent} requests sent, ${acknowledged.length} acknowledged writes (${lastAck.size} distinct records), ${retriedAfterCrash} retried after the crash, ${errors} error answers`);
  console.log(`[load] found in the database: ${found}/${lastAck.size}; lost: ${lost}; flags without events: ${half.rows[0].n}; duplicate check-ins: ${dupes.rows[0].n}`);
  exitCode = lost === 0 && errors === 0 && half.rows[0].n === 0 && dupes.rows[0].n === 0 && acknowledged.length > 0 ? 0 : 1;
  console.log(exitCode === 0 ? "1 passed, 0 failed" : "0 passed, 1 failed");
} finally {
  (server as ChildProcess | null)?.kill("SIGKILL");
  await closeDb().catch(() => {});
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch((e) => console.warn(`[load] could not drop ${dbName}: ${e instanceof Error ? e.message : e}`));
  await admin.end();
}
process.exit(exitCode);
