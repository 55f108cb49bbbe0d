/** Staff accounts of a practice (admin only). */
import { audit } from "~/utils/audit.server";
import { createInvite } from "./invite.server";
import { isUniqueViolation, prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";

export type StaffRole = "therapist" | "supervisor" | "admin";

/** The one clash a practice is told about: with its own accounts, which it can see anyway. */
export const EMAIL_TAKEN_HERE = "This practice already has an account with this email.";

export function listStaff(actor: SessionUser) {
  return prisma.user.findMany({
    where: { practiceId: actor.practiceId, role: { in: ["therapist", "supervisor", "admin"] } },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, disabledAt: true, passwordHash: true, totpEnabledAt: true },
  }).then((rows) =>
    rows.map(({ passwordHash, ...r }) => ({ ...r, joined: passwordHash !== null, twoFactor: r.totpEnabledAt !== null })),
  );
}

export async function createStaff(
  actor: SessionUser,
  input: { name: string; email: string; role: StaffRole },
  request?: Request,
) {
  const email = input.email.toLowerCase();
  // Accounts are per practice (docs/decisions/006): only this practice's own can clash; an
  // address another practice uses is free here, and nothing says it is used there.
  const taken = { ok: false as const, fieldErrors: { email: [EMAIL_TAKEN_HERE] } };
  if (await prisma.user.findUnique({ where: { practiceId_email: { practiceId: actor.practiceId, email } }, select: { id: true } })) return taken;
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { practiceId: actor.practiceId, name: input.name, email, role: input.role },
        select: { id: true, name: true, email: true },
      });
      const token = await createInvite({ practiceId: actor.practiceId, userId: user.id, createdById: actor.id }, tx);
      await audit({ actor, action: "create", entity: "staff", entityId: user.id, detail: { role: input.role }, request }, tx);
      return { ok: true as const, user, token };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return taken; // the same address added here a moment ago
    throw error;
  }
}

export async function setStaffDisabled(actor: SessionUser, userId: string, disabled: boolean, request?: Request) {
  if (userId === actor.id) return false;
  const updated = await prisma.user.updateMany({
    where: { id: userId, practiceId: actor.practiceId, role: { in: ["therapist", "supervisor", "admin"] } },
    data: { disabledAt: disabled ? new Date() : null },
  });
  if (updated.count !== 1) return false;
  if (disabled) await prisma.session.deleteMany({ where: { userId } });
  await audit({ actor, action: disabled ? "disable" : "enable", entity: "staff", entityId: userId, request });
  return true;
}

export async function getSecuritySettings(actor: SessionUser) {
  return prisma.practice.findUniqueOrThrow({
    where: { id: actor.practiceId },
    select: { require2fa: true, staffIdleMinutes: true, partnerIdleDays: true },
  });
}

export async function updateSecuritySettings(
  actor: SessionUser,
  input: { require2fa: boolean; staffIdleMinutes: number; partnerIdleDays: number },
  request?: Request,
) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.practice.findUniqueOrThrow({
      where: { id: actor.practiceId },
      select: { require2fa: true, staffIdleMinutes: true, partnerIdleDays: true },
    });
    await tx.practice.update({ where: { id: actor.practiceId }, data: input });
    await audit({ actor, action: "update", entity: "practice-security", entityId: actor.practiceId, detail: { before, after: input }, request }, tx);
  });
}
