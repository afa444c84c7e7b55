import { RawInputError } from "../errors.ts";
import { parseTsv } from "../parse/tsv.ts";
import { collapseWhitespace } from "../parse/text.ts";
import type { Claim } from "./provenance.ts";
import { DOCUMENTS, type DocumentId } from "./statistic.ts";

/**
 * Statements without a number that the audit still compares, each quoted with its line (the
 * quotes are checked against the seeds like every other, normalize/provenance.ts):
 *
 * - raw/claims.tsv: a part called "most" (or "the majority") of a whole, tied to the share it
 *   speaks of by subject and measure (spellings of the ledger or keys of raw/vocabulary.tsv):
 *   the search compares it with every printed share of that subject and measure;
 * - raw/contradictions.tsv: two passages that cannot both hold and that are not numbers (a
 *   heading naming the wrong cluster, one quotation cited with two page numbers, one name spelt
 *   two ways), with the reviewer's sentence for readers.
 */

export const CLAIMS_HEADER = ["id", "document", "line", "quote", "subject", "measure", "note"] as const;
export const CONTRADICTIONS_HEADER = ["id", "kind", "document_a", "line_a", "quote_a", "document_b", "line_b", "quote_b", "sentence"] as const;
export const CONTRADICTION_KINDS = ["heading", "citation_page", "attribution", "spelling"] as const;
export type ContradictionKind = (typeof CONTRADICTION_KINDS)[number];

export interface MostClaim {
  id: string;
  document: DocumentId;
  line: number;
  quote: string;
  subject: string;
  measure: string;
  note: string | null;
  raw_file: string;
  raw_line: number;
}

export interface Passage {
  document: DocumentId;
  line: number;
  quote: string;
}

export interface Contradiction {
  id: string;
  kind: ContradictionKind;
  a: Passage;
  b: Passage;
  sentence: string;
  raw_file: string;
  raw_line: number;
}

const ID = /^[a-z0-9][a-z0-9.-]*$/;

function documentOf(value: string, fail: (reason: string) => never): DocumentId {
  if (!(DOCUMENTS as readonly string[]).includes(value)) fail(`expected one of ${DOCUMENTS.join(", ")}`);
  return value as DocumentId;
}

function lineOf(value: string, fail: (reason: string) => never): number {
  if (!/^[1-9]\d*$/.test(value)) fail("expected a whole line number from 1");
  return Number(value);
}

export function parseClaims(text: string, file: string): MostClaim[] {
  const seen = new Map<string, number>();
  return parseTsv(text, file, CLAIMS_HEADER).rows.map(({ line, fields: f }) => {
    const fail = (field: string) => (reason: string): never => {
      throw new RawInputError(file, line, field, f[field] ?? "", reason);
    };
    if (!ID.test(f.id!)) fail("id")("expected lower-case [a-z0-9.-]");
    if (seen.has(f.id!)) fail("id")(`duplicate of line ${seen.get(f.id!)}`);
    seen.set(f.id!, line);
    const quote = collapseWhitespace(f.quote!);
    if (!/\b(?:most|majority)\b/i.test(quote)) fail("quote")("a claim says 'most' or 'the majority'");
    for (const field of ["subject", "measure"] as const) if (f[field] === "") fail(field)("is empty");
    return {
      id: f.id!,
      document: documentOf(f.document!, fail("document")),
      line: lineOf(f.line!, fail("line")),
      quote,
      subject: f.subject!,
      measure: f.measure!,
      note: f.note === "" ? null : f.note!,
      raw_file: file,
      raw_line: line,
    };
  });
}

export function parseContradictions(text: string, file: string): Contradiction[] {
  const seen = new Map<string, number>();
  return parseTsv(text, file, CONTRADICTIONS_HEADER).rows.map(({ line, fields: f }) => {
    const fail = (field: string) => (reason: string): never => {
      throw new RawInputError(file, line, field, f[field] ?? "", reason);
    };
    if (!ID.test(f.id!)) fail("id")("expected lower-case [a-z0-9.-]");
    if (seen.has(f.id!)) fail("id")(`duplicate of line ${seen.get(f.id!)}`);
    seen.set(f.id!, line);
    if (!(CONTRADICTION_KINDS as readonly string[]).includes(f.kind!)) fail("kind")(`expected one of ${CONTRADICTION_KINDS.join(", ")}`);
    const passage = (suffix: "a" | "b"): Passage => {
      const quote = collapseWhitespace(f[`quote_${suffix}`]!);
      if (quote === "") fail(`quote_${suffix}`)("is empty: both passages are quoted");
      return { document: documentOf(f[`document_${suffix}`]!, fail(`document_${suffix}`)), line: lineOf(f[`line_${suffix}`]!, fail(`line_${suffix}`)), quote };
    };
    const [a, b] = [passage("a"), passage("b")];
    if (f.sentence === "") fail("sentence")("is empty: say for readers what cannot both hold");
    if (/raw\/|line \d/.test(f.sentence!)) fail("sentence")("file and line references belong to the passages, not the reader's sentence");
    return { id: f.id!, kind: f.kind as ContradictionKind, a, b, sentence: f.sentence!, raw_file: file, raw_line: line };
  });
}

/** The quoted passages of claims and contradictions, for checkClaims (normalize/provenance.ts). */
export function passageClaims(claims: readonly MostClaim[], contradictions: readonly Contradiction[]): Claim[] {
  return [
    ...claims.map((c): Claim => ({ document: c.document, line: c.line, passage: c.quote, raw_file: c.raw_file, raw_line: c.raw_line, field: "quote" })),
    ...contradictions.flatMap((c) =>
      (["a", "b"] as const).map((k): Claim => ({ document: c[k].document, line: c[k].line, passage: c[k].quote, raw_file: c.raw_file, raw_line: c.raw_line, field: `quote_${k}` })),
    ),
  ];
}
