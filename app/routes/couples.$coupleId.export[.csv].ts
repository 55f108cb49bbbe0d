import type { LoaderFunctionArgs } from "@remix-run/node";
import { audit } from "~/models/audit.server";
import { requireCouple, requireUserWithPermission } from "~/utils/authz.server";
import { csvField, toCsv } from "~/utils/csv";
import { sql } from "~/utils/db.server";

// A couple's progress as CSV: every check-in and every routine report. Audited.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "export:couple:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const [checkIns, reports] = await Promise.all([
    sql<{ d: string; name: string; mood: number; closeness: number; feelSafe: string; note: string | null; shared: boolean; appreciation: string | null }>(
      `SELECT to_char(c."localDate", 'YYYY-MM-DD') AS d, u.name, c.mood, c.closeness, c."feelSafe"::text AS "feelSafe", c.note, c."noteShared" AS shared, c.appreciation
         FROM "CheckIn" c JOIN "User" u ON u.id = c."partnerId" WHERE c."coupleId" = $1 ORDER BY c."localDate", u.name`,
      [couple.id],
    ),
    sql<{ d: string; title: string; name: string; status: string; note: string | null }>(
      `SELECT to_char(e."occurrenceDate", 'YYYY-MM-DD') AS d, a.title, u.name, e.status::text AS status, e.note
         FROM "AdherenceEntry" e JOIN "Assignment" a ON a.id = e."assignmentId" JOIN "User" u ON u.id = e."reporterId"
        WHERE a."coupleId" = $1 ORDER BY e."occurrenceDate", a.title, u.name`,
      [couple.id],
    ),
  ]);
  await audit({ actor: user, action: "export", entity: "couple", entityId: couple.id, coupleId: couple.id, request });
  const body =
    toCsv([["record", "date", "partner", "mood", "closeness", "feels_safe", "note", "note_shared", "appreciation", "assignment", "report"]]) +
    toCsv(checkIns.map((c) => ["check-in", c.d, c.name, c.mood, c.closeness, c.feelSafe, c.note, c.shared ? "yes" : "no", c.appreciation, "", ""])) +
    toCsv(reports.map((r) => ["routine", r.d, r.name, "", "", "", r.note, "", "", r.title, r.status]));
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename=${csvField(`mend-progress-${couple.id}.csv`)}`,
      "Cache-Control": "no-store",
    },
  });
}
