/**
 * `npm run test:scale` — the stateless server scales out behind a real reverse proxy.
 *
 * On a fresh PostgreSQL database (TEST_DATABASE_URL, DATABASE_URL or the local server) it starts
 * three `node server.js` instances (same SESSION_SECRET, TRUST_PROXY=1) on their own ports behind
 * HAProxy from Debian (round-robin, active health checks on /healthz; its own config in a temp
 * directory on free ports, never the system service), and checks:
 *   a. a session made through one instance is accepted by every instance, and signing out through
 *      one ends it on all of them;
 *   b. the sign-in limit counts across instances: wrong passwords spread over the three are
 *      limited as one source (a forged X-Forwarded-For does not help), while another source
 *      still signs in;
 *   c. two `npm run worker` processes send each outbox message exactly once (a real SMTP server);
 *   d. 32 clients writing through the proxy while one instance is killed with SIGKILL: no
 *      acknowledged write is lost, the proxy marks it down and routes around it, and the restarted
 *      instance rejoins;
 * then measures check-in and Today throughput with one, two and three instances behind the proxy
 * and one without it (SCALE_BENCH_SECONDS each, default 3, 0 to skip; SCALE_BENCH_ROUNDS rounds,
 * default 1, reported as medians; figures and method in docs/benchmark.md).
 * HAProxy names the instance that answered in an X-Served-By header: the proxy config of this
 * test adds it, the app never does.
 * Every process it starts is killed on the way out, whatever happens; exit 1 on any failed check.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { runLoad, type LoadResult } from "./bench/load";
import { freePort } from "./bench/server";
import { createDatabase, PASSWORD, seedPartners, signIn, startWriteLoad, verifyWrites } from "./load/writes";
import { startSmtpServer } from "../tests/support/smtp";

const BASE = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const INSTANCES = 3;
const CLIENTS = 32;
const KILL_SECONDS = Number(process.env.SCALE_SECONDS ?? 8);
const BENCH_SECONDS = Number(process.env.SCALE_BENCH_SECONDS ?? 3);
const BENCH_ROUNDS = Math.max(1, Number(process.env.SCALE_BENCH_ROUNDS ?? 1));
const SESSION_SECRET = "scale-out-secret-scale-out-secret-000000";
const MESSAGES = 200;
/** After a kill, requests may fail for this long (in flight, or sent before HAProxy noticed); none after. */
const FAILOVER_MS = 3_000;
const HAPROXY = process.env.HAPROXY ?? ["/usr/sbin/haproxy", "/usr/local/sbin/haproxy"].find((p) => existsSync(p)) ?? "haproxy";

const log = (s: string) => console.log(`[scale] ${s}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------- checks ----------

const checks: { name: string; ok: boolean }[] = [];
function check(name: string, ok: boolean, detail: string) {
  checks.push({ name, ok });
  console.log(`[scale] ${ok ? "PASS" : "FAIL"} ${name} — ${detail}`);
}

// ---------- processes: every one is tracked and killed on the way out ----------

const children = new Set<ChildProcess>();
function track(child: ChildProcess, label: string) {
  children.add(child);
  let stderr = "";
  child.stderr?.on("data", (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
  child.once("exit", () => children.delete(child));
  return () => stderr.trim() || `(${label}: no output)`;
}
function killAll() {
  for (const c of children) c.kill("SIGKILL");
}
process.on("exit", killAll);
const tempDirs: string[] = [];

async function waitFor(what: string, ready: () => Promise<boolean>, child: ChildProcess, stderr: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited before it was ready:\n${stderr()}`);
    if (await ready().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${what} was not ready after ${timeoutMs / 1000} s:\n${stderr()}`);
}

interface Instance {
  name: string;
  port: number;
  origin: string;
  child: ChildProcess;
  stderr: () => string;
}
const startedInstances: Instance[] = [];

async function startInstance(name: string, port: number, databaseUrl: string): Promise<Instance> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    MEND_DEMO: "0",
    MEND_INSECURE_COOKIE: "1",
    SESSION_SECRET,
    DATABASE_URL: databaseUrl,
    TRUST_PROXY: "1",
  };
  delete env.WEB_CONCURRENCY;
  const child = spawn(process.execPath, ["server.js"], { env, stdio: ["ignore", "ignore", "pipe"] });
  const stderr = track(child, name);
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`instance ${name}`, async () => (await fetch(`${origin}/healthz`)).ok, child, stderr);
  const instance = { name, port, origin, child, stderr };
  startedInstances.push(instance);
  return instance;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL") {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

interface Proxy {
  origin: string;
  /** HAProxy's view of each instance: "UP", "DOWN", "UP 1/2" (going down) … */
  states(): Promise<Record<string, string>>;
  stop(): Promise<void>;
  pid: number;
}

/** CPU time (user + system) a process has used, in ms, from /proc (Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in clock ticks (USER_HZ = 100)
}

/** HAProxy in the foreground with its own config: round-robin over `backends`, health checks every 500 ms. */
async function startProxy(backends: Instance[]): Promise<Proxy> {
  const [port, statsPort] = [await freePort(), await freePort()];
  const dir = mkdtempSync(path.join(tmpdir(), "mend-haproxy-"));
  tempDirs.push(dir);
  const config = `global
  maxconn 4096

defaults
  mode http
  timeout connect 1s
  timeout client 30s
  timeout server 30s
  # Lenient health checks (a busy instance answers /healthz late, and must not be taken out for
  # it); a refused connection marks an instance down at once and is retried on another one. A
  # request already sent to an instance that dies is answered 502 (it may have been written:
  # clients resend with the same idempotency key).
  timeout check 3s
  retries 2
  option redispatch 1
  option forwardfor

frontend mend
  bind 127.0.0.1:${port}
  default_backend instances

backend instances
  balance roundrobin
  option httpchk GET /healthz
  http-check expect status 200
  default-server inter 500ms fall 3 rise 2 observe layer4 error-limit 1 on-error mark-down
  # Test only: which instance answered.
  http-response set-header X-Served-By %[srv_name]
${backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} check`).join("\n")}

listen stats
  bind 127.0.0.1:${statsPort}
  stats enable
  stats uri /stats
`;
  const file = path.join(dir, "haproxy.cfg");
  writeFileSync(file, config);
  const child = spawn(HAPROXY, ["-db", "-f", file], { stdio: ["ignore", "ignore", "pipe"] });
  const spawnError = new Promise<Error>((resolve) => child.once("error", resolve));
  const stderr = track(child, "haproxy");
  const states = async () => {
    const csv = await (await fetch(`http://127.0.0.1:${statsPort}/stats;csv`)).text();
    const [head, ...rows] = csv.trim().split("\n").map((l) => l.split(","));
    const col = (n: string) => head!.findIndex((h) => h.replace(/^# /, "") === n);
    const out: Record<string, string> = {};
    for (const r of rows) if (r[col("pxname")] === "instances" && !["FRONTEND", "BACKEND"].includes(r[col("svname")]!)) out[r[col("svname")]!] = r[col("status")]!;
    return out;
  };
  const ready = waitFor("HAProxy", async () => Object.values(await states()).filter((s) => s === "UP").length === backends.length, child, stderr, 15_000);
  const failed = await Promise.race([ready.then(() => null), spawnError]);
  if (failed) throw new Error(`cannot start HAProxy (${HAPROXY}): ${failed.message}. Install it with \`apt-get install haproxy\` (.ci/run does).`);
  return { origin: `http://127.0.0.1:${port}`, states, stop: () => kill(child, "SIGTERM"), pid: child.pid! };
}

/** A GET with a cookie; status, where it redirects, and the instance the proxy says answered. */
async function get(url: string, cookie: string) {
  const res = await fetch(url, { redirect: "manual", headers: { Cookie: cookie } });
  await res.arrayBuffer();
  return { status: res.status, location: res.headers.get("location") ?? "", servedBy: res.headers.get("x-served-by") ?? "?" };
}

/** POST /login from a given local address (127.0.0.x is all loopback), so the proxy sees another client. */
function loginFrom(origin: string, fields: Record<string, string>, headers: Record<string, string> = {}, localAddress = "127.0.0.1") {
  const body = new URLSearchParams(fields).toString();
  const u = new URL(`${origin}/login`);
  return new Promise<{ status: number; servedBy: string }>((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname, method: "POST", localAddress, agent: false, headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), ...headers } },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, servedBy: String(res.headers["x-served-by"] ?? "?") }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const tally = (names: string[]) => names.reduce<Record<string, number>>((m, n) => ({ ...m, [n]: (m[n] ?? 0) + 1 }), {});
const show = (m: Record<string, number>) => Object.entries(m).sort().map(([k, v]) => `${k}×${v}`).join(" ") || "none";

// ---------- the run ----------

// The checks take well under a minute; each throughput run its seconds plus a 1 s warm-up.
const limitSeconds = 150 + KILL_SECONDS + BENCH_ROUNDS * 8 * (BENCH_SECONDS + 2);
const timeout = setTimeout(() => {
  console.error(`[scale] FAIL: the scale-out test did not finish within ${limitSeconds} s`);
  killAll();
  process.exit(1);
}, limitSeconds * 1000);
timeout.unref();

const started = Date.now();
const database = await createDatabase(BASE, "mend_scale");
process.env.DATABASE_URL = database.url;
const { migrate } = await import("~/utils/migrate.server");
const { prisma, closeDb } = await import("~/utils/db.server");
const { enqueue } = await import("~/models/outbox.server");
const { LIMITS } = await import("~/utils/rate-limit.server");

let smtp: Awaited<ReturnType<typeof startSmtpServer>> | null = null;
const proxies: Proxy[] = [];
let fatal: unknown = null;
const throughput: { round: number; label: string; instances: number; result: LoadResult; loadavg: number; appCpuMs: number; proxyCpuMs: number }[] = [];
const onSignal = () => {
  console.error("[scale] interrupted");
  killAll();
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
  void closeDb()
    .catch(() => {})
    .then(() => database.drop())
    .finally(() => process.exit(1));
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

try {
  await migrate();
  const { practice, partners, today, passwordHash } = await seedPartners(prisma, CLIENTS);
  const target = await prisma.user.create({ data: { practiceId: practice.id, role: "partner", name: "Guessed", email: "guessed@load.mend", passwordHash, consentAt: new Date() } });

  const ports = await Promise.all(Array.from({ length: INSTANCES }, () => freePort()));
  const names = ports.map((_, i) => `i${i + 1}`);
  const instances = await Promise.all(ports.map((p, i) => startInstance(names[i]!, p, database.url)));
  const proxy = await startProxy(instances);
  proxies.push(proxy);
  log(`${INSTANCES} instances (${instances.map((i) => `${i.name} :${i.port}`).join(", ")}) behind HAProxy at ${proxy.origin}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // ---- a. one session, every instance ----
  {
    const signInAnswer = await fetch(`${proxy.origin}/login`, { method: "POST", redirect: "manual", headers: { Origin: proxy.origin, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ email: partners[0]!.email, password: PASSWORD }) });
    await signInAnswer.arrayBuffer();
    const cookie = signInAnswer.headers.get("set-cookie")?.split(";")[0] ?? "";
    const madeOn = signInAnswer.headers.get("x-served-by") ?? "?";
    const viaProxy = [];
    for (let i = 0; i < INSTANCES * 2; i++) viaProxy.push(await get(`${proxy.origin}/today`, cookie));
    const direct = await Promise.all(instances.map((i) => get(`${i.origin}/today`, cookie)));
    check(
      "a session made through one instance works on every instance",
      signInAnswer.status === 302 && viaProxy.every((r) => r.status === 200) && new Set(viaProxy.map((r) => r.servedBy)).size === INSTANCES && direct.every((r) => r.status === 200),
      `signed in (${signInAnswer.status}) on ${madeOn}; /today through the proxy: ${viaProxy.map((r) => `${r.status} from ${r.servedBy}`).join(", ")}; straight to each instance: ${direct.map((r, i) => `${instances[i]!.name} ${r.status}`).join(", ")}`,
    );
    const out = await fetch(`${proxy.origin}/logout`, { method: "POST", redirect: "manual", headers: { Origin: proxy.origin, Cookie: cookie } });
    await out.arrayBuffer();
    const after = await Promise.all(instances.map((i) => get(`${i.origin}/today`, cookie)));
    check(
      "signing out through one instance ends the session on all of them",
      out.status === 302 && after.every((r) => r.status === 302 && r.location.startsWith("/login")),
      `sign-out ${out.status} on ${out.headers.get("x-served-by")}; then /today on each instance: ${after.map((r, i) => `${instances[i]!.name} ${r.status} → ${r.location || "-"}`).join(", ")}`,
    );
  }

  // ---- b. the sign-in limit is one limit across instances ----
  {
    const wrong = [];
    for (let i = 0; i < LIMITS.source; i++) {
      // A forged X-Forwarded-For each time: with TRUST_PROXY=1 only the proxy's own entry counts.
      wrong.push(await loginFrom(proxy.origin, { email: target.email, password: `wrong guess ${i}` }, { "X-Forwarded-For": `203.0.113.${i + 1}` }));
    }
    const perInstance = tally(wrong.map((r) => r.servedBy));
    const refusedAll = wrong.every((r) => r.status === 400);
    const spread = Object.keys(perInstance).length === Math.min(INSTANCES, LIMITS.source) && Math.max(...Object.values(perInstance)) < LIMITS.source;
    const next = await loginFrom(proxy.origin, { email: target.email, password: PASSWORD }, { "X-Forwarded-For": "198.51.100.7" });
    const direct = await Promise.all(instances.map((i) => loginFrom(i.origin, { email: target.email, password: PASSWORD })));
    check(
      "wrong passwords spread over the instances are limited as one",
      refusedAll && spread && next.status === 429 && direct.every((r) => r.status === 429),
      `${LIMITS.source} wrong passwords answered ${wrong.map((r) => r.status).join(",")} by ${show(perInstance)} (no instance saw ${LIMITS.source}); the next attempt, with the right password, ${next.status} on ${next.servedBy}; straight to each instance: ${direct.map((r, i) => `${instances[i]!.name} ${r.status}`).join(", ")}`,
    );
    const other = await loginFrom(proxy.origin, { email: target.email, password: PASSWORD }, {}, "127.0.0.2");
    check("another source still signs in to that account", other.status === 302, `from 127.0.0.2 through the proxy: ${other.status} on ${other.servedBy}`);
  }

  // ---- c. two workers, each message sent once ----
  {
    smtp = await startSmtpServer();
    const workerEnv = { ...process.env, DATABASE_URL: database.url, SMTP_URL: smtp.url, WORKER_INTERVAL_MS: "200", APP_URL: proxy.origin };
    const workers = ["w1", "w2"].map((name) => {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env: workerEnv, stdio: ["ignore", "pipe", "pipe"] });
      const stderr = track(child, `worker ${name}`);
      let stdout = "";
      child.stdout!.on("data", (b: Buffer) => (stdout += b.toString()));
      return { child, stderr, started: () => stdout.includes("worker started") };
    });
    for (const [i, w] of workers.entries()) await waitFor(`worker w${i + 1}`, async () => w.started(), w.child, w.stderr);
    const messages = Array.from({ length: MESSAGES }, (_, i) => ({ practiceId: practice.id, userId: null, toAddress: `scale${i}@example.com`, subject: `Scale-out ${i}`, body: "hello", kind: "test", dedupeKey: `scale:${i}` }));
    const queuedAt = Date.now();
    await enqueue(messages);
    const ours = { practiceId: practice.id, kind: "test" };
    const deadline = Date.now() + 45_000;
    while (Date.now() < deadline && (await prisma.outboxMessage.count({ where: { ...ours, status: "sent" } })) < MESSAGES) await sleep(100);
    const took = Date.now() - queuedAt;
    await sleep(500); // a late duplicate would arrive now
    await Promise.all(workers.map((w) => kill(w.child, "SIGTERM")));
    const got = smtp.received.filter((m) => /^scale\d+@example\.com$/.test(m.to));
    const perAddress = tally(got.map((m) => m.to));
    const twice = Object.values(perAddress).filter((n) => n > 1).length;
    const rows = await prisma.outboxMessage.groupBy({ by: ["status", "claimedBy", "attempts"], where: ours, _count: true });
    const sentBy = Object.fromEntries(rows.filter((r) => r.status === "sent").map((r) => [r.claimedBy ?? "?", r._count]));
    const allSentOnce = rows.every((r) => r.status === "sent" && r.attempts === 1);
    check(
      "two workers send each outbox message exactly once",
      got.length === MESSAGES && Object.keys(perAddress).length === MESSAGES && twice === 0 && allSentOnce && Object.keys(sentBy).length === 2,
      `${MESSAGES} queued; the SMTP server received ${got.length} (${Object.keys(perAddress).length} addresses, ${twice} twice) in ${(took / 1000).toFixed(1)} s; sent by ${Object.entries(sentBy).map(([w, n]) => `${w.replace(/^.*:/, "pid ")}×${n}`).join(", ")}${allSentOnce ? "" : `; rows ${JSON.stringify(rows)}`}`,
    );
  }

  // ---- d. one instance killed under 32 writing clients ----
  {
    const cookies = await Promise.all(partners.map((p) => signIn(proxy.origin, p.email)));
    const victim = instances[1]!;
    let killedAt = Infinity;
    let acksAtKill = 0;
    const before: string[] = [];
    const afterKill: string[] = [];
    /** when each error answer or dropped connection came, in ms after the kill (negative: before it) */
    const failures: number[] = [];
    const load = startWriteLoad({
      origin: proxy.origin,
      partners,
      cookies,
      today,
      seconds: KILL_SECONDS,
      onDrop: () => failures.push(Date.now() - killedAt),
      onAnswer: (res, ok) => {
        if (!ok) return void failures.push(Date.now() - killedAt);
        const by = res.headers.get("x-served-by") ?? "?";
        if (Date.now() < killedAt) before.push(by);
        else if (Date.now() > killedAt + 1_000) afterKill.push(by);
      },
    });
    await sleep((KILL_SECONDS * 1000) / 2);
    acksAtKill = load.acknowledged.length;
    killedAt = Date.now();
    victim.child.kill("SIGKILL");
    log(`SIGKILL to ${victim.name} after ${acksAtKill} acknowledged writes`);
    // HAProxy's view until the load ends: when the victim went down, and whether a survivor ever did.
    let markedDown = "";
    const survivorsDown: string[] = [];
    let loading = true;
    void load.done.then(() => (loading = false));
    while (loading) {
      for (const [name, state] of Object.entries(await proxy.states())) {
        if (name === victim.name && !markedDown && state.startsWith("DOWN")) markedDown = `${Date.now() - killedAt} ms`;
        if (name !== victim.name && state !== "UP") survivorsDown.push(`${name} ${state} at +${((Date.now() - killedAt) / 1000).toFixed(1)} s`);
      }
      await sleep(50);
    }
    const v = await verifyWrites(database.url, partners, today, load, (s) => console.error(`[scale] ${s}`));
    const after = tally(afterKill);
    const survivors = instances.filter((i) => i !== victim).map((i) => i.name);
    log(`${CLIENTS} clients, ${KILL_SECONDS} s through the proxy: ${load.sent} requests, ${load.acknowledged.length} acknowledged (${v.distinct} distinct records), ${load.errors} error answers (${show(load.errorStatuses)}), ${load.retriedAfterCrash} dropped connections resent with the same key`);
    check(
      "no acknowledged write is lost when an instance is killed",
      v.lost === 0 && v.found === v.distinct && v.duplicateCheckIns === 0 && v.flagsWithoutEvents === 0 && load.acknowledged.length > acksAtKill,
      `found ${v.found}/${v.distinct} acknowledged records, lost ${v.lost}, duplicate check-ins ${v.duplicateCheckIns}, flags without events ${v.flagsWithoutEvents}`,
    );
    // Requests in flight on the victim, or sent to it before HAProxy marked it down, fail (502 or a
    // dropped connection, resent with the same key); after that, none may.
    const onlyGateway = Object.keys(load.errorStatuses).every((s) => [502, 503, 504].includes(Number(s)));
    const early = failures.filter((t) => t < 0).length;
    const late = failures.filter((t) => t > FAILOVER_MS).length;
    const lastFailure = failures.length ? `the last ${Math.max(...failures)} ms after the kill` : "none";
    check(
      "the proxy routes around the killed instance",
      before.includes(victim.name) && Boolean(markedDown) && survivors.every((n) => (after[n] ?? 0) > 0) && !after[victim.name] && onlyGateway && early === 0 && late === 0,
      `before the kill answers came from ${show(tally(before))}; HAProxy marked ${victim.name} down after ${markedDown || "— never"}; survivors ${survivorsDown.length ? `not up: ${[...new Set(survivorsDown)].slice(0, 5).join(", ")}` : "up throughout"}; from 1 s after the kill: ${show(after)}; ${load.errors} error answers (${show(load.errorStatuses)}) and ${failures.length - load.errors} dropped connections (resent with the same key): ${early} before the kill, ${lastFailure} (none allowed before the kill or later than ${FAILOVER_MS} ms after it)`,
    );

    const back = await startInstance(victim.name, victim.port, database.url);
    instances[1] = back;
    const rejoinStart = Date.now();
    while (Date.now() < rejoinStart + 10_000 && (await proxy.states())[victim.name] !== "UP") await sleep(50);
    const spread = [];
    for (let i = 0; i < INSTANCES * 2; i++) spread.push(await get(`${proxy.origin}/today`, cookies[0]!));
    check(
      "a restarted instance rejoins the rotation",
      spread.every((r) => r.status === 200) && spread.some((r) => r.servedBy === victim.name),
      `HAProxy: ${JSON.stringify(await proxy.states())}; /today: ${spread.map((r) => `${r.status} from ${r.servedBy}`).join(", ")}`,
    );
  }

  // ---- throughput with one, two and three instances ----
  if (BENCH_SECONDS > 0) {
    const cookies = await Promise.all(partners.map((p) => signIn(instances[0]!.origin, p.email)));
    const checkinBody = (i: number) => new URLSearchParams({ mood: String(6 + (i % 3)), closeness: String(4 + (i % 5)), feelSafe: "yes", note: "Talked after dinner.", appreciation: "" }).toString();
    const setups: { label: string; instances: number; origin: string; appPids: number[]; proxyPid: number | null }[] = [
      { label: "1 instance, no proxy", instances: 1, origin: instances[0]!.origin, appPids: [instances[0]!.child.pid!], proxyPid: null },
    ];
    for (let n = 1; n <= INSTANCES; n++) {
      const p = await startProxy(instances.slice(0, n));
      proxies.push(p);
      setups.push({ label: `${n} behind HAProxy`, instances: n, origin: p.origin, appPids: instances.slice(0, n).map((i) => i.child.pid!), proxyPid: p.pid });
    }
    const workloads = [
      { name: "check-in submission", path: "/checkin", clients: CLIENTS, body: checkinBody, ok: [302] },
      { name: "partner Today", path: "/today", clients: 16, ok: [200] },
    ];
    // Rounds go through every set-up in turn, so a change in the machine's other load falls on all of them.
    for (let round = 1; round <= BENCH_ROUNDS; round++) {
      for (const setup of setups) {
        for (const w of workloads) {
          const spec = { name: w.name, url: `${setup.origin}${w.path}`, clients: w.clients, cookies, body: w.body, ok: w.ok };
          await runLoad({ ...spec, seconds: 1 }); // warm-up
          // CPU the instances and the proxy spend per request: unlike req/s, hardly changed by other work on the machine.
          const cpu = () => ({ app: setup.appPids.reduce((sum, pid) => sum + cpuMs(pid), 0), proxy: setup.proxyPid ? cpuMs(setup.proxyPid) : 0 });
          const cpu0 = cpu();
          const result = await runLoad({ ...spec, seconds: BENCH_SECONDS });
          const cpu1 = cpu();
          const appCpuMs = Math.round(((cpu1.app - cpu0.app) / Math.max(1, result.requests)) * 100) / 100;
          const proxyCpuMs = Math.round(((cpu1.proxy - cpu0.proxy) / Math.max(1, result.requests)) * 100) / 100;
          throughput.push({ round, label: setup.label, instances: setup.instances, result, loadavg: loadavg()[0]!, appCpuMs, proxyCpuMs });
          log(`round ${round}, ${w.name}, ${setup.label}: ${result.rps} req/s, p50 ${result.p50} ms, p95 ${result.p95} ms, errors ${result.errors}; CPU a request: app ${appCpuMs} ms, proxy ${proxyCpuMs} ms`);
        }
      }
    }
    const bad = throughput.filter((t) => t.result.errors > 0 || t.result.requests === 0);
    check("every throughput run answered as expected", bad.length === 0, bad.length ? bad.map((t) => `${t.result.name}, ${t.label}: ${t.result.errors} errors ${JSON.stringify(t.result.statuses)}`).join("; ") : `${throughput.length} runs of ${BENCH_SECONDS} s`);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
    console.log(`\nMedian of ${BENCH_ROUNDS} round(s) of ${BENCH_SECONDS} s: req/s (p95 ms) [CPU ms a request: app + proxy]\n`);
    console.log(`| workload | clients | ${setups.map((s) => s.label).join(" | ")} |`);
    console.log(`|---|---|${setups.map(() => "---").join("|")}|`);
    for (const w of workloads) {
      const cell = (label: string) => {
        const runs = throughput.filter((t) => t.label === label && t.result.name === w.name).map((t) => t.result);
        const t = throughput.filter((x) => x.label === label && x.result.name === w.name);
        return `${median(runs.map((r) => r.rps))} (${median(runs.map((r) => r.p95))}) [${median(t.map((x) => x.appCpuMs))} + ${median(t.map((x) => x.proxyCpuMs))}]`;
      };
      console.log(`| ${w.name} | ${w.clients} | ${setups.map((s) => cell(s.label)).join(" | ")} |`);
    }
    console.log(`\n${availableParallelism()} cores; 1-minute load average during the runs ${Math.min(...throughput.map((t) => t.loadavg)).toFixed(1)}–${Math.max(...throughput.map((t) => t.loadavg)).toFixed(1)}\n`);
    mkdirSync("bench-results", { recursive: true });
    writeFileSync("bench-results/scale-out.json", JSON.stringify({ at: new Date().toISOString(), cores: availableParallelism(), seconds: BENCH_SECONDS, rounds: BENCH_ROUNDS, throughput }, null, 2));
  }
} catch (error) {
  fatal = error;
} finally {
  for (const p of proxies) await p.stop().catch(() => {});
  killAll();
  await smtp?.close().catch(() => {});
  await closeDb().catch(() => {});
  await database.drop();
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
}

if (fatal) console.error(`[scale] FAIL: ${fatal instanceof Error ? fatal.message : String(fatal)}`);
const failed = checks.filter((c) => !c.ok).length + (fatal ? 1 : 0);
if (failed) for (const i of startedInstances) console.error(`[scale] stderr of instance ${i.name} (pid ${i.child.pid}):\n${i.stderr().slice(-1500)}`);
console.log(`[scale] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${checks.filter((c) => c.ok).length} passed, ${failed} failed`);
if (failed) console.error(`[scale] failed: ${[...checks.filter((c) => !c.ok).map((c) => c.name), ...(fatal ? ["the run stopped early"] : [])].join("; ")}`);
process.exit(failed ? 1 : 0);
