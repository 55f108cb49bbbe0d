// `npm run backup [-- <file>]`: a backup of the configured database (PGlite or DATABASE_URL).
// For the embedded database, stop the server first (PGlite is single-process).
import { backupPglite, backupPostgres, defaultBackupFile } from "~/utils/backup.server";
import { closeDb, databaseUrl, sql } from "~/utils/db.server";

const file = process.argv[2] ?? defaultBackupFile();
const url = databaseUrl();
if (url) await backupPostgres(url, file);
else {
  await sql("SELECT 1"); // opens the embedded database
  await backupPglite(file);
}
await closeDb();
console.log(`Backup written to ${file}`);
