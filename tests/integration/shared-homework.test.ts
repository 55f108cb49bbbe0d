/**
 * Homework shared with the other partner but assigned to one partner only: once the assignee
 * has submitted, the other partner finds it in History and may open it, read-only.
 */
import { describe, expect, it } from "vitest";
import * as historyRoute from "~/routes/history";
import * as homework from "~/routes/homework.$homeworkId";
import { prisma } from "~/utils/db.server";
import { call, createWorld, getRequest, postRequest } from "../support/fixtures";

type Hw = { hw: { editable: boolean; paused: boolean; own: unknown; other: { name: string; answers: Record<string, unknown> } | null } };

describe("shared homework for one partner", () => {
  it("reaches the other partner once submitted: in History and read-only at its link; therapist-only homework never does", async () => {
    const w = await createWorld();
    const make = (visibility: "shared" | "therapist_only", title: string) =>
      prisma.homework.create({
        data: {
          coupleId: w.coupleA.id, title, instructions: "x", assignee: "A", visibility, dueDate: new Date(Date.now() + 86_400_000), createdById: w.therapist.id,
          prompts: { create: [{ position: 0, type: "text", label: "What helped this week?" }] },
        },
        include: { prompts: true },
      });
    const shared = await make("shared", "Letter to my partner");
    const privateHw = await make("therapist_only", "Private reflection");
    const sharedHomeworkOf = async (who: { id: string }) => {
      const res = await call(historyRoute.loader, await getRequest("/history", who));
      return (res.data as { sharedHomework: { id: string; title: string }[] }).sharedHomework.map((h) => h.id);
    };
    const view = async (id: string, who: { id: string }) => call(homework.loader, await getRequest(`/homework/${id}`, who), { homeworkId: id });

    // not submitted yet: nothing for the other partner
    expect((await view(shared.id, w.partnerA2)).status).toBe(404);
    expect(await sharedHomeworkOf(w.partnerA2)).toEqual([]);

    for (const hw of [shared, privateHw]) {
      const res = await call(homework.action, await postRequest(`/homework/${hw.id}`, { intent: "submit", [`p_${hw.prompts[0]!.id}`]: "Our walks" }, w.partnerA1), { homeworkId: hw.id });
      expect(res.status).toBe(302);
    }

    expect(await sharedHomeworkOf(w.partnerA2)).toEqual([shared.id]);
    const seen = await view(shared.id, w.partnerA2);
    expect(seen.status).toBe(200);
    const d = (seen.data as Hw).hw;
    expect(d).toMatchObject({ editable: false, paused: false, own: null, other: { name: w.partnerA1.name, answers: { [shared.prompts[0]!.id]: "Our walks" } } });
    // read-only: answering it is refused with a message, and nothing is stored
    const post = await call(homework.action, await postRequest(`/homework/${shared.id}`, { intent: "submit", [`p_${shared.prompts[0]!.id}`]: "mine" }, w.partnerA2), { homeworkId: shared.id });
    expect(post.status).toBe(400);
    expect(await prisma.homeworkSubmission.count({ where: { homeworkId: shared.id, partnerId: w.partnerA2.id } })).toBe(0);

    // therapist-only homework stays between the assignee and the therapist; other couples see nothing
    expect((await view(privateHw.id, w.partnerA2)).status).toBe(404);
    expect((await view(shared.id, w.partnerB1)).status).toBe(404);
    // the assignee's own History does not list their own answers as shared with them
    expect(await sharedHomeworkOf(w.partnerA1)).toEqual([]);
  });

  it("homework for both still waits until both have submitted", async () => {
    const w = await createWorld();
    const hw = await prisma.homework.create({
      data: {
        coupleId: w.coupleA.id, title: "Both", instructions: "x", assignee: "BOTH", visibility: "shared", dueDate: new Date(Date.now() + 86_400_000), createdById: w.therapist.id,
        prompts: { create: [{ position: 0, type: "text", label: "Q" }] },
      },
      include: { prompts: true },
    });
    await call(homework.action, await postRequest(`/homework/${hw.id}`, { intent: "submit", [`p_${hw.prompts[0]!.id}`]: "a" }, w.partnerA1), { homeworkId: hw.id });
    const b = await call(homework.loader, await getRequest(`/homework/${hw.id}`, w.partnerA2), { homeworkId: hw.id });
    expect((b.data as Hw).hw).toMatchObject({ editable: true, other: null });
    const history = await call(historyRoute.loader, await getRequest("/history", w.partnerA2));
    expect((history.data as { sharedHomework: unknown[] }).sharedHomework).toEqual([]);
  });
});
