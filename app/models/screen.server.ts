/**
 * The private safety screen ("A few private questions"). A partner's due screen is created
 * lazily, when they next open Today or /questions, so the schedule needs no job; only the
 * partner themself can see, answer or postpone it. Answers go through the safety rules in the
 * saving transaction and are copied to Revision; the therapist sees only dates, never answers,
 * and nothing about it reaches the other partner, an email or a page title.
 */
import type { Prisma } from "@prisma/client";
import { coupleAccess } from "~/domain/permissions";
import {
  cleanAnswers,
  evaluateScreen,
  isScreenDue,
  isScreenVisible,
  isValidInterval,
  MAX_SCREEN_WEEKS,
  nextScreenDue,
  SCREEN_VERSION,
  snoozedUntil,
  unanswered,
} from "~/domain/safety/screen";
import { preparedSql, prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { audit } from "~/utils/audit.server";
import { applySafetyRules, withSafetyRetry } from "./safety.server";

/**
 * $1 partner, $2 practice: the couple, its interval, when the partner joined, their last answer
 * and their open screen, in one statement (Today runs it on every visit).
 */
export const SCREEN_STATE_SQL = `SELECT c.id AS "coupleId", c."screenEveryWeeks" AS "everyWeeks", c.status::text AS status,
       (extract(epoch FROM u."consentAt") * 1000)::float8 AS "joinedMs",
       (SELECT (extract(epoch FROM max(s."answeredAt")) * 1000)::float8 FROM "SafetyScreen" s WHERE s."partnerId" = u.id AND s."coupleId" = c.id) AS "lastAnsweredMs",
       p.id AS "openId", (extract(epoch FROM p."dueAt") * 1000)::float8 AS "openDueMs", (extract(epoch FROM p."snoozedUntil") * 1000)::float8 AS "openSnoozedMs"
  FROM "User" u
  JOIN "Couple" c ON c."practiceId" = u."practiceId" AND (c."partnerAId" = u.id OR c."partnerBId" = u.id)
  LEFT JOIN LATERAL (SELECT s.id, s."dueAt", s."snoozedUntil" FROM "SafetyScreen" s
                      WHERE s."partnerId" = u.id AND s."coupleId" = c.id AND s."answeredAt" IS NULL
                      ORDER BY s."dueAt", s.id LIMIT 1) p ON true
 WHERE u.id = $1 AND u."practiceId" = $2`;

interface StateRow {
  coupleId: string;
  everyWeeks: number;
  status: string;
  joinedMs: number | null;
  lastAnsweredMs: number | null;
  openId: string | null;
  openDueMs: number | null;
  openSnoozedMs: number | null;
}

/** Ids Mend makes (cuid); anything else is "not found" before it reaches a query. */
const isId = (v: unknown): v is string => typeof v === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(v);

const at = (ms: number | null) => (ms === null || ms === undefined ? null : new Date(ms));

export interface DueScreen {
  id: string;
  dueAt: Date;
}

/** Serialises creation per partner: two tabs opening Today at once make one screen, not two. */
async function lockPartner(tx: Prisma.TransactionClient, partnerId: string) {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${partnerId} FOR UPDATE`;
}

/**
 * The partner's screen to answer now, or null: none due, postponed with "not now", or not a
 * partner. Creates the due row when the schedule says one is due (at joining, then every
 * `screenEveryWeeks` weeks after the last answer) and there is no open one. A closed couple
 * gets no new screens (one the therapist already sent still shows).
 */
export async function dueScreenFor(user: SessionUser, now = new Date()): Promise<DueScreen | null> {
  if (user.role !== "partner") return null;
  const [s] = await preparedSql<StateRow>("mend_screen_state_v1", SCREEN_STATE_SQL, [user.id, user.practiceId]);
  if (!s) return null;
  if (s.openId) {
    const open = { dueAt: new Date(s.openDueMs!), snoozedUntil: at(s.openSnoozedMs) };
    return isScreenVisible(open, now) ? { id: s.openId, dueAt: open.dueAt } : null;
  }
  if (s.status === "closed") return null;
  const schedule = { joinedAt: at(s.joinedMs), lastAnsweredAt: at(s.lastAnsweredMs), everyWeeks: s.everyWeeks };
  if (!isScreenDue({ ...schedule, now })) return null;
  const dueAt = nextScreenDue(schedule)!;
  return prisma.$transaction(async (tx) => {
    await lockPartner(tx, user.id);
    const open = await tx.safetyScreen.findFirst({ where: { partnerId: user.id, coupleId: s.coupleId, answeredAt: null }, orderBy: { dueAt: "asc" }, select: { id: true, dueAt: true, snoozedUntil: true } });
    if (open) return isScreenVisible(open, now) ? { id: open.id, dueAt: open.dueAt } : null;
    const row = await tx.safetyScreen.create({ data: { coupleId: s.coupleId, partnerId: user.id, dueAt }, select: { id: true, dueAt: true } });
    return row;
  });
}

export type ScreenResult = { ok: true; flagged: boolean } | { ok: false; status: 400 | 404; error: string; field?: string };

export const ALREADY_ANSWERED = "These questions were already answered. Thank you.";

class AlreadyAnswered extends Error {}

/**
 * Saves the partner's answers to their own screen, once. In one transaction: the screen is
 * claimed (a second answer, even a concurrent one, changes nothing and gets ALREADY_ANSWERED),
 * the answers are copied to Revision (by trigger), the safety rules raise or append to flags, and the save is
 * audited (without the answers). Someone else's screen is "not found".
 */
export async function answerScreen(user: SessionUser, screenId: string, answers: Record<string, unknown>, request?: Request): Promise<ScreenResult> {
  if (user.role !== "partner" || !isId(screenId)) return { ok: false, status: 404, error: "Not found" };
  const screen = await prisma.safetyScreen.findFirst({
    where: { id: screenId, partnerId: user.id, couple: { practiceId: user.practiceId } },
    select: { id: true, coupleId: true, answeredAt: true },
  });
  if (!screen) return { ok: false, status: 404, error: "Not found" };
  if (screen.answeredAt) return { ok: false, status: 400, error: ALREADY_ANSWERED };
  const missing = unanswered(answers);
  if (missing.length) return { ok: false, status: 400, error: "Please choose an answer for every question (“Prefer not to say” is fine).", field: missing[0] };
  const clean = cleanAnswers(answers);
  // the version tells a later reader which wording was answered
  const stored = { ...clean, safe_now: "yes", version: String(SCREEN_VERSION) };
  const scope = { practiceId: user.practiceId, coupleId: screen.coupleId, partnerId: user.id, actorId: user.id };
  try {
    const flagged = await withSafetyRetry(async (tx) => {
      const now = new Date();
      const claimed = await tx.safetyScreen.updateMany({ where: { id: screen.id, partnerId: user.id, answeredAt: null }, data: { answers: stored, answeredAt: now, snoozedUntil: null } });
      if (claimed.count === 0) throw new AlreadyAnswered();
      // The Revision copy (entity "screen") is written by the SafetyScreen_revision trigger
      // (migration 20261201114618_safety_path) as the answers are set, so no code path can skip it.
      const safety = await applySafetyRules(tx, scope, { kind: "screen", signals: evaluateScreen(clean), answers: stored }, { entity: "screen", entityId: screen.id });
      await audit({ actor: user, action: "save", entity: "screen", entityId: screen.id, coupleId: screen.coupleId, request }, tx);
      return safety.flagIds.length > 0;
    });
    return { ok: true, flagged };
  } catch (error) {
    if (error instanceof AlreadyAnswered) return { ok: false, status: 400, error: ALREADY_ANSWERED };
    throw error;
  }
}

/**
 * "Not now": hides the partner's own open screen for a day. Deliberately leaves no trace anyone
 * else can see — no audit event, no flag, nothing on the therapist's status (which shows due
 * dates only). Postponing an already answered screen is a harmless no-op.
 */
export async function snoozeScreen(user: SessionUser, screenId: string, now = new Date()): Promise<{ ok: true } | { ok: false; status: 404 }> {
  if (user.role !== "partner" || !isId(screenId)) return { ok: false, status: 404 };
  const r = await prisma.safetyScreen.updateMany({ where: { id: screenId, partnerId: user.id, answeredAt: null }, data: { snoozedUntil: snoozedUntil(now) } });
  if (r.count > 0) return { ok: true };
  const exists = await prisma.safetyScreen.findFirst({ where: { id: screenId, partnerId: user.id }, select: { id: true } });
  return exists ? { ok: true } : { ok: false, status: 404 };
}

async function therapistsCouple(user: SessionUser, coupleId: string) {
  if (user.role !== "therapist" || !isId(coupleId)) return null;
  return prisma.couple.findFirst({ where: { id: coupleId, practiceId: user.practiceId, therapistId: user.id }, select: { id: true, partnerAId: true, partnerBId: true } });
}

/**
 * The couple's therapist sends a screen now, to one partner or (no partnerId) both. A partner
 * who already has one open keeps it (a "not now" they chose is respected, and the therapist is
 * not told about it). Audited.
 */
export async function sendScreenNow(therapist: SessionUser, coupleId: string, partnerId?: string | null, request?: Request): Promise<{ ok: true; sent: number } | { ok: false; status: 400 | 404; error: string; field?: string }> {
  const couple = await therapistsCouple(therapist, coupleId);
  if (!couple) return { ok: false, status: 404, error: "Not found" };
  const partners = [couple.partnerAId, couple.partnerBId];
  if (partnerId && !partners.includes(partnerId)) return { ok: false, status: 400, error: "Choose one of this couple's partners.", field: "partnerId" };
  const targets = partnerId ? [partnerId] : partners;
  const sent = await prisma.$transaction(async (tx) => {
    let created = 0;
    for (const id of targets) {
      await lockPartner(tx, id);
      const open = await tx.safetyScreen.findFirst({ where: { partnerId: id, coupleId: couple.id, answeredAt: null }, select: { id: true } });
      if (open) continue;
      await tx.safetyScreen.create({ data: { coupleId: couple.id, partnerId: id, dueAt: new Date(), requestedById: therapist.id } });
      created++;
    }
    await audit({ actor: therapist, action: "send", entity: "screen", coupleId: couple.id, detail: { partners: targets.length, created }, request }, tx);
    return created;
  });
  return { ok: true, sent };
}

/** The couple's therapist sets the interval in weeks (0 = only when sent). Audited. */
export async function setScreenInterval(therapist: SessionUser, coupleId: string, weeks: number, request?: Request): Promise<{ ok: true } | { ok: false; status: 400 | 404; error: string; field?: string }> {
  const couple = await therapistsCouple(therapist, coupleId);
  if (!couple) return { ok: false, status: 404, error: "Not found" };
  if (!isValidInterval(weeks)) return { ok: false, status: 400, error: `Enter a whole number of weeks from 0 to ${MAX_SCREEN_WEEKS}.`, field: "weeks" };
  await prisma.$transaction(async (tx) => {
    await tx.couple.update({ where: { id: couple.id }, data: { screenEveryWeeks: weeks } });
    await audit({ actor: therapist, action: "update", entity: "couple", entityId: couple.id, coupleId: couple.id, detail: { screenEveryWeeks: weeks }, request }, tx);
  });
  return { ok: true };
}

export interface ScreenPartnerStatus {
  id: string;
  name: string;
  joined: boolean;
  lastAnsweredAt: string | null;
  /** when the next one is (or was) due; null: none scheduled (interval 0 and nothing sent) */
  nextDueAt: string | null;
  /** a screen is due and not answered yet */
  waiting: boolean;
}

export interface ScreenStatus {
  coupleId: string;
  everyWeeks: number;
  /** only the couple's therapist changes the interval or sends one */
  canEdit: boolean;
  partners: ScreenPartnerStatus[];
}

/**
 * $1 couple, $2 practice: one row per partner (A first) with what the access rule needs, when they
 * joined, their last answer and their earliest open screen — one statement on the couple page.
 */
export const SCREEN_STATUS_SQL = `SELECT c.id, c."practiceId", c."therapistId", c."partnerAId", c."partnerBId", c."screenEveryWeeks" AS "everyWeeks",
       EXISTS (SELECT 1 FROM "SafetyFlag" f WHERE f."coupleId" = c.id) AS "hasFlag",
       u.id AS "partnerId", u.name, (extract(epoch FROM u."consentAt") * 1000)::float8 AS "joinedMs",
       (SELECT (extract(epoch FROM max(s."answeredAt")) * 1000)::float8 FROM "SafetyScreen" s WHERE s."partnerId" = u.id AND s."coupleId" = c.id) AS "lastAnsweredMs",
       (SELECT (extract(epoch FROM s."dueAt") * 1000)::float8 FROM "SafetyScreen" s
         WHERE s."partnerId" = u.id AND s."coupleId" = c.id AND s."answeredAt" IS NULL ORDER BY s."dueAt", s.id LIMIT 1) AS "openDueMs"
  FROM "Couple" c JOIN "User" u ON u.id = c."partnerAId" OR u.id = c."partnerBId"
 WHERE c.id = $1 AND c."practiceId" = $2
 ORDER BY u.id = c."partnerBId"`;

interface ScreenStatusRow {
  id: string;
  practiceId: string;
  therapistId: string;
  partnerAId: string;
  partnerBId: string;
  everyWeeks: number;
  hasFlag: boolean;
  partnerId: string;
  name: string;
  joinedMs: number | null;
  lastAnsweredMs: number | null;
  openDueMs: number | null;
}

/**
 * For the couple page: per partner, when they last answered and when the next is due. Never the
 * answers (they reach clinicians only as flags), and never whether a partner chose "not now".
 * The couple's therapist, or a supervisor for a flagged couple; anyone else gets null.
 */
export async function screenStatusFor(staff: SessionUser, coupleId: string, now = new Date()): Promise<ScreenStatus | null> {
  if ((staff.role !== "therapist" && staff.role !== "supervisor") || !isId(coupleId)) return null;
  const rows = await preparedSql<ScreenStatusRow>("mend_screen_status_v1", SCREEN_STATUS_SQL, [coupleId, staff.practiceId]);
  const first = rows[0];
  if (!first) return null;
  const access = coupleAccess(staff, first);
  if (access !== "clinician" && access !== "supervisor") return null;
  const partners = rows.map((p): ScreenPartnerStatus => {
    const lastAnsweredAt = p.lastAnsweredMs === null ? null : new Date(p.lastAnsweredMs);
    const nextDue = p.openDueMs !== null ? new Date(p.openDueMs) : nextScreenDue({ joinedAt: p.joinedMs === null ? null : new Date(p.joinedMs), lastAnsweredAt, everyWeeks: p.everyWeeks });
    return {
      id: p.partnerId,
      name: p.name,
      joined: p.joinedMs !== null,
      lastAnsweredAt: lastAnsweredAt?.toISOString() ?? null,
      nextDueAt: nextDue?.toISOString() ?? null,
      waiting: nextDue !== null && nextDue.getTime() <= now.getTime(),
    };
  });
  return { coupleId: first.id, everyWeeks: first.everyWeeks, canEdit: access === "clinician", partners };
}
