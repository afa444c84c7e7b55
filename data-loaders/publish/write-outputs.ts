import { existsSync } from "node:fs";
import { cp, mkdir, rm } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { OUTPUT_FILES } from "./dictionary.ts";
import type { AuditReport } from "../audit/audit-ledger.ts";
import type { Ledger } from "../normalize/ledger.ts";
import { outputTables } from "./output-tables.ts";
import { writeParquetFiles } from "./parquet.ts";
import { buildingFolder, recoverFolder, replaceFolder } from "./replace-folder.ts";
import { writeFileAtomic } from "./write-file-atomic.ts";

/**
 * Writes every output of the ledger into `outDir`: statistics, tables, one tidy file per
 * table, units, the audit, the reconciliation, the documents (sources), the footnotes, and the
 * data dictionary. Returns the written paths, relative to outDir.
 *
 * The folder is replaced whole (replace-folder.ts): the outputs are written into a sibling
 * folder, with a copy of whatever else `outDir` held, which then takes its place. A run that
 * fails or is killed leaves `outDir` as it was, never old and new files mixed; the next run
 * puts it back if the kill came between the two renames, and removes what dead runs left.
 */
export async function writeOutputs(ledger: Ledger, outDir: string, findings?: AuditReport): Promise<string[]> {
  // Every table is computed before anything is written, so a failing check leaves no partial output.
  const tables = outputTables(ledger, findings).map((t) => ({ ...t, computed: t.rows() }));
  const folder = resolve(outDir);
  // The folder is replaced whole: never the working directory or a folder holding it.
  const fromFolder = relative(folder, process.cwd());
  if (fromFolder !== ".." && !fromFolder.startsWith(`..${sep}`)) throw new Error(`invalid output folder: "${outDir}" (it holds the working directory, and is replaced whole; name a folder of its own)`);
  await mkdir(dirname(folder), { recursive: true });
  await recoverFolder(folder);
  const building = buildingFolder(folder);
  try {
    await mkdir(join(building, "tables"), { recursive: true });
    await writeParquetFiles(tables.map((t) => ({ path: join(building, t.path), columns: t.columns, rows: t.computed })));
    await writeFileAtomic(join(building, "data-dictionary.json"), `${JSON.stringify(OUTPUT_FILES, null, 2)}\n`);
    // Files of the folder that this run does not write (the user's own, or an older layout's) stay.
    if (existsSync(folder)) await cp(folder, building, { recursive: true, force: false, errorOnExist: false });
    await replaceFolder(folder, building);
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return [...tables.map((t) => t.path), "data-dictionary.json"];
}
