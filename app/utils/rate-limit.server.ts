/**
 * Failed-attempt limits for sign-in, second-step codes and invites, stored in the database so
 * every app instance enforces the same limit.
 *
 * Sign-in passes an account key and an address key together. Locking the account itself after a
 * few failures would let anyone, from anywhere, lock a partner out of their own account again and
 * again (issue 16, item 6), so the account is never locked for an address that has not failed:
 * - account × address: 5 failures in the window refuse that address for that account;
 * - address: 20 failures in the window refuse it for every account;
 * - account as a whole: past 10 failures every attempt is slowed by a growing pause (at most
 *   3 s), and past 50 only the addresses that have themselves failed against it are refused;
 * - factor (one account's second-step codes): 5 failures in the window refuse code entry from
 *   anywhere; only a correct code (`clearFailures`) or time lifts it.
 */
import type { Prisma, PrismaClient } from "@prisma/client";
import { prisma } from "./db.server";

export const WINDOW_MS = 15 * 60_000;
export const LIMITS = { source: 5, ip: 20, account: 50, factor: 5 } as const;
/** Account-wide failures after which each attempt is slowed, and the longest pause. */
export const SLOW_AFTER = 10;
export const MAX_DELAY_MS = 3_000;

export type LimitKey = { kind: "account" | "ip" | "factor"; key: string };
type Db = PrismaClient | Prisma.TransactionClient;

/** The row key for failures against one account from one address. */
function pairKey(account: LimitKey, ip: LimitKey) {
  return `${account.key}|${ip.key}`;
}

/** Failures counted under `key` (at most `limit`), and minutes until the limit is no longer reached. */
async function windowState(db: Db, key: string, limit: number, now: Date) {
  const rows = await db.authAttempt.findMany({
    where: { key, createdAt: { gt: new Date(now.getTime() - WINDOW_MS) } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true },
  });
  if (rows.length < limit) return { count: rows.length, wait: null };
  const oldest = rows[rows.length - 1]!.createdAt.getTime();
  return { count: rows.length, wait: Math.max(1, Math.ceil((oldest + WINDOW_MS - now.getTime()) / 60_000)) };
}

/** The pause before an attempt on an account with `failures` recent failures: 0.1 s, 0.2 s, 0.4 s … up to 3 s. */
export function slowdownMs(failures: number) {
  return failures <= SLOW_AFTER ? 0 : Math.min(MAX_DELAY_MS, 100 * 2 ** (failures - SLOW_AFTER - 1));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * null when the attempt may go ahead; otherwise minutes until it may. When it may go ahead on an
 * account under attack, it first pauses (see `slowdownMs`), so guessing from many addresses is slow.
 */
export async function retryAfterMinutes(keys: LimitKey[], now = new Date(), db: Db = prisma): Promise<number | null> {
  const ip = keys.find((k) => k.kind === "ip");
  let wait: number | null = null;
  const worst = (w: number | null) => {
    if (w !== null) wait = Math.max(wait ?? 0, w);
  };
  let accountFailures = 0;
  for (const k of keys) {
    if (k.kind === "ip") worst((await windowState(db, k.key, LIMITS.ip, now)).wait);
    else if (k.kind === "factor") worst((await windowState(db, k.key, LIMITS.factor, now)).wait);
    else if (!ip) worst((await windowState(db, k.key, LIMITS.account, now)).wait);
    else {
      const pair = await windowState(db, pairKey(k, ip), LIMITS.source, now);
      worst(pair.wait);
      const whole = await windowState(db, k.key, LIMITS.account, now);
      accountFailures = Math.max(accountFailures, whole.count);
      // Over the ceiling, only addresses that have failed against this account are refused.
      if (pair.count > 0) worst(whole.wait);
    }
  }
  if (wait === null) {
    const ms = slowdownMs(accountFailures);
    if (ms > 0) await pause(ms);
  }
  return wait;
}

/** Counts one failure under every key (and, for an account with an address, under the pair). */
export async function recordFailure(keys: LimitKey[], db: Db = prisma) {
  const ip = keys.find((k) => k.kind === "ip");
  const rows = keys.map(({ key }) => ({ key }));
  if (ip) for (const k of keys) if (k.kind === "account") rows.push({ key: pairKey(k, ip) });
  await db.authAttempt.createMany({ data: rows });
}

/**
 * Forgets the failures counted under exactly these keys. Sign-in clears the account-wide count on
 * a correct password; an address's own account × address failures simply age out of the window,
 * so one person signing in never lifts the limit on an address that was guessing.
 */
export async function clearFailures(keys: LimitKey[], db: Db = prisma) {
  await db.authAttempt.deleteMany({ where: { key: { in: keys.map((k) => k.key) } } });
}
