import { databaseHealth } from "~/models/health.server";

// Liveness and database check for load balancers. Reveals nothing but the back-end kind.
export async function loader() {
  const health = await databaseHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
