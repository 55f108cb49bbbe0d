/**
 * What leaves Mend about a couple, for clinicians: the CSV export and the printable summary.
 * The CSV has every check-in (and every earlier version of an edited one, so an erased disclosure
 * is not lost in the export either), every routine report, homework with its status and dates,
 * CSI-4 scores and safety-flag metadata. A partner's private words (private check-in notes,
 * routine notes) are left out unless the clinician asks for them (`includePrivate`, audited by
 * the route); the words that raised a flag and homework answers are never in it.
 * Takes the couple the caller was authorised for.
 */
import type { ChartRange } from "~/domain/chart-series";
import { localDateOf } from "~/domain/dates";
import { sql } from "~/utils/db.server";
import type { ScopedCouple } from "~/utils/authz.server";
import { adherenceByWeek, csiSeries, moodSeries, weeklyReview } from "./couple-stats.server";
import { coupleTimeline } from "./couple-timeline.server";

/** $1 couple, $2 whether private notes are included */
export const EXPORT_CHECKINS_SQL = `SELECT to_char(c."localDate", 'YYYY-MM-DD') AS d, u.name, c.mood, c.closeness, c."feelSafe"::text AS "feelSafe",
        CASE WHEN $2::boolean OR c."noteShared" THEN c.note END AS note, c.note IS NOT NULL AS "hasNote", c."noteShared" AS shared, c.appreciation, NULL::text AS "savedAt"
   FROM "CheckIn" c JOIN "User" u ON u.id = c."partnerId" WHERE c."coupleId" = $1
 UNION ALL
 SELECT r."values"->>'localDate' AS d, u.name, (r."values"->>'mood')::int, (r."values"->>'closeness')::int, r."values"->>'feelSafe',
        CASE WHEN $2::boolean OR coalesce((r."values"->>'noteShared')::boolean, false) THEN r."values"->>'note' END, coalesce(r."values"->>'note', '') <> '',
        (r."values"->>'noteShared')::boolean, r."values"->>'appreciation', to_char(r."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
   FROM "Revision" r JOIN "User" u ON u.id = r."authorId"
  WHERE r."coupleId" = $1 AND r.entity = 'checkin'
    AND r.id <> (SELECT max(r2.id) FROM "Revision" r2 WHERE r2.entity = 'checkin' AND r2."entityId" = r."entityId")
  ORDER BY d, name, "savedAt" NULLS LAST`;

/** $1 couple, $2 whether private notes are included */
export const EXPORT_REPORTS_SQL = `SELECT to_char(e."occurrenceDate", 'YYYY-MM-DD') AS d, a.title, u.name, e.status::text AS status, CASE WHEN $2::boolean THEN e.note END AS note, e.note IS NOT NULL AS "hasNote"
   FROM "AdherenceEntry" e JOIN "Assignment" a ON a.id = e."assignmentId" JOIN "User" u ON u.id = e."reporterId"
  WHERE a."coupleId" = $1 ORDER BY e."occurrenceDate", a.title, u.name`;

/** $1 couple: one row per homework and partner it was given to, with that partner's submission (never its answers) */
export const EXPORT_HOMEWORK_SQL = `SELECT h.title, to_char(h."dueDate", 'YYYY-MM-DD') AS due, h.status::text AS "homeworkStatus", h.measure, u.name,
        coalesce(s.status::text, 'not started') AS status,
        to_char(s."submittedAt", 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "submittedAt", to_char(s."reviewedAt", 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "reviewedAt",
        CASE WHEN s.status = 'submitted' THEN s.score END AS score
   FROM "Homework" h JOIN "Couple" c ON c.id = h."coupleId"
   JOIN "User" u ON (u.id = c."partnerAId" AND h.assignee IN ('A', 'BOTH')) OR (u.id = c."partnerBId" AND h.assignee IN ('B', 'BOTH'))
   LEFT JOIN "HomeworkSubmission" s ON s."homeworkId" = h.id AND s."partnerId" = u.id
  WHERE h."coupleId" = $1 ORDER BY h."dueDate", h.title, u.name`;

/** $1 couple: flag metadata only (never the words that raised it) */
export const EXPORT_FLAGS_SQL = `SELECT f.id, (extract(epoch FROM f."createdAt") * 1000)::float8 AS "createdMs", u.name, f.source::text AS source, f.severity::text AS severity,
        f.status::text AS status, to_char(f."dueBy", 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "dueBy", to_char(f."resolvedAt", 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "resolvedAt",
        f.outcome::text AS outcome
   FROM "SafetyFlag" f JOIN "User" u ON u.id = f."partnerId" WHERE f."coupleId" = $1 ORDER BY f."createdAt", f.id`;

/** $1 couple: who and where, for the file name and the summary's header */
export const EXPORT_HEADER_SQL = `SELECT p.name AS practice, t.name AS clinician, t.email AS "clinicianEmail", a.id AS "aId", a.name AS "aName", b.id AS "bId", b.name AS "bName",
        to_char(c."startDate", 'YYYY-MM-DD') AS "startDate"
   FROM "Couple" c JOIN "Practice" p ON p.id = c."practiceId" JOIN "User" t ON t.id = c."therapistId"
   JOIN "User" a ON a.id = c."partnerAId" JOIN "User" b ON b.id = c."partnerBId"
  WHERE c.id = $1`;

export interface ExportHeader {
  practice: string;
  clinician: string;
  clinicianEmail: string;
  aId: string;
  aName: string;
  bId: string;
  bName: string;
  startDate: string;
}

/** The practice, the clinician, both partners and the plan's start. */
export async function exportHeader(couple: Pick<ScopedCouple, "id">): Promise<ExportHeader> {
  const [row] = await sql<ExportHeader>(EXPORT_HEADER_SQL, [couple.id]);
  if (!row) throw new Response("Not found", { status: 404 });
  return row;
}

export type HomeworkExportRow = { title: string; due: string; homeworkStatus: string; measure: string | null; name: string; status: string; submittedAt: string | null; reviewedAt: string | null; score: number | null };
export type FlagExportRow = { id: string; raisedOn: string; raisedAt: string; name: string; source: string; severity: string; status: string; dueBy: string; resolvedAt: string | null; outcome: string | null };

/** Homework per partner (status and dates) and flag metadata: what the summary and the CSV share. */
export async function homeworkAndFlags(couple: Pick<ScopedCouple, "id" | "timeZone">) {
  const [homework, flags] = await Promise.all([
    sql<HomeworkExportRow>(EXPORT_HOMEWORK_SQL, [couple.id]),
    sql<{ id: string; createdMs: number; name: string; source: string; severity: string; status: string; dueBy: string; resolvedAt: string | null; outcome: string | null }>(EXPORT_FLAGS_SQL, [couple.id]),
  ]);
  return {
    homework,
    flags: flags.map(({ createdMs, ...f }): FlagExportRow => ({ ...f, raisedOn: localDateOf(new Date(createdMs), couple.timeZone), raisedAt: new Date(createdMs).toISOString() })),
  };
}

/** Everything the CSV holds, read at once. */
export async function exportRows(couple: Pick<ScopedCouple, "id" | "timeZone">, options: { includePrivate?: boolean } = {}) {
  const includePrivate = options.includePrivate === true;
  const [header, checkIns, reports, { homework, flags }] = await Promise.all([
    exportHeader(couple),
    sql<{ d: string; name: string; mood: number; closeness: number; feelSafe: string; note: string | null; hasNote: boolean; shared: boolean; appreciation: string | null; savedAt: string | null }>(EXPORT_CHECKINS_SQL, [couple.id, includePrivate]),
    sql<{ d: string; title: string; name: string; status: string; note: string | null; hasNote: boolean }>(EXPORT_REPORTS_SQL, [couple.id, includePrivate]),
    homeworkAndFlags(couple),
  ]);
  return { header, checkIns, reports, homework, flags, includePrivate };
}

/**
 * The printable progress summary's data, read at once: who (practice, clinician, partners), the
 * check-ins of the period, adherence per plan week, the weekly review, CSI-4, homework, flags and
 * pauses. Never a partner's private words.
 */
export async function printSummary(couple: Pick<ScopedCouple, "id" | "timeZone">, range: ChartRange) {
  const today = localDateOf(new Date(), couple.timeZone);
  const [header, series, adherence, review, csi, { homework, flags }, timeline] = await Promise.all([
    exportHeader(couple),
    moodSeries(couple.id, today, range),
    adherenceByWeek(couple.id, couple.timeZone, today),
    weeklyReview(couple.id, couple.timeZone, today),
    csiSeries(couple.id),
    homeworkAndFlags(couple),
    coupleTimeline(couple.id, couple.timeZone),
  ]);
  return { today, header, series, adherence, review, csi, homework, flags, timeline };
}
