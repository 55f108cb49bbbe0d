/**
 * Revisions: the append-only copy of every save of what a partner wrote or answered. A database
 * trigger writes them (migration 20261201114618_safety_path), so no save path can skip one; this
 * module only reads them, for clinicians who are already authorised for the couple.
 */
import type { RevisionEntity } from "@prisma/client";
import { prisma } from "~/utils/db.server";

export interface RevisionRow {
  entityId: string;
  values: Record<string, unknown>;
  createdAt: Date;
}

/** Every revision of the given records of one couple, oldest first, grouped by record id. */
export async function revisionsOf(coupleId: string, entity: RevisionEntity, entityIds: readonly string[]): Promise<Map<string, RevisionRow[]>> {
  const byId = new Map<string, RevisionRow[]>();
  if (!entityIds.length) return byId;
  const rows = await prisma.revision.findMany({
    where: { coupleId, entity, entityId: { in: [...entityIds] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { entityId: true, values: true, createdAt: true },
  });
  for (const r of rows) {
    const list = byId.get(r.entityId) ?? [];
    list.push({ entityId: r.entityId, values: (r.values ?? {}) as Record<string, unknown>, createdAt: r.createdAt });
    byId.set(r.entityId, list);
  }
  return byId;
}
