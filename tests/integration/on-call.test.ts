/**
 * The on-call rota and alert settings (issue 15, "someone is alerted at once"): the admin page
 * adds and removes shifts and saves the webhook and windows; `onCallNow` tells the alerting code
 * whom to alert. Everything stays inside the admin's practice.
 */
import { describe, expect, it } from "vitest";
import { onCallNow } from "~/models/on-call.server";
import * as page from "~/routes/admin.on-call";
import { prisma } from "~/utils/db.server";
import { call, createUser, createWorld, getRequest, postRequest } from "../support/fixtures";

type Reply = { result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } };
type Rota = {
  shifts: { id: string; userId: string; weekdays: number[]; startTime: string; endTime: string; position: number; alerted: boolean }[];
  staff: { id: string; name: string; role: string }[];
  gaps: { weekday: number; from: string; to: string }[];
  settings: { webhookUrl: string | null; secretHint: string | null; ackImminentMinutes: number; ackHighMinutes: number; fallbackId: string | null };
};

const rota = async (admin: { id: string }) => {
  const res = await call(page.loader, await getRequest("/admin/on-call", admin));
  expect(res.status).toBe(200);
  return res.data as Rota;
};
const post = async (fields: Record<string, string | string[]>, user: { id: string }) => call(page.action, await postRequest("/admin/on-call", fields, user));
const addFields = (userId: string, over: Record<string, string | string[]> = {}) => ({ intent: "add", userId, weekdays: ["1", "2", "3", "4", "5"], startTime: "08:00", endTime: "18:00", position: "1", ...over });
const alertFields = (over: Record<string, string> = {}) => ({ intent: "alerts", webhookUrl: "", ackImminentMinutes: "15", ackHighMinutes: "240", fallbackId: "", ...over });

describe("the rota", () => {
  it("an admin adds a shift, sees it with the gaps it leaves, and removes it; both are audited", async () => {
    const w = await createWorld();
    const empty = await rota(w.admin);
    expect(empty.shifts).toEqual([]);
    expect(empty.gaps).toHaveLength(7); // the whole week, day by day
    // the choice of people: this practice's therapists and supervisor, not its admin or partners
    expect(empty.staff.map((s) => s.id).sort()).toEqual([w.therapist.id, w.otherTherapist.id, w.supervisor.id].sort());

    const added = await post(addFields(w.therapist.id), w.admin);
    expect(added).toMatchObject({ status: 302, location: "/admin/on-call" });
    const after = await rota(w.admin);
    expect(after.shifts).toEqual([expect.objectContaining({ userId: w.therapist.id, weekdays: [1, 2, 3, 4, 5], startTime: "08:00", endTime: "18:00", position: 1, alerted: true })]);
    expect(after.gaps).toContainEqual({ weekday: 2, from: "18:00", to: "08:00" });

    const shiftId = after.shifts[0]!.id;
    expect(await post({ intent: "remove", shiftId }, w.admin)).toMatchObject({ status: 302 });
    expect((await rota(w.admin)).shifts).toEqual([]);
    const events = await prisma.auditEvent.findMany({ where: { entity: "on-call-shift", entityId: shiftId }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["create", w.admin.id],
      ["delete", w.admin.id],
    ]);
  });

  it.each([
    ["no weekday", { weekdays: [] }, "weekdays"],
    ["a bad start time", { startTime: "25:00" }, "startTime"],
    ["a bad end time", { endTime: "6pm" }, "endTime"],
    ["a bad order", { position: "-2" }, "position"],
    ["nobody chosen", { userId: "" }, "userId"],
  ])("refuses %s with 400, a field error and what was typed", async (_name, over, field) => {
    const w = await createWorld();
    const fields = addFields(w.therapist.id, { startTime: "07:30", ...over });
    const res = await post(fields, w.admin);
    expect(res.status).toBe(400);
    const { result } = res.data as Reply;
    expect(result.error?.[field]?.[0]).toMatch(/\w/);
    expect(Object.keys(result.error ?? {})).toEqual([field]);
    if (field !== "startTime") expect(result.initialValue?.startTime).toBe("07:30");
    if (field === "startTime") expect(result.initialValue?.startTime).toBe("25:00");
    expect(await prisma.onCallShift.count({ where: { practiceId: w.practice.id } })).toBe(0);
  });

  it("refuses someone who may not be on call: another practice's therapist, a partner, an admin, a disabled account", async () => {
    const w = await createWorld();
    const disabled = await createUser(w.practice.id, "therapist");
    await prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    for (const userId of [w.otherPracticeTherapist.id, w.partnerA1.id, w.admin.id, disabled.id, "no-such-user"]) {
      const res = await post(addFields(userId), w.admin);
      expect(res.status, userId).toBe(400);
      const { result } = res.data as Reply;
      expect(result.error?.userId?.[0]).toMatch(/therapist or supervisor/);
      expect(result.initialValue).toMatchObject({ userId, startTime: "08:00", weekdays: ["1", "2", "3", "4", "5"] });
    }
    expect(await prisma.onCallShift.count({ where: { practiceId: w.practice.id } })).toBe(0);
  });

  it("another practice's admin neither sees nor removes this practice's shifts (404, row untouched)", async () => {
    const w = await createWorld();
    await post(addFields(w.supervisor.id), w.admin);
    const [shift] = (await rota(w.admin)).shifts;
    expect((await rota(w.otherAdmin)).shifts).toEqual([]);
    const res = await post({ intent: "remove", shiftId: shift!.id }, w.otherAdmin);
    expect(res.status).toBe(404);
    expect(await prisma.onCallShift.findUnique({ where: { id: shift!.id } })).not.toBeNull();
    // …nor puts this practice's people on its own rota
    expect((await post(addFields(w.therapist.id), w.otherAdmin)).status).toBe(400);
    expect(await prisma.onCallShift.count({ where: { practiceId: w.otherPractice.id } })).toBe(0);
  });

  it("only admins reach the page; an unknown request is a 400, never a 500", async () => {
    const w = await createWorld();
    for (const u of [w.therapist, w.supervisor, w.partnerA1]) {
      expect((await call(page.loader, await getRequest("/admin/on-call", u))).status).toBe(403);
      expect((await post(addFields(w.therapist.id), u)).status).toBe(403);
    }
    expect((await call(page.loader, await getRequest("/admin/on-call", null))).status).toBe(302);
    expect((await post({ intent: "shout" }, w.admin)).status).toBe(400);
    expect((await post({ intent: "remove" }, w.admin)).status).toBe(404);
    expect(await prisma.onCallShift.count({ where: { practiceId: w.practice.id } })).toBe(0);
  });

  it("hostile values in each form get a 4xx with a message, never a 5xx, and write nothing", async () => {
    const w = await createWorld();
    const long = "é".repeat(3000);
    const before = await prisma.practice.findUniqueOrThrow({ where: { id: w.practice.id } });
    const forms: Record<string, string | string[]>[] = [
      { intent: "add", userId: "\u0000", weekdays: ["1"], startTime: "08:00", endTime: "09:00" },
      { intent: "add", userId: long, weekdays: [long, "<script>", "-1"], startTime: long, endTime: "\u0000", position: "1e309" },
      { intent: "add", userId: w.therapist.id, weekdays: Array.from({ length: 15 }, () => "1"), startTime: "08:00", endTime: "09:00" },
      { intent: "remove", shiftId: "\u0000" },
      { intent: "remove", shiftId: long },
      { intent: "alerts", webhookUrl: long, ackImminentMinutes: "NaN", ackHighMinutes: "99999999999", fallbackId: long },
      { intent: "alerts", webhookUrl: "https://[bad", fallbackId: "\u0000" },
      { intent: ["add", "alerts"] },
    ];
    for (const fields of forms) {
      const res = await post(fields, w.admin);
      expect(res.status, JSON.stringify(fields).slice(0, 120)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(fields).slice(0, 120)).toBeLessThan(500);
      expect(JSON.stringify(res.data).length).toBeGreaterThan(2);
    }
    expect(await prisma.onCallShift.count({ where: { practiceId: w.practice.id } })).toBe(0);
    expect(await prisma.practice.findUniqueOrThrow({ where: { id: w.practice.id } })).toEqual(before);
  });

  it("a double-clicked add is stored once", async () => {
    const w = await createWorld();
    const { idem } = (await call(page.loader, await getRequest("/admin/on-call", w.admin))).data as { idem: string };
    for (let i = 0; i < 2; i++) expect((await post({ ...addFields(w.therapist.id), _idem: idem }, w.admin)).status).toBe(302);
    expect(await prisma.onCallShift.count({ where: { practiceId: w.practice.id } })).toBe(1);
  });
});

describe("onCallNow", () => {
  // 2026-11-16 is a Monday; the practice is in New York (EST, UTC-5)
  const mondayMorning = new Date("2026-11-16T14:00:00Z"); // 09:00
  const mondayNight = new Date("2026-11-16T08:00:00Z"); // 03:00, inside Sunday's night shift

  it("returns the enabled clinicians on call in order, and a valid fallback", async () => {
    const w = await createWorld();
    const disabled = await createUser(w.practice.id, "supervisor");
    await post(addFields(w.therapist.id, { position: "2" }), w.admin);
    await post(addFields(w.supervisor.id, { position: "1" }), w.admin);
    await post(addFields(disabled.id, { position: "0" }), w.admin);
    await post(addFields(w.otherTherapist.id, { weekdays: ["0"], startTime: "22:00", endTime: "06:00", position: "0" }), w.admin);
    await prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    // a row the page would refuse (a partner), written behind its back, is still never alerted
    await prisma.onCallShift.create({ data: { practiceId: w.practice.id, userId: w.partnerA1.id, weekdays: [1], startTime: "00:00", endTime: "00:00" } });
    expect((await post(alertFields({ fallbackId: w.supervisor.id }), w.admin)).status).toBe(200);

    expect(await onCallNow(w.practice.id, mondayMorning)).toEqual({ onCall: [w.supervisor.id, w.therapist.id], fallbackId: w.supervisor.id });
    expect(await onCallNow(w.practice.id, mondayNight)).toEqual({ onCall: [w.otherTherapist.id], fallbackId: w.supervisor.id });
    expect(await onCallNow(w.practice.id, new Date("2026-11-15T17:00:00Z"))).toEqual({ onCall: [], fallbackId: w.supervisor.id }); // Sunday noon
    // the page says the disabled account's shift alerts nobody, and leaves its hours out of the cover
    expect((await rota(w.admin)).shifts.find((s) => s.userId === disabled.id)?.alerted).toBe(false);
    // another practice has nobody on call
    expect(await onCallNow(w.otherPractice.id, mondayMorning)).toEqual({ onCall: [], fallbackId: null });
  });

  it("the fallback counts only while it is an enabled therapist or supervisor of the practice", async () => {
    const w = await createWorld();
    for (const fallback of [w.admin.id, w.partnerA1.id, w.otherPracticeTherapist.id, "gone"]) {
      await prisma.practice.update({ where: { id: w.practice.id }, data: { onCallFallbackId: fallback } });
      expect((await onCallNow(w.practice.id, mondayMorning)).fallbackId, fallback).toBeNull();
    }
    await prisma.practice.update({ where: { id: w.practice.id }, data: { onCallFallbackId: w.therapist.id } });
    expect((await onCallNow(w.practice.id, mondayMorning)).fallbackId).toBe(w.therapist.id);
    await prisma.user.update({ where: { id: w.therapist.id }, data: { disabledAt: new Date() } });
    expect((await onCallNow(w.practice.id, mondayMorning)).fallbackId).toBeNull();
  });
});

describe("alert settings", () => {
  it("refuses a non-HTTPS webhook, a bad window and another practice's fallback with 400, keeping what was typed", async () => {
    const w = await createWorld();
    const before = await prisma.practice.findUniqueOrThrow({ where: { id: w.practice.id } });
    const res = await post(alertFields({ webhookUrl: "http://pager.example.org/hook", ackImminentMinutes: "0", fallbackId: w.otherPracticeTherapist.id }), w.admin);
    expect(res.status).toBe(400);
    const { result } = res.data as Reply;
    expect(Object.keys(result.error ?? {}).sort()).toEqual(["ackImminentMinutes", "fallbackId", "webhookUrl"]);
    expect(result.error?.webhookUrl?.[0]).toMatch(/https/);
    expect(result.initialValue).toMatchObject({ webhookUrl: "http://pager.example.org/hook", ackImminentMinutes: "0" });
    expect(await prisma.practice.findUniqueOrThrow({ where: { id: w.practice.id } })).toEqual(before);
  });

  it("saves the windows and fallback; a blank window is its default", async () => {
    const w = await createWorld();
    expect((await post(alertFields({ ackImminentMinutes: "10", ackHighMinutes: "", fallbackId: w.supervisor.id }), w.admin)).status).toBe(200);
    expect((await rota(w.admin)).settings).toMatchObject({ ackImminentMinutes: 10, ackHighMinutes: 240, fallbackId: w.supervisor.id, webhookUrl: null, secretHint: null });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entity: "practice-alert-settings", practiceId: w.practice.id } });
    expect(event.actorId).toBe(w.admin.id);
  });

  it("makes a signing secret when the webhook is first set, shows it once, keeps it masked after, and rotates it on request", async () => {
    const w = await createWorld();
    const url = "https://pager.example.org/hooks/T123/secret-path-token";
    const first = await post(alertFields({ webhookUrl: url }), w.admin);
    expect(first.status).toBe(200);
    const secret = (first.data as { secret: string | null }).secret;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    expect((await prisma.practice.findUniqueOrThrow({ where: { id: w.practice.id } })).alertWebhookSecret).toBe(secret);

    const later = await call(page.loader, await getRequest("/admin/on-call", w.admin));
    expect(JSON.stringify(later.data)).not.toContain(secret!);
    expect((later.data as Rota).settings).toMatchObject({ webhookUrl: url, secretHint: expect.stringMatching(new RegExp(`${secret!.slice(-4)}$`)) });

    // changing the address keeps the secret (and shows nothing new)
    const moved = await post(alertFields({ webhookUrl: "https://pager2.example.org/in" }), w.admin);
    expect((moved.data as { secret: string | null }).secret).toBeNull();
    expect((await prisma.practice.findUniqueOrThrow({ where: { id: w.practice.id } })).alertWebhookSecret).toBe(secret);

    const rotated = await post({ intent: "rotate" }, w.admin);
    expect(rotated.status).toBe(200);
    const next = (rotated.data as { secret: string }).secret;
    expect(next).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(next).not.toBe(secret);
    expect((await prisma.practice.findUniqueOrThrow({ where: { id: w.practice.id } })).alertWebhookSecret).toBe(next);
    expect(JSON.stringify((await call(page.loader, await getRequest("/admin/on-call", w.admin))).data)).not.toContain(next);

    // the audit log says where alerts go and that a secret was made, never the secret or the path's token
    const audit = JSON.stringify(await prisma.auditEvent.findMany({ where: { practiceId: w.practice.id, entity: { startsWith: "practice-alert" } }, select: { action: true, detail: true } }));
    expect(audit).toContain("https://pager.example.org");
    for (const hidden of [secret!, next, "secret-path-token"]) expect(audit).not.toContain(hidden);

    // removing the address drops the secret too; a later address gets a fresh one
    await post(alertFields({ webhookUrl: "" }), w.admin);
    expect(await prisma.practice.findUniqueOrThrow({ where: { id: w.practice.id }, select: { alertWebhookUrl: true, alertWebhookSecret: true } })).toEqual({ alertWebhookUrl: null, alertWebhookSecret: null });
    expect((await post({ intent: "rotate" }, w.admin)).status).toBe(400);
    const again = await post(alertFields({ webhookUrl: "http://127.0.0.1:8787/relay" }), w.admin);
    expect((again.data as { secret: string }).secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("another practice's admin changes only their own practice", async () => {
    const w = await createWorld();
    await post(alertFields({ webhookUrl: "https://pager.example.org/a" }), w.admin);
    expect((await post(alertFields({ webhookUrl: "https://other.example.org/b", fallbackId: w.supervisor.id }), w.otherAdmin)).status).toBe(400); // not their supervisor
    expect((await post(alertFields({ webhookUrl: "https://other.example.org/b" }), w.otherAdmin)).status).toBe(200);
    await post({ intent: "rotate" }, w.otherAdmin);
    const [mine, theirs] = await Promise.all([w.practice.id, w.otherPractice.id].map((id) => prisma.practice.findUniqueOrThrow({ where: { id } })));
    expect(mine).toMatchObject({ alertWebhookUrl: "https://pager.example.org/a", onCallFallbackId: null });
    expect(theirs!.alertWebhookUrl).toBe("https://other.example.org/b");
    expect(theirs!.alertWebhookSecret).not.toBe(mine!.alertWebhookSecret);
  });
});
