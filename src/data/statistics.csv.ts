// statistics.csv: every number of both documents, as CSV.
import { toCsv } from "../../data-loaders/csv.ts";
import { defineLoader } from "../../data-loaders/define-loader.ts";
import { STATISTICS_FILE } from "../../data-loaders/dictionary.ts";

export default defineLoader(import.meta.url, async (_params, context) => toCsv(STATISTICS_FILE.columns, (await context.ledger()).statistics));
