/**
 * Crisis lines by country: the seed list a new practice starts with, which country a time zone
 * points to, tap-to-call/tap-to-text links, and the checks on a line an admin enters.
 *
 * Only well-known national lines are seeded, and every seeded row starts unverified so an admin
 * is asked to check it. A country we have no rows for gets the practice's fallback text.
 */

export type ResourceKind = "emergency" | "domestic_violence" | "crisis";
export type ResourceLanguage = "en" | "es";

export const RESOURCE_KINDS: readonly ResourceKind[] = ["emergency", "domestic_violence", "crisis"];
export const RESOURCE_LANGUAGES: readonly ResourceLanguage[] = ["en", "es"];
export const KIND_LABEL: Record<ResourceKind, string> = { emergency: "Emergency services", domestic_violence: "Domestic violence line", crisis: "Suicide / crisis line" };
export const LANGUAGE_LABEL: Record<ResourceLanguage, string> = { en: "English", es: "Español" };

/** When neither the couple nor its time zone says otherwise. */
export const DEFAULT_COUNTRY = "US";

/** The countries Mend has seed lines for (others may be added by an admin with any ISO code). */
export const COUNTRIES: readonly { code: string; name: string }[] = [
  { code: "US", name: "United States" },
  { code: "CA", name: "Canada" },
  { code: "GB", name: "United Kingdom" },
  { code: "IE", name: "Ireland" },
  { code: "AU", name: "Australia" },
  { code: "NZ", name: "New Zealand" },
  { code: "ES", name: "Spain" },
  { code: "MX", name: "Mexico" },
];

export interface SeedResource {
  country: string;
  language: ResourceLanguage;
  kind: ResourceKind;
  label: string;
  phone: string | null;
  sms: string | null;
  smsBody: string | null;
  hours: string | null;
}

const row = (country: string, language: ResourceLanguage, kind: ResourceKind, label: string, phone: string | null, extra: Partial<Pick<SeedResource, "sms" | "smsBody" | "hours">> = {}): SeedResource => ({
  country,
  language,
  kind,
  label,
  phone,
  sms: extra.sms ?? null,
  smsBody: extra.smsBody ?? null,
  hours: extra.hours ?? null,
});

/**
 * National lines only, each one widely published. No line we are unsure of is listed: a wrong
 * number in a crisis is worse than none (the fallback text still points to findahelpline.com).
 */
export const SEED_RESOURCES: readonly SeedResource[] = [
  row("US", "en", "emergency", "Emergency services", "911"),
  row("US", "en", "domestic_violence", "National Domestic Violence Hotline", "1-800-799-7233", { sms: "88788", smsBody: "START", hours: "Free, confidential, 24/7" }),
  row("US", "en", "crisis", "988 Suicide & Crisis Lifeline", "988", { sms: "988", hours: "Call or text, 24/7" }),
  row("US", "es", "emergency", "Emergencias", "911"),
  row("US", "es", "domestic_violence", "Línea Directa Nacional de Violencia Doméstica", "1-800-799-7233", { hours: "Gratuita, confidencial, 24 horas; atención en español" }),
  row("US", "es", "crisis", "988 Línea de Prevención del Suicidio y Crisis", "988", { sms: "988", smsBody: "AYUDA", hours: "24 horas; marca 988 y luego el 2 para español" }),
  row("CA", "en", "emergency", "Emergency services", "911"),
  row("CA", "en", "crisis", "9-8-8 Suicide Crisis Helpline", "988", { sms: "988", hours: "Call or text, 24/7" }),
  row("GB", "en", "emergency", "Emergency services", "999"),
  row("GB", "en", "domestic_violence", "National Domestic Abuse Helpline", "0808 2000 247", { hours: "Free, 24/7" }),
  row("GB", "en", "crisis", "Samaritans", "116 123", { hours: "Free, 24/7" }),
  row("GB", "en", "crisis", "Shout", null, { sms: "85258", smsBody: "SHOUT", hours: "Free text support, 24/7" }),
  row("IE", "en", "emergency", "Emergency services (112 or 999)", "112"),
  row("IE", "en", "domestic_violence", "Women's Aid National Freephone Helpline", "1800 341 900", { hours: "Free, 24/7" }),
  row("IE", "en", "crisis", "Samaritans", "116 123", { hours: "Free, 24/7" }),
  row("AU", "en", "emergency", "Emergency services", "000"),
  row("AU", "en", "domestic_violence", "1800RESPECT", "1800 737 732", { hours: "24/7" }),
  row("AU", "en", "crisis", "Lifeline", "13 11 14", { hours: "24/7" }),
  row("NZ", "en", "emergency", "Emergency services", "111"),
  row("NZ", "en", "domestic_violence", "Women's Refuge crisis line", "0800 733 843", { hours: "Free, 24/7" }),
  row("NZ", "en", "crisis", "Need to talk? 1737", "1737", { sms: "1737", hours: "Call or text, free, 24/7" }),
  row("ES", "es", "emergency", "Emergencias", "112"),
  row("ES", "es", "domestic_violence", "016 · Atención a víctimas de violencia contra las mujeres", "016", { hours: "Gratuito, 24 horas; no aparece en la factura" }),
  row("ES", "es", "crisis", "024 · Línea de atención a la conducta suicida", "024", { hours: "Gratuito, 24 horas" }),
  row("MX", "es", "emergency", "Emergencias", "911"),
  row("MX", "es", "crisis", "Línea de la Vida", "800 911 2000", { hours: "Gratuita, 24 horas" }),
];

/** The seed rows as database rows for one practice: positions in list order, all unverified. */
export function seedRowsFor(practiceId: string) {
  const positions = new Map<string, number>();
  return SEED_RESOURCES.map((r) => {
    const key = `${r.country}:${r.language}`;
    const position = positions.get(key) ?? 0;
    positions.set(key, position + 1);
    return { practiceId, ...r, position, verifiedAt: null };
  });
}

// IANA zones by country, for the countries we seed. Anything else answers null, and the caller
// uses the practice default: guessing a country from an unknown zone could show the wrong lines.
const US_ZONES = new Set([
  "America/New_York", "America/Detroit", "America/Chicago", "America/Menominee", "America/Denver", "America/Boise", "America/Phoenix",
  "America/Los_Angeles", "America/Anchorage", "America/Juneau", "America/Sitka", "America/Metlakatla", "America/Yakutat", "America/Nome",
  "America/Adak", "Pacific/Honolulu", "America/Puerto_Rico",
]);
const CA_ZONES = new Set([
  "America/Toronto", "America/Vancouver", "America/Montreal", "America/Edmonton", "America/Winnipeg", "America/Halifax", "America/St_Johns",
  "America/Regina", "America/Moncton", "America/Glace_Bay", "America/Goose_Bay", "America/Whitehorse", "America/Dawson", "America/Dawson_Creek",
  "America/Fort_Nelson", "America/Creston", "America/Iqaluit", "America/Rankin_Inlet", "America/Resolute", "America/Cambridge_Bay",
  "America/Inuvik", "America/Swift_Current", "America/Atikokan", "America/Blanc-Sablon", "America/Thunder_Bay", "America/Nipigon",
  "America/Rainy_River", "America/Yellowknife", "America/Pangnirtung",
]);
const MX_ZONES = new Set([
  "America/Mexico_City", "America/Cancun", "America/Merida", "America/Monterrey", "America/Matamoros", "America/Chihuahua", "America/Ciudad_Juarez",
  "America/Ojinaga", "America/Mazatlan", "America/Bahia_Banderas", "America/Hermosillo", "America/Tijuana", "America/Ensenada", "America/Santa_Isabel",
]);
const OTHER_ZONES: Record<string, string> = {
  "Europe/London": "GB", "Europe/Belfast": "GB", GB: "GB",
  "Europe/Dublin": "IE", Eire: "IE",
  "Pacific/Auckland": "NZ", "Pacific/Chatham": "NZ", NZ: "NZ", "NZ-CHAT": "NZ",
  "Europe/Madrid": "ES", "Atlantic/Canary": "ES", "Africa/Ceuta": "ES",
};

/** The country a couple's time zone points to, or null when it is not one we know. */
export function countryFromTimeZone(tz: string | null | undefined): string | null {
  if (!tz) return null;
  if (US_ZONES.has(tz) || tz.startsWith("America/Indiana/") || tz.startsWith("America/Kentucky/") || tz.startsWith("America/North_Dakota/") || tz.startsWith("US/")) return "US";
  if (CA_ZONES.has(tz) || tz.startsWith("Canada/")) return "CA";
  if (MX_ZONES.has(tz) || tz.startsWith("Mexico/")) return "MX";
  if (tz.startsWith("Australia/")) return "AU";
  return OTHER_ZONES[tz] ?? null;
}

/** A country's name for a form or heading: our list first, then the runtime's region names. */
export function countryName(code: string): string {
  const known = COUNTRIES.find((c) => c.code === code);
  if (known) return known.name;
  const name = regionName(code);
  return name ?? code;
}

function regionName(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code)) return null;
  try {
    const name = new Intl.DisplayNames(["en"], { type: "region" }).of(code);
    // Unknown codes come back as themselves (or as "Unknown Region" for ZZ).
    return name && name !== code && name !== "Unknown Region" ? name : null;
  } catch {
    return null;
  }
}

/** A two-letter ISO 3166-1 country code that names a real region. */
export function isCountryCode(code: string): boolean {
  return COUNTRIES.some((c) => c.code === code) || regionName(code) !== null;
}

export function normaliseLanguage(language: string | null | undefined): ResourceLanguage {
  return language === "es" ? "es" : "en";
}

/** `tel:` link: digits, and a leading + only (spaces and dashes would break some dialers). */
export function telHref(phone: string | null | undefined): string | null {
  const digits = dialable(phone);
  return digits ? `tel:${digits}` : null;
}

/** `sms:` link with the text to send, if any (RFC 5724 `?body=`, understood by iOS and Android). */
export function smsHref(number: string | null | undefined, body?: string | null): string | null {
  const digits = dialable(number);
  if (!digits) return null;
  const text = body?.trim();
  return text ? `sms:${digits}?body=${encodeURIComponent(text)}` : `sms:${digits}`;
}

function dialable(value: string | null | undefined): string | null {
  const trimmed = (value ?? "").trim();
  const digits = trimmed.replace(/\D/g, "");
  if (!digits) return null;
  return trimmed.startsWith("+") ? `+${digits}` : digits;
}

export interface ResourceRow {
  language: string;
  kind: string;
  position: number;
  label: string;
}

/**
 * The lines a partner sees in their country: those in their language; else the English ones;
 * else whatever the country has (a number in another language beats no number at all).
 * Emergency first, then the admin's order.
 */
export function pickResources<T extends ResourceRow>(rows: readonly T[], language: ResourceLanguage): T[] {
  const inLanguage = rows.filter((r) => r.language === language);
  const english = rows.filter((r) => r.language === "en");
  const chosen = inLanguage.length ? inLanguage : english.length ? english : [...rows];
  const kindOrder = (k: string) => (k === "emergency" ? 0 : 1);
  return chosen.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.position - b.position || a.label.localeCompare(b.label));
}

export interface ResourceInput {
  country: string;
  language: ResourceLanguage;
  kind: ResourceKind;
  label: string;
  phone: string | null;
  sms: string | null;
  smsBody: string | null;
  hours: string | null;
  position: number;
}

export type ResourceValidation = { ok: true; value: ResourceInput } | { ok: false; fieldErrors: Record<string, string[]> };

const NUMBER_CHARS = /^\+?[\d\s\-().]+$/;

/** Checks a line an admin typed; every problem is reported against its field. */
export function validateResource(raw: Record<string, string | null | undefined>): ResourceValidation {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const text = (k: string) => (raw[k] ?? "").trim();

  const label = text("label").replace(/\s+/g, " ");
  if (!label) add("label", "Give the line a name, e.g. “Samaritans”.");
  else if (label.length > 120) add("label", "Keep the name under 120 characters.");

  const country = text("country").toUpperCase();
  if (!country) add("country", "Choose a country.");
  else if (!/^[A-Z]{2}$/.test(country) || !isCountryCode(country)) add("country", "Use a two-letter country code, e.g. GB or US.");

  const kind = text("kind");
  if (!(RESOURCE_KINDS as readonly string[]).includes(kind)) add("kind", "Choose what kind of line this is.");
  const language = text("language") || "en";
  if (!(RESOURCE_LANGUAGES as readonly string[]).includes(language)) add("language", "Choose English or Español.");

  const number = (field: "phone" | "sms") => {
    const v = text(field);
    if (!v) return null;
    if (v.length > 30 || !NUMBER_CHARS.test(v) || v.replace(/\D/g, "").length < 2) {
      add(field, "Use digits, spaces, dashes and a leading + only, e.g. 0808 2000 247.");
    }
    return v;
  };
  const phone = number("phone");
  const sms = number("sms");
  if (!phone && !sms) add("phone", "Give a number to call or a number to text.");

  const smsBody = text("smsBody") || null;
  if (smsBody && !sms) add("sms", "Give the number to text this word to.");
  if (smsBody && smsBody.length > 60) add("smsBody", "Keep the text under 60 characters.");
  const hours = text("hours") || null;
  if (hours && hours.length > 200) add("hours", "Keep this under 200 characters.");

  const positionText = text("position");
  const position = positionText ? Number(positionText) : 0;
  if (!Number.isInteger(position) || position < 0 || position > 999) add("position", "Use a whole number from 0 to 999.");

  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  return { ok: true, value: { country, language: language as ResourceLanguage, kind: kind as ResourceKind, label, phone, sms, smsBody, hours, position } };
}
