/**
 * Start-up, run by server.js before it accepts requests: migrate the database and, on a fresh
 * demo/embedded install, load the demo practice.
 */
import { backfillCrisisResources } from "~/models/crisis.server";
import { isEmpty, seedDemo } from "~/seed/demo.server";
import { backend, prisma } from "./db.server";
import { env } from "./env.server";
import { migrate } from "./migrate.server";

export const DEMO_LOGINS = [
  ["admin@demo.mend", "admin"],
  ["supervisor@demo.mend", "supervisor"],
  ["therapist@demo.mend", "therapist"],
  ["therapist2@demo.mend", "therapist"],
  ["alex@demo.mend", "partner (first couple)"],
  ["sam@demo.mend", "partner (first couple)"],
] as const;

export async function bootstrap(options: { log?: (line: string) => void } = {}) {
  const log = options.log ?? ((line: string) => console.log(line));
  const e = env(); // fail fast on bad configuration
  await migrate({ log });
  const empty = await isEmpty(prisma);
  // Demo data: on by default for the embedded database outside production; MEND_DEMO=0/1 overrides.
  const demoWanted = e.MEND_DEMO ? e.MEND_DEMO === "1" : e.NODE_ENV !== "production";
  let seeded = false;
  if (empty && demoWanted) {
    log("Empty database: loading the demo practice…");
    await seedDemo(prisma, { log });
    seeded = true;
  }
  // Practices from before per-country crisis lines get the (unverified) seed list once.
  const backfilled = await backfillCrisisResources();
  if (backfilled) log(`Crisis lines: ${backfilled} suggested lines added for an admin to verify`);
  const hasDemo = (await prisma.user.count({ where: { email: "admin@demo.mend" } })) > 0;
  const needsSetup = !hasDemo && (await prisma.user.count()) === 0;
  return { backend: backend(), seeded, hasDemo, needsSetup, demoLogins: hasDemo ? DEMO_LOGINS : [] };
}
