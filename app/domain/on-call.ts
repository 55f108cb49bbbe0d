/**
 * The practice's on-call rota (issue 15, "someone is alerted at once"): who gets a high or
 * imminent safety alert at a given moment, where the week is uncovered, and the checks on what
 * an admin types into the rota and alert settings. Pure: no Prisma, no Remix.
 *
 * A shift is wall-clock hours in the practice's time zone on some weekdays. Wall-clock, not
 * elapsed time: "22:00–06:00" must mean the same night on the day the clocks change, so a DST
 * switch never opens a gap in the rota nor doubles it up.
 */
import { weekdayOf } from "./dates";
import { isValidTime, localClock, minutesOf } from "./reminder-schedule";

export interface Shift {
  userId: string;
  /** 0 = Sunday … 6 = Saturday: the day the shift STARTS on */
  weekdays: number[];
  /** "HH:MM"; an end before the start runs past midnight, an end equal to the start is 24 hours */
  startTime: string;
  endTime: string;
  /** lower first: the order alerts escalate along */
  position: number;
}

export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

const DAY = 1440;
const WEEK = 7 * DAY;

/** Whether `s` covers minute `m` of local weekday `today` (`yesterday` for overnight shifts). */
function covers(s: Shift, today: number, m: number): boolean {
  if (!isValidTime(s.startTime) || !isValidTime(s.endTime)) return false; // a broken row never hides the others
  const start = minutesOf(s.startTime);
  const end = minutesOf(s.endTime);
  if (start < end) return s.weekdays.includes(today) && m >= start && m < end;
  // overnight or 24 hours: from the start on its own day until the end (≤ start) on the next day
  return (s.weekdays.includes(today) && m >= start) || (s.weekdays.includes((today + 6) % 7) && m < end);
}

/**
 * Who is on call at `at`, in escalation order (position, then the order given), each once.
 * Throws RangeError for an unknown time zone (callers decide what "nobody" means then).
 */
export function onCallAt(shifts: readonly Shift[], at: Date, timeZone: string): string[] {
  const { date, minutes } = localClock(at, timeZone);
  const today = weekdayOf(date);
  const hits = shifts
    .map((shift, index) => ({ shift, index }))
    .filter(({ shift }) => covers(shift, today, minutes))
    .sort((a, b) => a.shift.position - b.shift.position || a.index - b.index);
  return [...new Set(hits.map((h) => h.shift.userId))];
}

/** The stretches of a week (minute 0 = Sunday 00:00) one shift covers; the last may wrap into Sunday. */
function coveredMinutes(s: Shift): [number, number][] {
  if (!isValidTime(s.startTime) || !isValidTime(s.endTime)) return [];
  const start = minutesOf(s.startTime);
  const end = minutesOf(s.endTime);
  const length = start < end ? end - start : DAY - start + end;
  return [...new Set(s.weekdays)].filter((d) => Number.isInteger(d) && d >= 0 && d <= 6).map((d) => [d * DAY + start, d * DAY + start + length]);
}

const hhmm = (minuteOfDay: number) => `${String(Math.floor(minuteOfDay / 60)).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;

export interface RotaGap {
  /** the weekday the gap starts on */
  weekday: number;
  from: string;
  /** read like a shift's end: before or equal to `from` means the next day ("00:00"–"00:00": all day) */
  to: string;
}

/**
 * The uncovered stretches of the week, in shift form, so the admin page can warn "Tuesday
 * 18:00–08:00 nobody is on call". A stretch of at most a day stays whole (across midnight if
 * need be); a longer one is cut at midnights so each piece reads as one day.
 */
export function rotaGaps(shifts: readonly Shift[]): RotaGap[] {
  const covered = new Uint8Array(WEEK);
  for (const s of shifts) {
    for (const [a, b] of coveredMinutes(s)) for (let m = a; m < b; m++) covered[m % WEEK] = 1;
  }
  const anchor = covered.indexOf(1);
  // nothing covered: the week has no beginning to start a stretch from, so one piece per day
  if (anchor === -1) return WEEKDAY_NAMES.map((_, weekday) => ({ weekday, from: "00:00", to: "00:00" }));
  const stretches: [number, number][] = [];
  for (let i = 1, from = -1; i <= WEEK; i++) {
    const m = anchor + i; // walk once round the week from a covered minute, so stretches never wrap
    const free = i < WEEK && covered[m % WEEK] === 0;
    if (free && from === -1) from = m;
    if (!free && from !== -1) {
      stretches.push([from, m]);
      from = -1;
    }
  }
  const gaps: (RotaGap & { at: number })[] = [];
  for (const [a, b] of stretches) {
    const cuts = [a];
    if (b - a > DAY) for (let midnight = (Math.floor(a / DAY) + 1) * DAY; midnight < b; midnight += DAY) cuts.push(midnight);
    cuts.push(b);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const from = cuts[i]! % WEEK;
      gaps.push({ at: from, weekday: Math.floor(from / DAY), from: hhmm(from % DAY), to: hhmm(cuts[i + 1]! % DAY) });
    }
  }
  return gaps.sort((x, y) => x.at - y.at).map(({ at: _at, ...g }) => g);
}

/** "Monday–Friday", "Every day", "Saturday, Sunday": how the rota table names a shift's days. */
export function describeWeekdays(weekdays: readonly number[]): string {
  const days = [...new Set(weekdays)].filter((d) => Number.isInteger(d) && d >= 0 && d <= 6).sort((a, b) => a - b);
  if (days.length === 7) return "Every day";
  const weekFromMonday = (d: number) => (d + 6) % 7; // read the week Monday first, as a rota is
  const ordered = days.sort((a, b) => weekFromMonday(a) - weekFromMonday(b));
  const runs: number[][] = [];
  for (const d of ordered) {
    const run = runs.at(-1);
    if (run && weekFromMonday(d) === weekFromMonday(run.at(-1)!) + 1) run.push(d);
    else runs.push([d]);
  }
  return runs.map((r) => (r.length >= 3 ? `${WEEKDAY_NAMES[r[0]!]}–${WEEKDAY_NAMES[r.at(-1)!]}` : r.map((d) => WEEKDAY_NAMES[d]).join(", "))).join(", ");
}

/** "18:00–08:00 (next day)", "all day": the hours of a shift or gap, read the same way. */
export function describeHours(from: string, to: string): string {
  if (from === to) return from === "00:00" ? "all day" : `${from}–${to} (24 hours)`;
  return to < from && to !== "00:00" ? `${from}–${to} (next day)` : `${from}–${to}`;
}

export interface ShiftInput {
  userId?: string | null;
  weekdays?: readonly (string | number)[] | string | number | null;
  startTime?: string | null;
  endTime?: string | null;
  position?: string | number | null;
}

/** "8:30" → "08:30"; anything that is not a clock time → null. */
function normaliseTime(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const t = v.trim();
  const padded = /^\d:\d\d$/.test(t) ? `0${t}` : t;
  return isValidTime(padded) ? padded : null;
}

export const MAX_POSITION = 999;

/** Ids are cuids; anything else (a NUL byte, a 20,000-character string) never reaches a query. */
export function isRecordId(v: unknown): v is string {
  return typeof v === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(v);
}

/** The add-a-shift form. Membership of the practice is the model's check (it needs the database). */
export function validateShift(input: ShiftInput): { ok: true; shift: Shift } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const userId = typeof input.userId === "string" ? input.userId.trim() : "";
  if (!userId) errors.userId = "Choose who is on call.";
  else if (!isRecordId(userId)) errors.userId = "Choose someone from the list.";

  const raw = input.weekdays == null ? [] : Array.isArray(input.weekdays) ? input.weekdays : [input.weekdays as string | number];
  const days = raw.map((d) => (typeof d === "number" ? d : /^\s*[0-6]\s*$/.test(String(d)) ? Number(d) : NaN));
  if (days.length === 0) errors.weekdays = "Choose at least one day.";
  else if (days.length > 7 || days.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) errors.weekdays = "Choose days from the list.";

  const startTime = normaliseTime(input.startTime);
  const endTime = normaliseTime(input.endTime);
  if (!startTime) errors.startTime = "Enter a start time like 08:00.";
  if (!endTime) errors.endTime = "Enter an end time like 18:00 (before the start means it ends the next day).";

  let position = 0;
  const rawPosition = typeof input.position === "string" ? input.position.trim() : input.position;
  if (rawPosition !== undefined && rawPosition !== null && rawPosition !== "") {
    position = typeof rawPosition === "number" ? rawPosition : /^\d{1,4}$/.test(rawPosition) ? Number(rawPosition) : NaN;
    if (!Number.isInteger(position) || position < 0 || position > MAX_POSITION) errors.position = `Use a whole number from 0 to ${MAX_POSITION}.`;
  }

  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, shift: { userId, weekdays: [...new Set(days)].sort((a, b) => a - b), startTime: startTime!, endTime: endTime!, position } };
}

export const MAX_WEBHOOK_URL_LENGTH = 500;
export const DEFAULT_ACK_IMMINENT_MINUTES = 15;
export const DEFAULT_ACK_HIGH_MINUTES = 240;

/**
 * The only plain-http webhook addresses the outbox stores: the CHECK on "OutboxMessage"
 * (migration 20261201114618_safety_path) accepts `https://…`, `http://127.0.0.1:…` and
 * `http://localhost:…`, so a local relay needs its port written out. Anything else would be
 * saved here and then refused when the first alert is queued.
 */
const LOCAL_RELAY_PREFIXES = ["http://127.0.0.1:", "http://localhost:"] as const;

export interface AlertSettings {
  /** null: no webhook (alerts go by email only) */
  webhookUrl: string | null;
  ackImminentMinutes: number;
  ackHighMinutes: number;
}

function checkWebhookUrl(raw: string): { url: string } | { error: string } {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) return { error: `Use at most ${MAX_WEBHOOK_URL_LENGTH} characters.` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { error: "Enter the full address, starting with https://." };
  }
  // the secret signs each request; a password in the address would sit in logs and the outbox
  if (url.username || url.password) return { error: "Leave the user name and password out of the address: Mend signs every alert with the secret instead." };
  const href = url.href; // normalised (lower-case scheme and host), as the database CHECK compares it
  if (href.length > MAX_WEBHOOK_URL_LENGTH) return { error: `Use at most ${MAX_WEBHOOK_URL_LENGTH} characters.` };
  if (url.protocol === "https:") return { url: href };
  if (url.protocol === "http:" && ["127.0.0.1", "localhost"].includes(url.hostname)) {
    if (!LOCAL_RELAY_PREFIXES.some((p) => href.startsWith(p))) return { error: "A local relay needs its port, e.g. http://127.0.0.1:8787/alerts." };
    return { url: href };
  }
  if (url.protocol === "http:" && url.hostname === "[::1]") return { error: "For a local relay use http://127.0.0.1:PORT/ (or localhost) rather than [::1]." };
  return { error: "Use an https:// address (plain http:// only for a relay on this machine, such as http://127.0.0.1:8787/)." };
}

function minutesField(raw: string | undefined, fallback: number, min: number, max: number): number | string {
  const t = (raw ?? "").trim();
  if (t === "") return fallback;
  if (!/^\d{1,5}$/.test(t)) return /^-?\d+[.,]\d+$/.test(t) ? "Use whole minutes." : "Enter a number of minutes.";
  const n = Number(t);
  if (n < min) return `At least ${min} minute${min === 1 ? "" : "s"}.`;
  if (n > max) return `At most ${max} minutes.`;
  return n;
}

/**
 * The alert settings form. A blank webhook address removes the webhook; a blank window means
 * the default (15 minutes for imminent, 240 for high).
 */
export function validateAlertSettings(input: { webhookUrl?: string; ackImminentMinutes?: string; ackHighMinutes?: string }): { ok: true; settings: AlertSettings } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const rawUrl = typeof input.webhookUrl === "string" ? input.webhookUrl.trim() : "";
  let webhookUrl: string | null = null;
  if (rawUrl) {
    const checked = checkWebhookUrl(rawUrl);
    if ("error" in checked) errors.webhookUrl = checked.error;
    else webhookUrl = checked.url;
  }
  const imminent = minutesField(input.ackImminentMinutes, DEFAULT_ACK_IMMINENT_MINUTES, 1, 240);
  const high = minutesField(input.ackHighMinutes, DEFAULT_ACK_HIGH_MINUTES, 5, 1440);
  if (typeof imminent === "string") errors.ackImminentMinutes = imminent;
  if (typeof high === "string") errors.ackHighMinutes = high;
  // the more urgent flag must not wait longer than the less urgent one before escalating
  if (typeof imminent === "number" && typeof high === "number" && imminent > high) errors.ackImminentMinutes = "Keep the imminent window no longer than the high one.";
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, settings: { webhookUrl, ackImminentMinutes: imminent as number, ackHighMinutes: high as number } };
}
