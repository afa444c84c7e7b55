import type { TopLevelSpec } from "vega-lite";
import { table1EmploymentSpec, type EmploymentRow } from "./table-1-employment.js";
import { thesisTable6IntervalsSpec, describeThesisTable6Intervals } from "./thesis-table-6-intervals.js";
import { thesisTable7IntervalsSpec, describeThesisTable7Intervals } from "./thesis-table-7-intervals.js";
import type { IntervalRow } from "./interval-bars.js";
import { thesisSialkotExportsSpec, describeThesisSialkotExports, type SialkotExportRow } from "./thesis-sialkot-exports.js";
import { thesisGuadalajaraImportsSpec, describeThesisGuadalajaraImports, type MexicoFootwearRow } from "./thesis-guadalajara-imports.js";
import { thesisGuadalajaraDevaluationSpec, describeThesisGuadalajaraDevaluation, type DevaluationRow } from "./thesis-guadalajara-devaluation.js";
import { overviewMapSpec, type ClusterCountryRow } from "./overview-map.js";
import { thesisTable1SectorsSpec, describeThesisTable1Sectors, type SectorRow } from "./thesis-table-1-sectors.js";
import { ordinalRatingsSpec, describeOrdinalRatings, type RatingRow } from "./ordinal-ratings.js";

/** A chart of the report: the SQL (in src/sql/) that feeds it, its spec, and its text alternative. */
export interface ChartDefinition {
  /** The query file, relative to src/sql/. Its rows must carry the `id` of each statistic drawn. */
  sql: string;
  spec: (rows: never[], options: { width: number; variant?: string }) => TopLevelSpec;
  describe: (rows: never[]) => string;
  /** Forms the chart is also drawn in, the default first (e.g. ["log", "linear"] scales). */
  variants?: readonly string[];
}

const define = <Row>(definition: {
  sql: string;
  spec: (rows: Row[], options: { width: number; variant?: string }) => TopLevelSpec;
  describe: (rows: Row[]) => string;
  variants?: readonly string[];
}) => definition as unknown as ChartDefinition;

/** Every chart, by the name its loader (src/data/charts/<name>.json) is called with. */
export const CHARTS: Readonly<Record<string, ChartDefinition>> = {
  "thesis-table-6-intervals": define<IntervalRow>({
    sql: "thesis-table-6-intervals.sql",
    spec: thesisTable6IntervalsSpec,
    describe: describeThesisTable6Intervals,
  }),
  "thesis-table-7-intervals": define<IntervalRow>({
    sql: "thesis-table-7-intervals.sql",
    spec: thesisTable7IntervalsSpec,
    describe: describeThesisTable7Intervals,
  }),
  "thesis-sialkot-exports": define<SialkotExportRow>({
    sql: "thesis-sialkot-exports.sql",
    spec: thesisSialkotExportsSpec,
    describe: describeThesisSialkotExports,
  }),
  "thesis-guadalajara-imports": define<MexicoFootwearRow>({
    sql: "thesis-guadalajara-imports.sql",
    spec: thesisGuadalajaraImportsSpec,
    describe: describeThesisGuadalajaraImports,
  }),
  "thesis-guadalajara-devaluation": define<DevaluationRow>({
    sql: "thesis-guadalajara-devaluation.sql",
    spec: thesisGuadalajaraDevaluationSpec,
    describe: describeThesisGuadalajaraDevaluation,
  }),
  "survey-table-1-employment": define<EmploymentRow>({
    sql: "survey-table-1-employment.sql",
    spec: (rows, { width, variant }) => table1EmploymentSpec(rows, { width, scale: variant === "linear" ? "linear" : "log" }),
    variants: ["log", "linear"],
    describe: (rows) =>
      `Firms and workers per cluster as Table-1 prints them, on a log scale: ${rows.length} numbers for ${new Set(rows.map((d) => d.cluster)).size} clusters.`,
  }),
  "thesis-table-1-sectors": define<SectorRow>({
    sql: "thesis-table-1-sectors.sql",
    spec: thesisTable1SectorsSpec,
    describe: describeThesisTable1Sectors,
  }),
  "thesis-table-4-ratings": define<RatingRow>({
    sql: "thesis-table-4-ratings.sql",
    spec: (rows, options) => ordinalRatingsSpec(rows, options, { table: "Table #4" }),
    describe: (rows) => describeOrdinalRatings(rows, { table: "Table #4" }),
  }),
  "thesis-table-8-ratings": define<RatingRow>({
    sql: "thesis-table-8-ratings.sql",
    spec: (rows, options) => ordinalRatingsSpec(rows, options, { table: "Table #8" }),
    describe: (rows) => describeOrdinalRatings(rows, { table: "Table #8" }),
  }),
  "overview-map": define<ClusterCountryRow>({
    sql: "overview-clusters.sql",
    spec: overviewMapSpec,
    describe: (rows) =>
      `A world map shading the ${rows.length} countries where the documents name clusters, with one symbol per country at its centroid (not at the clusters), sized by the largest worker count printed for one of its clusters; ${rows.filter((d) => d.id === null).length} countries have no employment figure printed.`,
  }),
};
