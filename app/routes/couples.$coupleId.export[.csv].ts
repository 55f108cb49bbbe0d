import type { LoaderFunctionArgs } from "@remix-run/node";
import { audit } from "~/utils/audit.server";
import { requireCouple, requireUserWithPermission } from "~/utils/authz.server";
import { csvField, toCsv } from "~/utils/csv";
import { exportRows } from "~/models/export.server";

// A couple's progress as CSV: every check-in (with earlier versions of edited ones) and every routine report. Audited.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "export:couple:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const { checkIns, reports } = await exportRows(couple);
  await audit({ actor: user, action: "export", entity: "couple", entityId: couple.id, coupleId: couple.id, request });
  const body =
    toCsv([["record", "date", "partner", "mood", "closeness", "feels_safe", "note", "note_shared", "appreciation", "assignment", "report"]]) +
    toCsv(checkIns.map((c) => [c.savedAt ? `check-in (earlier version, saved ${c.savedAt})` : "check-in", c.d, c.name, c.mood, c.closeness, c.feelSafe, c.note, c.shared ? "yes" : "no", c.appreciation, "", ""])) +
    toCsv(reports.map((r) => ["routine", r.d, r.name, "", "", "", r.note, "", "", r.title, r.status]));
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename=${csvField(`mend-progress-${couple.id}.csv`)}`,
      "Cache-Control": "no-store",
    },
  });
}
