/**
 * Adherence per plan week as stacked bars, drawn as plain SVG on the server (no chart library:
 * it prints, works without JavaScript and costs the page nothing). Each bar is all of the
 * week's expected occurrences (so far), split into kept / partly / missed / not reported, with the
 * adherence percentage above it; the green reaches the dashed target line in a week that met it
 * (partly counts half). The shaded column is this week. The numbers are in the table view beside it.
 */
export interface BarWeek {
  week: number;
  expected: number;
  kept: number;
  partly: number;
  missed: number;
  notReported: number;
  percent: number | null;
}

export const BAR_PARTS = [
  { key: "kept", label: "kept", color: "#1e7a3c" },
  { key: "partly", label: "partly", color: "#8cc084" },
  { key: "missed", label: "missed", color: "#c4320a" },
  { key: "notReported", label: "not reported", color: "#d0d5dd" },
] as const;

const INK = "#344054";

/** The legend the bars share (one per section, not one per small chart). */
export function AdherenceLegend({ target }: { target: number }) {
  return (
    <ul className="chart-legend" aria-label="Legend">
      {BAR_PARTS.map((p) => (
        <li key={p.key}>
          <svg width="14" height="14" aria-hidden="true" focusable="false">
            <rect width="14" height="14" fill={p.color} stroke={p.key === "notReported" ? "#98a2b3" : "none"} />
            {p.key === "notReported" ? <path d="M0 14 L14 0 M-3 3 L3 -3 M11 17 L17 11" stroke="#98a2b3" strokeWidth="1.5" /> : null}
          </svg>{" "}
          {p.label}
        </li>
      ))}
      <li>
        <svg width="22" height="14" aria-hidden="true" focusable="false">
          <line x1="0" y1="7" x2="22" y2="7" stroke="#b42318" strokeWidth="2" strokeDasharray="5 3" />
        </svg>{" "}
        {target}% target
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true" focusable="false">
          <rect width="14" height="14" fill="#e0ecf7" stroke="#1b5e8c" />
        </svg>{" "}
        this week
      </li>
    </ul>
  );
}

export function AdherenceBars({
  id,
  weeks,
  planWeeks,
  currentWeek,
  target,
  compact = false,
}: {
  /** unique on the page (names the SVG pattern) */
  id: string;
  weeks: BarWeek[];
  planWeeks: number;
  currentWeek: number;
  target: number;
  compact?: boolean;
}) {
  const byWeek = new Map(weeks.map((w) => [w.week, w]));
  const lastWeek = Math.max(planWeeks, ...weeks.map((w) => w.week), Math.min(currentWeek, planWeeks));
  const firstWeek = Math.min(1, ...weeks.map((w) => w.week));
  const columns = Array.from({ length: lastWeek - firstWeek + 1 }, (_, i) => firstWeek + i);
  const colW = compact ? 28 : 48;
  const barW = compact ? 18 : 30;
  const left = compact ? 30 : 40;
  const top = compact ? 8 : 20;
  const plotH = compact ? 70 : 150;
  const bottom = compact ? 18 : 34;
  const width = left + columns.length * colW + 8;
  const height = top + plotH + bottom;
  const y = (pct: number) => top + plotH - (plotH * pct) / 100;
  const font = compact ? 9 : 11;
  const hatch = `${id}-hatch`;
  // the current week's band reaches over the percentage label (full size) or just over the bar
  const bandAbove = compact ? 4 : font + 4;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width * (compact ? 1.6 : 1.4) }} className="adherence-bars" aria-hidden="true" focusable="false">
      <defs>
        <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#d0d5dd" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#98a2b3" strokeWidth="2" />
        </pattern>
      </defs>
      {[0, 50, 100].map((p) => (
        <g key={p}>
          <line x1={left} x2={width - 8} y1={y(p)} y2={y(p)} stroke="#e4e7ea" />
          <text x={left - 4} y={y(p) + font / 3} textAnchor="end" fontSize={font} fill={INK}>
            {p}%
          </text>
        </g>
      ))}
      {columns.map((week, i) => {
        const x = left + i * colW;
        const w = byWeek.get(week);
        const current = week === currentWeek;
        let acc = 0;
        return (
          <g key={week} data-week={week}>
            {current ? <rect x={x + 1} y={top - bandAbove} width={colW - 2} height={plotH + bandAbove} fill="#e0ecf7" stroke="#1b5e8c" strokeWidth="1" /> : null}
            {w && w.expected > 0
              ? BAR_PARTS.map((part) => {
                  const n = w[part.key];
                  if (!n) return null;
                  const h = (plotH * n) / w.expected;
                  const rect = <rect key={part.key} x={x + (colW - barW) / 2} y={top + plotH - acc - h} width={barW} height={h} fill={part.key === "notReported" ? `url(#${hatch})` : part.color} />;
                  acc += h;
                  return rect;
                })
              : null}
            {!compact ? (
              <text x={x + colW / 2} y={w && w.expected > 0 ? top - 3 : top + plotH - 3} textAnchor="middle" fontSize={font} fill={INK}>
                {w && w.percent !== null ? `${w.percent}%` : week <= currentWeek ? "–" : ""}
              </text>
            ) : null}
            <text x={x + colW / 2} y={top + plotH + font + 3} textAnchor="middle" fontSize={font} fill={INK} fontWeight={current ? 700 : 400}>
              {compact ? week : `W${week}`}
            </text>
            {current && !compact ? (
              <text x={x + colW / 2} y={top + plotH + 2 * font + 7} textAnchor="middle" fontSize={font} fill="#1b5e8c" fontWeight={700}>
                now
              </text>
            ) : null}
          </g>
        );
      })}
      <line x1={left} x2={width - 8} y1={y(target)} y2={y(target)} stroke="#b42318" strokeWidth="2" strokeDasharray="5 3" />
    </svg>
  );
}
