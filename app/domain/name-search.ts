/**
 * Finding a couple by name, as a person types it: case, accents and extra spaces do not matter,
 * and every word typed must be found at the start of a word of the names ("jo ri" finds "Jordan
 * Reyes & Riley Chen"; "dan" does not find "Jordan").
 */
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}+/gu, "").toLocaleLowerCase("en");

export const NAME_QUERY_MAX = 100;

/** The query as the search box should keep it: trimmed, spaces collapsed, at most 100 characters. */
export function cleanNameQuery(q: string | null | undefined): string {
  return (q ?? "").replace(/\s+/g, " ").trim().slice(0, NAME_QUERY_MAX);
}

export function matchesName(names: string, query: string): boolean {
  const words = fold(cleanNameQuery(query)).split(" ").filter(Boolean);
  if (!words.length) return true;
  const nameWords = fold(names).split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
  return words.every((w) => nameWords.some((n) => n.startsWith(w)));
}
