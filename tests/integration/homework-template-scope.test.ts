/**
 * Issue 16, item 15: homework can only be assigned from the therapist's own practice's library.
 * Another practice's template, or an id that is no template at all, is a field error and nothing
 * is created.
 */
import { describe, expect, it } from "vitest";
import * as newHomework from "~/routes/couples.$coupleId.homework.new";
import { prisma } from "~/utils/db.server";
import { call, createWorld, postRequest } from "../support/fixtures";

const template = (practiceId: string, title: string) =>
  prisma.homeworkTemplate.create({
    data: { practiceId, title, instructions: `Instructions for ${title}`, prompts: [{ type: "text", label: `A prompt of ${title}` }] },
  });

type Reply = { result: { error: Record<string, string[]>; initialValue: Record<string, string> } };

describe("assigning homework from a template", () => {
  it.each([
    ["another practice's template", "foreign"],
    ["an unknown id", "unknown"],
    ["an archived template", "archived"],
  ] as const)("refuses %s with a field error and creates nothing", async (_label, kind) => {
    const w = await createWorld();
    const foreign = await template(w.otherPractice.id, "Their private exercise");
    const archived = await template(w.practice.id, "Retired exercise");
    await prisma.homeworkTemplate.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const templateId = kind === "foreign" ? foreign.id : kind === "archived" ? archived.id : "c-no-such-template";
    const res = await call(
      newHomework.action,
      await postRequest(`/couples/${w.coupleA.id}/homework/new`, { templateId, title: "Typed title", assignee: "BOTH", dueDate: "2030-01-10", visibility: "shared", _idem: "idem-key-0123456789" }, w.therapist),
      { coupleId: w.coupleA.id },
    );
    expect(res.status).toBe(400);
    const { result } = res.data as Reply;
    expect(result.error.templateId?.[0]).toMatch(/library/);
    expect(result.initialValue.title).toBe("Typed title");
    expect(await prisma.homework.count({ where: { coupleId: w.coupleA.id } })).toBe(0);
    expect(await prisma.homework.count({ where: { templateId } })).toBe(0);
    // The form's key is not used up: the corrected form can be sent again.
    expect(await prisma.idempotencyKey.count({ where: { userId: w.therapist.id } })).toBe(0);
  });

  it("a template of the therapist's own practice is copied in", async () => {
    const w = await createWorld();
    const own = await template(w.practice.id, "Our exercise");
    const res = await call(
      newHomework.action,
      await postRequest(`/couples/${w.coupleA.id}/homework/new`, { templateId: own.id, assignee: "BOTH", dueDate: "2030-01-10", visibility: "shared" }, w.therapist),
      { coupleId: w.coupleA.id },
    );
    expect(res.status).toBe(302);
    const hw = await prisma.homework.findFirstOrThrow({ where: { coupleId: w.coupleA.id }, include: { prompts: true } });
    expect(hw).toMatchObject({ templateId: own.id, title: "Our exercise" });
    expect(hw.prompts.map((p) => p.label)).toEqual(["A prompt of Our exercise"]);
  });
});
