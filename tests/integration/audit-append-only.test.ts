/**
 * The audit trail is append-only in the database itself (the `AuditEvent_append_only` trigger of
 * the first migration): no code path, Prisma or raw SQL, can rewrite or remove an event.
 */
import { describe, expect, it } from "vitest";
import { audit } from "~/utils/audit.server";
import { prisma, sql } from "~/utils/db.server";
import { createPractice, createUser } from "../support/fixtures";

describe("audit events", () => {
  it("cannot be changed or deleted once written", async () => {
    const practice = await createPractice();
    const admin = await createUser(practice.id, "admin");
    await audit({ actor: admin, action: "update", entity: "practice-security", entityId: practice.id });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { actorId: admin.id } });

    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { outcome: "denied" } })).rejects.toThrow();
    await expect(prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow();
    await expect(sql(`UPDATE "AuditEvent" SET "actorId" = NULL WHERE id = $1`, [event.id])).rejects.toThrow();
    await expect(sql(`DELETE FROM "AuditEvent" WHERE "practiceId" = $1`, [practice.id])).rejects.toThrow();

    expect(await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
  });
});
