/**
 * The safety pipeline. Called INSIDE the transaction that saves a check-in, homework answer,
 * routine note or help request, so a flag can never be lost between "saved" and "flagged".
 */
import type { Prisma } from "@prisma/client";
import { evaluateCheckIn, evaluateHelpRequest, type FeelSafe, evaluateText, mergeSignal, MOOD_HISTORY_DAYS, pausesConjointWork, practicePhrases, type RuleConfig, type Signal } from "~/domain/safety";
import { dueBy, recomputeDueBy, type SlaHours } from "~/domain/flag-workflow";
import { addDays } from "~/domain/dates";
import { alertsFor } from "~/domain/alerts";
import { isUniqueViolation, preparedSql, prisma } from "~/utils/db.server";
import { wakeUpWorker } from "~/utils/wake-up.server";

export type SafetyInput =
  | { kind: "checkin"; feelSafe: FeelSafe; mood: number; note: string | null; appreciation: string | null; localDate: string }
  | { kind: "text"; text: string; context: string }
  | { kind: "help"; message: string | null }
  /** answers to the private safety screen, already turned into signals by the domain */
  | { kind: "screen"; signals: Signal[]; answers: Record<string, string> };

/** The saved record a signal came from, so its flag can keep a snapshot and hear of later edits. */
export interface SourceRecord {
  entity: "checkin" | "adherence" | "submission" | "help" | "screen";
  entityId: string;
}

/**
 * What raised a flag, as it was at that moment: stored once on the flag (a database trigger
 * refuses to replace it), shown to clinicians however the partner edits the record later.
 */
export interface FlagEvidence extends Partial<SourceRecord> {
  capturedAt: string;
  context: string;
  text: string | null;
  answers: Record<string, string | number | null>;
  findings: NonNullable<Signal["evidence"]>;
}

const CONTEXT_OF: Record<SafetyInput["kind"], string> = { checkin: "check-in", text: "note", help: "help request", screen: "private questions" };

export function evidenceOf(input: SafetyInput, signal: Signal, record: SourceRecord | undefined, at = new Date()): FlagEvidence {
  const base = { ...record, capturedAt: at.toISOString(), findings: signal.evidence ?? [] };
  switch (input.kind) {
    case "checkin":
      return { ...base, context: CONTEXT_OF.checkin, text: input.note, answers: { feelSafe: input.feelSafe, mood: input.mood, appreciation: input.appreciation } };
    case "text":
      return { ...base, context: input.context, text: input.text, answers: {} };
    case "help":
      return { ...base, context: CONTEXT_OF.help, text: input.message, answers: {} };
    case "screen":
      return { ...base, context: CONTEXT_OF.screen, text: null, answers: input.answers };
  }
}

export interface SafetyScope {
  practiceId: string;
  coupleId: string;
  partnerId: string;
  actorId: string;
}

export function slaOf(p: { slaImminentHours: number; slaHighHours: number; slaMediumHours: number; slaLowHours: number }): SlaHours {
  return { imminent: p.slaImminentHours, high: p.slaHighHours, medium: p.slaMediumHours, low: p.slaLowHours };
}

/** The rules' configuration for one couple: the practice's own phrases and the partners' first names. */
export function ruleConfigOf(phrases: readonly string[], names: readonly (string | null)[]): RuleConfig {
  return { phrases: practicePhrases(phrases), names: names.map((n) => (n ?? "").trim().split(/\s+/)[0] ?? "").filter((n) => n.length >= 2) };
}

export async function applySafetyRules(tx: Prisma.TransactionClient, scope: SafetyScope, input: SafetyInput, record?: SourceRecord): Promise<{ flagIds: string[]; paused: boolean }> {
  const practice = await tx.practice.findUniqueOrThrow({
    where: { id: scope.practiceId },
    select: { flagPhrases: true, slaImminentHours: true, slaHighHours: true, slaMediumHours: true, slaLowHours: true },
  });
  const couple = await tx.couple.findUniqueOrThrow({ where: { id: scope.coupleId }, select: { partnerA: { select: { name: true } }, partnerB: { select: { name: true } } } });
  const config = ruleConfigOf(practice.flagPhrases, [couple.partnerA.name, couple.partnerB.name]);
  let signals: Signal[];
  if (input.kind === "checkin") {
    const history = await tx.checkIn.findMany({
      where: { partnerId: scope.partnerId, localDate: { gte: new Date(`${addDays(input.localDate, -MOOD_HISTORY_DAYS)}T00:00:00Z`), lt: new Date(`${input.localDate}T00:00:00Z`) } },
      select: { mood: true },
    });
    signals = evaluateCheckIn({ ...input, moodHistory: history.map((h) => h.mood) }, config);
  } else if (input.kind === "text") {
    signals = evaluateText(input.text, config, input.context);
  } else if (input.kind === "help") {
    signals = evaluateHelpRequest(input.message, config);
  } else {
    signals = input.signals;
  }
  const flagIds: string[] = [];
  let paused = false;
  for (const signal of signals) {
    const { flagId, severity } = await raise(tx, scope, signal, slaOf(practice), { evidence: evidenceOf(input, signal, record) });
    flagIds.push(flagId);
    if (pausesConjointWork(severity)) paused = (await pauseForSafety(tx, scope.coupleId, flagId)) || paused;
  }
  return { flagIds, paused };
}

/** $1 practice, $2 partner, $3 first and $4 last (excluded) day of the mood history, $5 couple */
export const RULE_INPUTS_SQL = `SELECT p."flagPhrases" AS phrases,
       ARRAY(SELECT c.mood FROM "CheckIn" c WHERE c."partnerId" = $2 AND c."localDate" >= $3::date AND c."localDate" < $4::date) AS history,
       ARRAY(SELECT u.name FROM "Couple" k JOIN "User" u ON u.id IN (k."partnerAId", k."partnerBId") WHERE k.id = $5) AS names
  FROM "Practice" p WHERE p.id = $1`;

/**
 * The signals a check-in would raise, from one read (the practice's phrases and the partner's
 * previous MOOD_HISTORY_DAYS of mood). Lets the check-in save skip the flag transaction when nothing fires;
 * when something does, `applySafetyRules` evaluates again inside the saving transaction.
 */
export async function checkInSignals(scope: SafetyScope, input: Extract<SafetyInput, { kind: "checkin" }>): Promise<Signal[]> {
  const [row] = await preparedSql<{ phrases: string[]; history: number[]; names: string[] }>("mend_checkin_rule_inputs_v2", RULE_INPUTS_SQL, [scope.practiceId, scope.partnerId, addDays(input.localDate, -MOOD_HISTORY_DAYS), input.localDate, scope.coupleId]);
  return evaluateCheckIn({ ...input, moodHistory: row?.history ?? [] }, ruleConfigOf(row?.phrases ?? [], row?.names ?? []));
}

/** Opens a flag for the signal's concern, or appends to the unresolved one (raising severity). */
export async function raise(
  tx: Prisma.TransactionClient,
  scope: SafetyScope,
  signal: Signal,
  sla: SlaHours,
  options: { raisedById?: string | null; note?: string | null; evidence?: FlagEvidence } = {},
): Promise<{ flagId: string; severity: Signal["severity"] }> {
  const now = new Date();
  // Lock the unresolved flag (if any) so concurrent signals append one after another.
  await tx.$queryRaw`SELECT id FROM "SafetyFlag" WHERE "coupleId" = ${scope.coupleId} AND "partnerId" = ${scope.partnerId} AND concern = ${signal.concern} AND status <> 'resolved' FOR UPDATE`;
  const existing = await tx.safetyFlag.findFirst({
    where: { coupleId: scope.coupleId, partnerId: scope.partnerId, concern: signal.concern, status: { not: "resolved" } },
    select: { id: true, severity: true, status: true, dueBy: true },
  });
  const merge = mergeSignal(existing, signal);
  if (merge.action === "append" && existing) {
    await tx.flagEvent.create({ data: { flagId: existing.id, type: "signal", authorId: options.raisedById ?? null, severity: signal.severity, note: options.note ?? signal.reason } });
    if (merge.raised) {
      // Raised into high or imminent: alert from the first round again, at the new severity.
      const alert = alertsFor(merge.severity) && existing.status === "open";
      await tx.safetyFlag.update({
        where: { id: existing.id },
        data: { severity: merge.severity, dueBy: recomputeDueBy(existing.dueBy, now, merge.severity, sla), triggerText: signal.excerpt ?? undefined, ...(alert ? { escalateAt: now, alertLevel: 0 } : {}) },
      });
      if (alert) wakeUpWorker();
      await tx.flagEvent.create({ data: { flagId: existing.id, type: "severity_raised", severity: merge.severity, note: `Severity raised from ${existing.severity} to ${merge.severity}` } });
    }
    return { flagId: existing.id, severity: merge.severity };
  }
  try {
    // A savepoint-free insert: the partial unique index refuses a second unresolved flag for
    // the same concern; on PostgreSQL that aborts the transaction, so we check first above and
    // only reach here when none existed a moment ago.
    // New flags belong to the couple's therapist until someone takes them.
    const couple = await tx.couple.findUniqueOrThrow({ where: { id: scope.coupleId }, select: { therapistId: true } });
    const alert = alertsFor(signal.severity);
    const flag = await tx.safetyFlag.create({
      data: {
        assigneeId: couple.therapistId,
        escalateAt: alert ? now : null,
        practiceId: scope.practiceId,
        coupleId: scope.coupleId,
        partnerId: scope.partnerId,
        source: signal.source,
        concern: signal.concern,
        severity: signal.severity,
        dueBy: dueBy(now, signal.severity, sla),
        triggerText: signal.excerpt ?? null,
        evidence: (options.evidence ?? undefined) as Prisma.InputJsonValue | undefined,
        raisedById: options.raisedById ?? null,
        events: { create: [{ type: "raised", authorId: options.raisedById ?? null, severity: signal.severity, toStatus: "open", note: options.note ?? signal.reason }] },
      },
      select: { id: true },
    });
    if (alert) wakeUpWorker();
    return { flagId: flag.id, severity: signal.severity };
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConcurrentFlagError();
    throw error;
  }
}

/** Thrown when a concurrent request opened the same concern's flag first; the caller retries. */
export class ConcurrentFlagError extends Error {
  constructor() {
    super("A flag for this concern was opened concurrently");
  }
}

/** Runs a saving transaction, retrying once if a concurrent signal opened the same flag first. */
export async function withSafetyRetry<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await prisma.$transaction(work, { timeout: 15_000 });
    } catch (error) {
      if (attempt < 2 && (error instanceof ConcurrentFlagError || isUniqueViolation(error))) continue;
      throw error;
    }
  }
}

/** Pauses the couple's conjoint work for safety (idempotent); records it on the couple and flag. */
export async function pauseForSafety(tx: Prisma.TransactionClient, coupleId: string, flagId: string): Promise<boolean> {
  const now = new Date();
  const updated = await tx.couple.updateMany({ where: { id: coupleId, workPausedAt: null }, data: { workPausedAt: now, workPauseReason: "safety" } });
  if (updated.count === 0) {
    const c = await tx.couple.findUniqueOrThrow({ where: { id: coupleId }, select: { workPauseReason: true, workPausedAt: true } });
    if (c.workPauseReason !== "safety") {
      // Already paused by the therapist, so the partners know of it: the reason becomes safety
      // (only a deliberate resume lifts it) and it counts as told, so what they see stays the same.
      await tx.couple.update({ where: { id: coupleId }, data: { workPauseReason: "safety", pauseToldAt: c.workPausedAt ?? new Date() } });
    }
    return false;
  }
  await tx.pausePeriod.create({ data: { coupleId, reason: "safety", startedAt: now, note: "Automatic: high or imminent safety flag" } });
  await tx.flagEvent.create({ data: { flagId, type: "work_paused", note: "Conjoint routines and homework paused automatically. The partners see no change until the therapist tells them." } });
  return true;
}
