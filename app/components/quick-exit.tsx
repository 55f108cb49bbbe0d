import { useEffect } from "react";

const NEUTRAL_URL = "https://www.weather.gov/";

/**
 * Leaves Mend at once for a neutral site and replaces this history entry, so "back" does not
 * return here. Also bound to Escape pressed three times within two seconds.
 */
export function quickExit() {
  try {
    document.body.innerHTML = "";
    document.title = "Weather";
  } catch {
    // ignore: we are leaving anyway
  }
  window.location.replace(NEUTRAL_URL);
}

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
    <form method="get" action={NEUTRAL_URL} className="quick-exit-form" onSubmit={(e) => (e.preventDefault(), quickExit())}>
      <button type="submit" className="quick-exit" title="Leave this site now (or press Esc three times)">
        Quick exit
      </button>
    </form>
  );
}
