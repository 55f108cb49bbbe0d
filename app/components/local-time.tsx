import { useEffect, useState } from "react";

/**
 * An instant in the viewer's own time zone and locale. The server does not know them, so the
 * server HTML and the first client render show a fixed UTC form (hydration then matches), and
 * the local form replaces it once the page is running.
 */
export function LocalTime({ iso }: { iso: string }) {
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    setLocal(new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }));
  }, [iso]);
  return <time dateTime={iso}>{local ?? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`}</time>;
}
