/**
 * File names a person can read ("Mend – Jordan Kim & Sam Lee – 2026-12-01.csv") that are safe in
 * a Content-Disposition header: an ASCII `filename` for old clients (letters, digits and a few
 * marks only, so no quote, semicolon or line break can end the header early) and the exact name
 * as RFC 5987 `filename*` (UTF-8, percent-encoded) for everything else.
 */

/** Strips what a file system or a header cannot hold: control characters, path and quoting marks. */
export function readableFileName(parts: string[], ext: string): string {
  const clean = (s: string) =>
    s
      .replace(/[\p{Cc}\p{Cf}]/gu, "")
      .replace(/[\\/:*?"<>|;]+/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  const base = parts.map(clean).filter(Boolean).join(" – ").slice(0, 150).trim() || "export";
  return `${base}.${ext.replace(/[^a-z0-9]/gi, "")}`;
}

/** The ASCII fall-back: accents dropped ("José" → "Jose"), anything else to "-". */
export function asciiFileName(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[–—]/g, "-")
      .replace(/&/g, "and")
      .replace(/[^A-Za-z0-9._ -]+/g, "-")
      .replace(/-{2,}/g, "-")
      .replace(/\s+/g, " ")
      .trim() || "export"
  );
}

/** `attachment; filename="…"; filename*=UTF-8''…` */
export function attachmentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encoded}`;
}
