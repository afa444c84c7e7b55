// tables/survey-table-1.parquet: the survey's Table-1 in long format.
import { TIDY_TABLE_FILE } from "../../../data-loaders/dictionary.ts";
import { readLedger } from "../../../data-loaders/ledger.ts";
import { parquetBytes } from "../../../data-loaders/parquet.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { emit } from "../../../data-loaders/stdout.ts";

const ledger = await readLedger(RAW_DIR);
await emit(await parquetBytes(TIDY_TABLE_FILE.columns, ledger.tidyTables.get("survey-table-1")!));
