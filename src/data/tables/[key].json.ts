// tables/<key>.json: one printed table laid out for a page, with every number's provenance.
import { readLedger } from "../../../data-loaders/ledger.ts";
import { routeParam } from "../../../data-loaders/loader-args.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { emit, json } from "../../../data-loaders/stdout.ts";
import { tableView } from "../../../data-loaders/view.ts";

await emit(json(tableView(await readLedger(RAW_DIR), routeParam("key"))));
