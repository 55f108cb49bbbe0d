// `npm run restore -- <file>`: restore a backup made by `npm run backup`.
// PostgreSQL: replays the dump into DATABASE_URL (it drops and recreates Mend's tables).
// PGlite: stop the server first; the current ./data/pglite is kept beside it.
import { restorePglite, restorePostgres } from "~/utils/backup.server";
import { databaseUrl } from "~/utils/db.server";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run restore -- <backup file>");
  process.exit(2);
}
const url = databaseUrl();
if (url) {
  await restorePostgres(url, file);
  console.log(`Restored ${file} into the PostgreSQL database.`);
} else {
  const { keptAt } = await restorePglite(file);
  console.log(`Restored ${file} into the embedded database.${keptAt ? ` The previous data is kept at ${keptAt}.` : ""}`);
}
