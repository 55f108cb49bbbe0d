/**
 * When a partner's reminders are due, in their couple's time zone. Preferences are local clock
 * times ("HH:MM"); a reminder whose time falls inside quiet hours waits until quiet hours end.
 * A reminder is due for `windowMinutes` after its (effective) time, so a worker that runs every
 * few minutes — or was down briefly — still sends it; the outbox's dedupe key sends it once a day.
 */
import type { ReminderKind } from "./message-text";

export function isValidTime(s: unknown): s is string {
  return typeof s === "string" && /^([01]\d|2[0-3]):[0-5]\d$/.test(s);
}

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/** Quiet hours may span midnight (22:00–07:00). Equal start and end means none. */
export function inQuietHours(minutes: number, quietStart: string | null, quietEnd: string | null): boolean {
  if (!isValidTime(quietStart) || !isValidTime(quietEnd)) return false;
  const s = minutesOf(quietStart);
  const e = minutesOf(quietEnd);
  if (s === e) return false;
  return s < e ? minutes >= s && minutes < e : minutes >= s || minutes < e;
}

export function effectiveTime(time: string, quietStart: string | null, quietEnd: string | null): number {
  const t = minutesOf(time);
  return inQuietHours(t, quietStart, quietEnd) && isValidTime(quietEnd) ? minutesOf(quietEnd) : t;
}

export interface ReminderPrefs {
  checkInTime: string | null;
  routinesTime: string | null;
  homeworkTime: string | null;
  quietStart: string | null;
  quietEnd: string | null;
}

export function dueReminderKinds(prefs: ReminderPrefs, localMinutes: number, windowMinutes = 60): ReminderKind[] {
  const out: ReminderKind[] = [];
  const check = (kind: ReminderKind, time: string | null) => {
    if (!isValidTime(time)) return;
    const at = effectiveTime(time, prefs.quietStart, prefs.quietEnd);
    if (localMinutes >= at && localMinutes < at + windowMinutes && !inQuietHours(localMinutes, prefs.quietStart, prefs.quietEnd)) out.push(kind);
  };
  check("checkin", prefs.checkInTime);
  check("routines", prefs.routinesTime);
  check("homework", prefs.homeworkTime);
  return out;
}

/** The local date and minute-of-day of an instant in a time zone (DST-correct via Intl). */
export function localClock(instant: Date, timeZone: string): { date: string; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}
