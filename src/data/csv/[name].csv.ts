// csv/<name>.csv: one output table of the pipeline as CSV, for DuckDB-WASM in the browser,
// which has no Parquet reader here. <name> is the name of an output table (publish/output-tables.ts):
// statistics, tables, units, audit, reconciliation, sources, footnotes, citations, or a table key such as
// thesis-table-6.
import { toCsv } from "../../../data-loaders/publish/csv.ts";
import { defineLoader, routeParam } from "../../../site/loader/define-loader.ts";
import { outputTables } from "../../../data-loaders/publish/output-tables.ts";

export default defineLoader(import.meta.url, async (params, context) => {
  const name = routeParam(params, "name");
  const table = outputTables(await context.ledger()).find((t) => t.name === name);
  if (!table) throw new Error(`invalid table: ${name}`);
  return toCsv(table.columns, table.rows());
});
