/**
 * Idempotency keys for form submissions: each form carries a hidden `_idem` value issued by its
 * page's loader (a fresh one after every successful submission, because loaders revalidate).
 * The key is claimed in the same transaction as the submission's writes, so a retried or
 * double-clicked submit is stored once; the repeat gets the first one's redirect.
 */
import { randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { isUniqueViolation, prisma } from "./db.server";

export const IDEMPOTENCY_FIELD = "_idem";

export function newIdempotencyKey() {
  return randomBytes(16).toString("base64url");
}

export function readIdempotencyKey(formData: FormData): string | null {
  const v = formData.get(IDEMPOTENCY_FIELD);
  return typeof v === "string" && /^[A-Za-z0-9_-]{16,64}$/.test(v) ? v : null;
}

export type OnceResult<T> = { duplicate: false; value: T } | { duplicate: true; location: string | null };

/**
 * Runs `work` at most once per (key, user). Without a key (old clients, scripts) it just runs.
 * `location` (if returned by work) is remembered so a repeat can be sent to the same place.
 */
export async function once<T>(
  key: string | null,
  userId: string,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  locationOf: (value: T) => string | null = () => null,
): Promise<OnceResult<T>> {
  if (!key) return { duplicate: false, value: await prisma.$transaction((tx) => work(tx)) };
  const scoped = `${userId}:${key}`;
  const seen = await prisma.idempotencyKey.findUnique({ where: { key: scoped }, select: { location: true } });
  if (seen) return { duplicate: true, location: seen.location };
  try {
    const value = await prisma.$transaction(async (tx) => {
      await tx.idempotencyKey.create({ data: { key: scoped, userId } });
      const v = await work(tx);
      const location = locationOf(v);
      if (location) await tx.idempotencyKey.update({ where: { key: scoped }, data: { location } });
      return v;
    });
    return { duplicate: false, value };
  } catch (error) {
    if (isUniqueViolation(error)) {
      // Lost the race to a concurrent submit with the same key (its transaction committed first).
      const first = await prisma.idempotencyKey.findUnique({ where: { key: scoped }, select: { location: true } });
      if (first) return { duplicate: true, location: first.location };
    }
    throw error;
  }
}

/** Gives a key back when the work it guarded was refused (so the corrected form can be resent). */
export async function releaseIdempotencyKey(key: string | null, userId: string) {
  if (key) await prisma.idempotencyKey.deleteMany({ where: { key: `${userId}:${key}` } });
}

/**
 * For actions whose work runs its own transaction: claim the form's key up front. A repeat gets
 * `duplicate: true`; call `release()` if the submission is then refused or fails.
 */
export async function claimSubmission(formData: FormData, userId: string) {
  const key = readIdempotencyKey(formData);
  const claim = await once(key, userId, async () => null);
  return { duplicate: claim.duplicate, release: () => releaseIdempotencyKey(key, userId) };
}
