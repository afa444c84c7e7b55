// explore/queries.json: every SQL file the build runs (src/sql/*.sql), with the rows build-time
// DuckDB returns for it, so the Explore page offers them as examples and a test can compare
// the browser's answers with the build's.
import { defineLoader } from "../../../site/loader/define-loader.ts";
import { reportStatements } from "../../../site/loader/shared-sql.ts";
import { json } from "../../../site/loader/stdout.ts";

export default defineLoader(import.meta.url, async (_params, context) => {
  const queries = [];
  for (const { file, sql } of await reportStatements()) {
    const title = /^--\s*(.+)$/m.exec(sql)?.[1] ?? file;
    queries.push({ file, title, sql, rows: await context.query(sql) });
  }
  return json(queries);
});
