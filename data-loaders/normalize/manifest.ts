import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { RawInputError } from "../errors.ts";
import { parseTsv } from "../parse/tsv.ts";
import { readOptionalRawText } from "./raw-text.ts";
import { DOCUMENTS, type DocumentId } from "./statistic.ts";

/**
 * The list of raw files (raw/files.tsv): the one place that says which files the pipeline
 * reads, so that a missing or renamed file is an error and never a report with fewer numbers.
 * Each listed file must exist; each `.tsv` under raw/ must be listed. What a file holds
 * follows from where it stands (raw/README.md, "The list of files").
 */

export const MANIFEST_FILE_NAME = "files.tsv";
export const MANIFEST_HEADER = ["file"] as const;

export type RawFileKind = "sources" | "units" | "reconciliation" | "vocabulary" | "claims" | "contradictions" | "statistics" | "tables" | "footnotes" | "pages" | "citations" | "census" | "glossary" | "conclusions";

export interface RawFileEntry {
  /** The path relative to the raw folder, with `/`. */
  file: string;
  kind: RawFileKind;
  /** The document a statistics, tables or footnotes file belongs to. */
  document: DocumentId | null;
  /** The manifest's line that lists it. */
  raw_line: number;
}

const TOP_LEVEL: Record<string, RawFileKind> = {
  "sources.tsv": "sources",
  "units.tsv": "units",
  "reconciliation.tsv": "reconciliation",
  "vocabulary.tsv": "vocabulary",
  "claims.tsv": "claims",
  "contradictions.tsv": "contradictions",
  "glossary.tsv": "glossary",
};
/** The files every raw folder needs; reconciliation.tsv is listed where there is one. */
const REQUIRED: readonly RawFileKind[] = ["sources", "units"];

function classify(file: string): Pick<RawFileEntry, "kind" | "document"> | null {
  const top = TOP_LEVEL[file];
  if (top) return { kind: top, document: null };
  const match = /^([a-z]+)\/(?:(statistics|tables)\/[a-z0-9][a-z0-9-]*\.tsv|(footnotes|pages|citations|census|conclusions)\.tsv)$/.exec(file);
  if (!match || !(DOCUMENTS as readonly string[]).includes(match[1]!)) return null;
  return { kind: (match[2] ?? match[3]) as RawFileKind, document: match[1] as DocumentId };
}

async function tsvFilesUnder(folder: string, root = folder): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (e) => {
      const path = join(folder, e.name);
      if (e.isDirectory()) return tsvFilesUnder(path, root);
      return e.name.endsWith(".tsv") ? [relative(root, path).split("\\").join("/")] : [];
    }),
  );
  return nested.flat();
}

/**
 * Reads raw/files.tsv under `rawDir` (named `file` in errors), checks every listed file
 * exists and every .tsv file there is listed, and returns the entries in the manifest's order.
 */
export async function readManifest(rawDir: string, file: string): Promise<RawFileEntry[]> {
  const text = await readOptionalRawText(join(rawDir, MANIFEST_FILE_NAME), file);
  if (text === null) throw new RawInputError(file, 1, "file", MANIFEST_FILE_NAME, "missing: the raw folder lists its files in it (raw/README.md)");
  const entries: RawFileEntry[] = [];
  const present = new Set(await tsvFilesUnder(rawDir));
  const seen = new Map<string, number>();
  const rows = parseTsv(text, file, MANIFEST_HEADER).rows;
  for (const { line, fields } of rows) {
    const name = fields.file!;
    const fail = (reason: string): never => {
      throw new RawInputError(file, line, "file", name, reason);
    };
    const earlier = seen.get(name);
    if (earlier !== undefined) fail(`listed twice (line ${earlier})`);
    seen.set(name, line);
    const kind = classify(name) ?? fail(`expected sources.tsv, units.tsv, reconciliation.tsv, vocabulary.tsv, claims.tsv, contradictions.tsv, glossary.tsv or <document>/statistics/<name>.tsv, <document>/tables/<name>.tsv, <document>/footnotes.tsv, <document>/pages.tsv, <document>/citations.tsv, <document>/census.tsv, <document>/conclusions.tsv, with <document> one of ${DOCUMENTS.join(", ")}`);
    if (!present.has(name)) fail("listed, but no such file in the raw folder (renamed or deleted?)");
    entries.push({ file: name, ...kind, raw_line: line });
  }
  for (const name of [...present].sort()) {
    if (name !== MANIFEST_FILE_NAME && !seen.has(name)) throw new RawInputError(file, rows.at(-1)?.line ?? 1, "file", name, "a .tsv file in the raw folder that this list does not name: list it, or remove it");
  }
  for (const kind of REQUIRED) {
    if (!entries.some((e) => e.kind === kind)) throw new RawInputError(file, rows.at(-1)?.line ?? 1, "file", `${kind}.tsv`, "not listed: every raw folder has one");
  }
  return entries;
}
