// charts/<name>.json: a chart drawn at build time from its SQL query, with the query's rows
// and the provenance of every number drawn (see site/charts/index.ts for the charts).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { defineLoader, routeParam } from "../../../site/loader/define-loader.ts";
import { SQL_DIR } from "../../../site/paths.ts";
import { prerender } from "../../../site/render/render.ts";
import { json } from "../../../site/loader/stdout.ts";
import { provenanceFor } from "../../../site/view/provenance.ts";
import { CHARTS } from "../../../site/charts/index.ts";

export default defineLoader(import.meta.url, async (params, context) => {
  const name = routeParam(params, "name");
  const definition = CHARTS[name];
  if (!definition) throw new Error(`invalid chart: ${name} (not in site/charts/index.ts)`);
  const rows = await context.query(await readFile(join(SQL_DIR, definition.sql), "utf8"));
  const chart = await prerender(
    (width, variant) => definition.spec(rows as never[], { width, variant }),
    definition.describe(rows as never[]),
    definition.variants,
    { cache: context.renderCache },
  );
  const ids = rows.map((r) => r.id).filter((id): id is string => typeof id === "string");
  return json({ name, sql: definition.sql, rows, chart, provenance: provenanceFor(await context.ledger(), ids) });
});
