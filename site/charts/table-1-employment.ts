import type { TopLevelSpec } from "vega-lite";
import { statisticHref, type ChartedStatistic } from "./marks.js";

export interface EmploymentRow extends ChartedStatistic {
  cluster: string;
  row_order: number;
  measure: string;
  unit: string;
  period: string | null;
}

/**
 * Survey Table-1's counts of firms and workers, one panel per unit, clusters in the table's
 * order, on a log scale by default because the counts span two orders of magnitude (a linear
 * scale is drawn too, for readers who switch). A printed range
 * ("between 6800 and 8000") draws as a bar between its bounds, never as an invented point.
 */
export function table1EmploymentSpec(rows: readonly EmploymentRow[], { width, scale = "log" }: { width: number; scale?: "log" | "linear" }): TopLevelSpec {
  const values = rows.map((d) => ({
    ...d,
    href: statisticHref(d.id),
    short: `${d.printed} ${d.measure.replaceAll("_", " ")}`,
    low: d.value ?? d.value_low,
    high: d.value ?? d.value_high,
    description: `${d.cluster}: ${d.printed} ${d.unit} (${d.measure.replaceAll("_", " ")}${d.period ? `, ${d.period}` : ""})`,
  }));
  const clusters = [...new Map(rows.map((d) => [d.cluster, d.row_order])).entries()].sort((a, b) => a[1] - b[1]).map(([c]) => c);
  const panelWidth = Math.max(120, width - 120);
  const y = { field: "cluster", type: "nominal", sort: clusters, title: null } as const;
  const x = { field: "low", type: "quantitative", scale: (scale === "linear" ? { type: "linear", zero: true } : { type: "log" }) as { type: "linear" | "log"; zero?: boolean }, axis: { format: "~s", title: null } } as const;
  const panel = (unit: string) => ({
    title: { text: unit, anchor: "start" as const, fontSize: 12 },
    width: panelWidth,
    transform: [{ filter: { field: "unit", equal: unit } }],
    layer: [
      {
        mark: { type: "rule" as const, strokeWidth: 3, opacity: 0.7 },
        transform: [{ filter: "datum.value === null" }],
        encoding: { y, x, x2: { field: "high" }, href: { field: "href" }, description: { field: "description" } },
      },
      {
        mark: { type: "point" as const, filled: true, size: 70, opacity: 0.9 },
        transform: [{ filter: "datum.value !== null" }],
        encoding: { y, x, href: { field: "href" }, description: { field: "description" } },
      },
      {
        // The printed words, beside each mark, say which count it is ("300 manufacturers").
        mark: { type: "text" as const, align: "left" as const, dx: 6, dy: -7, fontSize: 9, opacity: 0.85 },
        // Linked like its mark, so a filter hides both; the figure keeps only the mark in the tab order.
        encoding: { y, x, text: { field: "short" }, href: { field: "href" }, description: { field: "description" } },
      },
    ],
  });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: `Survey Table-1: firms and workers per cluster as printed in the Employment column, on a ${scale} scale.`,
    data: { values },
    vconcat: [panel("firms"), panel("workers")],
    resolve: { scale: { x: "independent", y: "independent", shape: "shared" } },
  };
}

/** The chart's text alternative. */
export function describeTable1Employment(rows: readonly EmploymentRow[]): string {
  return `Firms and workers per cluster as Table-1 prints them, on a log scale: ${rows.length} numbers for ${new Set(rows.map((d) => d.cluster)).size} clusters.`;
}
