// reproducibility/map.json: for each table and figure of the two documents, the raw file it
// is transcribed in, the loaders and queries that carry it, the published files, and the page.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { defineLoader } from "../../../site/loader/define-loader.ts";
import { SQL_DIR } from "../../../site/paths.ts";
import { viewName } from "../../../site/loader/ledger-database.ts";
import { json } from "../../../site/loader/stdout.ts";
import { CHARTS } from "../../../site/charts/index.ts";
import { FIGURES, TABLE_PAGES } from "../../../site/view/report-map.ts";

export default defineLoader(import.meta.url, async (_params, context) => {
  const ledger = await context.ledger();
  const charts = await Promise.all(
    Object.entries(CHARTS).map(async ([name, c]) => ({ name, sql: c.sql, text: await readFile(join(SQL_DIR, c.sql), "utf8") })),
  );
  const tables = ledger.tables.map((t) => {
    const view = viewName(`tables/${t.key}.parquet`);
    const drawnBy = charts.filter((c) => new RegExp(`\\b${view}\\b`).test(c.text));
    return {
      item: `${t.document === "survey" ? "Survey" : "Thesis"} ${t.table}`,
      raw: t.raw_file,
      loaders: [`src/data/tables/[key].json.ts`, `src/data/tables/[key].csv.ts`, `src/data/tables/[key].parquet.ts`, ...drawnBy.map(() => "src/data/charts/[name].json.ts")].filter((x, i, a) => a.indexOf(x) === i),
      queries: drawnBy.map((c) => `src/sql/${c.sql}`),
      outputs: [`tables/${t.key}.parquet`, `data/tables/${t.key}.json`, `data/tables/${t.key}.csv`, ...drawnBy.map((c) => `data/charts/${c.name}.json`)],
      page: TABLE_PAGES[t.key] ?? "",
    };
  });
  const figures = FIGURES.map((f) => ({
    item: `Thesis Figure #${f.number}`,
    raw: f.raw,
    loaders: f.charts.length ? ["src/data/charts/[name].json.ts"] : [f.loader],
    queries: f.charts.map((name) => `src/sql/${CHARTS[name]?.sql ?? "?"}`),
    outputs: f.charts.length ? f.charts.map((name) => `data/charts/${name}.json`) : [f.output],
    page: f.page,
  }));
  return json([...tables, ...figures]);
});
