import type { LoaderFunctionArgs } from "@remix-run/node";
import { localDateOf } from "~/domain/dates";
import { exportRows } from "~/models/export.server";
import { audit } from "~/utils/audit.server";
import { requireCouple, requireUserWithPermission } from "~/utils/authz.server";
import { toCsv } from "~/utils/csv";
import { attachmentDisposition, readableFileName } from "~/utils/download";

export const CSV_COLUMNS = [
  "record", "date", "partner", "mood", "closeness", "feels_safe", "note", "note_shared", "appreciation", "assignment", "report",
  "homework", "status", "due_date", "submitted_at", "reviewed_at", "csi4_score", "severity", "source", "due_by", "resolved_at", "outcome",
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const row = (cells: Partial<Record<Column, unknown>>) => CSV_COLUMNS.map((c) => cells[c] ?? "");

/** Shown where a private note was left out, so the export says that there was one. */
export const PRIVATE_LEFT_OUT = "[private note: not exported]";

// A couple's progress as CSV, one table: check-ins (with earlier versions of edited ones),
// routine reports, homework per partner (status and dates), CSI-4 scores and safety-flag metadata.
// Private notes only with ?includePrivate=1, which the audit event records.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "export:couple:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const includePrivate = new URL(request.url).searchParams.get("includePrivate") === "1";
  const { header, checkIns, reports, homework, flags } = await exportRows(couple, { includePrivate });
  await audit({ actor: user, action: "export", entity: "couple", entityId: couple.id, coupleId: couple.id, detail: { format: "csv", includePrivate }, request });
  const note = (text: string | null, hasNote: boolean) => text ?? (hasNote ? PRIVATE_LEFT_OUT : "");
  const body =
    toCsv([[...CSV_COLUMNS]]) +
    toCsv(
      checkIns.map((c) =>
        row({
          record: c.savedAt ? `check-in (earlier version, saved ${c.savedAt})` : "check-in",
          date: c.d,
          partner: c.name,
          mood: c.mood,
          closeness: c.closeness,
          feels_safe: c.feelSafe,
          note: note(c.note, c.hasNote),
          note_shared: c.shared ? "yes" : "no",
          appreciation: c.appreciation,
        }),
      ),
    ) +
    toCsv(reports.map((r) => row({ record: "routine", date: r.d, partner: r.name, note: note(r.note, r.hasNote), assignment: r.title, report: r.status }))) +
    toCsv(
      homework.map((h) =>
        row({
          record: h.measure === "csi4" ? "csi-4" : "homework",
          date: h.due,
          partner: h.name,
          homework: h.title,
          status: h.homeworkStatus === "active" ? h.status : `${h.status} (homework ${h.homeworkStatus})`,
          due_date: h.due,
          submitted_at: h.submittedAt,
          reviewed_at: h.reviewedAt,
          csi4_score: h.score,
        }),
      ),
    ) +
    toCsv(
      flags.map((f) =>
        row({ record: "safety flag", date: f.raisedOn, partner: f.name, status: f.status, severity: f.severity, source: f.source, due_by: f.dueBy, resolved_at: f.resolvedAt, outcome: f.outcome }),
      ),
    );
  const today = localDateOf(new Date(), couple.timeZone);
  const name = readableFileName(["Mend", `${header.aName} & ${header.bName}`, today], "csv");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(name),
      "Cache-Control": "no-store",
    },
  });
}
