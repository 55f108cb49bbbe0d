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
          <th>Week</th>
          <th>Expected</th>
          <th>Kept</th>
          <th>Partly</th>
          <th>Missed</th>
          <th>Not reported</th>
          <th>Adherence</th>
        </tr>
      </thead>
      <tbody>
        {weeks.map((w) => (
          <tr key={w.week}>
            <td>
              Week {w.week}
              {w.from ? <span className="small muted"> · from {w.from}</span> : null}
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
