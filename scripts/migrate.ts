// `npm run db:migrate`: apply pending migrations to the configured database (PGlite or DATABASE_URL).
import { backend, closeDb } from "~/utils/db.server";
import { migrate } from "~/utils/migrate.server";

const applied = await migrate({ log: console.log });
console.log(applied.length ? `Applied ${applied.length} migration(s) on ${backend()}.` : `Database (${backend()}) is up to date.`);
await closeDb();
