import type { TopLevelSpec } from "vega-lite";
import { describeIntervalBars, intervalBarsSpec, type IntervalRow } from "./interval-bars.js";

/** Domestic market in blue, international market in orange: both read on the light and the dark theme. */
const MARKET_COLOURS = ["#4c8fd6", "#e8862e"] as const;

/**
 * Thesis Table #7 (Guadalajara, Rabellotti 1999): the share of firms that cooperate a lot, by
 * kind of cooperation and market, as printed, with computed 95% Wilson intervals from each
 * cell's N (N=61, or 59 for production organization, domestic; N=25 international, the
 * misprinted "N025" read as N=25).
 */
export function thesisTable7IntervalsSpec(rows: readonly IntervalRow[], { width }: { width: number }): TopLevelSpec {
  return intervalBarsSpec(rows, { width, table: "Table #7", colours: MARKET_COLOURS });
}

export const describeThesisTable7Intervals = (rows: readonly IntervalRow[]) => describeIntervalBars(rows, "Table #7");
