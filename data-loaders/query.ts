import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Ledger } from "./ledger.ts";
import { outputTables } from "./output-tables.ts";
import { writeParquetFiles, type ParquetFile } from "./parquet.ts";

export type Row = Record<string, string | number | boolean | null>;

/** The view name a query uses for an output file: `statistics`, `survey_table_1`, … */
export function viewName(relativePath: string): string {
  return relativePath.replace(/^tables\//, "").replace(/\.parquet$/, "").replaceAll("-", "_");
}

function plain(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * Runs SQL over a folder of the pipeline's Parquet outputs, each file a view named by
 * viewName(). The same SQL runs in the reader's browser, where the same names are registered.
 */
export async function queryOutputs(outDir: string, sql: string, db?: DuckDBConnection): Promise<Row[]> {
  const instance = db ? null : await DuckDBInstance.create(":memory:");
  const connection = db ?? (await instance!.connect());
  try {
    const files = [
      ...(await readdir(outDir)).filter((f) => f.endsWith(".parquet")),
      ...(await readdir(join(outDir, "tables")).catch(() => [])).filter((f) => f.endsWith(".parquet")).map((f) => `tables/${f}`),
    ].sort();
    for (const file of files) {
      const path = join(outDir, file).replaceAll("'", "''");
      await connection.run(`CREATE VIEW "${viewName(file)}" AS SELECT * FROM read_parquet('${path}')`);
    }
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
  } finally {
    if (instance) {
      connection.closeSync();
      instance.closeSync();
    }
  }
}

/** The Parquet files of a ledger that a query names, by view name. */
function filesForQuery(ledger: Ledger, sql: string, folder: string): ParquetFile[] {
  return outputTables(ledger)
    .filter((t) => new RegExp(`\\b${viewName(t.path)}\\b`, "i").test(sql))
    .map((t) => ({ path: join(folder, t.path), columns: t.columns, rows: t.rows() }));
}

/**
 * Writes the ledger's Parquet files that `sql` names to a scratch folder, then runs `sql`
 * over them with DuckDB: the same path (rows → Parquet → SQL) as the published files take.
 */
export async function queryLedger(ledger: Ledger, sql: string): Promise<Row[]> {
  const folder = await mkdtemp(join(tmpdir(), "ledger-"));
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await mkdir(join(folder, "tables"));
    await writeParquetFiles(filesForQuery(ledger, sql, folder), connection);
    return await queryOutputs(folder, sql, connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(folder, { recursive: true, force: true });
  }
}
