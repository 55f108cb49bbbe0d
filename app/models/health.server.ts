/** The load balancers' health check: can this instance reach its database? Reveals nothing but the back-end kind. */
import { backend, sql } from "~/utils/db.server";

export async function databaseHealth(): Promise<{ ok: boolean; database: string }> {
  try {
    await sql("SELECT 1");
    return { ok: true, database: backend() };
  } catch {
    return { ok: false, database: backend() };
  }
}
