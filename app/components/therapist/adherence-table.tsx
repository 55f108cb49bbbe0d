import { LocalDay } from "~/components/local-time";

export interface WeekRow {
  /** the couple's plan week (1 = the 7 days from the couple's start date) */
  week: number;
  /** its first day, so the week reads as dates too */
  from?: string;
  expected: number;
  kept: number;
  partly: number;
  missed: number;
  notReported: number;
  percent: number | null;
}

/** Adherence per plan week of the couple: expected vs kept / partly / missed / not reported (never guessed). */
export function AdherenceWeekTable({ weeks, caption, testIdPrefix }: { weeks: WeekRow[]; caption?: string; testIdPrefix?: string }) {
  return (
    <table>
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">Week</th>
          <th scope="col">Expected</th>
          <th scope="col">Kept</th>
          <th scope="col">Partly</th>
          <th scope="col">Missed</th>
          <th scope="col">Not reported</th>
          <th scope="col">Adherence</th>
        </tr>
      </thead>
      <tbody>
        {weeks.map((w) => (
          <tr key={w.week}>
            <td>
              Week {w.week}
              {w.from ? (
                <span className="small muted">
                  {" "}
                  · from <LocalDay date={w.from} />
                </span>
              ) : null}
            </td>
            <td>{w.expected}</td>
            <td>{w.kept}</td>
            <td>{w.partly}</td>
            <td>{w.missed}</td>
            <td>{w.notReported}</td>
            <td data-testid={testIdPrefix ? `${testIdPrefix}-${w.week}` : undefined}>{w.percent === null ? "—" : `${w.percent}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
