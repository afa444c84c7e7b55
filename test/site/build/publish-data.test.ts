import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { readLedger } from "../../../data-loaders/normalize/ledger.ts";
import { outputTables } from "../../../data-loaders/publish/output-tables.ts";
import { PROJECT_ROOT, RAW_DIR } from "../../../data-loaders/paths.ts";
import { DATA_FOLDER, loaderOutput, plainPath, publishData } from "../../../site/build/publish-data.ts";
import { dataPackageSchema, specProblems } from "../../data-loaders/publish/data-package-spec.ts";

const TABLES = [
  { name: "units", path: "units.parquet" },
  { name: "thesis-table-6", path: "tables/thesis-table-6.parquet" },
];

async function put(path: string, content: string) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

/** A dist/ and a loader cache holding both tables in both formats, the dictionary, and the hashed copies a page links. */
async function scratch() {
  const dir = await mkdtemp(join(tmpdir(), "publish-data-"));
  const dist = join(dir, "dist");
  const cache = join(dir, "cache");
  for (const t of TABLES) {
    await put(join(cache, loaderOutput(t, "csv")), `csv of ${t.name}\n`);
    await put(join(cache, loaderOutput(t, "parquet")), `PAR1 ${t.name} PAR1`);
  }
  await put(join(cache, "data/data-dictionary.json"), "[]\n");
  await put(join(dist, "_file/data/csv/units.0123abcd.csv"), "csv of units\n");
  await put(join(dist, "_file/data/tables/thesis-table-6.89abcdef.parquet"), "PAR1 thesis-table-6 PAR1");
  return { dist, cache };
}

const options = { tables: TABLES, titles: new Map([["thesis-table-6", "Thesis, Table #6"]]), sources: [], version: "abc", created: new Date(0) };

describe("publishData", () => {
  it("copies each table in both formats to a plain name and describes every file in datapackage.json", async () => {
    const { dist, cache } = await scratch();
    const published = await publishData(dist, cache, options);
    assert.deepEqual(published.files.map((f) => f.path), [
      `${DATA_FOLDER}/units.csv`,
      `${DATA_FOLDER}/units.parquet`,
      `${DATA_FOLDER}/tables/thesis-table-6.csv`,
      `${DATA_FOLDER}/tables/thesis-table-6.parquet`,
      `${DATA_FOLDER}/data-dictionary.json`,
      `${DATA_FOLDER}/datapackage.json`,
    ]);
    assert.equal(await readFile(join(dist, DATA_FOLDER, "tables/thesis-table-6.csv"), "utf8"), "csv of thesis-table-6\n");
    const descriptor = dataPackageSchema.parse(JSON.parse(await readFile(join(dist, DATA_FOLDER, "datapackage.json"), "utf8")));
    assert.deepEqual(specProblems(descriptor), []);
    for (const resource of descriptor.resources) {
      const bytes = await readFile(join(dist, DATA_FOLDER, resource.path as string));
      assert.equal(resource.bytes, bytes.length, resource.name);
      assert.equal(resource.hash, `sha256:${createHash("sha256").update(bytes).digest("hex")}`, resource.name);
    }
    assert.equal(descriptor.resources.find((r) => r.name === "thesis-table-6-parquet")!.title, "Thesis, Table #6");
  });

  it("points a page's download links to hashed copies at the plain files, and leaves other links alone", async () => {
    const { dist, cache } = await scratch();
    const { rewriteLinks } = await publishData(dist, cache, options);
    const page =
      '<a href="../_file/data/csv/units.0123abcd.csv" download>CSV</a> <a download href="./_file/data/tables/thesis-table-6.89abcdef.parquet">P</a> ' +
      '<a href="./_file/data/csv/units.0123abcd.csv">not a download</a> <a href="./_file/data/other.01234567.csv" download>other</a>';
    assert.equal(
      rewriteLinks(page),
      `<a href="../${DATA_FOLDER}/units.csv" download>CSV</a> <a download href="./${DATA_FOLDER}/tables/thesis-table-6.parquet">P</a> ` +
        '<a href="./_file/data/csv/units.0123abcd.csv">not a download</a> <a href="./_file/data/other.01234567.csv" download>other</a>',
    );
  });

  it("fails, naming the file, when a loader output is missing or a hashed copy differs from its plain file", async () => {
    const missing = await scratch();
    await rm(join(missing.cache, loaderOutput(TABLES[0]!, "parquet")));
    await assert.rejects(publishData(missing.dist, missing.cache, options), /data package: "data\/parquet\/units\.parquet" is not among the loaders' outputs/);
    const differs = await scratch();
    await writeFile(join(differs.dist, "_file/data/csv/units.0123abcd.csv"), "stale\n");
    await assert.rejects(publishData(differs.dist, differs.cache, options), /_file\/data\/csv\/units\.0123abcd\.csv differs from downloads\/units\.csv/);
  });

  it("has every published table linked from the Data page in both formats, so that the build runs their loaders", async () => {
    const page = await readFile(join(PROJECT_ROOT, "src", "data.md"), "utf8");
    for (const table of outputTables(await readLedger(RAW_DIR))) {
      for (const format of ["csv", "parquet"] as const) {
        assert.ok(page.includes(`<a href="./${loaderOutput(table, format)}" download>`), `src/data.md links ${loaderOutput(table, format)} (${plainPath(table, format)})`);
      }
    }
  });
});
