// query/<name>.json: the rows of src/sql/<name>.sql over the ledger's Parquet files, with the
// provenance of every statistic a row names in its `id` column.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { defineLoader, routeParam } from "../../../site/loader/define-loader.ts";
import { SQL_DIR } from "../../../site/paths.ts";
import { json } from "../../../site/loader/stdout.ts";
import { provenanceFor } from "../../../site/view/provenance.ts";

export default defineLoader(import.meta.url, async (params, context) => {
  const name = routeParam(params, "name");
  const rows = await context.query(await readFile(join(SQL_DIR, `${name}.sql`), "utf8"));
  const ids = rows.map((r) => r.id).filter((id): id is string => typeof id === "string");
  return json({ name, sql: `${name}.sql`, rows, provenance: provenanceFor(await context.ledger(), ids) });
});
