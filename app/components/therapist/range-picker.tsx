import { RANGES, type ChartRange } from "~/domain/chart-series";

/** The charts' period as a plain GET form (no JavaScript needed): the couple page and its printable summary. */
export function RangePicker({ label, value }: { label: string; value: ChartRange }) {
  return (
    <form method="get" className="row no-print">
      <label>
        {label}{" "}
        <select name="range" defaultValue={value}>
          {Object.entries(RANGES).map(([key, r]) => (
            <option key={key} value={key}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="secondary">
        Show
      </button>
    </form>
  );
}
