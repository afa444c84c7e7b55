// explore/schema.json: each table the Explore page loads into DuckDB-WASM, with its columns'
// types from the data dictionary, so the browser's tables have the build's types exactly.
import { readLedger } from "../../../data-loaders/ledger.ts";
import { outputTables } from "../../../data-loaders/output-tables.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { emit, json } from "../../../data-loaders/stdout.ts";
import { viewName } from "../../../data-loaders/query.ts";

const tables = outputTables(await readLedger(RAW_DIR));
await emit(json(tables.map((t) => ({ name: viewName(t.path), file: t.name, rows: t.rows().length, columns: t.columns.map(({ name, type }) => ({ name, type })) }))));
