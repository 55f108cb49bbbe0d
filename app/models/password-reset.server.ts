/**
 * Password resets for accounts that already have a password: the account's own email gets a
 * one-time link, valid for an hour. Nobody else ever sees the link — not the therapist who asked
 * for it to be sent, not the page that asked — so staff cannot sign in as a partner.
 *
 * Reset links live in the Invite table (userId, tokenHash, expiresAt, usedAt fit exactly) but
 * are stored as "reset:" + sha-256 of the token, while an invite stores the bare sha-256. A link
 * is therefore only ever found by the flow it was made for: an invite token means nothing at
 * /reset/…, and a reset token means nothing at /join/…. The account's state is checked too: a
 * reset needs a password to replace, an invite needs none (invite.server.ts).
 */
import { randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { passwordResetMessage } from "~/domain/message-text";
import { prisma } from "~/utils/db.server";
import { clientIp } from "~/utils/http.server";
import { hashPassword } from "~/utils/password.server";
import { recordFailure, retryAfterMinutes, type LimitKey } from "~/utils/rate-limit.server";
import type { SessionUser } from "~/utils/session.server";
import { audit } from "~/utils/audit.server";
import { hashToken } from "./invite.server";
import { enqueue } from "./outbox.server";

export const RESET_TTL_MS = 60 * 60 * 1000;
const RESET_PREFIX = "reset:";

export function resetTokenHash(token: string) {
  return RESET_PREFIX + hashToken(token);
}

/**
 * Links in email point at the configured public URL (as reminders do), never at the request's
 * Host header: a forged Host would otherwise put someone else's site, and the token, in the email.
 */
function publicUrl() {
  return (process.env.APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

const ACCOUNT_SELECT = {
  id: true,
  practiceId: true,
  email: true,
  name: true,
  role: true,
  discreetName: true,
  emailEnabled: true,
  passwordHash: true,
  disabledAt: true,
} satisfies Prisma.UserSelect;
type Account = Prisma.UserGetPayload<{ select: typeof ACCOUNT_SELECT }>;

const entityOf = (role: string) => (role === "partner" ? ("partner" as const) : ("staff" as const));

/** Only the newest link works: earlier unused reset links of the account stop working. */
async function issueReset(account: Account, createdById: string) {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const reset = await prisma.$transaction(async (tx) => {
    await tx.invite.updateMany({ where: { userId: account.id, usedAt: null, tokenHash: { startsWith: RESET_PREFIX } }, data: { usedAt: now } });
    return tx.invite.create({
      data: { practiceId: account.practiceId, userId: account.id, coupleId: null, createdById, tokenHash: resetTokenHash(token), expiresAt: new Date(now.getTime() + RESET_TTL_MS) },
      select: { id: true },
    });
  });
  const m = passwordResetMessage(account.discreetName, `${publicUrl()}/reset/${token}`, RESET_TTL_MS / 60_000);
  await enqueue([{ practiceId: account.practiceId, userId: account.id, toAddress: account.email, subject: m.subject, body: m.body, kind: "password-reset", dedupeKey: `password-reset:${reset.id}` }]);
  return reset.id;
}

export type TherapistResetResult = "sent" | "not_found" | "not_joined" | "email_off" | "disabled";

/**
 * The therapist's "Send a password-reset email" for a partner of their couple. A partner who has
 * turned email off gets nothing: their inbox may be read by someone else, and they chose that.
 */
export async function sendPartnerPasswordReset(
  actor: SessionUser,
  couple: { id: string; partnerAId: string; partnerBId: string },
  partnerId: string,
  request?: Request,
): Promise<TherapistResetResult> {
  if (partnerId !== couple.partnerAId && partnerId !== couple.partnerBId) return "not_found";
  const account = await prisma.user.findFirst({ where: { id: partnerId, practiceId: actor.practiceId, role: "partner" }, select: ACCOUNT_SELECT });
  if (!account) return "not_found";
  if (account.disabledAt) return "disabled";
  if (!account.passwordHash) return "not_joined";
  if (!account.emailEnabled) return "email_off";
  const resetId = await issueReset(account, actor.id);
  await audit({ actor, action: "send", entity: "partner", entityId: account.id, coupleId: couple.id, detail: { message: "password-reset", resetId }, request });
  return "sent";
}

export function resetRequestLimitKeys(email: string, request: Request): LimitKey[] {
  return [
    { kind: "account", key: `reset:account:${email.toLowerCase()}` },
    { kind: "ip", key: `reset:ip:${clientIp(request)}` },
  ];
}

/**
 * "Forgot your password?": the caller always gets the same answer, so whether an address has an
 * account is never revealed. Every request counts against the limits (each may send an email),
 * known address or not. Each account of the address (one per practice, docs/decisions/006) gets
 * its own link; accounts without a password, disabled, or with email turned off get nothing.
 */
export async function requestPasswordReset(email: string, request: Request): Promise<{ ok: true } | { ok: false; wait: number }> {
  const keys = resetRequestLimitKeys(email, request);
  const wait = await retryAfterMinutes(keys);
  if (wait !== null) return { ok: false, wait };
  await recordFailure(keys);
  const accounts = await prisma.user.findMany({
    where: { email: email.toLowerCase(), passwordHash: { not: null }, disabledAt: null, emailEnabled: true },
    select: ACCOUNT_SELECT,
  });
  for (const account of accounts) {
    const resetId = await issueReset(account, account.id);
    // Not signed in: filed under the practice, with no actor, so nobody can write events "as" someone.
    await audit({ practiceId: account.practiceId, action: "send", entity: entityOf(account.role), entityId: account.id, detail: { message: "password-reset", requestedBy: "self", resetId }, request });
  }
  return { ok: true };
}

export type ResetState =
  | { state: "valid"; resetId: string; user: { id: string; name: string; email: string; role: string } }
  | { state: "used" | "expired" | "unknown" };

export async function lookupPasswordReset(token: string): Promise<ResetState> {
  if (!/^[A-Za-z0-9_-]{10,100}$/.test(token)) return { state: "unknown" };
  const reset = await prisma.invite.findUnique({
    where: { tokenHash: resetTokenHash(token) },
    select: { id: true, usedAt: true, expiresAt: true, user: { select: { id: true, name: true, email: true, role: true, passwordHash: true, disabledAt: true } } },
  });
  if (!reset) return { state: "unknown" };
  const { passwordHash, disabledAt, ...user } = reset.user;
  if (reset.usedAt) return { state: "used" };
  if (!passwordHash || disabledAt) return { state: "unknown" };
  if (reset.expiresAt.getTime() <= Date.now()) return { state: "expired" };
  return { state: "valid", resetId: reset.id, user };
}

/**
 * Sets the new password exactly once (the conditional claim is the lock), and in the same
 * transaction ends every session of the account — whoever else was signed in as them is out —
 * stops every other outstanding link, and writes the `password-reset` audit event.
 */
export async function completePasswordReset(token: string, password: string, request?: Request) {
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.invite.updateMany({
      where: { tokenHash: resetTokenHash(token), usedAt: null, expiresAt: { gt: now }, user: { is: { passwordHash: { not: null }, disabledAt: null } } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return null;
    const reset = await tx.invite.findUniqueOrThrow({ where: { tokenHash: resetTokenHash(token) }, select: { id: true, userId: true } });
    await tx.invite.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
    const user = await tx.user.update({
      where: { id: reset.userId },
      data: { passwordHash },
      select: { id: true, role: true, email: true, practiceId: true, totpEnabledAt: true, practice: { select: { staffIdleMinutes: true, partnerIdleDays: true } } },
    });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await audit({ actor: user, action: "password-reset", entity: entityOf(user.role), entityId: user.id, detail: { resetId: reset.id }, request }, tx);
    return user;
  });
}
