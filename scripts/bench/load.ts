/**
 * HTTP load with autocannon's programmatic API. Latency percentiles are computed here from every
 * response time (autocannon's own histogram reports p97.5, not p95).
 */
// @ts-expect-error autocannon ships no types
import autocannon from "autocannon";

export interface LoadSpec {
  name: string;
  url: string;
  clients: number;
  seconds: number;
  /** one cookie per client, used round-robin */
  cookies: string[];
  /** POST with this form body for client i (GET when absent) */
  body?: (client: number) => string;
  /** statuses that count as success (default 200) */
  ok?: number[];
  warmupSeconds?: number;
}

export interface LoadResult {
  name: string;
  clients: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  errors: number;
  statuses: Record<string, number>;
}

interface Client {
  setHeaders(h: Record<string, string>): void;
  setBody(b: string): void;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const round = (n: number) => Math.round(n * 10) / 10;

async function once(spec: LoadSpec, seconds: number, record: boolean) {
  const origin = new URL(spec.url).origin;
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let n = 0;
  const started = performance.now();
  const instance = autocannon({
    url: spec.url,
    connections: spec.clients,
    duration: seconds,
    timeout: 30,
    method: spec.body ? "POST" : "GET",
    setupClient: (client: Client) => {
      const i = n++;
      client.setHeaders({
        Cookie: spec.cookies[i % spec.cookies.length]!,
        Origin: origin,
        Accept: "text/html",
        ...(spec.body ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
      });
      if (spec.body) client.setBody(spec.body(i));
    },
  });
  if (record) {
    instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
      times.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  }
  const r = await instance;
  const elapsed = (performance.now() - started) / 1000;
  return { r, times, statuses, elapsed };
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  if (spec.warmupSeconds) await once(spec, spec.warmupSeconds, false);
  const { r, times, statuses, elapsed } = await once(spec, spec.seconds, true);
  times.sort((a, b) => a - b);
  const okStatuses = spec.ok ?? [200];
  const bad = Object.entries(statuses).filter(([s]) => !okStatuses.includes(Number(s))).reduce((sum, [, c]) => sum + c, 0);
  return {
    name: spec.name,
    clients: spec.clients,
    requests: times.length,
    rps: Math.round(times.length / elapsed),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    mean: round(times.reduce((a, b) => a + b, 0) / Math.max(1, times.length)),
    max: round(times.at(-1) ?? NaN),
    errors: (r.errors as number) + (r.timeouts as number) + bad,
    statuses,
  };
}
