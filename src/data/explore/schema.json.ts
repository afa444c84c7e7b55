// explore/schema.json: each table the Explore page loads into DuckDB-WASM, with its columns'
// types from the data dictionary, so the browser's tables have the build's types exactly, and
// the dictionary's descriptions of the table and its columns, for the page's schema panel.
import { defineLoader } from "../../../site/loader/define-loader.ts";
import { OUTPUT_FILES } from "../../../data-loaders/publish/dictionary.ts";
import { outputTables } from "../../../data-loaders/publish/output-tables.ts";
import { viewName } from "../../../site/loader/ledger-database.ts";
import { json } from "../../../site/loader/stdout.ts";

/** The dictionary's entry for a published path ("tables/thesis-table-6.parquet" is "tables/*.parquet"). */
function fileSpec(path: string) {
  const spec = OUTPUT_FILES.find((f) => new RegExp(`^${f.path.replace(/[.]/g, "\\.").replace("*", "[^/]+")}$`).test(path));
  if (!spec) throw new Error(`invalid table: ${path} (not in the data dictionary)`);
  return spec;
}

export default defineLoader(import.meta.url, async (_params, context) => {
  const tables = outputTables(await context.ledger());
  return json(
    tables.map((t) => ({
      name: viewName(t.path),
      file: t.name,
      rows: t.rows().length,
      description: fileSpec(t.path).description,
      columns: t.columns.map(({ name, type, description }) => ({ name, type, description })),
    })),
  );
});
