// parquet/<name>.parquet: one output table of the pipeline as Parquet, the twin of
// csv/<name>.csv. <name> is the name of an output table (publish/output-tables.ts). The build
// publishes both under plain names (downloads/<name>.parquet, site/build/publish-data.ts); the
// Data page names this loader only for tables without a Parquet loader of their own
// (statistics.parquet, tables/<key>.parquet).
import { defineLoader, routeParam } from "../../../site/loader/define-loader.ts";
import { outputTables } from "../../../data-loaders/publish/output-tables.ts";

export default defineLoader(import.meta.url, async (params, context) => {
  const name = routeParam(params, "name");
  const table = outputTables(await context.ledger()).find((t) => t.name === name);
  if (!table) throw new Error(`invalid table: ${name}`);
  return context.parquet(table.columns, table.rows());
});
