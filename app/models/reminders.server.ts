/** Queues partners' reminders and therapists' daily digests when they are due, in local time. */
import { digestMessage, reminderMessage } from "~/domain/message-text";
import { dueReminderKinds, localClock, minutesOf } from "~/domain/reminder-schedule";
import { prisma } from "~/utils/db.server";
import { audit } from "~/utils/audit.server";
import type { SessionUser } from "~/utils/session.server";
import { digestCounts } from "./digest.server";
import { enqueue } from "./outbox.server";

export const DIGEST_TIME = "07:00";

export async function enqueueDueReminders(now: Date, baseUrl: string) {
  const partners = await prisma.user.findMany({
    where: { role: "partner", disabledAt: null, emailEnabled: true, passwordHash: { not: null }, reminderPreference: { isNot: null } },
    select: {
      id: true,
      email: true,
      practiceId: true,
      discreetName: true,
      reminderPreference: true,
      partnerAOf: { select: { id: true, timeZone: true, status: true, workPausedAt: true } },
      partnerBOf: { select: { id: true, timeZone: true, status: true, workPausedAt: true } },
    },
  });
  const out: Parameters<typeof enqueue>[0] = [];
  for (const p of partners) {
    const couple = p.partnerAOf ?? p.partnerBOf;
    if (!couple || couple.status === "closed" || !p.reminderPreference) continue;
    const clock = localClock(now, couple.timeZone);
    let kinds = dueReminderKinds(p.reminderPreference, clock.minutes);
    if (!kinds.length) continue;
    // Routines and homework wait while shared work is paused; the check-in reminder does not.
    if (couple.workPausedAt || couple.status !== "active") kinds = kinds.filter((k) => k === "checkin");
    if (kinds.includes("checkin")) {
      const done = await prisma.checkIn.count({ where: { partnerId: p.id, localDate: new Date(`${clock.date}T00:00:00Z`) } });
      if (done) kinds = kinds.filter((k) => k !== "checkin");
    }
    for (const kind of kinds) {
      const m = reminderMessage(kind, p.discreetName, `${baseUrl}/today`);
      out.push({ practiceId: p.practiceId, userId: p.id, toAddress: p.email, subject: m.subject, body: m.body, kind: `reminder:${kind}`, dedupeKey: `reminder:${kind}:${p.id}:${clock.date}` });
    }
  }
  return enqueue(out);
}

export async function enqueueDigests(now: Date, baseUrl: string) {
  const therapists = await prisma.user.findMany({
    where: { role: "therapist", disabledAt: null, passwordHash: { not: null } },
    select: { id: true, email: true, practiceId: true, practice: { select: { timeZone: true } } },
  });
  const out: Parameters<typeof enqueue>[0] = [];
  for (const t of therapists) {
    const clock = localClock(now, t.practice.timeZone);
    const at = minutesOf(DIGEST_TIME);
    if (clock.minutes < at || clock.minutes >= at + 60) continue;
    const exists = await prisma.outboxMessage.count({ where: { dedupeKey: `digest:${t.id}:${clock.date}` } });
    if (exists) continue;
    const counts = await digestCounts({ id: t.id, practiceId: t.practiceId });
    const m = digestMessage({ missedCheckIns: counts.missedCheckIns.length, overdueHomework: counts.overdueHomework, fallingAdherence: counts.fallingAdherence.length, openItems: counts.openFlags }, `${baseUrl}/digest`);
    out.push({ practiceId: t.practiceId, userId: t.id, toAddress: t.email, subject: m.subject, body: m.body, kind: "digest", dedupeKey: `digest:${t.id}:${clock.date}` });
  }
  return enqueue(out);
}

export interface ReminderSettings {
  emailEnabled: boolean;
  discreetName: string | null;
  checkInTime: string | null;
  routinesTime: string | null;
  homeworkTime: string | null;
  quietStart: string | null;
  quietEnd: string | null;
}

/** A partner's own reminder times, quiet hours and email choices. */
export async function ownReminderSettings(user: SessionUser) {
  return prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { emailEnabled: true, discreetName: true, reminderPreference: true } });
}

/** Saves a partner's own reminder settings (already validated), audited. */
export async function saveReminderSettings(user: SessionUser, s: ReminderSettings, request?: Request) {
  const prefs = { checkInTime: s.checkInTime, routinesTime: s.routinesTime, homeworkTime: s.homeworkTime, quietStart: s.quietStart, quietEnd: s.quietEnd };
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { emailEnabled: s.emailEnabled, discreetName: s.discreetName } });
    await tx.reminderPreference.upsert({ where: { userId: user.id }, create: { userId: user.id, ...prefs }, update: prefs });
    await audit({ actor: user, action: "update", entity: "reminder-preferences", entityId: user.id, request }, tx);
  });
}
