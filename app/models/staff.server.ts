/** Staff accounts of a practice (admin only). */
import { audit } from "~/utils/audit.server";
import { createInvite } from "./invite.server";
import { prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";

export type StaffRole = "therapist" | "supervisor" | "admin";

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
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) {
    return { ok: false as const, fieldErrors: { email: ["An account with this email already exists."] } };
  }
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { practiceId: actor.practiceId, name: input.name, email, role: input.role },
      select: { id: true, name: true, email: true },
    });
    const token = await createInvite({ practiceId: actor.practiceId, userId: user.id, createdById: actor.id }, tx);
    await audit({ actor, action: "create", entity: "staff", entityId: user.id, detail: { role: input.role }, request }, tx);
    return { ok: true as const, user, token };
  });
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
