import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { RawInputError } from "../errors.ts";
import { DOCUMENTS, normalizeStatistic, STATISTICS_HEADER, type Statistic } from "./statistic.ts";
import { FOOTNOTES_FILE_NAME, parseFootnotes, type Footnote } from "./footnotes.ts";
import { readReconciliation, RECONCILIATION_FILE_NAME, type ReconciliationEntry } from "./reconciliation.ts";
import { readSeeds, type Source } from "./sources.ts";
import { parseTable, tidyTable, type PrintedTable, type TidyCell } from "./table.ts";
import { parseTsv } from "../parse/tsv.ts";
import { parseUnits, type Unit } from "../parse/units.ts";

export { DOCUMENTS };

/** Everything the raw layer says, normalized and cross-checked, in memory. */
export interface Ledger {
  /** The documents (raw/sources.tsv), in DOCUMENTS order, each seed checked against its hash. */
  sources: Source[];
  units: Map<string, Unit>;
  statistics: Statistic[];
  tables: PrintedTable[];
  tidyTables: Map<string, TidyCell[]>;
  /** The citations of each document's footnotes (raw/<document>/footnotes.tsv, where there is one), document by document. */
  footnotes: Footnote[];
  /** The reviewer's reconciliation (raw/reconciliation.tsv); empty when the raw folder has none. */
  reconciliation?: ReconciliationEntry[];
}

/** The text of a file, or null when there is none. */
async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

async function tsvFiles(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith(".tsv")).sort().map((n) => join(folder, n));
}

/**
 * Reads the raw layer under `rawDir` (see raw/README.md): the documents first, each seed
 * checked against its recorded sha256 (sources.ts), then units, each document's statistics,
 * tables and footnotes, then the reviewer's reconciliation (reconciliation.ts), whose ids
 * must name statistics read before it. Paths in errors and in the output are relative to `baseDir`,
 * so they read the same on every machine.
 */
export async function readLedger(rawDir: string, baseDir = join(rawDir, "..")): Promise<Ledger> {
  const name = (path: string) => relative(baseDir, path).split("\\").join("/");
  const seeds = await readSeeds(rawDir, baseDir);
  const unitsPath = join(rawDir, "units.tsv");
  const units = parseUnits(await readFile(unitsPath, "utf8"), name(unitsPath));
  const statistics: Statistic[] = [];
  const tables: PrintedTable[] = [];
  const footnotes: Footnote[] = [];
  const firstSeen = new Map<string, Statistic>();
  for (const document of DOCUMENTS) {
    for (const path of await tsvFiles(join(rawDir, document, "statistics"))) {
      const file = name(path);
      const tsv = parseTsv(await readFile(path, "utf8"), file, STATISTICS_HEADER);
      for (const row of tsv.rows) {
        const statistic = normalizeStatistic(row, { file, document, units });
        const earlier = firstSeen.get(statistic.id);
        if (earlier) {
          throw new RawInputError(file, row.line, "id", statistic.id, `duplicate of ${earlier.raw_file}:${earlier.raw_line}`);
        }
        firstSeen.set(statistic.id, statistic);
        statistics.push(statistic);
      }
    }
    for (const path of await tsvFiles(join(rawDir, document, "tables"))) {
      tables.push(parseTable(await readFile(path, "utf8"), name(path), document));
    }
    const footnotesPath = join(rawDir, document, FOOTNOTES_FILE_NAME);
    const footnotesText = await readOptional(footnotesPath);
    if (footnotesText !== null) {
      const seed = seeds.find((s) => s.source.id === document)!;
      footnotes.push(...parseFootnotes(footnotesText, name(footnotesPath), document, seed.lines));
    }
  }
  tables.sort((a, b) => a.document.localeCompare(b.document) || a.number - b.number);
  for (const s of statistics) {
    if (s.table !== null && !tables.some((t) => t.document === s.document && t.table === s.table)) {
      throw new RawInputError(s.raw_file, s.raw_line, "table", s.table, "no such table file");
    }
  }
  const tidyTables = new Map(tables.map((t) => [t.key, tidyTable(t, statistics)] as const));
  const reconciliationPath = join(rawDir, RECONCILIATION_FILE_NAME);
  const reconciliation = await readReconciliation(reconciliationPath, name(reconciliationPath), statistics);
  return { sources: seeds.map((s) => s.source), units, statistics, tables, tidyTables, footnotes, reconciliation };
}
