/**
 * Failed-attempt limits for sign-in and invites, per account and per IP, stored in the
 * database so every app instance enforces the same limit.
 */
import { prisma } from "./db.server";

export const WINDOW_MS = 15 * 60_000;
export const LIMITS = { account: 5, ip: 20 } as const;

export type LimitKey = { kind: "account" | "ip"; key: string };

/** null when allowed; otherwise minutes until the oldest counted failure leaves the window. */
export async function retryAfterMinutes(keys: LimitKey[], now = new Date()): Promise<number | null> {
  const since = new Date(now.getTime() - WINDOW_MS);
  let wait: number | null = null;
  for (const { kind, key } of keys) {
    const rows = await prisma.authAttempt.findMany({
      where: { key, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: LIMITS[kind],
      select: { createdAt: true },
    });
    if (rows.length >= LIMITS[kind]) {
      const oldest = rows[rows.length - 1]!.createdAt.getTime();
      const minutes = Math.max(1, Math.ceil((oldest + WINDOW_MS - now.getTime()) / 60_000));
      wait = Math.max(wait ?? 0, minutes);
    }
  }
  return wait;
}

export async function recordFailure(keys: LimitKey[]) {
  await prisma.authAttempt.createMany({ data: keys.map(({ key }) => ({ key })) });
}

export async function clearFailures(keys: LimitKey[]) {
  await prisma.authAttempt.deleteMany({ where: { key: { in: keys.map((k) => k.key) } } });
}
