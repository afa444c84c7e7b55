import type { TopLevelSpec } from "vega-lite";
import { table1EmploymentSpec, type EmploymentRow } from "./table-1-employment.js";

/** A chart of the report: the SQL (in src/sql/) that feeds it, its spec, and its text alternative. */
export interface ChartDefinition {
  /** The query file, relative to src/sql/. Its rows must carry the `id` of each statistic drawn. */
  sql: string;
  spec: (rows: never[], options: { width: number }) => TopLevelSpec;
  describe: (rows: never[]) => string;
}

const define = <Row>(definition: {
  sql: string;
  spec: (rows: Row[], options: { width: number }) => TopLevelSpec;
  describe: (rows: Row[]) => string;
}) => definition as unknown as ChartDefinition;

/** Every chart, by the name its loader (src/data/charts/<name>.json) is called with. */
export const CHARTS: Readonly<Record<string, ChartDefinition>> = {
  "survey-table-1-employment": define<EmploymentRow>({
    sql: "survey-table-1-employment.sql",
    spec: table1EmploymentSpec,
    describe: (rows) =>
      `Firms and workers per cluster as Table-1 prints them, on a log scale: ${rows.length} numbers for ${new Set(rows.map((d) => d.cluster)).size} clusters.`,
  }),
};
