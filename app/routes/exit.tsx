/**
 * The quick exit's server side: ends this browser's session and sends it to a neutral site.
 *
 * GET works without JavaScript (the quick-exit button is a plain GET form to here). Signing out
 * on a GET is deliberate and harmless: the only effect is ending one's own session, which a
 * cross-site request could achieve anyway (a forged request can always make a browser lose a
 * session), and a quick exit must never be refused for a missing Origin header. POST is what
 * the button's script sends in the background (navigator.sendBeacon) while it leaves; POSTs
 * pass the same-origin check in server.js like every other.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { NEUTRAL_URL } from "~/components/quick-exit";
import { deleteSession, destroySessionCookie } from "~/utils/session.server";

async function signOutHeaders(request: Request, clearSiteData: string) {
  await deleteSession(request);
  return new Headers({
    "Set-Cookie": await destroySessionCookie(),
    "Cache-Control": "no-store",
    // Also drops this site's cookies and storage in the browser (nothing of Mend stays on the
    // phone). Applied by browsers on secure origins; elsewhere Set-Cookie above does the job.
    "Clear-Site-Data": clearSiteData,
  });
}

export async function loader({ request }: LoaderFunctionArgs) {
  // No "cache" here: browsers may hold a response with it until the HTTP cache is cleared,
  // which would delay the very exit; signed-in pages are never cached (server.js) anyway.
  const headers = await signOutHeaders(request, '"cookies", "storage"');
  headers.set("Location", NEUTRAL_URL);
  return new Response(null, { status: 302, headers });
}

export async function action({ request }: ActionFunctionArgs) {
  // The background request: nobody waits for it, so the cache can be cleared as well.
  const headers = await signOutHeaders(request, '"cache", "cookies", "storage"');
  return new Response(null, { status: 204, headers });
}
