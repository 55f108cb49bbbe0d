import { lazy, Suspense, useEffect, useState, type ComponentProps, type ReactNode } from "react";

// recharts is loaded only on pages that draw a chart, and only in the browser: the server
// renders the table view and the summary, so pages stay fast and readable without JavaScript.
const LineChartImpl = lazy(() => import("./line-chart"));
const MoodPanelImpl = lazy(() => import("./mood-chart"));

/** Renders its children only after hydration, with a placeholder of the chart's height until then. */
function ClientOnly({ height, children }: { height: number; children: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const fallback = (
    <p className="muted small chart-placeholder" style={{ minHeight: height }}>
      Loading chart…
    </p>
  );
  if (!mounted) return fallback;
  return <Suspense fallback={fallback}>{children}</Suspense>;
}

export function LazyLineChart(props: ComponentProps<typeof LineChartImpl>) {
  return (
    <ClientOnly height={props.height ?? 260}>
      <LineChartImpl {...props} />
    </ClientOnly>
  );
}

/** A mood or closeness panel (app/components/charts/mood-chart.tsx). */
export function LazyMoodPanel(props: ComponentProps<typeof MoodPanelImpl>) {
  return (
    <ClientOnly height={props.height ?? 220}>
      <MoodPanelImpl {...props} />
    </ClientOnly>
  );
}
