import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { OUTPUT_FILES } from "./dictionary.ts";
import type { AuditRow } from "../audit/row.ts";
import type { Ledger } from "../normalize/ledger.ts";
import { outputTables } from "./output-tables.ts";
import { writeParquetFiles } from "./parquet.ts";
import { writeFileAtomic } from "./write-file-atomic.ts";

/**
 * Writes every output of the ledger into `outDir`: statistics, tables, one tidy file per
 * table, units, the audit, the reconciliation, the documents (sources), the footnotes, and the
 * data dictionary. Returns the written paths, relative to outDir.
 */
export async function writeOutputs(ledger: Ledger, outDir: string, findings?: readonly AuditRow[]): Promise<string[]> {
  // Every table is computed before anything is written, so a failing check leaves no partial output.
  const tables = outputTables(ledger, findings).map((t) => ({ ...t, computed: t.rows() }));
  await mkdir(join(outDir, "tables"), { recursive: true });
  await writeParquetFiles(tables.map((t) => ({ path: join(outDir, t.path), columns: t.columns, rows: t.computed })));
  await writeFileAtomic(join(outDir, "data-dictionary.json"), `${JSON.stringify(OUTPUT_FILES, null, 2)}\n`);
  return [...tables.map((t) => t.path), "data-dictionary.json"];
}
