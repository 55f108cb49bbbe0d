/**
 * Optional TOTP two-factor sign-in for staff (otplib), with single-use recovery codes (stored
 * hashed). An admin can make it mandatory for the practice.
 *
 * Every check of a code goes through `proveSecondFactor`, which
 * - counts failures per account (`totp:<userId>`) across sign-ins and pages: 5 in 15 minutes
 *   lock code entry whatever the password does; only a correct code or time clears the count;
 * - accepts each 30-second code once, and never one older than the last one used.
 * An enabled factor is only replaced or removed after it has been proven.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { authenticator } from "otplib";
import QRCode from "qrcode";
import { prisma } from "~/utils/db.server";
import { clearFailures, recordFailure, retryAfterMinutes, type LimitKey } from "~/utils/rate-limit.server";
import { audit } from "~/utils/audit.server";

authenticator.options = { window: 1 }; // accept the previous/next 30-second step (clock drift)

const STEP_MS = 30_000;
/** How long a replacement factor waits for its confirming code. */
const PENDING_MS = 15 * 60_000;

const hashCode = (code: string) => createHash("sha256").update(code.replace(/[\s-]/g, "").toLowerCase()).digest("hex");

/*
 * Two small pieces of state live in AuthAttempt rows (string key + time) rather than in new User
 * columns, so this needed no schema change:
 * - `totp-step:<userId>:<step>`: the last TOTP time step that signed in (one row per user). The
 *   check and the write happen under a lock on the user's row, so two requests with one code
 *   cannot both pass.
 * - `totp-pending:<userId>:<secret>`: a replacement secret waiting for its first code while the
 *   enabled one stays in force. It is as sensitive as User.totpSecret and stored the same way.
 * A `User.totpLastStep Int?` and `User.totpPendingSecret String?` would say the same more plainly.
 */
const factorKey = (userId: string): LimitKey => ({ kind: "factor", key: `totp:${userId}` });
const stepPrefix = (userId: string) => `totp-step:${userId}:`;
const pendingPrefix = (userId: string) => `totp-pending:${userId}:`;

export type ProofFailure = { ok: false; reason: "missing" | "wrong" | "reused" | "locked"; minutes?: number };
export type Proof = { ok: true; kind: "totp" | "recovery" } | ProofFailure;

export async function twoFactorStatus(userId: string) {
  const u = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpEnabledAt: true, role: true, practice: { select: { require2fa: true } } },
  });
  const remaining = await prisma.recoveryCode.count({ where: { userId, usedAt: null } });
  return { enabled: u.totpEnabledAt !== null, required: u.role !== "partner" && u.practice.require2fa, recoveryCodesLeft: remaining };
}

/** The time step a code is valid for with this secret now (±1 step), or null. */
function matchingStep(code: string, secret: string, now = Date.now()): number | null {
  const digits = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(digits)) return null;
  const delta = authenticator.clone({ epoch: now }).checkDelta(digits, secret);
  return delta === null ? null : Math.floor(now / STEP_MS) + delta;
}

async function lastUsedStep(tx: Prisma.TransactionClient, userId: string): Promise<number | null> {
  const row = await tx.authAttempt.findFirst({ where: { key: { startsWith: stepPrefix(userId) } }, orderBy: { id: "desc" }, select: { key: true } });
  return row ? Number(row.key.slice(stepPrefix(userId).length)) : null;
}

async function rememberStep(tx: Prisma.TransactionClient, userId: string, step: number) {
  await tx.authAttempt.deleteMany({ where: { key: { startsWith: stepPrefix(userId) } } });
  await tx.authAttempt.create({ data: { key: `${stepPrefix(userId)}${step}` } });
}

async function pendingSecret(db: Prisma.TransactionClient | typeof prisma, userId: string): Promise<string | null> {
  const row = await db.authAttempt.findFirst({
    where: { key: { startsWith: pendingPrefix(userId) }, createdAt: { gt: new Date(Date.now() - PENDING_MS) } },
    orderBy: { id: "desc" },
    select: { key: true },
  });
  return row ? row.key.slice(pendingPrefix(userId).length) : null;
}

/**
 * Checks a TOTP code or consumes a recovery code against the user's enabled factor. Failures count
 * towards the account's code lock-out (and under `alsoCount`, e.g. the address's sign-in limit).
 */
export async function proveSecondFactor(userId: string, code: string | undefined, options: { alsoCount?: LimitKey[] } = {}): Promise<Proof> {
  const trimmed = (code ?? "").trim();
  if (!trimmed) return { ok: false, reason: "missing" };
  const keys = [factorKey(userId), ...(options.alsoCount ?? [])];
  return prisma.$transaction(async (tx) => {
    // One check at a time per user: the failure count and the last used step stay exact.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const minutes = await retryAfterMinutes(keys, new Date(), tx);
    if (minutes !== null) return { ok: false, reason: "locked", minutes } as const;
    const u = await tx.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
    if (!u?.totpSecret || !u.totpEnabledAt) return { ok: false, reason: "wrong" } as const;
    const step = matchingStep(trimmed, u.totpSecret);
    if (step !== null) {
      const last = await lastUsedStep(tx, userId);
      if (last !== null && step <= last) {
        await recordFailure(keys, tx);
        return { ok: false, reason: "reused" } as const;
      }
      await rememberStep(tx, userId, step);
      await clearFailures([factorKey(userId)], tx);
      return { ok: true, kind: "totp" } as const;
    }
    const used = await tx.recoveryCode.updateMany({ where: { userId, codeHash: hashCode(trimmed), usedAt: null }, data: { usedAt: new Date() } });
    if (used.count === 1) {
      await clearFailures([factorKey(userId)], tx);
      return { ok: true, kind: "recovery" } as const;
    }
    await recordFailure(keys, tx);
    return { ok: false, reason: "wrong" } as const;
  });
}

/**
 * Starts set-up with a new secret, which is not used until a code from it is confirmed. With a
 * factor already on (a new phone), the current factor must be proven first, and it stays in
 * force until the new one is confirmed.
 */
export async function beginSetup(user: { id: string; email: string }, currentCode?: string): Promise<{ ok: true } | ProofFailure> {
  const u = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
  const secret = authenticator.generateSecret();
  if (!u.totpEnabledAt) {
    await prisma.user.update({ where: { id: user.id }, data: { totpSecret: secret } });
    return { ok: true };
  }
  const proof = await proveSecondFactor(user.id, currentCode);
  if (!proof.ok) return proof;
  await prisma.$transaction([
    prisma.authAttempt.deleteMany({ where: { key: { startsWith: pendingPrefix(user.id) } } }),
    prisma.authAttempt.create({ data: { key: `${pendingPrefix(user.id)}${secret}` } }),
  ]);
  return { ok: true };
}

/** Drops a replacement factor that was never confirmed (the enabled one stays). */
export async function cancelReplacement(user: { id: string }) {
  await prisma.authAttempt.deleteMany({ where: { key: { startsWith: pendingPrefix(user.id) } } });
}

/** The secret waiting for its first code (a first set-up, or a replacement), for the QR code. */
export async function pendingSetup(user: { id: string; email: string }) {
  const u = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
  const secret = u.totpEnabledAt ? await pendingSecret(prisma, user.id) : u.totpSecret;
  if (!secret) return null;
  const uri = authenticator.keyuri(user.email, "Mend", secret);
  return { secret, uri, replacing: u.totpEnabledAt !== null, qrSvg: await QRCode.toString(uri, { type: "svg", margin: 1, width: 200 }) };
}

/**
 * Confirms set-up (or a replacement) with a code from the new secret; only then does it become
 * the factor sign-in asks for. Returns the recovery codes to show once, or null.
 */
export async function confirmSetup(user: { id: string; practiceId: string }, code: string, request?: Request) {
  const codes = Array.from({ length: 10 }, () => randomBytes(5).toString("hex").replace(/(.{5})/, "$1-"));
  const confirmed = await prisma.$transaction(async (tx) => {
    // Under the user's row lock: a double-submitted confirmation turns it on once.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${user.id} FOR UPDATE`;
    const u = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
    const replacing = u.totpEnabledAt !== null;
    const secret = replacing ? await pendingSecret(tx, user.id) : u.totpSecret;
    const step = secret ? matchingStep(code, secret) : null;
    if (!secret || step === null) return false;
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: secret, totpEnabledAt: new Date() } });
    await tx.authAttempt.deleteMany({ where: { key: { startsWith: pendingPrefix(user.id) } } });
    // The confirming code is used: it cannot also sign in.
    await rememberStep(tx, user.id, step);
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: user.id, codeHash: hashCode(c) })) });
    await audit({ actor: user, action: replacing ? "rotate" : "enable", entity: "two-factor", entityId: user.id, request }, tx);
    return true;
  });
  return confirmed ? codes : null;
}

/** Turns two-step off after proving the enabled factor; refused when the practice requires it. */
export async function disableTwoFactor(user: { id: string; practiceId: string }, currentCode: string | undefined, request?: Request): Promise<{ ok: true } | ProofFailure | { ok: false; reason: "required" }> {
  const status = await twoFactorStatus(user.id);
  if (status.required) return { ok: false, reason: "required" };
  if (status.enabled) {
    const proof = await proveSecondFactor(user.id, currentCode);
    if (!proof.ok) return proof;
  }
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: null, totpSecret: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.authAttempt.deleteMany({ where: { key: { startsWith: pendingPrefix(user.id) } } });
    await audit({ actor: user, action: "disable", entity: "two-factor", entityId: user.id, request }, tx);
  });
  return { ok: true };
}
