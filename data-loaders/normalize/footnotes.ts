import { RawInputError } from "../errors.ts";
import { collapseWhitespace } from "../parse/text.ts";
import { parseTsv } from "../parse/tsv.ts";
import type { DocumentId } from "./statistic.ts";

/**
 * A document's footnotes as transcribed (raw/<document>/footnotes.tsv): every study a footnote
 * cites, one row per citation, as printed. The bibliography groups them by work; the ledger
 * only checks that each row is well formed and stands where the document can hold it.
 */

export const FOOTNOTES_HEADER = ["footnote", "line", "citation", "note"] as const;

/** One citation of one footnote. */
export interface Footnote {
  document: DocumentId;
  /** The footnote's number as printed. */
  footnote: number;
  /** The seed line on which the citation starts. */
  line: number;
  /** The citation as printed, line breaks as one space, the footnote's final period left off. */
  citation: string;
  note: string | null;
  raw_file: string;
  raw_line: number;
}

const WHOLE = /^[1-9]\d*$/;

/**
 * Parses and validates a footnotes file. Footnotes are printed in order, so the rows must be
 * too: footnote numbers and seed lines never go back. `seedLines` is the number of lines of
 * the document's text, which no citation can start after. An "Ibid" repeats the footnote
 * before, so the first footnote cannot be one.
 */
export function parseFootnotes(text: string, file: string, document: DocumentId, seedLines: number): Footnote[] {
  const footnotes: Footnote[] = [];
  const firstSeen = new Map<string, number>();
  for (const { line, fields: f } of parseTsv(text, file, FOOTNOTES_HEADER).rows) {
    const fail = (field: string, reason: string, value = f[field] ?? ""): never => {
      throw new RawInputError(file, line, field, value, reason);
    };
    if (!WHOLE.test(f.footnote!)) fail("footnote", "expected a whole number from 1");
    if (!WHOLE.test(f.line!)) fail("line", "expected a whole line number from 1");
    const footnote = Number(f.footnote);
    const seedLine = Number(f.line);
    if (seedLine > seedLines) fail("line", `past the end of the ${document}'s text, which has ${seedLines} lines`);
    const previous = footnotes.at(-1);
    if (previous && footnote < previous.footnote) fail("footnote", `out of order: after footnote ${previous.footnote} on line ${previous.raw_line}`);
    if (previous && seedLine < previous.line) fail("line", `out of order: before line ${previous.line}, where the row on line ${previous.raw_line} starts`);
    if (f.citation === "") fail("citation", "is empty");
    if (collapseWhitespace(f.citation!) !== f.citation) fail("citation", "expected single spaces");
    if (f.citation!.endsWith(".")) fail("citation", "ends with a period: the footnote's final period is left off");
    if (/^ibid\b/i.test(f.citation!) && !footnotes.some((n) => n.footnote < footnote)) fail("citation", "Ibid with no footnote before it");
    const key = `${footnote}\t${f.citation}`;
    const earlier = firstSeen.get(key);
    if (earlier !== undefined) fail("citation", `footnote ${footnote} cites it on line ${earlier} already`);
    firstSeen.set(key, line);
    footnotes.push({ document, footnote, line: seedLine, citation: f.citation!, note: f.note === "" ? null : f.note!, raw_file: file, raw_line: line });
  }
  return footnotes;
}
