import { DuckDBInstance } from "@duckdb/node-api";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Ledger } from "./ledger.ts";
import { writeOutputs } from "./outputs.ts";

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
export async function queryOutputs(outDir: string, sql: string): Promise<Row[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
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
    connection.closeSync();
    instance.closeSync();
  }
}

/** Writes the ledger's Parquet outputs to a scratch folder and runs SQL over them. */
export async function queryLedger(ledger: Ledger, sql: string): Promise<Row[]> {
  const folder = await mkdtemp(join(tmpdir(), "ledger-"));
  try {
    await writeOutputs(ledger, folder);
    return await queryOutputs(folder, sql);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
