/**
 * Ending a partner's access: closing a couple, or revoking one partner. Done by the couple's own
 * therapist or an admin of the practice; both are audited.
 *
 * Closing sets Couple.status = "closed" and also disables both partner accounts (User.disabledAt),
 * rather than adding a column or a partner-side "programme ended" page: the existing sign-in
 * check then refuses them with the same neutral message as a wrong password, so whoever holds a
 * partner's phone learns nothing (not even that the programme ended), and no partner page can
 * write to a closed couple because no partner session can exist. Every record is kept; the
 * therapist still reads them, and requireCouple refuses changes to a closed couple.
 *
 * Both end the partners' sessions, revoke their unused invitation links (expired now, so the
 * join page says the link has expired), and cancel reminders already queued for them; new
 * reminders stop because the reminder job skips disabled partners and closed couples.
 */
import type { Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { audit } from "~/utils/audit.server";

export const CLOSE_CONFIRMATION = "CLOSE";

/** Couples this user may close or revoke partners of: their own (therapist) or the practice's (admin). */
function accessScope(user: SessionUser, coupleId: string): Prisma.CoupleWhereInput | null {
  if (user.role === "therapist") return { id: coupleId, practiceId: user.practiceId, therapistId: user.id };
  if (user.role === "admin") return { id: coupleId, practiceId: user.practiceId };
  return null;
}

/** What the access page shows: status and, per partner, whether they can still sign in. No emails (an admin is not a clinician). */
export async function accessOverview(user: SessionUser, coupleId: string) {
  const where = accessScope(user, coupleId);
  if (!where) return null;
  const partner = { select: { id: true, name: true, disabledAt: true, passwordHash: true } } as const;
  const c = await prisma.couple.findFirst({
    where,
    select: { id: true, status: true, therapist: { select: { name: true } }, partnerA: partner, partnerB: partner, _count: { select: { flags: { where: { status: { not: "resolved" } } } } } },
  });
  if (!c) return null;
  const now = new Date();
  const ids = [c.partnerA.id, c.partnerB.id];
  const invites = await prisma.invite.groupBy({ by: ["userId"], where: { userId: { in: ids }, usedAt: null, expiresAt: { gt: now } }, _count: { _all: true } });
  const openInvites = new Map(invites.map((i) => [i.userId, i._count._all]));
  return {
    id: c.id,
    status: c.status,
    therapistName: c.therapist.name,
    openFlags: c._count.flags,
    partners: [c.partnerA, c.partnerB].map((p) => ({
      id: p.id,
      name: p.name,
      revokedAt: p.disabledAt,
      joined: p.passwordHash !== null,
      openInvites: openInvites.get(p.id) ?? 0,
    })),
  };
}

/** Ends everything a set of partner accounts could still use: sessions, unused invites, queued reminders. */
async function endAccess(tx: Prisma.TransactionClient, partnerIds: string[], now: Date) {
  const sessions = await tx.session.deleteMany({ where: { userId: { in: partnerIds } } });
  // Expired rather than marked used: the link stops working, and nobody is told it was used.
  const invites = await tx.invite.updateMany({ where: { userId: { in: partnerIds }, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  const reminders = await tx.outboxMessage.updateMany({
    where: { userId: { in: partnerIds }, status: "pending", kind: { startsWith: "reminder:" } },
    data: { status: "failed", lastError: "Cancelled: access ended" },
  });
  return { sessionsEnded: sessions.count, invitesRevoked: invites.count, remindersCancelled: reminders.count };
}

export type CloseResult = "closed" | "already_closed" | "not_found";

/** Closes the couple for good: read-only history, both partners signed out and unable to sign in. */
export async function closeCouple(user: SessionUser, coupleId: string, request?: Request): Promise<CloseResult> {
  const where = accessScope(user, coupleId);
  if (!where) return "not_found";
  return prisma.$transaction(async (tx) => {
    const c = await tx.couple.findFirst({ where, select: { id: true, partnerAId: true, partnerBId: true } });
    if (!c) return "not_found" as const;
    // The conditional update is the lock: of two people closing at once, one closes.
    const moved = await tx.couple.updateMany({ where: { id: c.id, status: { not: "closed" } }, data: { status: "closed" } });
    if (moved.count !== 1) return "already_closed" as const;
    const now = new Date();
    const partners = [c.partnerAId, c.partnerBId];
    const disabled = await tx.user.updateMany({ where: { id: { in: partners }, role: "partner", disabledAt: null }, data: { disabledAt: now } });
    const ended = await endAccess(tx, partners, now);
    await audit({ actor: user, action: "close", entity: "couple", entityId: c.id, coupleId: c.id, detail: { ...ended, partnersDisabled: disabled.count }, request }, tx);
    return "closed" as const;
  });
}

export type RevokeResult = "revoked" | "already_revoked" | "not_found";

/** Revokes one partner: signed out, cannot sign in or use an invitation link. The couple stays as it is. */
export async function revokePartner(user: SessionUser, coupleId: string, partnerId: string, request?: Request): Promise<RevokeResult> {
  const where = accessScope(user, coupleId);
  if (!where || !partnerId) return "not_found";
  return prisma.$transaction(async (tx) => {
    const c = await tx.couple.findFirst({ where: { ...where, OR: [{ partnerAId: partnerId }, { partnerBId: partnerId }] }, select: { id: true } });
    if (!c) return "not_found" as const;
    const now = new Date();
    const moved = await tx.user.updateMany({ where: { id: partnerId, role: "partner", disabledAt: null }, data: { disabledAt: now } });
    if (moved.count !== 1) return "already_revoked" as const;
    const ended = await endAccess(tx, [partnerId], now);
    await audit({ actor: user, action: "revoke", entity: "partner", entityId: partnerId, coupleId: c.id, detail: ended, request }, tx);
    return "revoked" as const;
  });
}
