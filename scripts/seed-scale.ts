/**
 * `npm run seed:scale -- --couples 2000 --days 365 [--reset]`: a large practice for benchmarks.
 *
 * 40 therapists (50 couples each), a year of daily check-ins for both partners (~1.4 M rows), three
 * routines per couple with both partners' reports (~3 M rows), homework with prompts and
 * submissions (incl. a weekly CSI-4), ~500 open safety flags with their timelines (high and
 * imminent ones pause the couple) and ~2,000 resolved ones.
 *
 * Rows are generated inside the database (INSERT … SELECT over generate_series), never sent one
 * by one; the big tables lose their secondary indexes during the load and get them back after
 * (faster than maintaining them row by row). Runs on PostgreSQL (DATABASE_URL) or the embedded
 * PGlite (default 200 couples there).
 *
 * Logins (password mend-demo): scale-therapist-1@scale.mend … scale-therapist-40@,
 * scale-supervisor@scale.mend, scale-admin@scale.mend, scale-partner-1a@scale.mend (and every
 * scale-partner-<n>a|b@scale.mend).
 */
import { parseArgs } from "node:util";
import { localDateOf } from "~/domain/dates";
import { seedLibrary } from "~/seed/demo.server";
import { DEFAULT_CRISIS_RESOURCES } from "~/utils/crisis";
import { backend, closeDb, prisma, rawExec, rawSession, sql } from "~/utils/db.server";
import { migrate } from "~/utils/migrate.server";
import { hashPassword } from "~/utils/password.server";

export const SCALE_TIME_ZONE = "America/New_York";
export const COUPLES_PER_THERAPIST = 50;

type Conn = Parameters<Parameters<typeof rawSession>[0]>[0];

export interface ScaleOptions {
  couples: number;
  days: number;
  reset?: boolean;
  log?: (line: string) => void;
}

/** Drops a table's secondary indexes (not its primary key) and returns the statements that rebuild them. */
async function dropSecondaryIndexes(table: string): Promise<string[]> {
  const rows = await sql<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = $1
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [table],
  );
  for (const r of rows) await rawExec(`DROP INDEX "${r.name}"`);
  return rows.map((r) => r.def);
}

/** A session tuned for bulk loading (PostgreSQL: no fsync wait per statement, more sort memory). */
function bulk<T>(fn: (c: Conn) => Promise<T>): Promise<T> {
  return rawSession(async (c) => {
    if (backend() === "postgres") await c.exec(`SET synchronous_commit = off; SET maintenance_work_mem = '256MB'; SET work_mem = '64MB'`);
    return fn(c);
  });
}

export async function seedScale(opts: ScaleOptions) {
  const log = opts.log ?? (() => {});
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t = Date.now();
    const r = await fn();
    log(`  ${name}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return r;
  };
  const { couples, days } = opts;
  if (!Number.isInteger(couples) || couples < 1 || !Number.isInteger(days) || days < 14) throw new Error("--couples must be ≥ 1 and --days ≥ 14");

  if (opts.reset) await step("reset schema", () => rawExec(`DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;`));
  await step("migrate", () => migrate());
  const [{ n: existing }] = await sql<{ n: number }>(`SELECT (SELECT count(*) FROM "Practice") + (SELECT count(*) FROM "User") AS n`);
  if (Number(existing) > 0) throw new Error("The database is not empty: use --reset to drop and recreate its schema first.");

  const today = localDateOf(new Date(), SCALE_TIME_ZONE);
  const therapists = Math.max(1, Math.ceil(couples / COUPLES_PER_THERAPIST));
  // Plans may run at most 52 weeks: routines started up to 51 weeks ago, so they are still due today.
  const planDays = Math.min(days - 1, 51 * 7);
  const hash = await hashPassword("mend-demo"); // once: every scale login shares it

  const practice = await prisma.practice.create({ data: { name: "Scale Practice", crisisResources: DEFAULT_CRISIS_RESOURCES, flagPhrases: [] } });
  const p = practice.id;
  await seedLibrary(prisma, p);

  await step("staff, partners and couples", async () => {
    await sql(
      `INSERT INTO "User" (id, "practiceId", email, name, role, "passwordHash", "updatedAt") VALUES
         ('scale-supervisor', $1, 'scale-supervisor@scale.mend', 'Sam Supervisor', 'supervisor', $2, now()),
         ('scale-admin', $1, 'scale-admin@scale.mend', 'Ada Admin', 'admin', $2, now())`,
      [p, hash],
    );
    await sql(
      `INSERT INTO "User" (id, "practiceId", email, name, role, "passwordHash", "updatedAt")
       SELECT 'scale-t-' || t, $1, 'scale-therapist-' || t || '@scale.mend', 'Therapist ' || t, 'therapist', $2, now() FROM generate_series(1, $3::int) t`,
      [p, hash, therapists],
    );
    await sql(
      `INSERT INTO "User" (id, "practiceId", email, name, role, "passwordHash", "consentAt", "updatedAt")
       SELECT 'scale-p-' || c || s, $1, 'scale-partner-' || c || s || '@scale.mend', 'Partner ' || c || upper(s), 'partner', $2, now(), now()
         FROM generate_series(1, $3::int) c CROSS JOIN (VALUES ('a'), ('b')) v(s)`,
      [p, hash, couples],
    );
    await sql(
      `INSERT INTO "Couple" (id, "practiceId", "therapistId", "partnerAId", "partnerBId", "startDate", "timeZone", "updatedAt")
       SELECT 'scale-c-' || c, $1, 'scale-t-' || (((c - 1) / $5::int) + 1), 'scale-p-' || c || 'a', 'scale-p-' || c || 'b',
              $3::date - ($4::int - 1), $6, now()
         FROM generate_series(1, $2::int) c`,
      [p, couples, today, days, COUPLES_PER_THERAPIST, SCALE_TIME_ZONE],
    );
    await sql(
      `INSERT INTO "Assignment" (id, "coupleId", title, target, cadence, weekday, responsible, "startDate", "durationWeeks", "createdById", "createdAt", "updatedAt")
       SELECT 'as-' || c || '-' || k, 'scale-c-' || c,
              (ARRAY['Daily 10-minute check-in', 'Call by 8 PM every day', 'Weekly planning call'])[k],
              (ARRAY['10 minutes after dinner, phones away', 'I''ll call by 8 PM every day', '20 minutes every Wednesday at 8 PM'])[k],
              (ARRAY['daily', 'daily', 'weekly'])[k]::"Cadence", CASE WHEN k = 3 THEN 3 END, 'BOTH', $2::date - $3::int, 52,
              'scale-t-' || (((c - 1) / $4::int) + 1), now() - (4 - k) * interval '1 minute', now()
         FROM generate_series(1, $1::int) c CROSS JOIN generate_series(1, 3) k`,
      [couples, today, planDays, COUPLES_PER_THERAPIST],
    );
  });

  // The two big tables load in parallel (two connections on PostgreSQL), without secondary indexes.
  const checkInIndexes = await dropSecondaryIndexes("CheckIn");
  const entryIndexes = await dropSecondaryIndexes("AdherenceEntry");
  await step("check-ins and routine reports", () =>
    Promise.all([
      bulk((c) =>
        step("check-ins", () =>
          c.query(
            `INSERT INTO "CheckIn" (id, "coupleId", "partnerId", "localDate", mood, closeness, "feelSafe", note, "noteShared", appreciation, "createdAt", "updatedAt")
             SELECT 'ci-' || c || s || '-' || d, 'scale-c-' || c, 'scale-p-' || c || s, $3::date - d,
                    greatest(1, least(10, 6 + ((c * 7 + d * 3 + ascii(s)) % 5) - 2 + (CASE WHEN (c + d) % 17 = 0 THEN -3 ELSE 0 END))),
                    1 + ((c * 5 + d * 11 + ascii(s)) % 10),
                    (CASE WHEN (c * 3 + d + ascii(s)) % 97 = 0 THEN 'not_sure' ELSE 'yes' END)::"FeelSafe",
                    CASE WHEN (c + d + ascii(s)) % 9 = 0 THEN 'We talked after dinner and it went better than last week.' END,
                    (c + d) % 2 = 0,
                    CASE WHEN (c * 2 + d + ascii(s)) % 11 = 0 THEN 'Thank you for calling when you said you would.' END,
                    ($3::date - d) + interval '20 hours', ($3::date - d) + interval '20 hours'
               FROM generate_series(1, $1::int) c CROSS JOIN generate_series(0, $2::int - 1) d CROSS JOIN (VALUES ('a'), ('b')) v(s)
              WHERE (c + d * 13 + ascii(s)) % 40 <> 0`,
            [couples, days, today],
          ),
        ),
      ),
      bulk((c) =>
        step("routine reports", () =>
          c.query(
            `INSERT INTO "AdherenceEntry" (id, "assignmentId", "occurrenceDate", "reporterId", status, note, "createdAt", "updatedAt")
             SELECT 'ae-' || c || '-' || k || '-' || d || s, 'as-' || c || '-' || k, $3::date - d, 'scale-p-' || c || s,
                    (ARRAY['kept', 'kept', 'kept', 'kept', 'partly', 'missed'])[1 + ((c + d * 7 + k * (1 + ascii(s) % 2)) % 6)]::"Report",
                    CASE WHEN (c + d + k) % 23 = 0 THEN 'Ran late but did it.' END,
                    ($3::date - d) + interval '21 hours', ($3::date - d) + interval '21 hours'
               FROM generate_series(1, $1::int) c CROSS JOIN generate_series(1, 3) k CROSS JOIN generate_series(0, $2::int) d CROSS JOIN (VALUES ('a'), ('b')) v(s)
              WHERE (k < 3 OR extract(dow FROM $3::date - d) = 3) AND (c + d * 3 + k + ascii(s)) % 20 <> 0`,
            [couples, planDays, today],
          ),
        ),
      ),
    ]),
  );
  await step("rebuild check-in and report indexes", () =>
    Promise.all([...checkInIndexes, ...entryIndexes].map((def) => bulk((c) => c.exec(def)))),
  );

  await step("homework, prompts and submissions", async () => {
    const weeks = Math.floor(planDays / 7);
    // Six exercises per couple (every two weeks, the last one still due) and a weekly CSI-4.
    await sql(
      `INSERT INTO "Homework" (id, "coupleId", title, instructions, assignee, "dueDate", visibility, "createdById", "createdAt", "updatedAt")
       SELECT 'hw-' || c || '-' || h, 'scale-c-' || c,
              (ARRAY['Acknowledge the breach', 'Apology without excuses', 'Listening exercise', 'Restitution plan', 'Agreements worksheet', 'What do you need from me to feel safe again?'])[h],
              'Take 20 quiet minutes and write your answers.', (ARRAY['BOTH', 'A', 'B'])[1 + h % 3]::"PartnerSlot",
              $2::date - (6 - h) * 14 + 3, (CASE WHEN h % 2 = 0 THEN 'shared' ELSE 'therapist_only' END)::"HomeworkVisibility",
              'scale-t-' || (((c - 1) / $3::int) + 1), $2::date - (6 - h) * 14 - 7, now()
         FROM generate_series(1, $1::int) c CROSS JOIN generate_series(1, 6) h`,
      [couples, today, COUPLES_PER_THERAPIST],
    );
    await sql(
      `INSERT INTO "Homework" (id, "coupleId", title, instructions, assignee, "dueDate", visibility, measure, "createdById", "createdAt", "updatedAt")
       SELECT 'hwc-' || c || '-' || w, 'scale-c-' || c, 'Weekly relationship check (CSI-4)', 'Four short questions.', 'BOTH',
              $2::date - (w * 7), 'therapist_only', 'csi4', 'scale-t-' || (((c - 1) / $4::int) + 1), $2::date - (w * 7) - 6, now()
         FROM generate_series(1, $1::int) c CROSS JOIN generate_series(0, $3::int) w`,
      [couples, today, weeks, COUPLES_PER_THERAPIST],
    );
    await sql(
      `INSERT INTO "HomeworkPrompt" (id, "homeworkId", position, type, label, options)
       SELECT 'hp-' || h.id || '-' || k, h.id, k, (ARRAY['text', 'scale', 'checklist'])[k + 1]::"PromptType",
              (ARRAY['In your own words', 'How hopeful do you feel (1–10)?', 'Which did you do this week?'])[k + 1],
              CASE WHEN k = 2 THEN ARRAY['Listened without interrupting', 'Reflected the main feeling', 'Said thank you'] ELSE '{}'::text[] END
         FROM "Homework" h CROSS JOIN generate_series(0, 2) k WHERE h.measure IS NULL`,
    );
    await sql(
      `INSERT INTO "HomeworkPrompt" (id, "homeworkId", position, type, label, options)
       SELECT 'hp-' || h.id || '-' || k, h.id, k, 'scale', 'CSI-4 item ' || (k + 1),
              CASE WHEN k = 0 THEN ARRAY['0','1','2','3','4','5','6'] ELSE ARRAY['0','1','2','3','4','5'] END
         FROM "Homework" h CROSS JOIN generate_series(0, 3) k WHERE h.measure = 'csi4'`,
    );
    // Submissions: past exercises mostly done (some with feedback), every other CSI-4 week answered.
    // The completion trigger would update a Homework row per submission; set "completedAt" once
    // in bulk instead (the same rule as the trigger, as the migration's backfill does).
    await sql(`ALTER TABLE "HomeworkSubmission" DISABLE TRIGGER "HomeworkSubmission_completion"`);
    await sql(
      `INSERT INTO "HomeworkSubmission" (id, "homeworkId", "partnerId", status, answers, score, "submittedAt", feedback, "feedbackAt", "feedbackById", "reviewedAt", "createdAt", "updatedAt")
       SELECT 'hs-' || h.id || s, h.id, 'scale-p-' || split_part(h.id, '-', 2) || s, 'submitted',
              CASE WHEN h.measure = 'csi4'
                   THEN jsonb_build_object('hp-' || h.id || '-0', 4, 'hp-' || h.id || '-1', 3, 'hp-' || h.id || '-2', 3, 'hp-' || h.id || '-3', 3)
                   ELSE jsonb_build_object('hp-' || h.id || '-0', 'I understand now how much it hurt.', 'hp-' || h.id || '-1', 6, 'hp-' || h.id || '-2', jsonb_build_array('Said thank you')) END,
              CASE WHEN h.measure = 'csi4' THEN 8 + (length(h.id) * 7 + ascii(s)) % 12 END,
              h."dueDate" - 1 + interval '19 hours',
              CASE WHEN h.measure IS NULL AND ascii(s) = 97 THEN 'Thank you — this is a real step.' END,
              CASE WHEN h.measure IS NULL AND ascii(s) = 97 THEN h."dueDate" + interval '10 hours' END,
              CASE WHEN h.measure IS NULL AND ascii(s) = 97 THEN h."createdById" END,
              CASE WHEN h.measure IS NULL AND ascii(s) = 97 THEN h."dueDate" + interval '10 hours' END,
              h."dueDate" - 2, now()
         FROM "Homework" h CROSS JOIN (VALUES ('a'), ('b')) v(s)
        WHERE h."dueDate" < $1::date AND (h.assignee = 'BOTH' OR lower(h.assignee::text) = s)
          AND (h.measure IS NULL OR ((h."dueDate" - $1::date) / 7) % 2 = 0)`,
      [today],
    );
    await sql(
      `UPDATE "Homework" h SET "completedAt" = d.at
         FROM (SELECT s."homeworkId", count(*) AS n, max(s."submittedAt") AS at FROM "HomeworkSubmission" s WHERE s.status = 'submitted' GROUP BY 1) d
        WHERE d."homeworkId" = h.id AND d.n >= CASE WHEN h.assignee = 'BOTH' THEN 2 ELSE 1 END`,
    );
    await sql(`ALTER TABLE "HomeworkSubmission" ENABLE TRIGGER "HomeworkSubmission_completion"`);
  });

  const flags = await step("safety flags, timelines and pauses", async () => {
    const open = Math.min(500, Math.ceil(couples / 4));
    const resolved = Math.min(2000, couples);
    // Open ones on every 4th couple (12 of a therapist's 50), all states, due-by spread around now.
    await sql(
      `INSERT INTO "SafetyFlag" (id, "practiceId", "coupleId", "partnerId", source, concern, severity, status, "assigneeId", "dueBy", "triggerText", "createdAt", "updatedAt")
       SELECT 'fl-' || f, $1, 'scale-c-' || (1 + (f * 4 - 1) % $3::int), 'scale-p-' || (1 + (f * 4 - 1) % $3::int) || 'a',
              (ARRAY['checkin_answer', 'keyword', 'mood_drop', 'help_request'])[1 + f % 4]::"FlagSource",
              (ARRAY['feel_safe', 'keyword', 'mood_drop', 'help'])[1 + f % 4],
              (ARRAY['low', 'medium', 'high', 'imminent'])[1 + (f * 7) % 4]::"Severity",
              (ARRAY['open', 'acknowledged', 'escalated'])[1 + f % 3]::"FlagStatus",
              CASE WHEN f % 3 = 2 THEN 'scale-supervisor' END,
              now() + ((f % 72) - 36) * interval '1 hour', 'Check-in answer', now() - (1 + f % 5) * interval '1 day', now()
         FROM generate_series(1, $2::int) f`,
      [p, open, couples],
    );
    // Resolved history on other couples (the queue must skip them cheaply).
    await sql(
      `INSERT INTO "SafetyFlag" (id, "practiceId", "coupleId", "partnerId", source, concern, severity, status, "dueBy", "triggerText", outcome, "resolvedAt", "createdAt", "updatedAt")
       SELECT 'flr-' || f, $1, 'scale-c-' || (1 + (f * 7) % $3::int), 'scale-p-' || (1 + (f * 7) % $3::int) || 'b', 'mood_drop', 'mood_drop',
              'low', 'resolved', now() - (f % 300) * interval '1 day', 'Mood drop', 'not_confirmed', now() - (f % 300) * interval '1 day' + interval '3 hours',
              now() - (f % 300) * interval '1 day' - interval '1 day', now()
         FROM generate_series(1, $2::int) f`,
      [p, resolved, couples],
    );
    await sql(
      `INSERT INTO "FlagEvent" (id, "flagId", type, note, severity, "createdAt")
       SELECT 'fe-' || id, id, 'raised', 'Raised automatically from a check-in answer.', severity, "createdAt" FROM "SafetyFlag"`,
    );
    await sql(
      `INSERT INTO "FlagEvent" (id, "flagId", "authorId", type, note, "fromStatus", "toStatus", "createdAt")
       SELECT 'fe2-' || f.id, f.id, c."therapistId",
              (CASE f.status WHEN 'resolved' THEN 'resolved' WHEN 'escalated' THEN 'escalated' ELSE 'acknowledged' END)::"FlagEventType",
              'Spoke with the partner by phone.', 'open', f.status, f."createdAt" + interval '2 hours'
         FROM "SafetyFlag" f JOIN "Couple" c ON c.id = f."coupleId" WHERE f.status <> 'open'`,
    );
    await sql(
      `INSERT INTO "FlagEvent" (id, "flagId", "authorId", type, note, "createdAt")
       SELECT 'fe3-' || f.id, f.id, c."therapistId", 'note', 'Safety plan reviewed; follow-up booked.', f."createdAt" + interval '5 hours'
         FROM "SafetyFlag" f JOIN "Couple" c ON c.id = f."coupleId"`,
    );
    // High and imminent flags pause the couple's conjoint work, as the live pipeline does.
    await sql(
      `UPDATE "Couple" SET "workPausedAt" = f."createdAt", "workPauseReason" = 'safety'
         FROM (SELECT DISTINCT ON ("coupleId") "coupleId", "createdAt" FROM "SafetyFlag" WHERE severity IN ('high', 'imminent') AND status <> 'resolved' ORDER BY "coupleId", "createdAt") f
        WHERE "Couple".id = f."coupleId"`,
    );
    await sql(
      `INSERT INTO "PausePeriod" (id, "coupleId", reason, "startedAt", note)
       SELECT 'pp-' || id, id, 'safety', "workPausedAt", 'Automatic: high or imminent safety flag' FROM "Couple" WHERE "workPausedAt" IS NOT NULL`,
    );
    await sql(
      `INSERT INTO "FlagEvent" (id, "flagId", type, note, "createdAt")
       SELECT DISTINCT ON (f."coupleId") 'fe4-' || f.id, f.id, 'work_paused', 'Conjoint routines and homework paused automatically.', f."createdAt"
         FROM "SafetyFlag" f WHERE f.severity IN ('high', 'imminent') AND f.status <> 'resolved' ORDER BY f."coupleId", f."createdAt"`,
    );
    return { open, resolved };
  });

  await step("analyze", () => rawExec("VACUUM ANALYZE"));
  const [counts] = await sql<{ checkIns: number; entries: number; homework: number; submissions: number; flagEvents: number; paused: number }>(
    `SELECT (SELECT count(*) FROM "CheckIn")::int AS "checkIns", (SELECT count(*) FROM "AdherenceEntry")::int AS entries,
            (SELECT count(*) FROM "Homework")::int AS homework, (SELECT count(*) FROM "HomeworkSubmission")::int AS submissions,
            (SELECT count(*) FROM "FlagEvent")::int AS "flagEvents", (SELECT count(*) FROM "Couple" WHERE "workPausedAt" IS NOT NULL)::int AS paused`,
  );
  return { couples, therapists, days, today, openFlags: flags.open, resolvedFlags: flags.resolved, ...counts };
}

async function main() {
  const { values } = parseArgs({
    options: { couples: { type: "string" }, days: { type: "string" }, reset: { type: "boolean" }, quiet: { type: "boolean" }, json: { type: "boolean" } },
  });
  const couples = Number(values.couples ?? (backend() === "postgres" ? 2000 : 200));
  const days = Number(values.days ?? 365);
  const log = (s: string) => {
    if (!values.quiet) console.log(s);
  };
  const t0 = Date.now();
  try {
    log(`Seeding ${couples} couples × ${days} days on ${backend()}…`);
    const r = await seedScale({ couples, days, reset: values.reset, log });
    const seconds = Math.round((Date.now() - t0) / 100) / 10;
    if (values.json) console.log(JSON.stringify({ ...r, seconds }));
    log(
      `Done in ${seconds} s: ${r.couples} couples, ${r.therapists} therapists, ${r.checkIns} check-ins, ${r.entries} routine reports, ` +
        `${r.homework} homework, ${r.submissions} submissions, ${r.openFlags} open flags (${r.paused} couples paused), ${r.resolvedFlags} resolved.`,
    );
    log(`Logins (password mend-demo): scale-therapist-1@scale.mend, scale-supervisor@scale.mend, scale-partner-1a@scale.mend`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await closeDb();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
