/** The benchmark's targets, its Markdown report and a small SVG bar chart (written by hand). */
import type { LoadResult } from "./load";

export interface Target {
  measure: string;
  measured: number | null;
  unit: string;
  /** "max": measured must be ≤ limit; "min": ≥ limit */
  kind: "max" | "min";
  limit: number;
  detail?: string;
}

export const met = (t: Target) => t.measured !== null && Number.isFinite(t.measured) && (t.kind === "max" ? t.measured <= t.limit : t.measured >= t.limit);

const fmt = (n: number | null, unit: string) => (n === null || !Number.isFinite(n) ? "—" : `${n} ${unit}`.trim());

export function targetTable(targets: Target[]): string {
  const rows = targets.map((t) => `| ${t.measure} | ${fmt(t.measured, t.unit)}${t.detail ? ` (${t.detail})` : ""} | ${t.kind === "max" ? "≤" : "≥"} ${t.limit} ${t.unit} | ${met(t) ? "met" : "**missed**"} |`);
  return ["| measure | measured | target | |", "|---|---|---|---|", ...rows].join("\n");
}

export function loadTable(results: LoadResult[]): string {
  const statuses = (r: LoadResult) => Object.entries(r.statuses).map(([s, n]) => `${s}×${n}`).join(" ");
  return [
    "| endpoint | clients | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | statuses |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...results.map((r) => `| ${r.name} | ${r.clients} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.errors} | ${statuses(r)} |`),
  ].join("\n");
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Horizontal bars: p95 per endpoint with its target marked. */
export function barChart(bars: { label: string; value: number; target: number | null }[], title: string): string {
  const width = 720;
  const left = 250;
  const right = 70;
  const rowH = 30;
  const top = 44;
  const height = top + bars.length * rowH + 34;
  const max = Math.max(1, ...bars.map((b) => Math.max(b.value, b.target ?? 0))) * 1.1;
  const x = (v: number) => left + (v / max) * (width - left - right);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t">`,
    `<title id="t">${esc(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="12" y="24" font-family="system-ui, sans-serif" font-size="15" font-weight="600" fill="#1f2933">${esc(title)}</text>`,
  ];
  bars.forEach((b, i) => {
    const y = top + i * rowH;
    const over = b.target !== null && b.value > b.target;
    parts.push(`<text x="${left - 8}" y="${y + 15}" text-anchor="end" font-family="system-ui, sans-serif" font-size="12" fill="#1f2933">${esc(b.label)}</text>`);
    parts.push(`<rect x="${left}" y="${y + 3}" width="${Math.max(1, x(b.value) - left).toFixed(1)}" height="18" fill="${over ? "#b42318" : "#1b5e8c"}" rx="2"/>`);
    parts.push(`<text x="${(x(b.value) + 5).toFixed(1)}" y="${y + 16}" font-family="system-ui, sans-serif" font-size="12" fill="#1f2933">${b.value} ms</text>`);
    if (b.target !== null) {
      parts.push(`<line x1="${x(b.target).toFixed(1)}" x2="${x(b.target).toFixed(1)}" y1="${y}" y2="${y + 24}" stroke="#1f2933" stroke-width="2" stroke-dasharray="3 2"/>`);
    }
  });
  parts.push(
    `<text x="${left}" y="${height - 10}" font-family="system-ui, sans-serif" font-size="11" fill="#52606d">Bars: measured p95 (red when over target). Dashed line: target.</text>`,
    `</svg>`,
  );
  return parts.join("\n") + "\n";
}
