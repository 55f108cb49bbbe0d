/**
 * How the care team may contact a partner safely. Written by the partner alone; read only by
 * clinicians (the couple's therapist, and supervisors for a couple with a flag), never by the
 * other partner. What was recorded is never put into an audit detail, an email or a page title.
 */
import { z } from "zod";
import { coupleAccess } from "~/domain/permissions";
import { CONTACT_METHOD_LABELS, CONTACT_METHODS, type ContactMethod } from "~/domain/safe-contact";
import { prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { audit } from "~/utils/audit.server";

export { CONTACT_METHOD_LABELS, CONTACT_METHODS, type ContactMethod };

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : undefined));

/** Digits with the usual separators; 7–15 digits (E.164 has at most 15). */
const PHONE_RE = /^\+?[0-9 ()./-]+$/;
function phoneDigits(v: string) {
  return v.replace(/\D/g, "").length;
}

/** The form's fields. `noVoicemail` is a checkbox: absent means unticked. */
export const SafeContactSchema = z
  .object({
    method: z.enum(CONTACT_METHODS, { errorMap: () => ({ message: "Choose how we may contact you." }) }),
    phone: optionalText(30, "Keep the phone number under 30 characters.").refine(
      (v) => v === undefined || (PHONE_RE.test(v) && phoneDigits(v) >= 7 && phoneDigits(v) <= 15),
      "Enter a phone number with 7 to 15 digits, like +1 555 010 0199.",
    ),
    email: optionalText(254, "Keep the email address under 254 characters.").refine((v) => v === undefined || z.string().email().safeParse(v).success, "Enter a valid email address, like name@example.org."),
    avoidTimes: optionalText(500, "Keep this under 500 characters."),
    noVoicemail: z.literal("on").optional(),
    codeWord: optionalText(60, "Keep the code word under 60 characters."),
  })
  .superRefine((v, ctx) => {
    if (v.method === "phone" && !v.phone) ctx.addIssue({ code: "custom", path: ["phone"], message: "Add the phone number we may use." });
    if (v.method === "email" && !v.email) ctx.addIssue({ code: "custom", path: ["email"], message: "Add the email address we may use." });
  });

export type SafeContactForm = z.input<typeof SafeContactSchema>;

export interface SafeContactInput {
  method: ContactMethod;
  phone?: string | null;
  email?: string | null;
  avoidTimes?: string | null;
  noVoicemail: boolean;
  codeWord?: string | null;
}

/** The record as clinicians and its author see it; serialisable (a loader can return it as is). */
export interface SafeContactView {
  method: ContactMethod;
  phone: string | null;
  email: string | null;
  avoidTimes: string | null;
  noVoicemail: boolean;
  codeWord: string | null;
  updatedAt: string;
}

const SELECT = { method: true, phone: true, email: true, avoidTimes: true, noVoicemail: true, codeWord: true, updatedAt: true } as const;

function view(row: { method: string; phone: string | null; email: string | null; avoidTimes: string | null; noVoicemail: boolean; codeWord: string | null; updatedAt: Date }): SafeContactView {
  const method = (CONTACT_METHODS as readonly string[]).includes(row.method) ? (row.method as ContactMethod) : "in_session";
  return { ...row, method, updatedAt: row.updatedAt.toISOString() };
}

/** The partner's own record (null if none yet, or if the user is not a partner). */
export async function ownSafeContact(user: SessionUser): Promise<SafeContactView | null> {
  if (user.role !== "partner") return null;
  const row = await prisma.safeContact.findUnique({ where: { userId: user.id }, select: SELECT });
  return row ? view(row) : null;
}

export type SaveSafeContactResult = { ok: true; contact: SafeContactView } | { ok: false; status: 400 | 403; fieldErrors: Record<string, string[]> };

/**
 * Saves the partner's own preferences (partners only), validated again here so no caller can
 * store a phone method without a phone. Audited without the values themselves.
 */
export async function saveSafeContact(user: SessionUser, input: SafeContactInput, request?: Request): Promise<SaveSafeContactResult> {
  if (user.role !== "partner") return { ok: false, status: 403, fieldErrors: { "": ["Only a partner can record their own contact preferences."] } };
  const parsed = SafeContactSchema.safeParse({
    method: input.method,
    phone: input.phone ?? undefined,
    email: input.email ?? undefined,
    avoidTimes: input.avoidTimes ?? undefined,
    noVoicemail: input.noVoicemail ? "on" : undefined,
    codeWord: input.codeWord ?? undefined,
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "")] ??= []).push(issue.message);
    return { ok: false, status: 400, fieldErrors };
  }
  const v = parsed.data;
  const data = { method: v.method, phone: v.phone ?? null, email: v.email ?? null, avoidTimes: v.avoidTimes ?? null, noVoicemail: v.noVoicemail === "on", codeWord: v.codeWord ?? null };
  const row = await prisma.$transaction(async (tx) => {
    const saved = await tx.safeContact.upsert({ where: { userId: user.id }, create: { userId: user.id, ...data }, update: data, select: SELECT });
    await audit({ actor: user, action: "update", entity: "safe-contact", entityId: user.id, request }, tx);
    return saved;
  });
  return { ok: true, contact: view(row) };
}

/**
 * A partner's preferences for a clinician: the couple's own therapist, or a supervisor of the
 * practice for a couple with a safety flag (the same rule as the couple itself, coupleAccess).
 * Anyone else — the other partner, another therapist, an admin, another practice — gets null.
 * Each read by a clinician is audited.
 */
export async function safeContactFor(staff: SessionUser, partnerId: string, request?: Request): Promise<SafeContactView | null> {
  if ((staff.role !== "therapist" && staff.role !== "supervisor") || typeof partnerId !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(partnerId)) return null;
  const couple = await prisma.couple.findFirst({
    where: { practiceId: staff.practiceId, OR: [{ partnerAId: partnerId }, { partnerBId: partnerId }] },
    select: { id: true, practiceId: true, therapistId: true, partnerAId: true, partnerBId: true, flags: staff.role === "supervisor" ? { select: { id: true }, take: 1 } : false },
  });
  if (!couple) return null;
  const access = coupleAccess(staff, { ...couple, hasFlag: (couple.flags?.length ?? 0) > 0 });
  if (access !== "clinician" && access !== "supervisor") return null;
  const row = await prisma.safeContact.findUnique({ where: { userId: partnerId }, select: SELECT });
  await audit({ actor: staff, action: "read", entity: "safe-contact", entityId: partnerId, coupleId: couple.id, request });
  return row ? view(row) : null;
}
