/**
 * The couple's CSV export for clinicians: every check-in (and every earlier version of an edited
 * one, so an erased disclosure is not lost in the export either) and every routine report.
 * Takes the couple the caller was authorised for.
 */
import { sql } from "~/utils/db.server";
import type { ScopedCouple } from "~/utils/authz.server";

export const EXPORT_CHECKINS_SQL = `SELECT to_char(c."localDate", 'YYYY-MM-DD') AS d, u.name, c.mood, c.closeness, c."feelSafe"::text AS "feelSafe", c.note, c."noteShared" AS shared, c.appreciation, NULL::text AS "savedAt"
   FROM "CheckIn" c JOIN "User" u ON u.id = c."partnerId" WHERE c."coupleId" = $1
 UNION ALL
 SELECT r."values"->>'localDate' AS d, u.name, (r."values"->>'mood')::int, (r."values"->>'closeness')::int, r."values"->>'feelSafe', r."values"->>'note',
        (r."values"->>'noteShared')::boolean, r."values"->>'appreciation', to_char(r."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
   FROM "Revision" r JOIN "User" u ON u.id = r."authorId"
  WHERE r."coupleId" = $1 AND r.entity = 'checkin'
    AND r.id <> (SELECT max(r2.id) FROM "Revision" r2 WHERE r2.entity = 'checkin' AND r2."entityId" = r."entityId")
  ORDER BY d, name, "savedAt" NULLS LAST`;

export const EXPORT_REPORTS_SQL = `SELECT to_char(e."occurrenceDate", 'YYYY-MM-DD') AS d, a.title, u.name, e.status::text AS status, e.note
   FROM "AdherenceEntry" e JOIN "Assignment" a ON a.id = e."assignmentId" JOIN "User" u ON u.id = e."reporterId"
  WHERE a."coupleId" = $1 ORDER BY e."occurrenceDate", a.title, u.name`;

export async function exportRows(couple: Pick<ScopedCouple, "id">) {
  const [checkIns, reports] = await Promise.all([
    sql<{ d: string; name: string; mood: number; closeness: number; feelSafe: string; note: string | null; shared: boolean; appreciation: string | null; savedAt: string | null }>(EXPORT_CHECKINS_SQL, [couple.id]),
    sql<{ d: string; title: string; name: string; status: string; note: string | null }>(EXPORT_REPORTS_SQL, [couple.id]),
  ]);
  return { checkIns, reports };
}
