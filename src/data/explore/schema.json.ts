// explore/schema.json: each table the Explore page loads into DuckDB-WASM, with its columns'
// types from the data dictionary, so the browser's tables have the build's types exactly.
import { defineLoader } from "../../../site/loader/define-loader.ts";
import { outputTables } from "../../../data-loaders/publish/output-tables.ts";
import { viewName } from "../../../site/loader/ledger-database.ts";
import { json } from "../../../site/loader/stdout.ts";

export default defineLoader(import.meta.url, async (_params, context) => {
  const tables = outputTables(await context.ledger());
  return json(tables.map((t) => ({ name: viewName(t.path), file: t.name, rows: t.rows().length, columns: t.columns.map(({ name, type }) => ({ name, type })) })));
});
