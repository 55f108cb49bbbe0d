import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatLocalDate } from "~/domain/date-format";
import { addDays, diffDays, type LocalDate } from "~/domain/dates";
import { MARKER_STYLE, PARTNER_STYLE, type Slot } from "./partner-styles";

export interface PanelPoint {
  date: LocalDate;
  value: number;
  avg: number;
}

export interface PanelProps {
  /** "Mood", "Closeness": the y-axis reads "<measure> (1–10)" */
  measure: string;
  names: Record<Slot, string>;
  points: Record<Slot, PanelPoint[]>;
  period: { from: LocalDate; to: LocalDate };
  markers: { flags: { id: string; date: LocalDate; severity: string }[]; pauses: { id: string; from: LocalDate; to: LocalDate }[] };
  height?: number;
}

const short = (d: LocalDate) => formatLocalDate(d).replace(/ \d{4}$/, "");

/**
 * One 1–10 panel (mood or closeness): per partner, the 7-day average as the line and each day's
 * value as a faint point; flags as red lines and pauses as grey bands on the time axis. The x
 * axis counts days from the period's start, so a marker sits on its day even with no check-in.
 */
export default function MoodPanel({ measure, names, points, period, markers, height = 220 }: PanelProps) {
  const last = diffDays(period.to, period.from);
  const byX = new Map<number, Record<string, number>>();
  for (const slot of ["A", "B"] as const) {
    for (const p of points[slot]) {
      const x = diffDays(p.date, period.from);
      const row = byX.get(x) ?? { x };
      row[`avg${slot}`] = p.avg;
      row[`val${slot}`] = p.value;
      byX.set(x, row);
    }
  }
  const data = [...byX.values()].sort((a, b) => a.x! - b.x!);
  const step = Math.max(1, Math.ceil(last / 6));
  const ticks = Array.from({ length: Math.floor(last / step) + 1 }, (_, i) => i * step);
  const dateOf = (x: number) => addDays(period.from, x);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={data} margin={{ top: 16, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#e4e7ea" />
        <XAxis dataKey="x" type="number" domain={[0, Math.max(last, 1)]} ticks={ticks} tickFormatter={(x: number) => short(dateOf(x))} tick={{ fontSize: 12, fill: "#344054" }} />
        <YAxis
          domain={[1, 10]}
          ticks={[1, 4, 7, 10]}
          tick={{ fontSize: 12, fill: "#344054" }}
          width={48}
          label={{ value: `${measure} (1–10)`, angle: -90, position: "insideLeft", offset: 8, style: { fontSize: 12, fill: "#344054", textAnchor: "middle" } }}
        />
        <Tooltip labelFormatter={(x) => formatLocalDate(dateOf(Number(x)))} formatter={(v, name) => [v as number, String(name)]} />
        {markers.pauses.map((p) => (
          <ReferenceArea key={p.id} x1={diffDays(p.from, period.from)} x2={diffDays(p.to, period.from)} fill={MARKER_STYLE.pause.color} fillOpacity={MARKER_STYLE.pause.opacity} ifOverflow="hidden" label={{ value: "paused", position: "insideTop", fontSize: 11, fill: "#344054" }} />
        ))}
        {markers.flags.map((f) => (
          <ReferenceLine key={f.id} x={diffDays(f.date, period.from)} stroke={MARKER_STYLE.flag.color} strokeWidth={2} ifOverflow="hidden" label={{ value: "flag", position: "top", fontSize: 11, fill: MARKER_STYLE.flag.color }} />
        ))}
        {(["A", "B"] as const).flatMap((slot) => [
          <Line
            key={`val${slot}`}
            dataKey={`val${slot}`}
            name={`${names[slot]} (that day)`}
            stroke="none"
            dot={{ r: 2.5, fill: PARTNER_STYLE[slot].color, fillOpacity: 0.35, stroke: "none" }}
            activeDot={false}
            legendType="none"
            isAnimationActive={false}
          />,
          <Line
            key={`avg${slot}`}
            type="monotone"
            dataKey={`avg${slot}`}
            name={`${names[slot]} (7-day average)`}
            stroke={PARTNER_STYLE[slot].color}
            strokeDasharray={PARTNER_STYLE[slot].dash}
            strokeWidth={2.5}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />,
        ])}
      </LineChart>
    </ResponsiveContainer>
  );
}
