// tables/<key>.parquet: one printed table in long format (see the data dictionary).
import { TIDY_TABLE_FILE } from "../../../data-loaders/dictionary.ts";
import { readLedger } from "../../../data-loaders/ledger.ts";
import { routeParam } from "../../../data-loaders/loader-args.ts";
import { parquetBytes } from "../../../data-loaders/parquet.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { emit } from "../../../data-loaders/stdout.ts";

const key = routeParam("key");
const rows = (await readLedger(RAW_DIR)).tidyTables.get(key);
if (!rows) throw new Error(`invalid table key: ${key}`);
await emit(await parquetBytes(TIDY_TABLE_FILE.columns, rows));
