// charts/<name>.json: a chart drawn at build time from its SQL query, with the query's rows
// and the provenance of every number drawn (see src/charts/index.ts for the charts).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { readLedger } from "../../../data-loaders/ledger.ts";
import { routeParam } from "../../../data-loaders/loader-args.ts";
import { RAW_DIR, SQL_DIR } from "../../../data-loaders/paths.ts";
import { queryLedger } from "../../../data-loaders/query.ts";
import { prerender } from "../../../data-loaders/render.ts";
import { emit, json } from "../../../data-loaders/stdout.ts";
import { provenanceFor } from "../../../data-loaders/view.ts";
import { CHARTS } from "../../charts/index.ts";

const name = routeParam("name");
const definition = CHARTS[name];
if (!definition) throw new Error(`invalid chart: ${name} (not in src/charts/index.ts)`);
const ledger = await readLedger(RAW_DIR);
const rows = await queryLedger(ledger, await readFile(join(SQL_DIR, definition.sql), "utf8"));
const chart = await prerender(
  (width, variant) => definition.spec(rows as never[], { width, variant }),
  definition.describe(rows as never[]),
  definition.variants,
);
const ids = rows.map((r) => r.id).filter((id): id is string => typeof id === "string");
await emit(json({ name, sql: definition.sql, rows, chart, provenance: provenanceFor(ledger, ids) }));
