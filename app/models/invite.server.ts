/**
 * One-time invite links: only a hash of the token is stored; a link works once, for 7 days.
 * An invite only ever sets the FIRST password: for an account that already has one (the partner
 * joined) it is treated as used, so a link that reached someone else — a re-invite, a forwarded
 * email — cannot take the account over. Resetting a password is password-reset.server.ts.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

export async function createInvite(
  input: { practiceId: string; userId: string; coupleId?: string | null; createdById: string },
  tx: Prisma.TransactionClient = prisma,
) {
  const token = randomBytes(24).toString("base64url");
  await tx.invite.create({
    data: {
      practiceId: input.practiceId,
      userId: input.userId,
      coupleId: input.coupleId ?? null,
      createdById: input.createdById,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + INVITE_TTL_MS),
    },
  });
  return token;
}

export type InviteState =
  | { state: "valid"; inviteId: string; user: { id: string; name: string; email: string; role: string }; practiceName: string }
  | { state: "used" | "expired" | "unknown" };

export async function lookupInvite(token: string): Promise<InviteState> {
  if (!/^[A-Za-z0-9_-]{10,100}$/.test(token)) return { state: "unknown" };
  const invite = await prisma.invite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { id: true, name: true, email: true, role: true, passwordHash: true } },
      practice: { select: { name: true } },
    },
  });
  if (!invite) return { state: "unknown" };
  const { passwordHash, ...user } = invite.user;
  if (invite.usedAt || passwordHash !== null) return { state: "used" };
  if (invite.expiresAt.getTime() <= Date.now()) return { state: "expired" };
  return { state: "valid", inviteId: invite.id, user, practiceName: invite.practice.name };
}

class InviteRaceLost extends Error {}

/**
 * Accepts an invite exactly once: the conditional update is the lock, so two tabs (or two
 * instances) racing on one link cannot both set a password. Only an account without a password
 * can be claimed (checked in the same statements, so a partner joining meanwhile is not overwritten).
 */
export async function acceptInvite(token: string, password: string) {
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.invite.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now }, user: { is: { passwordHash: null } } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return null;
    const invite = await tx.invite.findUniqueOrThrow({
      where: { tokenHash: hashToken(token) },
      select: { userId: true },
    });
    // Older unused links for the same person stop working too.
    await tx.invite.updateMany({ where: { userId: invite.userId, usedAt: null }, data: { usedAt: now } });
    const set = await tx.user.updateMany({ where: { id: invite.userId, passwordHash: null }, data: { passwordHash, consentAt: now } });
    if (set.count !== 1) throw new InviteRaceLost();
    return tx.user.findUniqueOrThrow({
      where: { id: invite.userId },
      select: {
        id: true,
        role: true,
        practiceId: true,
        practice: { select: { staffIdleMinutes: true, partnerIdleDays: true } },
      },
    });
  }).catch((error: unknown) => {
    // The account got a password between the claim and the update: the whole claim is rolled back.
    if (error instanceof InviteRaceLost) return null;
    throw error;
  });
}

/** Whether the account has set a password (joined). The hash itself never leaves this module. */
export async function hasJoined(userId: string): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return Boolean(user?.passwordHash);
}
