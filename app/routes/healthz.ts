import { backend, sql } from "~/utils/db.server";

// Liveness and database check for load balancers. Reveals nothing but the back-end kind.
export async function loader() {
  try {
    await sql("SELECT 1");
    return Response.json({ ok: true, database: backend() }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ ok: false, database: backend() }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
