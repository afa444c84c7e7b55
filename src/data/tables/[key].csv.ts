// tables/<key>.csv: one printed table in long format, as CSV.
import { toCsv } from "../../../data-loaders/publish/csv.ts";
import { defineLoader, routeParam } from "../../../site/loader/define-loader.ts";
import { TIDY_TABLE_FILE } from "../../../data-loaders/publish/dictionary.ts";

export default defineLoader(import.meta.url, async (params, context) => {
  const key = routeParam(params, "key");
  const rows = (await context.ledger()).tidyTables.get(key);
  if (!rows) throw new Error(`invalid table key: ${key}`);
  return toCsv(TIDY_TABLE_FILE.columns, rows);
});
