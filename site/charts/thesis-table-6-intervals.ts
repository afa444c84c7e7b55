import type { TopLevelSpec } from "vega-lite";
import { describeIntervalBars, intervalBarsSpec, type IntervalRow } from "./interval-bars.js";

/** All firms in a neutral grey; small, medium and large firms in a blue, an orange and a green that read on both themes. */
const FIRM_SIZE_COLOURS = ["#8a8f98", "#4c8fd6", "#e8862e", "#3aa57a"] as const;

/**
 * Thesis Table #6 (Sialkot, Nadvi 1999): the share of firms reporting each improvement in
 * cooperation with suppliers, by firm size, as printed, with computed 95% Wilson intervals
 * from each column's N (N=60, 21, 22, 17).
 */
export function thesisTable6IntervalsSpec(rows: readonly IntervalRow[], { width }: { width: number }): TopLevelSpec {
  return intervalBarsSpec(rows, { width, table: "Table #6", colours: FIRM_SIZE_COLOURS });
}

export const describeThesisTable6Intervals = (rows: readonly IntervalRow[]) => describeIntervalBars(rows, "Table #6");
