import { useRouteLoaderData } from "@remix-run/react";
import { formatDate, formatDateTime, formatLocalDate, formatLocalDateWithWeekday } from "~/domain/date-format";

/**
 * The zone the viewer reads dates in, decided by the server (root loader: the practice's zone for
 * staff, the couple's for partners). The same on the server and in the browser, so the text of a
 * date never changes at hydration.
 */
export function useViewerTimeZone(): string {
  const data = useRouteLoaderData("root") as { timeZone?: string } | undefined;
  return data?.timeZone ?? "UTC";
}

/** An instant → "2 Dec 2026, 08:18" (or "2 Dec 2026" with `dateOnly`) in the viewer's zone. */
export function LocalTime({ iso, dateOnly = false }: { iso: string | Date; dateOnly?: boolean }) {
  const timeZone = useViewerTimeZone();
  const value = typeof iso === "string" ? iso : iso.toISOString();
  return (
    <time dateTime={value} className="date">
      {dateOnly ? formatDate(value, timeZone) : formatDateTime(value, timeZone)}
    </time>
  );
}

/** A calendar day ("YYYY-MM-DD", already in the couple's zone) → "2 Dec 2026". */
export function LocalDay({ date, weekday = false }: { date: string; weekday?: boolean }) {
  return (
    <time dateTime={date} className="date">
      {weekday ? formatLocalDateWithWeekday(date) : formatLocalDate(date)}
    </time>
  );
}
