/**
 * What happened to a couple on the time axis of its charts: when safety flags were raised and
 * when shared work was paused (the couple-wide pauses; a single routine's pause shows in its
 * adherence). One statement, run beside the page's other queries. Clinicians only: callers have
 * already scoped the couple (requireCouple), and partners never see flags.
 */
import { localDateOf, type LocalDate } from "~/domain/dates";
import { sql } from "~/utils/db.server";

/** $1 couple */
export const COUPLE_TIMELINE_SQL = `SELECT 'flag' AS kind, f.id, f.severity::text AS detail, f.status::text AS status,
        (extract(epoch FROM f."createdAt") * 1000)::float8 AS "startMs", NULL::float8 AS "endMs"
   FROM "SafetyFlag" f WHERE f."coupleId" = $1
 UNION ALL
 SELECT 'pause', p.id, p.reason::text, NULL, (extract(epoch FROM p."startedAt") * 1000)::float8, (extract(epoch FROM p."endedAt") * 1000)::float8
   FROM "PausePeriod" p WHERE p."coupleId" = $1 AND p."assignmentId" IS NULL
  ORDER BY 5`;

export interface FlagMarker {
  id: string;
  date: LocalDate;
  severity: string;
  status: string;
}
export interface PauseMarker {
  id: string;
  from: LocalDate;
  /** null while the pause goes on */
  to: LocalDate | null;
  reason: "safety" | "therapist";
}

/** Flags (by the local day they were raised) and couple-wide pauses (local days), oldest first. */
export async function coupleTimeline(coupleId: string, timeZone: string): Promise<{ flags: FlagMarker[]; pauses: PauseMarker[] }> {
  const rows = await sql<{ kind: "flag" | "pause"; id: string; detail: string; status: string | null; startMs: number; endMs: number | null }>(COUPLE_TIMELINE_SQL, [coupleId]);
  const day = (ms: number) => localDateOf(new Date(ms), timeZone);
  return {
    flags: rows.filter((r) => r.kind === "flag").map((r) => ({ id: r.id, date: day(r.startMs), severity: r.detail, status: r.status ?? "open" })),
    pauses: rows
      .filter((r) => r.kind === "pause")
      .map((r) => ({ id: r.id, from: day(r.startMs), to: r.endMs === null ? null : day(r.endMs), reason: r.detail === "safety" ? "safety" : "therapist" })),
  };
}
