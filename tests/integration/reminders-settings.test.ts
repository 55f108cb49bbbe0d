import { describe, expect, it } from "vitest";
import * as settings from "~/routes/settings";
import * as checkin from "~/routes/checkin";
import { prisma } from "~/utils/db.server";
import { call, createWorld, postRequest } from "../support/fixtures";

describe("partner settings and shared devices", () => {
  it.each([
    [{ checkInTime: "25:00" }, "checkInTime"],
    [{ checkInTime: "8pm" }, "checkInTime"],
    [{ quietStart: "22:00" }, "quietEnd"],
    [{ discreetName: "x".repeat(41) }, "discreetName"],
  ])("refuses %o with a message on %s and keeps what was typed", async (fields, field) => {
    const w = await createWorld();
    const res = await call(settings.action, await postRequest("/settings", fields as Record<string, string>, w.partnerA1));
    expect(res.status).toBe(400);
    const result = (res.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(result.error[field]?.[0]).toBeTruthy();
    expect(await prisma.reminderPreference.count({ where: { userId: w.partnerA1.id } })).toBe(0);
  });

  it("saves times, quiet hours, email off and a discreet name", async () => {
    const w = await createWorld();
    const res = await call(settings.action, await postRequest("/settings", { checkInTime: "20:30", quietStart: "22:00", quietEnd: "07:00", discreetName: "Garden club" }, w.partnerA1));
    expect(res.status).toBe(200);
    const u = await prisma.user.findUniqueOrThrow({ where: { id: w.partnerA1.id }, include: { reminderPreference: true } });
    expect(u.emailEnabled).toBe(false); // checkbox not sent = off
    expect(u.discreetName).toBe("Garden club");
    expect(u.reminderPreference).toMatchObject({ checkInTime: "20:30", quietStart: "22:00", quietEnd: "07:00", routinesTime: null });
  });

  it("a check-in form cannot be submitted for the other partner: tampered ids are ignored, the session decides", async () => {
    const w = await createWorld();
    const res = await call(checkin.action, await postRequest("/checkin", { mood: "6", closeness: "6", feelSafe: "yes", partnerId: w.partnerA2.id, coupleId: w.coupleB.id }, w.partnerA1));
    expect(res.status).toBe(302);
    expect(await prisma.checkIn.count({ where: { partnerId: w.partnerA2.id } })).toBe(0);
    expect(await prisma.checkIn.count({ where: { partnerId: w.partnerA1.id, coupleId: w.coupleA.id } })).toBe(1);
  });
});
