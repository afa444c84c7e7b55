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
  const narrow = width < 500;
  const labelFont = narrow ? 9 : 10;
  // Where each count falls along its panel (0 left, 1 right), to put its words on the side with
  // room: a label never runs past the drawing, so the chart keeps the width it is drawn for.
  const position = (d: EmploymentRow): number => {
    const same = rows.filter((r) => r.unit === d.unit).map((r) => r.value ?? r.value_high ?? 0).filter((v) => v > 0);
    const v = d.value ?? d.value_low ?? 0;
    const [min, max] = [Math.min(...same), Math.max(...same)];
    if (scale === "linear") return max > 0 ? v / max : 0;
    return max > min && v > 0 ? (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min)) : 0;
  };
  // Two counts of one cluster in one panel (footwear and cluster workers) label above and below their marks.
  const order = new Map<string, number>();
  const values = rows.map((d) => {
    const key = `${d.cluster}|${d.unit}`;
    const index = order.get(key) ?? 0;
    order.set(key, index + 1);
    return {
      ...d,
      href: statisticHref(d.id),
      // On a phone the words would run over each other: the number alone (its mark's description, and the table above, say which count it is).
      short: narrow ? d.printed : `${d.printed} ${d.measure.replaceAll("_", " ")}`,
      low: d.value ?? d.value_low,
      high: d.value ?? d.value_high,
      side: position(d) > 0.55 ? "left" : "right",
      below: index % 2 === 1,
      description: `${d.cluster}: ${d.printed} ${d.unit} (${d.measure.replaceAll("_", " ")}${d.period ? `, ${d.period}` : ""})`,
    };
  });
  const clusters = [...new Map(rows.map((d) => [d.cluster, d.row_order])).entries()].sort((a, b) => a[1] - b[1]).map(([c]) => c);
  // The cluster names' column: the longest name at the axis's 11 px, as Vega estimates text (0.8 em a character).
  const axisWidth = Math.ceil(Math.max(...clusters.map((c) => c.length)) * 11 * 0.8) + 8;
  const panelWidth = Math.max(120, width - axisWidth - 8);
  const y = { field: "cluster", type: "nominal", sort: clusters, title: null, axis: { labelLimit: axisWidth } } as const;
  const x = { field: "low", type: "quantitative", scale: (scale === "linear" ? { type: "linear", zero: true } : { type: "log" }) as { type: "linear" | "log"; zero?: boolean }, axis: { format: "~s", title: null } } as const;
  const label = (side: "left" | "right", below: boolean) => ({
    // The printed words, beside each mark, say which count it is ("300 manufacturers").
    mark: { type: "text" as const, align: side === "right" ? ("left" as const) : ("right" as const), dx: side === "right" ? 6 : -6, dy: below ? 9 : -8, fontSize: labelFont, opacity: 0.85 },
    transform: [{ filter: `datum.side === '${side}' && datum.below === ${below}` }],
    // Linked like its mark, so a filter hides both; the figure keeps only the mark in the tab order.
    encoding: { y, x, text: { field: "short" }, href: { field: "href" }, description: { field: "description" } },
  });
  const panel = (unit: string) => ({
    title: { text: unit, anchor: "start" as const, fontSize: 12 },
    width: panelWidth,
    height: { step: 30 },
    transform: [{ filter: { field: "unit", equal: unit } }],
    layer: [
      {
        // The points' blue, not the rule's default black, which vanishes on the dark theme.
        mark: { type: "rule" as const, strokeWidth: 3, opacity: 0.7, color: "#4c78a8" },
        transform: [{ filter: "datum.value === null" }],
        encoding: { y, x, x2: { field: "high" }, href: { field: "href" }, description: { field: "description" } },
      },
      {
        mark: { type: "point" as const, filled: true, size: 70, opacity: 0.9 },
        transform: [{ filter: "datum.value !== null" }],
        encoding: { y, x, href: { field: "href" }, description: { field: "description" } },
      },
      label("right", false),
      label("right", true),
      label("left", false),
      label("left", true),
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
