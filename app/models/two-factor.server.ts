/**
 * Optional TOTP two-factor sign-in for staff (otplib), with single-use recovery codes (stored
 * hashed). An admin can make it mandatory for the practice.
 */
import { createHash, randomBytes } from "node:crypto";
import { authenticator } from "otplib";
import QRCode from "qrcode";
import { prisma } from "~/utils/db.server";
import { audit } from "./audit.server";

authenticator.options = { window: 1 }; // accept the previous/next 30-second step (clock drift)

const hashCode = (code: string) => createHash("sha256").update(code.replace(/[\s-]/g, "").toLowerCase()).digest("hex");

export async function twoFactorStatus(userId: string) {
  const u = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpEnabledAt: true, role: true, practice: { select: { require2fa: true } } },
  });
  const remaining = await prisma.recoveryCode.count({ where: { userId, usedAt: null } });
  return { enabled: u.totpEnabledAt !== null, required: u.role !== "partner" && u.practice.require2fa, recoveryCodesLeft: remaining };
}

/** Starts set-up: a new secret (not active until a code from it is verified). */
export async function beginSetup(user: { id: string; email: string }) {
  const secret = authenticator.generateSecret();
  await prisma.user.update({ where: { id: user.id }, data: { totpSecret: secret, totpEnabledAt: null } });
  const uri = authenticator.keyuri(user.email, "Mend", secret);
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, width: 200 });
  return { secret, uri, qrSvg };
}

export async function pendingSetup(user: { id: string; email: string }) {
  const u = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!u.totpSecret || u.totpEnabledAt) return null;
  const uri = authenticator.keyuri(user.email, "Mend", u.totpSecret);
  return { secret: u.totpSecret, uri, qrSvg: await QRCode.toString(uri, { type: "svg", margin: 1, width: 200 }) };
}

/** Confirms set-up with a first code; returns the recovery codes to show once. */
export async function confirmSetup(user: { id: string; practiceId: string }, code: string, request?: Request) {
  const u = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true } });
  if (!u.totpSecret || !authenticator.check(code.replace(/\s/g, ""), u.totpSecret)) return null;
  const codes = Array.from({ length: 10 }, () => randomBytes(5).toString("hex").replace(/(.{5})/, "$1-"));
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: user.id, codeHash: hashCode(c) })) });
    await audit({ actor: user, action: "enable", entity: "two-factor", entityId: user.id, request }, tx);
  });
  return codes;
}

export async function disableTwoFactor(user: { id: string; practiceId: string }, request?: Request) {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: null, totpSecret: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await audit({ actor: user, action: "disable", entity: "two-factor", entityId: user.id, request }, tx);
  });
}

/** Checks a TOTP code or consumes a recovery code. */
export async function verifySecondFactor(userId: string, code: string): Promise<"totp" | "recovery" | null> {
  const trimmed = code.trim();
  const u = await prisma.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!u?.totpSecret || !u.totpEnabledAt) return null;
  if (/^\d{6}$/.test(trimmed.replace(/\s/g, "")) && authenticator.check(trimmed.replace(/\s/g, ""), u.totpSecret)) return "totp";
  const used = await prisma.recoveryCode.updateMany({
    where: { userId, codeHash: hashCode(trimmed), usedAt: null },
    data: { usedAt: new Date() },
  });
  return used.count === 1 ? "recovery" : null;
}
