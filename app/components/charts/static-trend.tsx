/**
 * A print-friendly 1–10 trend (plain SVG, drawn on the server): each partner's 7-day average as a
 * line in their colour and line style (partner-styles.tsx), flags as red ticks and pauses as grey
 * bands. For the printable summary; the interactive panels are mood-chart.tsx.
 */
import { formatLocalDate } from "~/domain/date-format";
import { diffDays, type LocalDate } from "~/domain/dates";
import { MARKER_STYLE, PARTNER_STYLE, type Slot } from "./partner-styles";

const W = 640;
const H = 170;
const L = 34;
const R = 8;
const T = 8;
const B = 22;

export function StaticTrend({
  measure,
  points,
  period,
  markers,
}: {
  measure: string;
  points: Record<Slot, { date: LocalDate; avg: number }[]>;
  period: { from: LocalDate; to: LocalDate };
  markers: { flags: { id: string; date: LocalDate }[]; pauses: { id: string; from: LocalDate; to: LocalDate }[] };
}) {
  const span = Math.max(1, diffDays(period.to, period.from));
  const x = (d: LocalDate) => L + ((W - L - R) * Math.min(span, Math.max(0, diffDays(d, period.from)))) / span;
  const y = (v: number) => T + ((H - T - B) * (10 - v)) / 9;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" className="static-trend" aria-hidden="true" focusable="false">
      {[1, 4, 7, 10].map((v) => (
        <g key={v}>
          <line x1={L} x2={W - R} y1={y(v)} y2={y(v)} stroke="#e4e7ea" />
          <text x={L - 4} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#344054">
            {v}
          </text>
        </g>
      ))}
      <text x={10} y={H / 2} fontSize="11" fill="#344054" transform={`rotate(-90 10 ${H / 2})`} textAnchor="middle">
        {measure} (1–10)
      </text>
      {markers.pauses.map((p) => (
        <rect key={p.id} x={x(p.from)} y={T} width={Math.max(2, x(p.to) - x(p.from))} height={H - T - B} fill={MARKER_STYLE.pause.color} fillOpacity={MARKER_STYLE.pause.opacity} />
      ))}
      {markers.flags.map((f) => (
        <line key={f.id} x1={x(f.date)} x2={x(f.date)} y1={T} y2={H - B} stroke={MARKER_STYLE.flag.color} strokeWidth="2" />
      ))}
      {(["A", "B"] as const).map((slot) =>
        points[slot].length ? (
          <polyline
            key={slot}
            fill="none"
            stroke={PARTNER_STYLE[slot].color}
            strokeWidth="2.5"
            strokeDasharray={PARTNER_STYLE[slot].dash}
            points={points[slot].map((p) => `${x(p.date).toFixed(1)},${y(p.avg).toFixed(1)}`).join(" ")}
          />
        ) : null,
      )}
      <text x={L} y={H - 6} fontSize="11" fill="#344054">
        {formatLocalDate(period.from)}
      </text>
      <text x={W - R} y={H - 6} fontSize="11" fill="#344054" textAnchor="end">
        {formatLocalDate(period.to)}
      </text>
    </svg>
  );
}
