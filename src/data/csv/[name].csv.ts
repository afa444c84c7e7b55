// csv/<name>.csv: one output table of the pipeline as CSV, for DuckDB-WASM in the browser,
// which has no Parquet reader here. <name> is a view name: statistics, tables, units, or a
// table key such as thesis-table-6.
import { toCsv } from "../../../data-loaders/csv.ts";
import { readLedger } from "../../../data-loaders/ledger.ts";
import { routeParam } from "../../../data-loaders/loader-args.ts";
import { outputTables } from "../../../data-loaders/output-tables.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { emit } from "../../../data-loaders/stdout.ts";

const name = routeParam("name");
const table = outputTables(await readLedger(RAW_DIR)).find((t) => t.name === name);
if (!table) throw new Error(`invalid table: ${name}`);
await emit(toCsv(table.columns, table.rows()));
