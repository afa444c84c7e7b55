import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { OUTPUT_FILES, STATISTICS_FILE, TABLES_FILE, TIDY_TABLE_FILE, UNITS_FILE } from "./dictionary.ts";
import type { Ledger } from "./ledger.ts";
import { writeParquet } from "./parquet.ts";
import type { PrintedTable } from "./table.ts";

/** The tables.parquet row of a printed table. */
export function tableRow(t: PrintedTable) {
  return { ...t, notes: t.notes.join("\n"), footnotes: t.footnotes.join("\n") };
}

/** Writes text so that it appears under its name only once complete. */
export async function writeFileAtomic(path: string, text: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

/**
 * Writes every output of the ledger into `outDir`: statistics, tables, one tidy file per
 * table, units, and the data dictionary. Returns the written paths, relative to outDir.
 */
export async function writeOutputs(ledger: Ledger, outDir: string): Promise<string[]> {
  await mkdir(join(outDir, "tables"), { recursive: true });
  const written: string[] = [];
  const parquet = async (path: string, columns: typeof STATISTICS_FILE.columns, rows: readonly object[]) => {
    await writeParquet(join(outDir, path), columns, rows);
    written.push(path);
  };
  await parquet(STATISTICS_FILE.path, STATISTICS_FILE.columns, ledger.statistics);
  await parquet(TABLES_FILE.path, TABLES_FILE.columns, ledger.tables.map(tableRow));
  for (const [key, rows] of ledger.tidyTables) await parquet(`tables/${key}.parquet`, TIDY_TABLE_FILE.columns, rows);
  await parquet(UNITS_FILE.path, UNITS_FILE.columns, [...ledger.units.values()]);
  await writeFileAtomic(join(outDir, "data-dictionary.json"), `${JSON.stringify(OUTPUT_FILES, null, 2)}\n`);
  written.push("data-dictionary.json");
  return written;
}
