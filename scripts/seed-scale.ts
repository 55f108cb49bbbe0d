/**
 * `npm run seed:scale -- --couples 2000 --days 365 [--reset]`: a large practice for benchmarks.
 * 40 therapists (50 couples each), a year of daily check-ins for both partners, three routines per
 * couple with both partners' reports, homework, and ~500 open safety flags. Rows are generated
 * inside the database (INSERT … SELECT over generate_series), not sent one by one.
 * Logins (password mend-demo): scale-therapist-1@scale.mend, scale-supervisor@scale.mend,
 * scale-partner-1a@scale.mend.
 */
import { parseArgs } from "node:util";
import { seedLibrary } from "~/seed/demo.server";
import { backend, closeDb, prisma, rawExec, sql } from "~/utils/db.server";
import { migrate } from "~/utils/migrate.server";
import { hashPassword } from "~/utils/password.server";
import { DEFAULT_CRISIS_RESOURCES } from "~/utils/crisis";

const { values } = parseArgs({ options: { couples: { type: "string" }, days: { type: "string" }, reset: { type: "boolean" }, quiet: { type: "boolean" } } });
const couples = Number(values.couples ?? (backend() === "postgres" ? 2000 : 200));
const days = Number(values.days ?? 365);
const log = (s: string) => values.quiet || console.log(s);
const t0 = Date.now();
const step = async (name: string, fn: () => Promise<unknown>) => {
  const t = Date.now();
  await fn();
  log(`  ${name}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
};

export async function seedScale(opts: { couples: number; days: number; reset?: boolean }) {
  if (opts.reset) await rawExec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
  await migrate();
  if ((await prisma.practice.count()) > 0) throw new Error("The database is not empty: use --reset to replace its contents.");
  const hash = await hashPassword("mend-demo");
  const practice = await prisma.practice.create({ data: { name: "Scale Practice", crisisResources: DEFAULT_CRISIS_RESOURCES, flagPhrases: [] } });
  await seedLibrary(prisma, practice.id);
  const therapists = Math.max(1, Math.ceil(opts.couples / 50));
  const p = practice.id;
  await step("staff and partners", async () => {
    await sql(`INSERT INTO "User" (id, "practiceId", email, name, role, "passwordHash", "updatedAt") VALUES ('scale-supervisor', $1, 'scale-supervisor@scale.mend', 'Scale Supervisor', 'supervisor', $2, now())`, [p, hash]);
    await sql(
      `INSERT INTO "User" (id, "practiceId", email, name, role, "passwordHash", "updatedAt")
       SELECT 'scale-t-' || t, $1, 'scale-therapist-' || t || '@scale.mend', 'Therapist ' || t, 'therapist', $2, now() FROM generate_series(1, $3::int) t`,
      [p, hash, therapists],
    );
    await sql(
      `INSERT INTO "User" (id, "practiceId", email, name, role, "passwordHash", "consentAt", "updatedAt")
       SELECT 'scale-p-' || c || s, $1, 'scale-partner-' || c || s || '@scale.mend', 'Partner ' || c || upper(s), 'partner', $2, now(), now()
         FROM generate_series(1, $3::int) c CROSS JOIN (VALUES ('a'), ('b')) v(s)`,
      [p, hash, opts.couples],
    );
    await sql(
      `INSERT INTO "Couple" (id, "practiceId", "therapistId", "partnerAId", "partnerBId", "startDate", "timeZone", "updatedAt")
       SELECT 'scale-c-' || c, $1, 'scale-t-' || (((c - 1) / 50) + 1), 'scale-p-' || c || 'a', 'scale-p-' || c || 'b', current_date - $3::int, 'America/New_York', now()
         FROM generate_series(1, $2::int) c`,
      [p, opts.couples, opts.days],
    );
  });
  await step("check-ins", () =>
    sql(
      `INSERT INTO "CheckIn" (id, "coupleId", "partnerId", "localDate", mood, closeness, "feelSafe", "noteShared", "updatedAt")
       SELECT 'ci-' || c || s || '-' || d, 'scale-c-' || c, 'scale-p-' || c || s, current_date - d,
              1 + ((c * 7 + d * 3 + ascii(s)) % 10), 1 + ((c * 5 + d * 11 + ascii(s)) % 10), 'yes', false, now()
         FROM generate_series(1, $1::int) c CROSS JOIN generate_series(1, $2::int) d CROSS JOIN (VALUES ('a'), ('b')) v(s)
        WHERE (c + d * 13 + ascii(s)) % 10 <> 0`,
      [opts.couples, opts.days],
    ),
  );
  await step("assignments", () =>
    sql(
      `INSERT INTO "Assignment" (id, "coupleId", title, target, cadence, weekday, responsible, "startDate", "durationWeeks", "createdById", "updatedAt")
       SELECT 'as-' || c || '-' || k, 'scale-c-' || c,
              (ARRAY['Daily 10-minute check-in', 'Call by 8 PM every day', 'Weekly planning call'])[k],
              (ARRAY['10 minutes after dinner', 'I''ll call by 8 PM every day', '20 minutes every Wednesday at 8 PM'])[k],
              (ARRAY['daily', 'daily', 'weekly'])[k]::"Cadence", CASE WHEN k = 3 THEN 3 END, 'BOTH', current_date - $2::int, 52,
              'scale-t-' || (((c - 1) / 50) + 1), now()
         FROM generate_series(1, $1::int) c CROSS JOIN generate_series(1, 3) k`,
      [opts.couples, opts.days],
    ),
  );
  await step("routine reports", () =>
    sql(
      `INSERT INTO "AdherenceEntry" (id, "assignmentId", "occurrenceDate", "reporterId", status, "updatedAt")
       SELECT 'ae-' || c || '-' || k || '-' || d || s, 'as-' || c || '-' || k, current_date - d, 'scale-p-' || c || s,
              (ARRAY['kept', 'kept', 'kept', 'partly', 'missed'])[1 + ((c + d * 7 + k + ascii(s)) % 5)]::"Report", now()
         FROM generate_series(1, $1::int) c CROSS JOIN generate_series(1, 3) k CROSS JOIN generate_series(1, $2::int) d CROSS JOIN (VALUES ('a'), ('b')) v(s)
        WHERE (k < 3 OR extract(dow FROM current_date - d) = 3) AND (c + d * 3 + k + ascii(s)) % 5 <> 0`,
      [opts.couples, opts.days],
    ),
  );
  await step("homework", async () => {
    await sql(
      `INSERT INTO "Homework" (id, "coupleId", title, instructions, assignee, "dueDate", visibility, "createdById", "updatedAt")
       SELECT 'hw-' || c || '-' || h, 'scale-c-' || c, 'Homework ' || h, 'Write it down.', 'BOTH', current_date - (h * 14) + 21, 'shared', 'scale-t-' || (((c - 1) / 50) + 1), now()
         FROM generate_series(1, $1::int) c CROSS JOIN generate_series(1, 6) h`,
      [opts.couples],
    );
    await sql(`INSERT INTO "HomeworkPrompt" (id, "homeworkId", position, type, label, options) SELECT 'hp-' || id, id, 0, 'text', 'Your answer', '{}' FROM "Homework"`);
    await sql(
      `INSERT INTO "HomeworkSubmission" (id, "homeworkId", "partnerId", status, answers, "submittedAt", "updatedAt")
       SELECT 'hs-' || h.id || s, h.id, 'scale-p-' || substr(h."coupleId", 9) || s, 'submitted', '{}'::jsonb, h."dueDate" - 1, now()
         FROM "Homework" h CROSS JOIN (VALUES ('a'), ('b')) v(s) WHERE h."dueDate" < current_date AND (length(h.id) + ascii(s)) % 4 <> 0`,
    );
  });
  await step("safety flags", async () => {
    const n = Math.min(500, Math.ceil(opts.couples / 4));
    await sql(
      `INSERT INTO "SafetyFlag" (id, "practiceId", "coupleId", "partnerId", source, concern, severity, status, "dueBy", "triggerText", "createdAt", "updatedAt")
       SELECT 'fl-' || c, $1, 'scale-c-' || (c * 4), 'scale-p-' || (c * 4) || 'a', 'checkin_answer', 'feel_safe',
              (ARRAY['low', 'medium', 'high', 'imminent'])[1 + c % 4]::"Severity", (ARRAY['open', 'acknowledged', 'escalated'])[1 + c % 3]::"FlagStatus",
              now() + ((c % 48) - 24) * interval '1 hour', 'Check-in answer', now() - interval '1 day', now()
         FROM generate_series(1, $2::int) c`,
      [p, n],
    );
    await sql(`INSERT INTO "FlagEvent" (id, "flagId", type, note) SELECT 'fe-' || id, id, 'raised', 'scale data' FROM "SafetyFlag"`);
    await sql(`UPDATE "Couple" SET "workPausedAt" = now(), "workPauseReason" = 'safety' WHERE id IN (SELECT "coupleId" FROM "SafetyFlag" WHERE severity IN ('high', 'imminent'))`);
  });
  await step("analyze", () => rawExec("ANALYZE"));
  const [{ n: checkIns }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "CheckIn"`);
  const [{ n: entries }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "AdherenceEntry"`);
  return { couples: opts.couples, therapists, checkIns, entries };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  log(`Seeding ${couples} couples × ${days} days on ${backend()}…`);
  const r = await seedScale({ couples, days, reset: values.reset });
  log(`Done in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${r.couples} couples, ${r.therapists} therapists, ${r.checkIns} check-ins, ${r.entries} routine reports.`);
  await closeDb();
}
