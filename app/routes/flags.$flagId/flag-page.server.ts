/**
 * Everything the flag page shows, shaped for the page: the flag, what raised it as it was first
 * saved (the evidence snapshot) and every later change, the partner's recent check-ins with their
 * earlier versions, and the supervisors to escalate to. Clinicians only; getFlag scopes and audits.
 */
import { explain, highlight, type RuleConfig } from "~/domain/safety";
import { formatOverdue, overdueBy } from "~/domain/flag-workflow";
import { getFlag, listSupervisors } from "~/models/flag.server";
import { safeContactFor } from "~/models/safe-contact.server";
import type { RevisionRow } from "~/models/revision.server";
import type { FlagEvidence } from "~/models/safety.server";
import type { SessionUser } from "~/utils/session.server";

export type Segments = { text: string; match: boolean }[];

/** One saved version of a record, in words a clinician reads: its text and its answers. */
export interface VersionView {
  at: string;
  text: Segments | null;
  facts: [string, string][];
}

const FEEL_SAFE: Record<string, string> = { yes: "Yes", not_sure: "Not sure", no: "No" };

function answerText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(", ");
  return value === null || value === undefined ? "" : String(value);
}

/** The words and answers of one saved version (check-in, routine note, homework answer, help request or screen). */
export function versionOf(values: Record<string, unknown>, at: Date | string, config: RuleConfig): VersionView {
  const facts: [string, string][] = [];
  if (typeof values.feelSafe === "string") facts.push(["Feels safe", FEEL_SAFE[values.feelSafe] ?? values.feelSafe]);
  if (typeof values.mood === "number") facts.push(["Mood", String(values.mood)]);
  if (typeof values.status === "string") facts.push(["Status", values.status]);
  const answers = values.answers && typeof values.answers === "object" ? (values.answers as Record<string, unknown>) : null;
  const texts = [values.note, values.message, values.text].filter((t): t is string => typeof t === "string" && t.length > 0);
  if (answers) {
    for (const [key, value] of Object.entries(answers)) {
      const text = answerText(value);
      if (typeof value === "string" && text.length > 40) texts.push(text);
      else facts.push([key, text || "—"]);
    }
  }
  const text = texts.join("\n");
  return { at: typeof at === "string" ? at : at.toISOString(), text: text ? highlight(text, config) : null, facts };
}

function sourceView(evidence: FlagEvidence | null, revisions: RevisionRow[], changedAt: readonly Date[], config: RuleConfig) {
  if (!evidence) return null;
  const original = versionOf({ ...evidence.answers, text: evidence.text }, evidence.capturedAt, config);
  // The trigger that keeps a revision of an edit also puts "disclosure_changed" on the flag, in
  // the same statement and with the same database time: those revisions are the later edits.
  const edits = new Set(changedAt.map((d) => d.getTime()));
  const later = revisions.filter((r) => edits.has(r.createdAt.getTime())).map((r) => versionOf(r.values, r.createdAt, config));
  return { context: evidence.context, original, later, findings: evidence.text ? explain(evidence.text, config).findings : [] };
}

export async function loadFlagPage(user: SessionUser, flagId: string, request: Request) {
  const found = await getFlag(user, flagId, request);
  if (!found) return null;
  const { flag, alerts, evidence, sourceRevisions, checkInRevisions, recentCheckIns, ruleConfig } = found;
  // Flags raised before evidence snapshots existed still show their trigger text.
  const explained = !evidence && flag.triggerText ? explain(flag.triggerText, ruleConfig) : null;
  const over = overdueBy(flag.dueBy, new Date());
  const { evidence: _raw, ...rest } = flag;
  return {
    role: user.role,
    viewerId: user.id,
    // how this partner said the care team may reach them safely (clinicians only)
    safeContact: await safeContactFor(user, flag.partnerId, request),
    supervisors: await listSupervisors(user),
    flag: {
      ...rest,
      dueBy: flag.dueBy.toISOString(),
      createdAt: flag.createdAt.toISOString(),
      resolvedAt: flag.resolvedAt?.toISOString() ?? null,
      overdue: flag.status !== "resolved" && over ? formatOverdue(over) : null,
      trigger: explained?.segments ?? null,
      findings: explained?.findings ?? [],
      events: flag.events.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    },
    alerts: alerts.map((a) => ({
      id: a.id,
      to: a.channel === "webhook" ? "Paging webhook" : (a.user?.name ?? "a clinician"),
      channel: a.channel,
      status: a.status,
      attempts: a.attempts,
      at: (a.sentAt ?? a.createdAt).toISOString(),
    })),
    source: sourceView(
      evidence,
      sourceRevisions,
      flag.events.filter((e) => e.type === "disclosure_changed").map((e) => e.createdAt),
      ruleConfig,
    ),
    recentCheckIns: recentCheckIns.map((c) => {
      const versions = checkInRevisions.get(c.id) ?? [];
      return {
        localDate: c.localDate.toISOString().slice(0, 10),
        mood: c.mood,
        closeness: c.closeness,
        feelSafe: c.feelSafe,
        note: c.note ? highlight(c.note, ruleConfig) : null,
        // every earlier save of this day's check-in, newest last; the current one is the row itself
        earlier: versions.slice(0, -1).map((r) => versionOf(r.values, r.createdAt, ruleConfig)),
      };
    }),
  };
}

export type FlagPageData = NonNullable<Awaited<ReturnType<typeof loadFlagPage>>>;
