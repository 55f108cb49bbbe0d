/** Append-only audit trail: reads and writes of clinical records, and every denied request. */
import type { Prisma } from "@prisma/client";
import type { AuditAction, AuditEntity, AuditOutcome } from "~/domain/audit-vocabulary";
import { preparedSql, prisma } from "~/utils/db.server";
import { clientIp } from "~/utils/http.server";

export interface AuditInput {
  actor?: { id: string; practiceId: string } | null;
  practiceId?: string | null;
  /** typed so the log keeps one word per kind of event (app/domain/audit-vocabulary.ts) */
  action: AuditAction;
  entity: AuditEntity;
  entityId?: string | null;
  coupleId?: string | null;
  outcome?: AuditOutcome;
  detail?: Prisma.InputJsonValue;
  request?: Request;
}

export function auditData(input: AuditInput): Prisma.AuditEventUncheckedCreateInput {
  return {
    practiceId: input.practiceId ?? input.actor?.practiceId ?? null,
    actorId: input.actor?.id ?? null,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    coupleId: input.coupleId ?? null,
    outcome: input.outcome ?? "allowed",
    detail: input.detail,
    ip: input.request ? clientIp(input.request) : null,
  };
}

/**
 * Appends one audit event, inside `tx` when given. Without a transaction (reads of clinical pages,
 * denials: most requests write one) it is a single hand-written INSERT.
 */
export async function audit(input: AuditInput, tx?: Prisma.TransactionClient): Promise<void> {
  const d = auditData(input);
  if (tx) {
    await tx.auditEvent.create({ data: d });
    return;
  }
  await preparedSql("mend_audit_insert", AUDIT_INSERT, auditParams(d));
}

export const AUDIT_INSERT = `INSERT INTO "AuditEvent" ("practiceId", "actorId", action, entity, "entityId", "coupleId", outcome, detail, ip)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`;

export function auditParams(d: Prisma.AuditEventUncheckedCreateInput): unknown[] {
  return [d.practiceId ?? null, d.actorId ?? null, d.action, d.entity, d.entityId ?? null, d.coupleId ?? null, d.outcome ?? "allowed", d.detail === undefined ? null : JSON.stringify(d.detail), d.ip ?? null];
}

export interface AuditQuery {
  practiceId: string;
  actorId?: string;
  coupleId?: string;
  from?: Date;
  to?: Date;
  take?: number;
}

export function listAudit(q: AuditQuery) {
  return prisma.auditEvent.findMany({
    where: {
      practiceId: q.practiceId,
      actorId: q.actorId || undefined,
      coupleId: q.coupleId || undefined,
      createdAt: { gte: q.from, lt: q.to },
    },
    orderBy: { id: "desc" },
    take: q.take ?? 200,
    select: {
      id: true,
      createdAt: true,
      action: true,
      entity: true,
      entityId: true,
      coupleId: true,
      outcome: true,
      ip: true,
      actor: { select: { name: true, role: true } },
    },
  });
}
