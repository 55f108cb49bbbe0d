/**
 * The on-call rota and alert settings of a practice (admin), and `onCallNow` for the alerting
 * code. Every admin function is scoped to the admin's own practice and audited; a record of
 * another practice is "not found", never touched.
 */
import { randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { isRecordId, onCallAt, rotaGaps, validateAlertSettings, validateShift, type Shift, type ShiftInput } from "~/domain/on-call";
import { prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { audit } from "~/utils/audit.server";

/** Who may be on call or be the fallback: clinicians who can open and acknowledge a flag. */
const ON_CALL_ROLES = ["therapist", "supervisor"] as const;

type Admin = Pick<SessionUser, "id" | "practiceId">;
type FieldErrors = Record<string, string[]>;

const eligible = (practiceId: string) => ({ practiceId, role: { in: [...ON_CALL_ROLES] }, disabledAt: null });

/** The secret is shown once, right after it is made; afterwards only its last characters. */
function maskSecret(secret: string | null): string | null {
  return secret ? `••••••••${secret.slice(-4)}` : null;
}

/**
 * Webhook addresses often carry a token in the path (chat tools' incoming hooks), so the audit
 * log records only where alerts go, not the full address.
 */
function auditableUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return "(unreadable)";
  }
}

export async function listRota(admin: Admin) {
  const [practice, shifts, staff] = await Promise.all([
    prisma.practice.findUniqueOrThrow({
      where: { id: admin.practiceId },
      select: { timeZone: true, alertWebhookUrl: true, alertWebhookSecret: true, ackImminentMinutes: true, ackHighMinutes: true, onCallFallbackId: true },
    }),
    prisma.onCallShift.findMany({
      where: { practiceId: admin.practiceId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true, userId: true, weekdays: true, startTime: true, endTime: true, position: true, user: { select: { name: true, role: true, disabledAt: true } } },
    }),
    prisma.user.findMany({ where: eligible(admin.practiceId), orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, role: true } }),
  ]);
  const rows = shifts.map(({ user, ...s }) => ({
    ...s,
    userName: user.name,
    role: user.role,
    // a disabled account (or one no longer a clinician) stays listed but is never alerted
    alerted: user.disabledAt === null && (ON_CALL_ROLES as readonly string[]).includes(user.role),
  }));
  const active: Shift[] = rows.filter((r) => r.alerted);
  const fallback = staff.find((s) => s.id === practice.onCallFallbackId) ?? null;
  let onCall: string[] = [];
  try {
    onCall = onCallAt(active, new Date(), practice.timeZone);
  } catch {
    // an unknown time zone: the page still shows the rota, and the gaps say who is alerted
  }
  return {
    timeZone: practice.timeZone,
    shifts: rows,
    staff,
    gaps: rotaGaps(active),
    onCallNow: onCall.map((id) => staff.find((s) => s.id === id)?.name ?? "").filter(Boolean),
    nextPosition: rows.length ? Math.max(...rows.map((r) => r.position)) + 1 : 1,
    settings: {
      webhookUrl: practice.alertWebhookUrl,
      secretHint: maskSecret(practice.alertWebhookSecret),
      ackImminentMinutes: practice.ackImminentMinutes,
      ackHighMinutes: practice.ackHighMinutes,
      fallbackId: fallback?.id ?? null,
      fallbackName: fallback?.name ?? null,
    },
  };
}

async function isEligible(practiceId: string, userId: string, tx: Prisma.TransactionClient = prisma) {
  return (await tx.user.count({ where: { id: userId, ...eligible(practiceId) } })) === 1;
}

export async function addShift(
  admin: Admin,
  input: ShiftInput,
  request?: Request,
): Promise<{ ok: true; shift: Shift & { id: string } } | { ok: false; fieldErrors: FieldErrors }> {
  const checked = validateShift(input);
  if (!checked.ok) return { ok: false, fieldErrors: Object.fromEntries(Object.entries(checked.errors).map(([k, v]) => [k, [v]])) };
  const { shift } = checked;
  return prisma.$transaction(async (tx) => {
    if (!(await isEligible(admin.practiceId, shift.userId, tx))) {
      return { ok: false as const, fieldErrors: { userId: ["Choose a therapist or supervisor of this practice whose account is active."] } };
    }
    const created = await tx.onCallShift.create({
      data: { practiceId: admin.practiceId, ...shift },
      select: { id: true, userId: true, weekdays: true, startTime: true, endTime: true, position: true },
    });
    await audit({ actor: admin, action: "create", entity: "on-call-shift", entityId: created.id, detail: { ...shift }, request }, tx);
    return { ok: true as const, shift: created };
  });
}

/** False when the shift is not this practice's (or no longer exists): the route answers 404. */
export async function removeShift(admin: Admin, shiftId: string, request?: Request): Promise<boolean> {
  if (!isRecordId(shiftId)) return false;
  return prisma.$transaction(async (tx) => {
    const shift = await tx.onCallShift.findFirst({
      where: { id: shiftId, practiceId: admin.practiceId },
      select: { id: true, userId: true, weekdays: true, startTime: true, endTime: true, position: true },
    });
    if (!shift) return false;
    await tx.onCallShift.delete({ where: { id: shift.id } });
    const { id, ...detail } = shift;
    await audit({ actor: admin, action: "delete", entity: "on-call-shift", entityId: id, detail, request }, tx);
    return true;
  });
}

export interface AlertSettingsInput {
  /** blank removes the webhook (and its secret) */
  webhookUrl?: string;
  /** whole minutes as typed; blank → the default */
  ackImminentMinutes?: string;
  ackHighMinutes?: string;
  /** blank: no fallback */
  fallbackId?: string;
  /** only make a new signing secret; every other field is left as it is */
  rotateSecret?: boolean;
}

export type SaveAlertSettingsResult =
  | { ok: true; /** the new signing secret, only when one was just made: show it once */ secret: string | null }
  | { ok: false; fieldErrors: FieldErrors; formErrors?: string[] };

const newSecret = () => randomBytes(32).toString("base64url");

export async function saveAlertSettings(admin: Admin, input: AlertSettingsInput, request?: Request): Promise<SaveAlertSettingsResult> {
  if (input.rotateSecret) {
    return prisma.$transaction(async (tx) => {
      const p = await tx.practice.findUniqueOrThrow({ where: { id: admin.practiceId }, select: { alertWebhookUrl: true } });
      if (!p.alertWebhookUrl) return { ok: false as const, fieldErrors: {}, formErrors: ["Save a webhook address first: its secret is made then."] };
      const secret = newSecret();
      await tx.practice.update({ where: { id: admin.practiceId }, data: { alertWebhookSecret: secret } });
      await audit({ actor: admin, action: "rotate", entity: "practice-alert-secret", entityId: admin.practiceId, request }, tx);
      return { ok: true as const, secret };
    });
  }

  const checked = validateAlertSettings(input);
  const fieldErrors: FieldErrors = checked.ok ? {} : Object.fromEntries(Object.entries(checked.errors).map(([k, v]) => [k, [v]]));
  const fallbackId = (input.fallbackId ?? "").trim() || null;
  if (fallbackId && !(isRecordId(fallbackId) && (await isEligible(admin.practiceId, fallbackId)))) {
    fieldErrors.fallbackId = ["Choose a therapist or supervisor of this practice whose account is active."];
  }
  if (!checked.ok || Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  const { webhookUrl, ackImminentMinutes, ackHighMinutes } = checked.settings;

  return prisma.$transaction(async (tx) => {
    const before = await tx.practice.findUniqueOrThrow({
      where: { id: admin.practiceId },
      select: { alertWebhookUrl: true, alertWebhookSecret: true, ackImminentMinutes: true, ackHighMinutes: true, onCallFallbackId: true },
    });
    // a secret is made when the first address is set, kept while the address changes, and
    // dropped with the address (a later address gets a fresh one)
    const secret = webhookUrl && !before.alertWebhookSecret ? newSecret() : null;
    const alertWebhookSecret = webhookUrl ? (secret ?? before.alertWebhookSecret) : null;
    await tx.practice.update({
      where: { id: admin.practiceId },
      data: { alertWebhookUrl: webhookUrl, alertWebhookSecret, ackImminentMinutes, ackHighMinutes, onCallFallbackId: fallbackId },
    });
    await audit(
      {
        actor: admin,
        action: "update",
        entity: "practice-alert-settings",
        entityId: admin.practiceId,
        detail: {
          before: { webhook: auditableUrl(before.alertWebhookUrl), ackImminentMinutes: before.ackImminentMinutes, ackHighMinutes: before.ackHighMinutes, fallbackId: before.onCallFallbackId },
          after: { webhook: auditableUrl(webhookUrl), ackImminentMinutes, ackHighMinutes, fallbackId },
          webhookChanged: before.alertWebhookUrl !== webhookUrl,
          secretMade: secret !== null,
        },
        request,
      },
      tx,
    );
    return { ok: true as const, secret };
  });
}

/**
 * Who to alert for this practice right now: the rota's people in escalation order (enabled
 * therapists and supervisors of the practice only), and the fallback for when nobody is on call
 * (null unless it is an enabled therapist or supervisor of the practice).
 */
export async function onCallNow(practiceId: string, at = new Date()): Promise<{ onCall: string[]; fallbackId: string | null }> {
  const [practice, shifts] = await Promise.all([
    prisma.practice.findUnique({ where: { id: practiceId }, select: { timeZone: true, onCallFallbackId: true } }),
    prisma.onCallShift.findMany({
      where: { practiceId, user: eligible(practiceId) },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { userId: true, weekdays: true, startTime: true, endTime: true, position: true },
    }),
  ]);
  if (!practice) return { onCall: [], fallbackId: null };
  const fallbackId = practice.onCallFallbackId && (await isEligible(practiceId, practice.onCallFallbackId)) ? practice.onCallFallbackId : null;
  let onCall: string[] = [];
  try {
    onCall = onCallAt(shifts, at, practice.timeZone);
  } catch {
    // an unreadable time zone must not stop an alert: the fallback (and escalation) still get it
  }
  return { onCall, fallbackId };
}
