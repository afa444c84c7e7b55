import { RawInputError } from "../errors.ts";
import { parseTsv } from "../parse/tsv.ts";
import type { Statistic } from "./statistic.ts";
import type { PrintedTable } from "./table.ts";

/**
 * The shared vocabulary of the systematic search for contradictions (raw/vocabulary.tsv): the
 * ledger's spellings of subjects and measures mapped to shared keys, so that statements about
 * the same thing meet however each document words it ("cluster_firms" in the survey, "firms"
 * in the thesis), with what each key is a part of (the Sinos Valley lies in Rio Grande do Sul;
 * footwear firms are some of a cluster's firms), and how each printed table's cells are told
 * apart from the running text's statements (a table's facet).
 *
 * A spelling the file does not list keeps its own key: a subject lower-cased, a measure as is.
 */

export const VOCABULARY_HEADER = ["kind", "spelling", "key", "part_of", "note"] as const;
export const VOCABULARY_KINDS = ["subject", "measure", "table"] as const;
export type VocabularyKind = (typeof VOCABULARY_KINDS)[number];

/**
 * How a table's cells meet other statements: `none` (its rows or columns name the subject and
 * measure, so a cell states what the text would: survey Table-1's clusters, Table #3's
 * associations, Table #8's clusters), `row` (each row is a part, the Total row the whole: Table
 * #1's sectors), `column` (each column a group, an "All …" column the whole: Table #6), `cell`
 * (every cell is its own thing: the default).
 */
export const FACETS = ["none", "row", "column", "cell"] as const;
export type Facet = (typeof FACETS)[number];

export interface VocabularyEntry {
  key: string;
  part_of: string | null;
}

export interface Vocabulary {
  subjects: Map<string, VocabularyEntry>;
  measures: Map<string, VocabularyEntry>;
  /** By table key (`thesis-table-1`). */
  tables: Map<string, Facet>;
  raw_file: string;
}

export const EMPTY_VOCABULARY: Vocabulary = { subjects: new Map(), measures: new Map(), tables: new Map(), raw_file: "" };

const KEY = /^[a-z0-9][a-z0-9_.-]*$/;

/** A subject's shared key when the vocabulary lists none: its spelling lower-cased, spaces as hyphens. */
export const defaultSubjectKey = (subject: string) => subject.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

export function subjectKey(v: Vocabulary, subject: string): string {
  return v.subjects.get(subject)?.key ?? defaultSubjectKey(subject);
}

export function measureKey(v: Vocabulary, measure: string): string {
  return v.measures.get(measure)?.key ?? measure;
}

/** Every key that `key` is a part of, nearest first (`sinos-valley` → `rio-grande-do-sul`, `brazil`). */
export function wholesOf(entries: ReadonlyMap<string, VocabularyEntry>, key: string): string[] {
  const parent = new Map<string, string>();
  for (const e of entries.values()) if (e.part_of) parent.set(e.key, e.part_of);
  const chain: string[] = [];
  for (let k = parent.get(key); k !== undefined && !chain.includes(k); k = parent.get(k)) chain.push(k);
  return chain;
}

/** Parses raw/vocabulary.tsv; checks it against the ledger's subjects, measures and tables when given. */
export function parseVocabulary(text: string, file: string, ledger?: { statistics: readonly Statistic[]; tables: readonly PrintedTable[] }): Vocabulary {
  const vocabulary: Vocabulary = { subjects: new Map(), measures: new Map(), tables: new Map(), raw_file: file };
  const lines = new Map<string, number>();
  const parents = new Map<string, { part_of: string; line: number; kind: VocabularyKind }>();
  for (const { line, fields: f } of parseTsv(text, file, VOCABULARY_HEADER).rows) {
    const fail = (field: string, reason: string, value = f[field] ?? ""): never => {
      throw new RawInputError(file, line, field, value, reason);
    };
    if (!(VOCABULARY_KINDS as readonly string[]).includes(f.kind!)) fail("kind", `expected one of ${VOCABULARY_KINDS.join(", ")}`);
    const kind = f.kind as VocabularyKind;
    if (f.spelling === "") fail("spelling", "is empty");
    const earlier = lines.get(`${kind}\t${f.spelling}`);
    if (earlier !== undefined) fail("spelling", `duplicate of line ${earlier}`);
    lines.set(`${kind}\t${f.spelling}`, line);
    if (kind === "table") {
      if (!(FACETS as readonly string[]).includes(f.key!)) fail("key", `a table's facet: one of ${FACETS.join(", ")}`);
      if (f.part_of !== "") fail("part_of", "a table is part of nothing");
      if (ledger && !ledger.tables.some((t) => t.key === f.spelling)) fail("spelling", "no such table key (tableKey in normalize/table.ts)");
      vocabulary.tables.set(f.spelling!, f.key as Facet);
      continue;
    }
    if (!KEY.test(f.key!)) fail("key", "expected lower-case [a-z0-9_.-]");
    if (f.part_of !== "" && !KEY.test(f.part_of!)) fail("part_of", "expected a key, lower-case [a-z0-9_.-]");
    if (f.part_of === f.key) fail("part_of", "a key is not a part of itself");
    if (ledger && !ledger.statistics.some((s) => (kind === "subject" ? s.subject : s.measure) === f.spelling)) {
      fail("spelling", `no statistic has this ${kind}: a stale row`);
    }
    const entry = { key: f.key!, part_of: f.part_of === "" ? null : f.part_of! };
    (kind === "subject" ? vocabulary.subjects : vocabulary.measures).set(f.spelling!, entry);
    if (entry.part_of) {
      const other = parents.get(`${kind}\t${entry.key}`);
      if (other && other.part_of !== entry.part_of) fail("part_of", `line ${other.line} puts ${entry.key} in ${other.part_of}`);
      parents.set(`${kind}\t${entry.key}`, { part_of: entry.part_of, line, kind });
    }
  }
  for (const [k, { line, kind }] of parents) {
    const key = k.split("\t")[1]!;
    if (wholesOf(kind === "subject" ? vocabulary.subjects : vocabulary.measures, key).includes(key)) {
      throw new RawInputError(file, line, "part_of", key, "a cycle: a key ends up a part of itself");
    }
  }
  return vocabulary;
}
