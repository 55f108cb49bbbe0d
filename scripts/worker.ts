// `npm run worker`: the outbox worker as its own process (PostgreSQL deployments; run as many as you like).
import { closeDb } from "~/utils/db.server";
import { startWorkerLoop } from "~/worker/worker.server";

const worker = startWorkerLoop({ intervalMs: Number(process.env.WORKER_INTERVAL_MS ?? 30_000) });
console.log(`Mend worker started (SMTP ${process.env.SMTP_URL ? "configured" : "not configured: messages stay queued"}).`);
const stop = async () => {
  await worker.stop();
  await closeDb();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
