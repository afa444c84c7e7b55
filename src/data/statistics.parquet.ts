// statistics.parquet: every number of both documents (see the data dictionary).
import { statisticRows } from "../../data-loaders/publish/output-tables.ts";
import { defineLoader } from "../../site/loader/define-loader.ts";
import { STATISTICS_FILE } from "../../data-loaders/publish/dictionary.ts";

export default defineLoader(import.meta.url, async (_params, context) => context.parquet(STATISTICS_FILE.columns, statisticRows((await context.ledger()).statistics)));
