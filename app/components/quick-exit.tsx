import { useEffect } from "react";

/** Where a quick exit lands: an ordinary, neutral page (also allowed by the CSP's form-action). */
export const NEUTRAL_URL = "https://www.weather.gov/";

/** The route that ends the session; GET without JavaScript, POST from the script below. */
export const EXIT_PATH = "/exit";

/**
 * Leaves Mend at once: blanks the page (nothing stays on screen while the neutral site loads),
 * asks the server to end the session in the background (a keepalive request survives the page
 * being left), and replaces this history entry, so "back" does not return here — and since
 * signed-in pages are never cached, going back to an earlier entry asks the server again and
 * gets the sign-in page. Also bound to Escape pressed three times within two seconds.
 */
export function quickExit() {
  try {
    document.body.innerHTML = "";
    document.title = "Weather";
  } catch {
    // ignore: we are leaving anyway
  }
  try {
    if (!navigator.sendBeacon?.(EXIT_PATH)) {
      void fetch(EXIT_PATH, { method: "POST", keepalive: true, credentials: "same-origin", redirect: "manual" }).catch(() => {});
    }
  } catch {
    // never let sign-out get in the way of leaving
  }
  window.location.replace(NEUTRAL_URL);
}

// Inline so it applies on every partner page (partner.css is loaded by some routes only). Fixed
// to the top right of the viewport, a 48 px tall target; the top bar keeps room for it.
const CSS = `
.quick-exit-form { position: fixed; top: 0.5rem; right: 0.5rem; z-index: 1000; margin: 0; }
.quick-exit-form .quick-exit { min-width: 48px; min-height: 48px; padding: 0.5rem 1rem; font-size: 1rem;
  box-shadow: 0 2px 6px rgba(0, 0, 0, 0.25); }
.quick-exit-form .quick-exit:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
body.partner .topbar { padding-right: 8.5rem; }
@media print { .quick-exit-form { display: none; } }
`;

/**
 * The quick exit. Without JavaScript it is a plain GET form to /exit (sign-out on the server,
 * then a redirect to the neutral site); with JavaScript the submit handler does the same
 * without waiting for the server. Render it as the first thing in <body>, so it is the first
 * stop of the keyboard.
 */
export function QuickExit() {
  useEffect(() => {
    let presses: number[] = [];
    function onKey(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      const now = Date.now();
      presses = [...presses.filter((t) => now - t < 2000), now];
      if (presses.length >= 3) quickExit();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <form
      method="get"
      action={EXIT_PATH}
      className="quick-exit-form"
      onSubmit={(e) => {
        e.preventDefault();
        quickExit();
      }}
    >
      <style dangerouslySetInnerHTML={{ __html: CSS }} />
      <button type="submit" className="quick-exit" title="Leave this site now and sign out (or press Esc three times)">
        Quick exit
      </button>
    </form>
  );
}
