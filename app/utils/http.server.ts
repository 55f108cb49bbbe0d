import { data } from "@remix-run/node";

/** Throw a response unless `condition` holds (Epic Stack's invariantResponse). */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: ResponseInit = { status: 400 },
): asserts condition {
  if (!condition) throw new Response(message, { ...init, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function notFound(message = "Not found"): never {
  throw new Response(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function forbidden(message = "Forbidden"): never {
  throw new Response(message, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** A validation failure: the form re-renders with field errors and what was typed. */
export function badRequest<T>(payload: T) {
  return data(payload, { status: 400 });
}

export function clientIp(request: Request): string {
  return request.headers.get("x-mend-client-ip") ?? "unknown";
}
