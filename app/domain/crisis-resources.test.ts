import { describe, expect, it } from "vitest";
import {
  COUNTRIES,
  countryFromTimeZone,
  countryName,
  isCountryCode,
  pickResources,
  SEED_RESOURCES,
  seedRowsFor,
  smsHref,
  telHref,
  validateResource,
} from "./crisis-resources";

const lines = (country: string, language?: string) => SEED_RESOURCES.filter((r) => r.country === country && (!language || r.language === language));
const numbers = (country: string, language?: string) => lines(country, language).flatMap((r) => [r.phone, r.sms]).filter(Boolean);

describe("seed list", () => {
  it("every supported country has an emergency number, and each country's is its own", () => {
    const emergency = Object.fromEntries(COUNTRIES.map((c) => [c.code, lines(c.code).find((r) => r.kind === "emergency")?.phone]));
    expect(emergency).toEqual({ US: "911", CA: "911", GB: "999", IE: "112", AU: "000", NZ: "111", ES: "112", MX: "911" });
  });

  it.each([
    ["US", "en", ["1-800-799-7233", "88788", "988"]],
    ["US", "es", ["1-800-799-7233", "988"]],
    ["CA", "en", ["988"]],
    ["GB", "en", ["0808 2000 247", "116 123"]],
    ["IE", "en", ["1800 341 900", "116 123"]],
    ["AU", "en", ["1800 737 732", "13 11 14"]],
    ["NZ", "en", ["0800 733 843", "1737"]],
    ["ES", "es", ["016", "024"]],
    ["MX", "es", ["800 911 2000"]],
  ])("%s (%s) lists the well-known national lines", (country, language, expected) => {
    expect(numbers(country, language)).toEqual(expect.arrayContaining(expected));
  });

  it("no US number is offered outside the US and Canada's shared 911/988", () => {
    for (const c of ["GB", "IE", "AU", "NZ", "ES", "MX"]) {
      expect(numbers(c)).not.toContain("1-800-799-7233");
      expect(numbers(c)).not.toContain("988");
    }
    expect(numbers("GB")).not.toContain("911");
  });

  it("Spain and Mexico are in Spanish; the US has Spanish rows too", () => {
    expect(new Set(lines("ES").map((r) => r.language))).toEqual(new Set(["es"]));
    expect(new Set(lines("MX").map((r) => r.language))).toEqual(new Set(["es"]));
    expect(lines("US", "es").map((r) => r.kind).sort()).toEqual(["crisis", "domestic_violence", "emergency"]);
  });

  it("every row can be tapped (a number that makes a tel: or sms: link)", () => {
    for (const r of SEED_RESOURCES) expect(telHref(r.phone) ?? smsHref(r.sms, r.smsBody), r.label).toMatch(/^(tel|sms):\d+/);
  });

  it("rows for a practice start unverified, ordered within each country and language", () => {
    const rows = seedRowsFor("p1");
    expect(rows).toHaveLength(SEED_RESOURCES.length);
    expect(rows.every((r) => r.verifiedAt === null && r.practiceId === "p1")).toBe(true);
    expect(rows.filter((r) => r.country === "GB").map((r) => r.position)).toEqual([0, 1, 2, 3]);
    expect(rows.filter((r) => r.country === "US" && r.language === "es").map((r) => r.position)).toEqual([0, 1, 2]);
  });
});

describe("countryFromTimeZone", () => {
  it.each([
    ["America/New_York", "US"],
    ["America/Los_Angeles", "US"],
    ["America/Indiana/Indianapolis", "US"],
    ["Pacific/Honolulu", "US"],
    ["America/Toronto", "CA"],
    ["America/Vancouver", "CA"],
    ["America/St_Johns", "CA"],
    ["Europe/London", "GB"],
    ["Europe/Dublin", "IE"],
    ["Australia/Sydney", "AU"],
    ["Australia/Perth", "AU"],
    ["Pacific/Auckland", "NZ"],
    ["Europe/Madrid", "ES"],
    ["Atlantic/Canary", "ES"],
    ["America/Mexico_City", "MX"],
    ["America/Tijuana", "MX"],
    ["America/Cancun", "MX"],
  ])("%s → %s", (tz, country) => {
    expect(countryFromTimeZone(tz)).toBe(country);
  });

  it.each(["Europe/Berlin", "Asia/Tokyo", "UTC", "Not/AZone", "", null, undefined])("%s → null (the caller uses the practice default)", (tz) => {
    expect(countryFromTimeZone(tz)).toBeNull();
  });
});

describe("links", () => {
  it.each([
    ["1-800-799-7233", "tel:18007997233"],
    ["0808 2000 247", "tel:08082000247"],
    ["+44 (0)808 2000 247", "tel:+4408082000247"],
    ["000", "tel:000"],
    ["13 11 14", "tel:131114"],
  ])("telHref(%s) = %s", (phone, href) => {
    expect(telHref(phone)).toBe(href);
  });

  it("telHref refuses anything without digits", () => {
    expect(telHref("")).toBeNull();
    expect(telHref(null)).toBeNull();
    expect(telHref("call us")).toBeNull();
    expect(telHref("javascript:alert(1)")).toBe("tel:1");
  });

  it("smsHref carries the word to send, encoded", () => {
    expect(smsHref("88788", "START")).toBe("sms:88788?body=START");
    expect(smsHref("988", null)).toBe("sms:988");
    expect(smsHref("85 258", "hola & adiós")).toBe("sms:85258?body=hola%20%26%20adi%C3%B3s");
    expect(smsHref("", "START")).toBeNull();
  });
});

describe("pickResources", () => {
  const rows = [
    { id: "1", language: "en", kind: "crisis", position: 1, label: "Crisis" },
    { id: "2", language: "en", kind: "emergency", position: 5, label: "Emergency" },
    { id: "3", language: "es", kind: "emergency", position: 0, label: "Emergencias" },
  ];
  it("the partner's language first, emergency on top", () => {
    expect(pickResources(rows, "es").map((r) => r.id)).toEqual(["3"]);
    expect(pickResources(rows, "en").map((r) => r.id)).toEqual(["2", "1"]);
  });
  it("no rows in the language → the English ones; no English either → whatever there is", () => {
    expect(pickResources(rows.filter((r) => r.language === "en"), "es").map((r) => r.id)).toEqual(["2", "1"]);
    expect(pickResources(rows.filter((r) => r.language === "es"), "en").map((r) => r.id)).toEqual(["3"]);
    expect(pickResources([], "en")).toEqual([]);
  });
});

describe("validateResource", () => {
  const good = { label: "Samaritans", country: "gb", language: "en", kind: "crisis", phone: "116 123" };

  it("accepts a line and normalises it", () => {
    expect(validateResource(good)).toEqual({
      ok: true,
      value: { label: "Samaritans", country: "GB", language: "en", kind: "crisis", phone: "116 123", sms: null, smsBody: null, hours: null, position: 0 },
    });
    expect(validateResource({ ...good, phone: "", sms: "85258", smsBody: "SHOUT" }).ok).toBe(true);
    expect(validateResource({ ...good, country: "DE" }).ok).toBe(true); // any real ISO code
  });

  it.each([
    [{ label: "" }, "label"],
    [{ label: "x".repeat(121) }, "label"],
    [{ country: "" }, "country"],
    [{ country: "ZZ" }, "country"],
    [{ country: "GBR" }, "country"],
    [{ country: "Q1" }, "country"],
    [{ kind: "police" }, "kind"],
    [{ language: "fr" }, "language"],
    [{ phone: "" }, "phone"],
    [{ phone: "call now" }, "phone"],
    [{ phone: "1" }, "phone"],
    [{ sms: "text-me!" }, "sms"],
    [{ smsBody: "START" }, "sms"],
    [{ position: "-1" }, "position"],
    [{ position: "1.5" }, "position"],
  ])("%o → an error on %s", (change, field) => {
    const result = validateResource({ ...good, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors[field]?.length).toBeGreaterThan(0);
  });

  it("reports every problem at once", () => {
    const result = validateResource({ label: "", country: "ZZ", kind: "x", phone: "" });
    expect(result.ok ? [] : Object.keys(result.fieldErrors).sort()).toEqual(["country", "kind", "label", "phone"]);
  });
});

describe("country names", () => {
  it("our list first, then the runtime's", () => {
    expect(countryName("GB")).toBe("United Kingdom");
    expect(countryName("DE")).toBe("Germany");
    expect(isCountryCode("US")).toBe(true);
    expect(isCountryCode("ZZ")).toBe(false);
    expect(isCountryCode("us")).toBe(false);
  });
});
