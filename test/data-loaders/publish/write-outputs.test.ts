import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it, before } from "node:test";
import { promisify } from "node:util";
import { CITATIONS_FILE, FOOTNOTES_FILE, SOURCES_FILE, STATISTICS_FILE, TIDY_TABLE_FILE } from "../../../data-loaders/publish/dictionary.ts";
import { FOOTNOTES_HEADER } from "../../../data-loaders/normalize/footnotes.ts";
import { CITATIONS_HEADER } from "../../../data-loaders/normalize/citations.ts";
import { SOURCES_HEADER } from "../../../data-loaders/normalize/sources.ts";
import { DOCUMENTS, readLedger } from "../../../data-loaders/normalize/ledger.ts";
import { writeOutputs } from "../../../data-loaders/publish/write-outputs.ts";
import { writeParquet } from "../../../data-loaders/publish/parquet.ts";
import { PROJECT_ROOT, RAW_DIR } from "../../../data-loaders/paths.ts";
import { queryOutputs } from "../../../site/loader/ledger-database.ts";
import { collapseWhitespace } from "../../../data-loaders/parse/text.ts";
import { parseTsv } from "../../../data-loaders/parse/tsv.ts";
import { rawCopy, setField, STATS_FILE } from "../fixture.ts";

const run = promisify(execFile);

async function rawStatisticRows() {
  const rows: Record<string, string>[] = [];
  for (const document of DOCUMENTS) {
    const folder = join(RAW_DIR, document, "statistics");
    for (const name of (await readdir(folder)).filter((n) => n.endsWith(".tsv")).sort()) {
      for (const row of parseTsv(await readFile(join(folder, name), "utf8"), name).rows) rows.push({ ...row.fields, document });
    }
  }
  return rows;
}

describe("the Parquet outputs, read back with DuckDB", () => {
  let out: string;
  before(async () => {
    out = await mkdtemp(join(tmpdir(), "outputs-"));
    await writeOutputs(await readLedger(RAW_DIR), out);
  });

  it("statistics.parquet gives every number its page's address, numbers/<id>, a path whose one segment is the id as it stands", async () => {
    const rows = await queryOutputs(out, "SELECT id, permalink FROM statistics ORDER BY id");
    assert.ok(rows.length > 0);
    for (const { id, permalink } of rows) {
      assert.equal(permalink, `numbers/${id}`);
      // The id survives a URL unchanged: no character a path would escape or split on.
      assert.equal(encodeURIComponent(String(id)), id);
    }
  });

  it("statistics.parquet holds every raw row once, with its printed words, quote and unit", async () => {
    const raw = await rawStatisticRows();
    const parquet = await queryOutputs(out, "SELECT * FROM statistics ORDER BY id");
    assert.equal(parquet.length, raw.length);
    const byId = new Map(parquet.map((r) => [r.id, r]));
    for (const r of raw) {
      const p = byId.get(r.id!);
      assert.ok(p, `missing ${r.id}`);
      assert.equal(p.document, r.document);
      assert.equal(p.printed, r.printed);
      assert.equal(p.quote, collapseWhitespace(r.quote!));
      assert.equal(p.unit, r.unit);
      assert.equal(p.line, Number(r.line));
      assert.equal(p.cited_source, r.cited_source === "" ? null : r.cited_source);
      assert.equal(p.period, r.period === "" ? null : r.period);
    }
  });

  it("sources.parquet and footnotes.parquet hold every row of raw/sources.tsv and raw/survey/footnotes.tsv, with the dictionary's columns", async () => {
    for (const [view, spec, rawFile, header] of [
      ["sources", SOURCES_FILE, "sources.tsv", SOURCES_HEADER],
      ["footnotes", FOOTNOTES_FILE, "survey/footnotes.tsv", FOOTNOTES_HEADER],
    ] as const) {
      const described = await queryOutputs(out, `SELECT column_name, column_type FROM (DESCRIBE ${view})`);
      assert.deepEqual(described.map((d) => [d.column_name, d.column_type]), spec.columns.map((c) => [c.name, c.type]), view);
      const raw = parseTsv(await readFile(join(RAW_DIR, rawFile), "utf8"), rawFile, header).rows;
      // The latest year a document prints is checked against its seed, not published (yet).
      const publishedColumns = new Set(spec.columns.map((c) => c.name));
      assert.deepEqual(header.filter((n) => !publishedColumns.has(n)), view === "sources" ? ["latest_year", "latest_year_line"] : [], view);
      const published = await queryOutputs(out, `SELECT * FROM ${view} ORDER BY raw_line`);
      assert.equal(published.length, raw.length, view);
      raw.forEach(({ line, fields }, i) => {
        const row = published[i]!;
        assert.equal(row.raw_line, line);
        for (const name of header.filter((n) => publishedColumns.has(n))) assert.equal(row[name] === null ? "" : String(row[name]), fields[name], `${view} ${name}, line ${line}`);
      });
    }
  });

  it("citations.parquet holds every row of both documents' raw citations files, as printed, with the dictionary's columns", async () => {
    const described = await queryOutputs(out, "SELECT column_name, column_type FROM (DESCRIBE citations)");
    assert.deepEqual(described.map((d) => [d.column_name, d.column_type]), CITATIONS_FILE.columns.map((c) => [c.name, c.type]));
    for (const document of DOCUMENTS) {
      const rawFile = `${document}/citations.tsv`;
      const raw = parseTsv(await readFile(join(RAW_DIR, rawFile), "utf8"), rawFile, CITATIONS_HEADER).rows;
      const published = await queryOutputs(out, `SELECT * FROM citations WHERE document = '${document}' ORDER BY raw_line`);
      assert.equal(published.length, raw.length, rawFile);
      raw.forEach(({ line, fields }, i) => {
        for (const name of CITATIONS_HEADER) assert.equal(published[i]![name] === null ? "" : String(published[i]![name]), fields[name], `${rawFile}:${line} ${name}`);
      });
    }
  });

  it("statistics.parquet has the dictionary's columns and types", async () => {
    const described = await queryOutputs(out, "SELECT column_name, column_type FROM (DESCRIBE statistics)");
    assert.deepEqual(
      described.map((d) => [d.column_name, d.column_type]),
      STATISTICS_FILE.columns.map((c) => [c.name, c.type]),
    );
  });

  it("values are consistent with their bounds and qualifiers", async () => {
    const bad = await queryOutputs(
      out,
      `SELECT id FROM statistics WHERE
         (qualifier = 'range' AND (value IS NOT NULL OR value_low IS NULL OR value_high IS NULL OR value_low > value_high))
      OR (qualifier IN ('exact', 'approximately', 'expected') AND NOT (value = value_low AND value = value_high))
      OR (qualifier IN ('at_least', 'more_than') AND NOT (value = value_low AND value_high IS NULL))
      OR (qualifier IN ('less_than', 'up_to', 'almost') AND NOT (value = value_high AND value_low IS NULL))
      OR (unit = 'percent' AND (coalesce(value, value_low) < 0 OR coalesce(value, value_high) > 100))`,
    );
    assert.deepEqual(bad, []);
  });

  it("the unit, qualifier and document of every row come from their vocabularies", async () => {
    const units = await queryOutputs(out, "SELECT DISTINCT s.unit FROM statistics s ANTI JOIN units u ON s.unit = u.unit");
    assert.deepEqual(units, []);
    const rest = await queryOutputs(out, "SELECT DISTINCT qualifier, document FROM statistics WHERE qualifier NOT IN ('exact','approximately','almost','at_least','more_than','less_than','up_to','expected','range') OR document NOT IN ('survey','thesis')");
    assert.deepEqual(rest, []);
  });

  it("each tidy table holds every printed cell of its raw file, with its printed text", async () => {
    for (const document of DOCUMENTS) {
      const folder = join(RAW_DIR, document, "tables");
      for (const name of (await readdir(folder)).filter((n) => n.endsWith(".tsv"))) {
        const key = `${document}-${name.replace(/\.tsv$/, "")}`;
        const raw = parseTsv(await readFile(join(folder, name), "utf8"), name).rows;
        const cells = await queryOutputs(out, `SELECT DISTINCT row_label, column_label, cell FROM ${key.replaceAll("-", "_")}`);
        assert.equal(cells.length, raw.length, key);
        for (const { fields } of raw) {
          assert.ok(cells.some((c) => c.row_label === fields.row && c.column_label === fields.column && c.cell === fields.cell), `${key}: ${fields.row} / ${fields.column}`);
        }
      }
    }
  });

  it("each tidy table joins to statistics.parquet on the same values", async () => {
    const files = (await readdir(join(out, "tables"))).filter((f) => f.endsWith(".parquet"));
    assert.ok(files.length >= 9);
    for (const file of files) {
      const view = file.replace(/\.parquet$/, "").replaceAll("-", "_");
      const mismatched = await queryOutputs(
        out,
        `SELECT t.statistic_id FROM ${view} t LEFT JOIN statistics s ON s.id = t.statistic_id
         WHERE t.statistic_id IS NOT NULL AND (s.id IS NULL OR s.printed IS DISTINCT FROM t.printed
           OR s.value IS DISTINCT FROM t.value OR s.value_low IS DISTINCT FROM t.value_low OR s.value_high IS DISTINCT FROM t.value_high)`,
      );
      assert.deepEqual(mismatched, [], file);
      const described = await queryOutputs(out, `SELECT column_name FROM (DESCRIBE ${view})`);
      assert.deepEqual(described.map((d) => d.column_name), TIDY_TABLE_FILE.columns.map((c) => c.name));
    }
  });
});

describe("writing outputs", () => {
  it("leaves no file behind when a write fails", async () => {
    const dir = await mkdtemp(join(tmpdir(), "atomic-"));
    const columns = [{ name: "x", type: "VARCHAR" as const, nullable: false, description: "" }];
    await assert.rejects(writeParquet(join(dir, "x.parquet"), columns, [{ x: "a" }, { x: null }]), /invalid x: null/);
    assert.deepEqual(await readdir(dir), []);
  });

  it("writes byte-identical Parquet for the same input", async () => {
    const ledger = await readLedger(RAW_DIR);
    const [a, b] = [await mkdtemp(join(tmpdir(), "same-")), await mkdtemp(join(tmpdir(), "same-"))];
    await writeOutputs(ledger, a);
    await writeOutputs(ledger, b);
    for (const file of ["statistics.parquet", "tables.parquet", "tables/thesis-table-6.parquet"]) {
      assert.ok((await readFile(join(a, file))).equals(await readFile(join(b, file))), file);
    }
  });
});

describe("npm run data", () => {
  const cli = join(PROJECT_ROOT, "data-loaders", "cli.ts");
  const tsx = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");

  it("writes the outputs and the data dictionary", async () => {
    const out = await mkdtemp(join(tmpdir(), "cli-"));
    const { stdout } = await run(tsx, [cli, "data", "--out", out]);
    assert.match(stdout, /\d+ statistics, 9 tables/);
    const files = (await readdir(out)).sort();
    assert.deepEqual(files, ["audit.parquet", "census.parquet", "citations.parquet", "comparisons.parquet", "data-dictionary.json", "findings.parquet", "footnotes.parquet", "reconciliation.parquet", "sources.parquet", "statistics.parquet", "tables", "tables.parquet", "units.parquet"]);
    const dictionary = JSON.parse(await readFile(join(out, "data-dictionary.json"), "utf8"));
    assert.ok(dictionary.some((f: { path: string }) => f.path === "statistics.parquet"));
  });

  it("stops on bad input with file, line, field and value, and writes nothing", async () => {
    const raw = await rawCopy({ file: STATS_FILE, change: (t) => setField(t, "fx.palar.tanneries", "unit", "tanneries") });
    const out = join(await mkdtemp(join(tmpdir(), "cli-bad-")), "out");
    await assert.rejects(run(tsx, [cli, "data", "--out", out, "--raw", raw]), (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, /raw\/survey\/statistics\/text\.tsv:3: invalid unit: "tanneries"/);
      return true;
    });
    await assert.rejects(readdir(out), /ENOENT/);
  });

  it("stops on a seed that differs from its recorded hash, in one line, and writes nothing", async () => {
    const raw = await rawCopy();
    await writeFile(join(raw, "..", "seeds", "survey.txt"), "A Fixture Survey of Clusters, edited\n");
    const out = join(await mkdtemp(join(tmpdir(), "cli-seed-")), "out");
    await assert.rejects(run(tsx, [cli, "data", "--out", out, "--raw", raw]), (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, /^error: raw\/sources\.tsv:3: invalid sha256: "[0-9a-f]{64}" \(seeds\/survey\.txt has [0-9a-f]{64}; a changed source must be recorded here deliberately\)\n$/);
      return true;
    });
    await assert.rejects(readdir(out), /ENOENT/);
  });
});
