// The published data as readers get it: every table under a plain name in dist/downloads/, as
// CSV and Parquet, and datapackage.json describing them. The descriptor is checked against the
// Data Package specification's shape, each file against its size and sha256, each schema
// against the columns real DuckDB reads from the file, and the two formats against each other;
// then the Data page's download links, with scripts off, in Chromium.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { readLedger } from "../../data-loaders/normalize/ledger.ts";
import { RAW_DIR } from "../../data-loaders/paths.ts";
import { outputTables } from "../../data-loaders/publish/output-tables.ts";
import { DATA_FOLDER, DATA_PACKAGE, plainPath } from "../../site/build/publish-data.ts";
import { filesUnder } from "../../site/build/files-under.ts";
import { dataPackageSchema, specProblems, type CheckedPackage } from "../data-loaders/publish/data-package-spec.ts";
import { DIST, useSite } from "./site.ts";

const FOLDER = join(DIST, DATA_FOLDER);
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** DuckDB's type for each Table Schema type the package uses. */
const DUCKDB_TYPE: Record<string, string> = { string: "VARCHAR", number: "DOUBLE", integer: "INTEGER" };

type Resource = CheckedPackage["resources"][number];
function schemaOf(resource: Resource) {
  assert.ok(typeof resource.schema === "object", `${resource.name}: an inline schema`);
  return resource.schema;
}

describe("the data package (dist/downloads/)", () => {
  let descriptor: CheckedPackage;
  let instance: DuckDBInstance;
  let db: DuckDBConnection;
  before(async () => {
    const parsed = dataPackageSchema.safeParse(JSON.parse(await readFile(join(FOLDER, DATA_PACKAGE), "utf8")));
    assert.ok(parsed.success, parsed.success ? "" : `datapackage.json does not meet the Data Package spec: ${parsed.error.message}`);
    descriptor = parsed.data;
    instance = await DuckDBInstance.create(":memory:");
    db = await instance.connect();
  });
  after(() => {
    db?.closeSync();
    instance?.closeSync();
  });

  const rows = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS();
  /** The file read the way its format asks: Parquet as it is, CSV with the schema's types, nulls empty and "" the empty string. */
  const from = (resource: Resource) => {
    const path = literal(join(FOLDER, resource.path as string));
    if (resource.format === "parquet") return `read_parquet(${path})`;
    const columns = schemaOf(resource).fields.map((f) => `${literal(f.name)}: ${literal(DUCKDB_TYPE[f.type!]!)}`).join(", ");
    return `read_csv(${path}, header = true, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, columns = {${columns}})`;
  };

  it("meets the Data Package specification: names, paths, keys", () => {
    assert.deepEqual(specProblems(descriptor), []);
    assert.match(descriptor.version ?? "", /^[0-9a-f]{40}$|^uncommitted$/, "the commit the data was built from");
    assert.deepEqual(descriptor.licenses?.map((l) => l.name), ["CC-BY-4.0"]);
    assert.deepEqual(descriptor.sources?.map((s) => s.id), ["survey", "thesis"]);
  });

  it("describes every file of the folder, each with its true size and sha256", async () => {
    const listed = new Map(descriptor.resources.map((r) => [r.path as string, r]));
    const files: string[] = [];
    for await (const file of filesUnder(FOLDER)) files.push(file.slice(FOLDER.length + 1).split("\\").join("/"));
    assert.deepEqual(files.filter((f) => f !== DATA_PACKAGE).sort(), [...listed.keys()].sort());
    for (const [path, resource] of listed) {
      const bytes = await readFile(join(FOLDER, path));
      assert.equal(resource.bytes, bytes.length, `${path}: bytes`);
      assert.equal(resource.hash, `sha256:${createHash("sha256").update(bytes).digest("hex")}`, `${path}: hash`);
    }
  });

  it("offers every table the pipeline publishes, as CSV and as Parquet, under plain names", async () => {
    const paths = new Set(descriptor.resources.map((r) => r.path as string));
    for (const table of outputTables(await readLedger(RAW_DIR))) {
      for (const format of ["csv", "parquet"] as const) assert.ok(paths.has(plainPath(table, format)), `${plainPath(table, format)} in the package`);
    }
  });

  it("gives each table the columns DuckDB reads from its file, the same rows in both formats, and keys that name one row", async () => {
    const tables = descriptor.resources.filter((r) => r.format === "csv" || r.format === "parquet");
    assert.ok(tables.length >= 2 * 20, `${tables.length} table files`);
    for (const resource of tables) {
      const fields = schemaOf(resource).fields;
      // Parquet keeps DuckDB's types; CSV is read without the schema, by its header alone.
      const read = resource.format === "parquet" ? `read_parquet(${literal(join(FOLDER, resource.path as string))})` : `read_csv(${literal(join(FOLDER, resource.path as string))}, header = true, all_varchar = true)`;
      const described = await rows(`DESCRIBE SELECT * FROM ${read}`);
      assert.deepEqual(described.map((c) => c.column_name), fields.map((f) => f.name), `${resource.path}: columns`);
      if (resource.format === "parquet") assert.deepEqual(described.map((c) => c.column_type), fields.map((f) => DUCKDB_TYPE[f.type!]), `${resource.path}: types`);
      const key = [schemaOf(resource).primaryKey ?? []].flat();
      if (key.length > 0) {
        const [counts] = await rows(`SELECT count(*)::INT AS n, count(DISTINCT (${key.map(ident).join(", ")}))::INT AS keys FROM ${from(resource)}`);
        assert.equal(counts!.keys, counts!.n, `${resource.path}: ${key.join(", ")} names one row`);
      }
    }
    for (const csv of tables.filter((r) => r.format === "csv")) {
      const parquet = tables.find((r) => r.format === "parquet" && r.path === (csv.path as string).replace(/\.csv$/, ".parquet"))!;
      assert.deepEqual(schemaOf(parquet), schemaOf(csv), `${csv.path}: one schema for both formats`);
      const [diff] = await rows(
        `SELECT (SELECT count(*) FROM (SELECT * FROM ${from(csv)} EXCEPT ALL SELECT * FROM ${from(parquet)}))::INT AS only_csv, (SELECT count(*) FROM (SELECT * FROM ${from(parquet)} EXCEPT ALL SELECT * FROM ${from(csv)}))::INT AS only_parquet, (SELECT count(*) FROM ${from(csv)})::INT AS n`,
      );
      assert.deepEqual(diff, { only_csv: 0, only_parquet: 0, n: diff!.n }, `${csv.path}: the same rows as ${parquet.path}`);
    }
  });
});

describe("the Data page's downloads, with scripts off", () => {
  const site = useSite();

  it("link every file of the package under its plain name, each answering with its format's type and bytes", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}/data`);
      const hrefs = await page.locator("main a[download]").evaluateAll((links) => [...new Set(links.map((a) => (a as HTMLAnchorElement).href))]);
      const descriptor = dataPackageSchema.parse(JSON.parse(await readFile(join(FOLDER, DATA_PACKAGE), "utf8")));
      const expected = [...descriptor.resources.map((r) => `${site.origin}/${DATA_FOLDER}/${r.path as string}`), `${site.origin}/${DATA_FOLDER}/${DATA_PACKAGE}`];
      assert.deepEqual(hrefs.filter((h) => !expected.includes(h)), [], "every download link on the page is a file of the package");
      assert.deepEqual(expected.filter((h) => !hrefs.includes(h)), [], "every file of the package has a link on the page");
      for (const href of hrefs) {
        assert.doesNotMatch(href, /\.[0-9a-f]{8}\.[a-z]+$/, `${href}: a plain name, no content hash`);
        const response = await context.request.get(href);
        assert.equal(response.status(), 200, href);
        const body = await response.body();
        const type = response.headers()["content-type"] ?? "";
        if (href.endsWith(".parquet")) {
          assert.equal(type, "application/vnd.apache.parquet", href);
          assert.equal(body.subarray(0, 4).toString("latin1"), "PAR1", `${href}: Parquet's magic at the start`);
          assert.equal(body.subarray(-4).toString("latin1"), "PAR1", `${href}: and at the end`);
        } else if (href.endsWith(".csv")) {
          assert.match(type, /^text\/csv/, href);
          const resource = descriptor.resources.find((r) => href.endsWith(`/${r.path as string}`))!;
          assert.equal(body.toString("utf8").split("\n")[0], schemaOf(resource).fields.map((f) => f.name).join(","), `${href}: the schema's header`);
        } else {
          assert.match(type, /^application\/json/, href);
          assert.doesNotThrow(() => JSON.parse(body.toString("utf8")), href);
        }
      }
      // A click saves the file under its plain name.
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`main a[download][href$="/${DATA_FOLDER}/statistics.csv"]`).first().click()]);
      assert.equal(download.suggestedFilename(), "statistics.csv");
    } finally {
      await context.close();
    }
  });

  it("point every page's table downloads at the plain files", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      for (const path of ["/survey", "/thesis/sialkot", "/audit"]) {
        await page.goto(`${site.origin}${path}`);
        // A figure's own files (its SVG and CSV, dist/figures/) are not the package's tables.
        const hrefs = await page.locator("main a[download]:not(.figure-download)").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
        assert.ok(hrefs.length > 0, `${path}: has downloads`);
        for (const href of hrefs) assert.ok(href.startsWith(`${site.origin}/${DATA_FOLDER}/`), `${path}: ${href} is a plain file of the package`);
      }
    } finally {
      await context.close();
    }
  });
});
