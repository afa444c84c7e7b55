import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dataPackage, resourceName, TABLE_FORMATS, type PackagedTable, type TableFormat } from "../../../data-loaders/publish/data-package.ts";
import { OUTPUT_FILES, STATISTICS_FILE } from "../../../data-loaders/publish/dictionary.ts";
import type { Source } from "../../../data-loaders/normalize/sources.ts";
import { dataPackageSchema, specProblems, type CheckedPackage } from "./data-package-spec.ts";

const SOURCES: Source[] = [
  { id: "survey", title: "A Survey", title_line: 3, seed: "../shared/seeds/a.txt", sha256: "a".repeat(64), authors: null, year: null, institution: null, latest_year: 2005, latest_year_line: 9, note: "No title page.", raw_file: "sources.tsv", raw_line: 8 },
  { id: "thesis", title: "A Thesis", title_line: 5, seed: "../shared/seeds/b.txt", sha256: "b".repeat(64), authors: "Someone", year: 2008, institution: null, latest_year: 2008, latest_year_line: 9, note: null, raw_file: "sources.tsv", raw_line: 9 },
];

/** Every file of the dictionary in both formats, with made-up sizes and hashes. */
function tables(): PackagedTable[] {
  return OUTPUT_FILES.flatMap((spec, i) =>
    (Object.keys(TABLE_FORMATS) as TableFormat[]).map((format) => ({
      table: spec.path.replace(/\.parquet$/, "").replace("tables/*", "thesis-table-6"),
      format,
      spec,
      title: spec.path,
      path: spec.path.replace("*", "thesis-table-6").replace(/\.parquet$/, `.${format}`),
      bytes: 100 + i,
      sha256: i.toString(16).padStart(64, "0"),
    })),
  );
}

const make = (created = new Date(Date.UTC(2026, 0, 2, 3, 4, 5))) =>
  dataPackage({ tables: tables(), others: [{ name: "data-dictionary", path: "data-dictionary.json", title: "Dictionary", description: "d", format: "json", mediatype: "application/json", bytes: 7, sha256: "c".repeat(64) }], sources: SOURCES, version: "0123abc", created });

/** A resource's inline schema. */
function schemaOf(resource: CheckedPackage["resources"][number]) {
  assert.ok(typeof resource.schema === "object", `${resource.name} has an inline schema`);
  return resource.schema;
}

describe("the data package descriptor", () => {
  it("has the shape the Data Package specification gives, and meets its rules", () => {
    const parsed = dataPackageSchema.safeParse(make());
    assert.ok(parsed.success, parsed.success ? "" : parsed.error.message);
    assert.deepEqual(specProblems(parsed.data), []);
  });

  it("is refused by the spec's schema when it breaks the spec (so the check can fail)", () => {
    const good = dataPackageSchema.parse(make());
    const broken = [
      { ...good, resources: [] },
      { ...good, name: "Not A Name" },
      { ...good, created: "2 January 2026" },
      { ...good, licenses: [{ title: "no name, no path" }] },
      { ...good, sources: [{ path: "x" }] },
      { ...good, resources: [{ ...good.resources[0]!, hash: "sha256 not hex" }] },
      { ...good, resources: [{ ...good.resources[0]!, mediatype: "csv" }] },
      { ...good, resources: [{ ...good.resources[0]!, schema: { fields: [{ name: "a", type: "text" }] } }] },
    ];
    for (const descriptor of broken) assert.equal(dataPackageSchema.safeParse(descriptor).success, false, JSON.stringify(descriptor).slice(0, 200));
    const twice = { ...good, resources: [good.resources[0]!, good.resources[0]!, { ...good.resources[1]!, path: "../x.csv" }] };
    assert.deepEqual(specProblems(dataPackageSchema.parse(twice)), ["statistics-csv: resource name used twice", 'statistics-parquet: path "../x.csv" leaves the package']);
    const badKey = { ...good, resources: [{ ...good.resources[0]!, schema: { ...schemaOf(good.resources[0]!), primaryKey: ["nope"] } }] };
    assert.deepEqual(specProblems(dataPackageSchema.parse(badKey)), ['statistics-csv: primary key "nope" is not a field']);
  });

  it("describes each table in both formats with its size, sha256 and the dictionary's schema", () => {
    const descriptor = dataPackageSchema.parse(make());
    const csv = descriptor.resources.find((r) => r.name === resourceName("statistics", "csv"))!;
    const parquet = descriptor.resources.find((r) => r.name === resourceName("statistics", "parquet"))!;
    assert.equal(csv.path, "statistics.csv");
    assert.equal(parquet.path, "statistics.parquet");
    assert.equal(csv.mediatype, "text/csv");
    assert.equal(parquet.mediatype, "application/vnd.apache.parquet");
    assert.equal(csv.hash, `sha256:${"0".repeat(64)}`);
    assert.equal(csv.bytes, 100);
    assert.deepEqual(csv.schema, parquet.schema, "one schema for both formats");
    assert.deepEqual(schemaOf(csv).fields.map((f) => f.name), STATISTICS_FILE.columns.map((c) => c.name));
    assert.deepEqual(schemaOf(csv).primaryKey, ["id"]);
    const byName = new Map(schemaOf(csv).fields.map((f) => [f.name, f]));
    assert.equal(byName.get("page")!.type, "integer");
    assert.equal(byName.get("value")!.type, "number");
    assert.equal(byName.get("quote")!.type, "string");
    assert.equal(byName.get("quote")!.description, STATISTICS_FILE.columns.find((c) => c.name === "quote")!.description);
    // A non-null number is required; text may be "", which CSV readers take for missing, so it is not.
    assert.deepEqual(byName.get("line")!.constraints, { required: true });
    assert.equal("constraints" in byName.get("id")!, false);
    assert.equal("constraints" in byName.get("page")!, false);
  });

  it("names the two documents as its sources and the data's licence, and takes its date from the build, never the clock", () => {
    const descriptor = make();
    assert.deepEqual(descriptor.sources.map((s) => [s.title, s.id, s.text_sha256]), [["A Survey", "survey", "a".repeat(64)], ["A Thesis", "thesis", "b".repeat(64)]]);
    assert.equal(descriptor.sources[1]!.authors, "Someone");
    assert.equal("authors" in descriptor.sources[0]!, false, "no author the document does not print");
    assert.deepEqual(descriptor.licenses.map((l) => l.name), ["CC-BY-4.0"]);
    assert.equal(descriptor.created, "2026-01-02T03:04:05Z");
    assert.equal(descriptor.version, "0123abc");
    assert.equal(JSON.stringify(make()), JSON.stringify(make()));
  });
});
