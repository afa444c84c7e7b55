import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../../data-loaders/paths.ts";
import { provenanceOfPath } from "../../../site/build/published-files.ts";

const SRC = join(PROJECT_ROOT, "src");
const HASH = "0123abcd";

/** Each data loader of src/data, as the path under src/ (`data/tables/[key].csv.ts`). */
async function loaders(): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(join(SRC, "data"), { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".ts")) found.push(relative(SRC, join(entry.parentPath, entry.name)).split("\\").join("/"));
  }
  return found.sort();
}

describe("provenanceOfPath", () => {
  it("names the package of a bundled node module, and Framework for its runtime", () => {
    assert.deepEqual(provenanceOfPath("_node/@duckdb/duckdb-wasm@1.32.0/dist/duckdb-browser.js", SRC), { madeBy: "package @duckdb/duckdb-wasm@1.32.0 (node_modules)", sql: [] });
    assert.deepEqual(provenanceOfPath("_node/arquero@8.0.3/index.js", SRC), { madeBy: "package arquero@8.0.3 (node_modules)", sql: [] });
    assert.deepEqual(provenanceOfPath("_observablehq/client.b43e10d0.js", SRC), { madeBy: "Observable Framework's runtime and styles", sql: [] });
  });

  it("names the source of an imported module or stylesheet, and says unknown for one that is gone", () => {
    assert.deepEqual(provenanceOfPath(`_import/components/figure.${HASH}.js`, SRC), { madeBy: "src/components/figure.ts", sql: [] });
    assert.deepEqual(provenanceOfPath(`_import/lib/database.${HASH}.js`, SRC), { madeBy: "src/lib/database.ts", sql: [] });
    assert.deepEqual(provenanceOfPath(`_import/style.${HASH}.css`, SRC), { madeBy: "src/style.css", sql: [] });
    assert.deepEqual(provenanceOfPath(`_import/components/gone.${HASH}.js`, SRC), { madeBy: "unknown", sql: [] });
    assert.deepEqual(provenanceOfPath("somewhere/else.txt", SRC), { madeBy: "unknown", sql: [] });
    assert.deepEqual(provenanceOfPath(`_file/data/nothing-makes-this.${HASH}.csv`, SRC), { madeBy: "unknown", sql: [] });
  });

  it("names the loader of every data file a loader of src/data makes, with its parameter", async () => {
    const all = await loaders();
    assert.ok(all.some((l) => l.includes("[")) && all.some((l) => !l.includes("[")), "both plain and parameterized loaders");
    for (const loader of all) {
      const output = loader.slice(0, -".ts".length);
      const extension = output.slice(output.lastIndexOf("."));
      const folder = output.slice(0, output.lastIndexOf("/"));
      const stem = output.slice(output.lastIndexOf("/") + 1, -extension.length);
      const param = /^\[[a-z_]+\]$/.test(stem);
      // A parameterized loader makes one file per value of its parameter; any value names it.
      const made = `_file/${folder}/${param ? "some-value" : stem}.${HASH}${extension}`;
      assert.equal(provenanceOfPath(made, SRC).madeBy, `src/${loader}${param ? " (some-value)" : ""}`, made);
    }
  });

  it("names the SQL behind a query's results and a chart's data, from the chart's own file", async () => {
    for (const sql of (await readdir(join(SRC, "sql"))).filter((f) => f.endsWith(".sql"))) {
      const stem = sql.slice(0, -".sql".length);
      const query = provenanceOfPath(`_file/data/query/${stem}.${HASH}.json`, SRC);
      assert.deepEqual(query, { madeBy: `src/data/query/[name].json.ts (${stem})`, sql: [`src/sql/${sql}`] });
      assert.ok(existsSync(join(PROJECT_ROOT, query.sql[0]!)));
    }
    const chart = Buffer.from(JSON.stringify({ sql: "thesis-sialkot-exports.sql", chart: {} }));
    assert.deepEqual(provenanceOfPath(`_file/data/charts/sialkot.${HASH}.json`, SRC, chart), { madeBy: "src/data/charts/[name].json.ts (sialkot)", sql: ["src/sql/thesis-sialkot-exports.sql"] });
    assert.deepEqual(provenanceOfPath(`_file/data/charts/sialkot.${HASH}.json`, SRC, Buffer.from("{}")).sql, []);
    assert.deepEqual(provenanceOfPath(`_file/data/statistics.${HASH}.csv`, SRC).sql, []);
  });
});
