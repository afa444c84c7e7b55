import { join, relative } from "node:path";
import { RawInputError } from "../errors.ts";
import { DOCUMENTS, normalizeStatistic, STATISTICS_HEADER, type Statistic } from "./statistic.ts";
import { censusOf, parseCensusDecisions, type CensusRow } from "./census.ts";
import { parseFootnotes, type Footnote } from "./footnotes.ts";
import { checkPages, parsePages, type PrintedPage } from "./pages.ts";
import { parseCitations, type TextCitation } from "./citations.ts";
import { MANIFEST_FILE_NAME, readManifest, type RawFileEntry } from "./manifest.ts";
import { checkPeriods } from "./periods.ts";
import { checkClaims, checkProvenance, checkTableLabels, checkTableLines } from "./provenance.ts";
import { readRawText } from "./raw-text.ts";
import { parseReconciliation, type ReconciliationEntry } from "./reconciliation.ts";
import { EMPTY_VOCABULARY, parseVocabulary, type Vocabulary } from "./vocabulary.ts";
import { parseClaims, parseContradictions, passageClaims, type Contradiction, type MostClaim } from "./passages.ts";
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
  /** Every number either document prints, with what accounts for it (census.ts; raw/<document>/census.tsv). */
  census: CensusRow[];
  /** Every study each document cites in its text and notes (raw/<document>/citations.tsv), document by document. */
  citations: TextCitation[];
  /** The pages whose number each document prints (raw/<document>/pages.tsv): every statistic's page is checked against them. */
  pages: PrintedPage[];
  /** The search's shared vocabulary (raw/vocabulary.tsv); empty when the raw folder has none. */
  vocabulary?: Vocabulary;
  /** Passages calling a part "most" of a whole (raw/claims.tsv). */
  claims?: MostClaim[];
  /** Contradictions that are not numbers, both passages quoted (raw/contradictions.tsv). */
  contradictions?: Contradiction[];
  /** The reviewer's reconciliation (raw/reconciliation.tsv); empty when the raw folder has none. */
  reconciliation?: ReconciliationEntry[];
}

/**
 * Reads the raw layer under `rawDir` (see raw/README.md): the list of its files (files.tsv,
 * manifest.ts: none missing, none unlisted), each file read through raw-text.ts (UTF-8, no
 * control characters); the documents, each seed checked against its recorded sha256
 * (sources.ts); then units, each document's statistics, tables and footnotes; the periods
 * against each document's latest printed year (periods.ts); every quote and citation against
 * its seed at its line (provenance.ts); then the reviewer's reconciliation
 * (reconciliation.ts), whose ids must name statistics read before it. Paths in errors and in
 * the output are relative to `baseDir`, so they read the same on every machine.
 */
export async function readLedger(rawDir: string, baseDir = join(rawDir, "..")): Promise<Ledger> {
  const name = (path: string) => relative(baseDir, path).split("\\").join("/");
  const manifest = await readManifest(rawDir, name(join(rawDir, MANIFEST_FILE_NAME)));
  const seeds = await readSeeds(rawDir, baseDir);
  /** The listed files of one kind (and document), in file-name order, each with its text. */
  const read = async (kind: RawFileEntry["kind"], document: string | null = null) => {
    const entries = manifest.filter((e) => e.kind === kind && e.document === document).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return Promise.all(entries.map(async (e) => ({ file: name(join(rawDir, e.file)), text: await readRawText(join(rawDir, e.file), name(join(rawDir, e.file))) })));
  };
  const [unitsFile] = await read("units");
  const units = parseUnits(unitsFile!.text, unitsFile!.file);
  const statistics: Statistic[] = [];
  const tables: PrintedTable[] = [];
  const footnotes: Footnote[] = [];
  const pages: PrintedPage[] = [];
  const citations: TextCitation[] = [];
  const firstSeen = new Map<string, Statistic>();
  for (const document of DOCUMENTS) {
    for (const { file, text } of await read("statistics", document)) {
      const tsv = parseTsv(text, file, STATISTICS_HEADER);
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
    const seed = seeds.find((s) => s.source.id === document)!;
    for (const { file, text } of await read("tables", document)) {
      const table = parseTable(text, file, document);
      checkTableLines(table, text, seed);
      checkTableLabels(table, text, seed);
      tables.push(table);
    }
    for (const { file, text } of await read("footnotes", document)) {
      footnotes.push(...parseFootnotes(text, file, document, seed.lines));
    }
    for (const { file, text } of await read("citations", document)) {
      citations.push(...parseCitations(text, file, document, seed.lines));
    }
    for (const { file, text } of await read("pages", document)) {
      pages.push(...parsePages(text, file, document, seed));
    }
  }
  tables.sort((a, b) => a.document.localeCompare(b.document) || a.number - b.number);
  for (const s of statistics) {
    if (s.table !== null && !tables.some((t) => t.document === s.document && t.table === s.table)) {
      throw new RawInputError(s.raw_file, s.raw_line, "table", s.table, "no such table file");
    }
  }
  checkPeriods(statistics, seeds);
  checkPages(statistics, pages);
  checkProvenance(statistics, seeds, footnotes, citations);
  const census: CensusRow[] = [];
  for (const document of DOCUMENTS) {
    const seed = seeds.find((s) => s.source.id === document)!;
    const files = await read("census", document);
    const decisions = files.flatMap(({ file, text }) => parseCensusDecisions(text, file, document, seed.lines));
    census.push(...censusOf(seed, statistics, decisions, files[0]?.file ?? name(join(rawDir, document, "census.tsv"))));
  }
  const tidyTables = new Map(tables.map((t) => [t.key, tidyTable(t, statistics)] as const));
  const [reconciliationFile] = await read("reconciliation");
  const reconciliation = reconciliationFile ? parseReconciliation(reconciliationFile.text, reconciliationFile.file, statistics) : [];
  const [vocabularyFile] = await read("vocabulary");
  const vocabulary = vocabularyFile ? parseVocabulary(vocabularyFile.text, vocabularyFile.file, { statistics, tables }) : EMPTY_VOCABULARY;
  const claims = (await read("claims")).flatMap(({ file, text }) => parseClaims(text, file));
  const contradictions = (await read("contradictions")).flatMap(({ file, text }) => parseContradictions(text, file));
  checkClaims(passageClaims(claims, contradictions), seeds);
  return { sources: seeds.map((s) => s.source), units, statistics, tables, tidyTables, footnotes, citations, pages, census, reconciliation, vocabulary, claims, contradictions };
}
