// query/<name>.json: the rows of src/sql/<name>.sql over the ledger's Parquet files, with the
// provenance of every statistic a row names in its `id` column.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { readLedger } from "../../../data-loaders/ledger.ts";
import { routeParam } from "../../../data-loaders/loader-args.ts";
import { RAW_DIR, SQL_DIR } from "../../../data-loaders/paths.ts";
import { queryLedger } from "../../../data-loaders/query.ts";
import { emit, json } from "../../../data-loaders/stdout.ts";
import { provenanceFor } from "../../../data-loaders/view.ts";

const name = routeParam("name");
const ledger = await readLedger(RAW_DIR);
const rows = await queryLedger(ledger, await readFile(join(SQL_DIR, `${name}.sql`), "utf8"));
const ids = rows.map((r) => r.id).filter((id): id is string => typeof id === "string");
await emit(json({ name, sql: `${name}.sql`, rows, provenance: provenanceFor(ledger, ids) }));
