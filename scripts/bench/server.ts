/** Starting and stopping the production server, and signing in, for the benchmark. */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Server {
  child: ChildProcess;
  origin: string;
  /** spawn → /healthz answered 200 */
  healthzMs: number;
  /** spawn → /login answered 200 (the first successful page) */
  firstPageMs: number;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ok(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * `node server.js` in `cwd` with NODE_ENV=production on a free port. `db` is a PostgreSQL URL, or
 * `{ pglite: dir }` for the embedded database (DATABASE_URL is then removed from the environment).
 */
export async function startServer(opts: { cwd: string; db: string | { pglite: string }; env?: Record<string, string>; timeoutMs?: number }): Promise<Server> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    MEND_DEMO: "0",
    MEND_INSECURE_COOKIE: "1",
    SESSION_SECRET: "bench-secret-bench-secret-bench-secret-00",
    PORT: String(port),
    HOST: "127.0.0.1",
    ...opts.env,
  };
  delete env.DATABASE_URL;
  delete env.PGLITE_DATA_DIR;
  if (typeof opts.db === "string") env.DATABASE_URL = opts.db;
  else env.PGLITE_DATA_DIR = opts.db.pglite;
  const started = performance.now();
  const child = spawn(process.execPath, ["server.js"], { cwd: opts.cwd, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-4000);
  });
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  const stop = async () => {
    if (exited) return;
    const done = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await done;
    clearTimeout(timer);
  };
  const deadline = started + (opts.timeoutMs ?? 120_000);
  let healthzMs = -1;
  while (performance.now() < deadline && !exited) {
    if (healthzMs < 0 && (await ok(`${origin}/healthz`))) healthzMs = Math.round(performance.now() - started);
    if (healthzMs >= 0 && (await ok(`${origin}/login`))) {
      return { child, origin, healthzMs, firstPageMs: Math.round(performance.now() - started), stop };
    }
    await sleep(20);
  }
  await stop();
  throw new Error(`The server did not start${exited ? " (it exited)" : ""}:\n${stderr}`);
}

/** Signs in through the real form (POST /login with an Origin header) and returns the session cookie. */
export async function login(origin: string, email: string, password = "mend-demo"): Promise<string> {
  const res = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }),
  });
  await res.arrayBuffer();
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (res.status !== 302 || !cookie) throw new Error(`Sign-in as ${email} answered ${res.status}`);
  return cookie;
}

/** One request as a check before loading an endpoint: the status and where a redirect goes. */
export async function probe(url: string, init: RequestInit = {}): Promise<{ status: number; location: string | null; body: string }> {
  const res = await fetch(url, { redirect: "manual", ...init });
  return { status: res.status, location: res.headers.get("location"), body: await res.text() };
}
