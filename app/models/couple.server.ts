/** Couples: creation with partner accounts and invites. Every function takes the acting user. */
import { audit } from "~/utils/audit.server";
import { createInvite } from "./invite.server";
import { isUniqueViolation, prisma, sql } from "~/utils/db.server";
import { EMAIL_TAKEN_HERE } from "./staff.server";
import type { SessionUser } from "~/utils/session.server";

export interface NewCoupleInput {
  partnerAName: string;
  partnerAEmail: string;
  partnerBName: string;
  partnerBEmail: string;
  startDate: string; // YYYY-MM-DD
  timeZone: string;
  /** ISO 3166-1 alpha-2, for the crisis lines the partners see (the schema defaults to US) */
  country?: string;
  partnerALanguage?: "en" | "es";
  partnerBLanguage?: "en" | "es";
}

export type CreateCoupleResult =
  | { ok: true; coupleId: string; links: { name: string; email: string; token: string }[] }
  | { ok: false; fieldErrors: Record<string, string[]> };

export async function createCouple(actor: SessionUser, input: NewCoupleInput, request?: Request): Promise<CreateCoupleResult> {
  const emails = [input.partnerAEmail.toLowerCase(), input.partnerBEmail.toLowerCase()];
  // Only this practice's own accounts can clash (docs/decisions/006): another practice's are
  // never looked at, so nothing here tells whether an address is used there.
  const clash = async () => {
    const taken = await prisma.user.findMany({ where: { practiceId: actor.practiceId, email: { in: emails } }, select: { email: true } });
    const fieldErrors: Record<string, string[]> = {};
    for (const t of taken) fieldErrors[t.email === emails[0] ? "partnerAEmail" : "partnerBEmail"] = [EMAIL_TAKEN_HERE];
    return taken.length ? { ok: false as const, fieldErrors } : null;
  };
  const taken = await clash();
  if (taken) return taken;
  try {
    return await createCoupleRows(actor, input, emails, request);
  } catch (error) {
    // The same address added here a moment ago, by someone else.
    if (isUniqueViolation(error)) return (await clash()) ?? { ok: false, fieldErrors: { partnerAEmail: [EMAIL_TAKEN_HERE] } };
    throw error;
  }
}

function createCoupleRows(actor: SessionUser, input: NewCoupleInput, emails: string[], request?: Request) {
  return prisma.$transaction(async (tx) => {
    const a = await tx.user.create({
      data: { practiceId: actor.practiceId, role: "partner", name: input.partnerAName, email: emails[0]!, language: input.partnerALanguage },
      select: { id: true, name: true, email: true },
    });
    const b = await tx.user.create({
      data: { practiceId: actor.practiceId, role: "partner", name: input.partnerBName, email: emails[1]!, language: input.partnerBLanguage },
      select: { id: true, name: true, email: true },
    });
    const couple = await tx.couple.create({
      data: {
        practiceId: actor.practiceId,
        therapistId: actor.id,
        partnerAId: a.id,
        partnerBId: b.id,
        startDate: new Date(`${input.startDate}T00:00:00Z`),
        timeZone: input.timeZone,
        country: input.country,
      },
      select: { id: true },
    });
    const links = [];
    for (const p of [a, b]) {
      const token = await createInvite({ practiceId: actor.practiceId, userId: p.id, coupleId: couple.id, createdById: actor.id }, tx);
      links.push({ name: p.name, email: p.email, token });
    }
    await audit({ actor, action: "create", entity: "couple", entityId: couple.id, coupleId: couple.id, request }, tx);
    return { ok: true as const, coupleId: couple.id, links };
  });
}

/** A fresh invite link for a partner who has not joined yet (the old links stop working). */
export async function reissueInvite(actor: SessionUser, coupleId: string, partnerId: string, request?: Request) {
  const couple = await prisma.couple.findFirst({
    where: { id: coupleId, practiceId: actor.practiceId, therapistId: actor.id, OR: [{ partnerAId: partnerId }, { partnerBId: partnerId }] },
    select: { id: true },
  });
  if (!couple) return null;
  return prisma.$transaction(async (tx) => {
    await tx.invite.updateMany({ where: { userId: partnerId, usedAt: null }, data: { usedAt: new Date() } });
    const token = await createInvite({ practiceId: actor.practiceId, userId: partnerId, coupleId, createdById: actor.id }, tx);
    await audit({ actor, action: "create", entity: "invite", entityId: partnerId, coupleId, request }, tx);
    return token;
  });
}

export interface CoupleOverview {
  startDate: string;
  paused: boolean;
  pauseReason: "safety" | "therapist" | null;
  /** when the therapist told the couple about the pause (ISO), null while they have not */
  pauseToldAt: string | null;
  /** partner A, then partner B; `joined` once they have set a password (the hash itself is never read) */
  partners: [OverviewPartner, OverviewPartner];
  assignments: { id: string; title: string; target: string; cadence: "daily" | "weekly" | "times_per_week" | "as_needed"; status: "active" | "paused" | "completed"; responsible: "A" | "B" | "BOTH"; kind: "routine" | "agreement" }[];
}
interface OverviewPartner {
  id: string;
  name: string;
  email: string;
  joined: boolean;
}

export const COUPLE_OVERVIEW_SQL = `SELECT to_char(c."startDate", 'YYYY-MM-DD') AS "startDate", c."workPausedAt" IS NOT NULL AS paused, c."workPauseReason"::text AS "pauseReason",
        to_char(c."pauseToldAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "pauseToldAt",
        json_build_object('id', a.id, 'name', a.name, 'email', a.email, 'joined', a."passwordHash" IS NOT NULL) AS a,
        json_build_object('id', b.id, 'name', b.name, 'email', b.email, 'joined', b."passwordHash" IS NOT NULL) AS b,
        (SELECT coalesce(json_agg(json_build_object('id', s.id, 'title', s.title, 'target', s.target, 'cadence', s.cadence, 'status', s.status, 'responsible', s.responsible, 'kind', s.kind)
                                  ORDER BY s."createdAt", s.id), '[]')
           FROM "Assignment" s WHERE s."coupleId" = c.id) AS assignments
   FROM "Couple" c JOIN "User" a ON a.id = c."partnerAId" JOIN "User" b ON b.id = c."partnerBId"
  WHERE c.id = $1`;

/** The couple page's header: plan start, pause state, both partners and the assignments, in one statement. */
export async function coupleOverview(coupleId: string): Promise<CoupleOverview> {
  const [row] = await sql<Omit<CoupleOverview, "partners"> & { a: OverviewPartner; b: OverviewPartner }>(COUPLE_OVERVIEW_SQL, [coupleId]);
  if (!row) throw new Response("Not found", { status: 404 });
  const { a, b, ...rest } = row;
  return { ...rest, partners: [a, b] };
}
