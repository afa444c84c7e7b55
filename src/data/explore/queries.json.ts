// explore/queries.json: every SQL file the build runs (src/sql/*.sql), with the rows build-time
// DuckDB returns for it, so the Explore page offers them as examples and a test can compare
// the browser's answers with the build's.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { readLedger } from "../../../data-loaders/ledger.ts";
import { RAW_DIR, SQL_DIR } from "../../../data-loaders/paths.ts";
import { queryLedger } from "../../../data-loaders/query.ts";
import { emit, json } from "../../../data-loaders/stdout.ts";

const ledger = await readLedger(RAW_DIR);
const queries = [];
for (const file of (await readdir(SQL_DIR)).filter((f) => f.endsWith(".sql")).sort()) {
  const sql = await readFile(join(SQL_DIR, file), "utf8");
  const title = /^--\s*(.+)$/m.exec(sql)?.[1] ?? file;
  queries.push({ file, title, sql, rows: await queryLedger(ledger, sql) });
}
await emit(json(queries));
