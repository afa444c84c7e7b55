// statistics.csv: every number of both documents, as CSV.
import { toCsv } from "../../data-loaders/publish/csv.ts";
import { statisticRows } from "../../data-loaders/publish/output-tables.ts";
import { defineLoader } from "../../site/loader/define-loader.ts";
import { STATISTICS_FILE } from "../../data-loaders/publish/dictionary.ts";

export default defineLoader(import.meta.url, async (_params, context) => toCsv(STATISTICS_FILE.columns, statisticRows((await context.ledger()).statistics)));
