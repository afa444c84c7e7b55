// One size of the scaling benchmark, in its own process so that its peak memory is its own:
// read a synthetic raw statistics file → parse → normalizeStatistic (+ the duplicate-id check)
// → statistics Parquet (writeParquetFiles) → one DuckDB aggregation over the Parquet.
// Usage: tsx scripts/bench/scaling-run.ts <statistics.tsv> <units.tsv> <out folder>
// Prints one JSON line: {count, stages: {name: ms}, peakAfter: {name: KB}, totalMs, maxRssKb, groups}.
import { DuckDBInstance } from "@duckdb/node-api";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { STATISTICS_FILE } from "../../data-loaders/publish/dictionary.ts";
import { RawInputError } from "../../data-loaders/errors.ts";
import { writeParquetFiles } from "../../data-loaders/publish/parquet.ts";
import { normalizeStatistic, STATISTICS_HEADER, type Statistic } from "../../data-loaders/normalize/statistic.ts";
import { parseTsv } from "../../data-loaders/parse/tsv.ts";
import { parseUnits } from "../../data-loaders/parse/units.ts";

const [tsvPath, unitsPath, outDir] = process.argv.slice(2);
if (!tsvPath || !unitsPath || !outDir) throw new Error("usage: scaling-run.ts <statistics.tsv> <units.tsv> <out folder>");

const stages: Record<string, number> = {};
/** The process's peak RSS (KB) at the end of each stage: where the peak is reached. */
const peakAfter: Record<string, number> = {};
async function stage<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  stages[name] = performance.now() - started;
  peakAfter[name] = process.resourceUsage().maxRSS;
  return result;
}

const file = "synthetic/statistics/synthetic.tsv";
const units = parseUnits(await readFile(unitsPath, "utf8"), "raw/units.tsv");
const text = await stage("read", () => readFile(tsvPath, "utf8"));
const tsv = await stage("parse", () => parseTsv(text, file, STATISTICS_HEADER));
const statistics = await stage("normalize", () => {
  const out: Statistic[] = [];
  const firstSeen = new Map<string, Statistic>();
  for (const row of tsv.rows) {
    const statistic = normalizeStatistic(row, { file, document: "survey", units });
    const earlier = firstSeen.get(statistic.id);
    if (earlier) throw new RawInputError(file, row.line, "id", statistic.id, `duplicate of ${earlier.raw_file}:${earlier.raw_line}`);
    firstSeen.set(statistic.id, statistic);
    out.push(statistic);
  }
  return out;
});
const parquet = join(outDir, "statistics.parquet");
await stage("parquet", () => writeParquetFiles([{ path: parquet, columns: STATISTICS_FILE.columns, rows: statistics }]));
const groups = await stage("query", async () => {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      `SELECT unit, qualifier, count(*)::INTEGER AS n, sum(coalesce(value, value_low, value_high))::DOUBLE AS total
       FROM read_parquet('${parquet.replaceAll("'", "''")}') GROUP BY unit, qualifier ORDER BY unit, qualifier`,
    );
    return reader.getRowObjectsJS().length;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
});
const totalMs = Object.entries(stages).reduce((sum, [, ms]) => sum + ms, 0);
console.log(JSON.stringify({ count: statistics.length, stages, peakAfter, totalMs, maxRssKb: process.resourceUsage().maxRSS, groups }));
