import { describe, expect, it } from "vitest";
import { prisma } from "./db.server";
import { newIdempotencyKey, once } from "./idempotency.server";
import { createPractice } from "../../tests/support/fixtures";

describe("once", () => {
  it("runs the work once per key, even when submitted twice at the same moment", async () => {
    const practice = await createPractice();
    const key = newIdempotencyKey();
    const work = (tx: Parameters<Parameters<typeof once>[2]>[0]) =>
      tx.auditEvent.create({ data: { practiceId: practice.id, action: "create", entity: "test", entityId: key } });
    const results = await Promise.all([once(key, "u1", work, () => "/done"), once(key, "u1", work, () => "/done")]);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(results.find((r) => r.duplicate)).toMatchObject({ duplicate: true });
    expect(await prisma.auditEvent.count({ where: { entityId: key } })).toBe(1);
    const third = await once(key, "u1", work, () => "/done");
    expect(third).toEqual({ duplicate: true, location: "/done" });
  });

  it("a key is per user, and a failed attempt releases it", async () => {
    const practice = await createPractice();
    const key = newIdempotencyKey();
    await expect(once(key, "u2", async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    const retry = await once(key, "u2", (tx) => tx.auditEvent.create({ data: { practiceId: practice.id, action: "x", entity: "t", entityId: key } }));
    expect(retry.duplicate).toBe(false);
    const other = await once(key, "u3", (tx) => tx.auditEvent.create({ data: { practiceId: practice.id, action: "x", entity: "t", entityId: key } }));
    expect(other.duplicate).toBe(false);
  });
});
