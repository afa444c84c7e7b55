// tables/<key>.csv: one printed table in long format, as CSV.
import { toCsv } from "../../../data-loaders/csv.ts";
import { TIDY_TABLE_FILE } from "../../../data-loaders/dictionary.ts";
import { readLedger } from "../../../data-loaders/ledger.ts";
import { routeParam } from "../../../data-loaders/loader-args.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { emit } from "../../../data-loaders/stdout.ts";

const key = routeParam("key");
const rows = (await readLedger(RAW_DIR)).tidyTables.get(key);
if (!rows) throw new Error(`invalid table key: ${key}`);
await emit(toCsv(TIDY_TABLE_FILE.columns, rows));
