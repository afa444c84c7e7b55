import type { TopLevelSpec } from "vega-lite";
import { describeTable1Employment, table1EmploymentSpec, type EmploymentRow } from "./table-1-employment.js";
import { thesisTable6IntervalsSpec, describeThesisTable6Intervals } from "./thesis-table-6-intervals.js";
import { thesisTable7IntervalsSpec, describeThesisTable7Intervals } from "./thesis-table-7-intervals.js";
import type { IntervalRow } from "./interval-bars.js";
import { thesisSialkotExportsSpec, describeThesisSialkotExports, type SialkotExportRow } from "./thesis-sialkot-exports.js";
import { thesisGuadalajaraImportsSpec, describeThesisGuadalajaraImports, type MexicoFootwearRow } from "./thesis-guadalajara-imports.js";
import { thesisGuadalajaraDevaluationSpec, describeThesisGuadalajaraDevaluation, type DevaluationRow } from "./thesis-guadalajara-devaluation.js";
import { describeOverviewMap, overviewMapSpec, type ClusterCountryRow } from "./overview-map.js";
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

/** A chart drawn from rows of type Row, its query src/sql/<its name>.sql unless `sql` names another. */
const chart = <Row>(
  spec: (rows: Row[], options: { width: number; variant?: string }) => TopLevelSpec,
  describe: (rows: Row[]) => string,
  more: { sql?: string; variants?: readonly string[] } = {},
) => ({ spec, describe, ...more }) as unknown as Omit<ChartDefinition, "sql"> & { sql?: string };

/** Tables #4 and #8 of the thesis are both ratings, drawn by one kind of chart. */
const ratings = (table: string) =>
  chart<RatingRow>(
    (rows, options) => ordinalRatingsSpec(rows, options, { table }),
    (rows) => describeOrdinalRatings(rows, { table }),
  );

const charts = {
  "thesis-table-6-intervals": chart<IntervalRow>(thesisTable6IntervalsSpec, describeThesisTable6Intervals),
  "thesis-table-7-intervals": chart<IntervalRow>(thesisTable7IntervalsSpec, describeThesisTable7Intervals),
  "thesis-sialkot-exports": chart<SialkotExportRow>(thesisSialkotExportsSpec, describeThesisSialkotExports),
  "thesis-guadalajara-imports": chart<MexicoFootwearRow>(thesisGuadalajaraImportsSpec, describeThesisGuadalajaraImports),
  "thesis-guadalajara-devaluation": chart<DevaluationRow>(thesisGuadalajaraDevaluationSpec, describeThesisGuadalajaraDevaluation),
  "survey-table-1-employment": chart<EmploymentRow>(
    (rows, { width, variant }) => table1EmploymentSpec(rows, { width, scale: variant === "linear" ? "linear" : "log" }),
    describeTable1Employment,
    { variants: ["log", "linear"] },
  ),
  "thesis-table-1-sectors": chart<SectorRow>(thesisTable1SectorsSpec, describeThesisTable1Sectors),
  "thesis-table-4-ratings": ratings("Table #4"),
  "thesis-table-8-ratings": ratings("Table #8"),
  "overview-map": chart<ClusterCountryRow>(overviewMapSpec, describeOverviewMap, { sql: "overview-clusters.sql" }),
};

/** Every chart, by the name its loader (src/data/charts/<name>.json) is called with. */
export const CHARTS: Readonly<Record<string, ChartDefinition>> = Object.fromEntries(
  Object.entries(charts).map(([name, definition]) => [name, { sql: `${name}.sql`, ...definition }]),
);
