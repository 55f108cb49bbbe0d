/**
 * The practice's fallback text, shown to partners with the crisis lines of their country (and
 * alone where the practice has none). It names no country's number: the lines per country are
 * CrisisResource rows. It promises no way of being contacted either — that is the partner's own
 * choice in Settings, and the pages that need it say so.
 */
export const DEFAULT_CRISIS_RESOURCES = `If you are in immediate danger, call your local emergency number now.

To find a free, confidential helpline where you are, visit findahelpline.com.`;

export const DEFAULT_CRISIS_RESOURCES_ES = `Si estás en peligro inmediato, llama ahora al número de emergencias de tu país.

Para encontrar una línea de ayuda gratuita y confidencial donde estás, visita findahelpline.com.`;

/**
 * The default every practice was created with before per-country lines existed: US numbers for
 * everyone and a promise about contact. A practice that never changed it gets today's default.
 */
export const LEGACY_DEFAULT_CRISIS_RESOURCES = `If you are in immediate danger, call 911 (or your local emergency number) now.

National Domestic Violence Hotline (US): call 1-800-799-7233, or text START to 88788. Free, confidential, 24/7.
988 Suicide & Crisis Lifeline (US): call or text 988.
Outside the US: find a local helpline at findahelpline.com.

Your therapist has been told that you asked for help and will contact you as soon as possible, in the way you agreed is safe.`;

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** The text a partner sees under the lines: the practice's own, or the default in their language. */
export function fallbackText(stored: string | null | undefined, language: "en" | "es"): string {
  const text = (stored ?? "").trim();
  if (!text || squash(text) === squash(LEGACY_DEFAULT_CRISIS_RESOURCES) || text === DEFAULT_CRISIS_RESOURCES) {
    return language === "es" ? DEFAULT_CRISIS_RESOURCES_ES : DEFAULT_CRISIS_RESOURCES;
  }
  return text;
}
