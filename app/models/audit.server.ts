/** Append-only audit trail: reads and writes of clinical records, and every denied request. */
import type { Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import { clientIp } from "~/utils/http.server";

export interface AuditInput {
  actor?: { id: string; practiceId: string } | null;
  practiceId?: string | null;
  action: string; // read | create | update | denied | login | …
  entity: string; // couple | checkin | flag | …
  entityId?: string | null;
  coupleId?: string | null;
  outcome?: "allowed" | "denied" | "failed";
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

export async function audit(input: AuditInput, tx: Prisma.TransactionClient = prisma): Promise<void> {
  await tx.auditEvent.create({ data: auditData(input) });
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
