/** A tiny inline-SVG mood sparkline (no chart library on the caseload). */
export function Sparkline({ points, label }: { points: { date: string; mood: number }[]; label: string }) {
  if (points.length === 0) return <span className="muted small">no check-ins</span>;
  const w = 84;
  const h = 24;
  const x = (i: number) => (points.length === 1 ? w / 2 : (i / (points.length - 1)) * (w - 4) + 2);
  const y = (m: number) => h - 2 - ((m - 1) / 9) * (h - 4);
  const d = points.map((p, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(p.mood).toFixed(1)}`).join(" ");
  const last = points[points.length - 1]!;
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${label}: ${points.map((p) => p.mood).join(", ")}`}>
      <path d={d} fill="none" stroke="#2f6f73" strokeWidth="2" />
      <circle cx={x(points.length - 1)} cy={y(last.mood)} r="2.5" fill="#2f6f73" />
    </svg>
  );
}
