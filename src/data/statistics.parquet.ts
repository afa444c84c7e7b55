// statistics.parquet: every number of both documents (see the data dictionary).
import { STATISTICS_FILE } from "../../data-loaders/dictionary.ts";
import { readLedger } from "../../data-loaders/ledger.ts";
import { parquetBytes } from "../../data-loaders/parquet.ts";
import { RAW_DIR } from "../../data-loaders/paths.ts";
import { emit } from "../../data-loaders/stdout.ts";

const ledger = await readLedger(RAW_DIR);
await emit(await parquetBytes(STATISTICS_FILE.columns, ledger.statistics));
