import { diffDays } from "~/domain/dates";
import { formatLocalDate } from "~/domain/date-format";

/** One partner's line style: the first partner solid blue, the second dashed orange (as on the couple page). */
export const PARTNER_LINE = {
  A: { color: "#1b5e8c", dash: undefined },
  B: { color: "#b54708", dash: "4 3" },
} as const;

/**
 * A tiny inline-SVG mood sparkline (no chart library on the caseload), one per partner, placed by
 * date over the days `from`…`to` so a gap in check-ins shows as a gap. The partner's name is
 * written beside it, in the line's colour and style, and the text alternative lists each day.
 */
export function Sparkline({
  points,
  name,
  partner,
  from,
  to,
}: {
  points: { date: string; mood: number }[];
  name: string;
  partner: "A" | "B";
  from: string;
  to: string;
}) {
  const style = PARTNER_LINE[partner];
  const legend = (
    <span className="spark-name">
      <svg width="16" height="8" aria-hidden="true" focusable="false">
        <line x1="0" y1="4" x2="16" y2="4" stroke={style.color} strokeWidth="2" strokeDasharray={style.dash} />
      </svg>
      {name}
    </span>
  );
  if (points.length === 0) {
    return (
      <span className="spark">
        {legend} <span className="muted small">no check-ins</span>
      </span>
    );
  }
  const w = 84;
  const h = 24;
  const span = Math.max(1, diffDays(to, from));
  const x = (date: string) => (Math.min(span, Math.max(0, diffDays(date, from))) / span) * (w - 4) + 2;
  const y = (m: number) => h - 2 - ((m - 1) / 9) * (h - 4);
  // Coordinates to a tenth, the last day marked, the text once: forty of these are on a caseload.
  const xy = points.map((p) => [x(p.date).toFixed(1), y(p.mood).toFixed(1)] as const);
  const d = xy.map(([px, py], i) => `${i ? "L" : "M"}${px},${py}`).join(" ");
  const last = points[points.length - 1]!;
  const [lastX, lastY] = xy[xy.length - 1]!;
  const text = `${name}'s mood: ${points.map((p) => `${p.mood} on ${formatLocalDate(p.date)}`).join(", ")}`;
  return (
    <span className="spark">
      {legend}
      <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={text}>
        <path d={d} fill="none" stroke={style.color} strokeWidth="2" strokeDasharray={style.dash} />
        <circle cx={lastX} cy={lastY} r="2.5" fill={style.color} />
      </svg>
      <span className="small"> {last.mood}</span>
    </span>
  );
}
