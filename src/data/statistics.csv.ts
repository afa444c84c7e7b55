// statistics.csv: every number of both documents, as CSV.
import { toCsv } from "../../data-loaders/csv.ts";
import { STATISTICS_FILE } from "../../data-loaders/dictionary.ts";
import { readLedger } from "../../data-loaders/ledger.ts";
import { RAW_DIR } from "../../data-loaders/paths.ts";
import { emit } from "../../data-loaders/stdout.ts";

await emit(toCsv(STATISTICS_FILE.columns, (await readLedger(RAW_DIR)).statistics));
