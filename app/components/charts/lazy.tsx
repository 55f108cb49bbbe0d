import { lazy, Suspense, useEffect, useState, type ComponentProps } from "react";

// recharts is loaded only on pages that draw a chart, and only in the browser: the server
// renders the table view, so pages stay fast and readable without JavaScript.
const LineChartImpl = lazy(() => import("./line-chart"));

export function LazyLineChart(props: ComponentProps<typeof LineChartImpl>) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) return <p className="muted small">Loading chart…</p>;
  return (
    <Suspense fallback={<p className="muted small">Loading chart…</p>}>
      <LineChartImpl {...props} />
    </Suspense>
  );
}
