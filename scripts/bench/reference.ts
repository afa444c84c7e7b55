// The reference page: one chart of the report drawn "the usual way", written by the bench into
// a temporary folder (never into dist/ or src/). On load it starts DuckDB-WASM, fetches the
// report's published statistics and survey Table-1 CSVs, runs the very query of the survey's
// Table-1 employment chart (src/sql/survey-table-1-employment.sql), and draws the chart's own
// Vega-Lite spec (site/charts/table-1-employment.ts) with vega-embed, all loaded eagerly. Every
// file comes from node_modules or dist/: nothing from a CDN.
import { build } from "esbuild";
import { copyFile, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";

const DUCKDB_DIST = join(PROJECT_ROOT, "node_modules", "@duckdb", "duckdb-wasm", "dist");
const SQL_FILE = join(PROJECT_ROOT, "src", "sql", "survey-table-1-employment.sql");
const SPEC_MODULE = join(PROJECT_ROOT, "site", "charts", "table-1-employment.ts");

/** The published file of dist/_file/data/csv/ whose name (before its hash) is `name`. */
async function publishedCsv(dist: string, name: string): Promise<string> {
  const folder = join(dist, "_file", "data", "csv");
  const file = (await readdir(folder)).find((f) => new RegExp(`^${name}\\.[0-9a-f]+\\.csv$`).test(f));
  if (!file) throw new Error(`no published ${name}.csv in ${folder}: build the report first`);
  return join(folder, file);
}

const entry = (sql: string) => `
import * as duckdb from "@duckdb/duckdb-wasm";
import embed from "vega-embed";
import { table1EmploymentSpec } from ${JSON.stringify(SPEC_MODULE)};

const SQL = ${JSON.stringify(sql)};
const TABLES = [["statistics", "statistics.csv"], ["survey_table_1", "survey-table-1.csv"]];

async function main() {
  const worker = new Worker(new URL("./duckdb-browser-eh.worker.js", location.href));
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(new URL("./duckdb-eh.wasm", location.href).href);
  const connection = await db.connect();
  for (const [name, file] of TABLES) {
    const response = await fetch("./" + file);
    await db.registerFileBuffer(file, new Uint8Array(await response.arrayBuffer()));
    await connection.query("CREATE TABLE " + name + " AS SELECT * FROM read_csv_auto('" + file + "', header = true)");
  }
  const result = await connection.query(SQL);
  const rows = result.toArray().map((row) =>
    Object.fromEntries(Object.entries(row.toJSON()).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
  await embed("#chart", table1EmploymentSpec(rows, { width: 640 }), { renderer: "svg", actions: false });
  document.body.dataset.rows = String(rows.length);
}
main().catch((error) => {
  document.body.dataset.error = String(error);
  console.error(error);
});
`;

const HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Reference: Table-1 employment, the usual way</title></head>
<body>
<h1>Survey Table-1: firms and workers per cluster</h1>
<figure class="chart"><div id="chart"></div><figcaption>DuckDB-WASM + vega-embed, loaded on page load</figcaption></figure>
<script type="module" src="./main.js"></script>
</body>
</html>
`;

/** Writes the reference site into a new temporary folder and returns the folder. */
export async function writeReferenceSite(dist: string): Promise<{ root: string; bundleBytes: number }> {
  const root = await mkdtemp(join(tmpdir(), "bench-reference-"));
  const result = await build({
    stdin: { contents: entry(await readFile(SQL_FILE, "utf8")), resolveDir: PROJECT_ROOT, loader: "ts", sourcefile: "reference-main.ts" },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    outfile: join(root, "main.js"),
    logLevel: "silent",
    metafile: true,
  });
  await copyFile(join(DUCKDB_DIST, "duckdb-browser-eh.worker.js"), join(root, "duckdb-browser-eh.worker.js"));
  await copyFile(join(DUCKDB_DIST, "duckdb-eh.wasm"), join(root, "duckdb-eh.wasm"));
  await copyFile(await publishedCsv(dist, "statistics"), join(root, "statistics.csv"));
  await copyFile(await publishedCsv(dist, "survey-table-1"), join(root, "survey-table-1.csv"));
  await writeFile(join(root, "index.html"), HTML);
  const bundleBytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  return { root, bundleBytes };
}
