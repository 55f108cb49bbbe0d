import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface SeriesSpec {
  key: string;
  label: string;
  /** colour plus a dash pattern and marker, so lines differ without colour */
  color: string;
  dash?: string;
  dot?: boolean;
}

/** One chart component for every time series in Mend (mood, closeness, CSI-4, adherence %). */
export default function TimeSeriesChart({
  data,
  series,
  yDomain,
  reference,
  height = 260,
  label,
}: {
  data: Record<string, string | number | null>[];
  series: SeriesSpec[];
  yDomain: [number, number];
  reference?: { y: number; label: string };
  height?: number;
  label: string;
}) {
  return (
    <figure aria-label={label} style={{ margin: 0 }}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: -16 }}>
          <CartesianGrid stroke="#e4e7ea" />
          <XAxis dataKey="date" tick={{ fontSize: 12 }} minTickGap={24} />
          <YAxis domain={yDomain} tick={{ fontSize: 12 }} allowDecimals={false} />
          <Tooltip />
          <Legend />
          {reference ? <ReferenceLine y={reference.y} stroke="#b42318" strokeDasharray="6 3" label={{ value: reference.label, fontSize: 12, position: "insideTopRight" }} /> : null}
          {series.map((s) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeDasharray={s.dash}
              strokeWidth={2}
              dot={s.dot ? { r: 2 } : false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
