// tables/<key>.parquet: one printed table in long format (see the data dictionary).
import { defineLoader, routeParam } from "../../../site/loader/define-loader.ts";
import { TIDY_TABLE_FILE } from "../../../data-loaders/publish/dictionary.ts";

export default defineLoader(import.meta.url, async (params, context) => {
  const key = routeParam(params, "key");
  const rows = (await context.ledger()).tidyTables.get(key);
  if (!rows) throw new Error(`invalid table key: ${key}`);
  return context.parquet(TIDY_TABLE_FILE.columns, rows);
});
