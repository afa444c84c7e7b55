import { RawInputError } from "../errors.ts";
import { collapseWhitespace } from "../parse/text.ts";
import { parseTsv } from "../parse/tsv.ts";
import type { DocumentId } from "./statistic.ts";

/**
 * The studies a document cites in its text, captions, table sources and notes
 * (raw/<document>/citations.tsv), one row per work a citation names, as printed. Neither
 * document prints a reference list, so the citation as printed is all there is: the
 * bibliography lists every work with every place that cites it. The survey's footnotes keep
 * their own file (footnotes.ts); this file holds its running text.
 */

export const CITATIONS_HEADER = ["line", "citation", "author", "year", "pages", "section", "note"] as const;

/** One work named by one printed citation. */
export interface TextCitation {
  document: DocumentId;
  /** The seed line on which the citation starts. */
  line: number;
  /** The citation as printed, single-spaced: "Schmitz (1995, 1999)", "Bazan & Navas-Aleman, 2004, p14". */
  citation: string;
  /** The author(s) as printed in it, without a possessive ("Yin’s (1994)" → "Yin"). */
  author: string;
  /** The year of this work, as printed with its letter ("2005a"); a citation naming two years has two rows. */
  year: string;
  /** The pages as printed ("p.139"), or null. */
  pages: string | null;
  /** The section heading the citation stands under, as printed, or `note N` / `footnote N`. */
  section: string;
  note: string | null;
  raw_file: string;
  raw_line: number;
}

const WHOLE = /^[1-9]\d*$/;
const YEAR = /^(1[89]|20)\d\d[a-z]?$/;
/** Letters and digits only, so a name hyphenated at a line end ("Navas- Aleman") still matches. */
const bare = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, "").toLowerCase();

/**
 * Parses and validates a citations file: rows in the order printed (lines never go back), each
 * field as printed within its citation (the author, the year's digits and letter, the pages),
 * no (line, citation, year) twice. The citation itself is checked against the seed at its line
 * with every quote (provenance.ts).
 */
export function parseCitations(text: string, file: string, document: DocumentId, seedLines: number): TextCitation[] {
  const citations: TextCitation[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields: f } of parseTsv(text, file, CITATIONS_HEADER).rows) {
    const fail = (field: string, reason: string, value = f[field] ?? ""): never => {
      throw new RawInputError(file, line, field, value, reason);
    };
    if (!WHOLE.test(f.line!)) fail("line", "expected a whole line number from 1");
    const seedLine = Number(f.line);
    if (seedLine > seedLines) fail("line", `past the end of the ${document}'s text, which has ${seedLines} lines`);
    const previous = citations.at(-1);
    if (previous && seedLine < previous.line) fail("line", `out of order: before line ${previous.line}, where the row on line ${previous.raw_line} starts`);
    for (const name of ["citation", "author", "section"] as const) {
      if (f[name] === "") fail(name, "is empty");
      if (collapseWhitespace(f[name]!) !== f[name]) fail(name, "expected single spaces");
    }
    const citation = f.citation!;
    if (!bare(citation).includes(bare(f.author!))) fail("author", `not in the citation "${citation}"`);
    if (!YEAR.test(f.year!)) fail("year", "expected a four-digit year, with a letter if printed (2005a)");
    const year = f.year!;
    const printedYear = citation.includes(year) || (year.length === 5 && citation.includes(year.slice(0, 4)) && new RegExp(`\\b${year[4]}\\b`).test(citation.slice(citation.indexOf(year.slice(0, 4)))));
    if (!printedYear) fail("year", `not in the citation "${citation}"`);
    if (f.pages !== "" && !bare(citation).includes(bare(f.pages!))) fail("pages", `not in the citation "${citation}"`);
    const key = `${seedLine}\t${citation}\t${year}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) fail("year", `the row on line ${earlier} records this work of this citation already`, year);
    seen.set(key, line);
    citations.push({
      document,
      line: seedLine,
      citation,
      author: f.author!,
      year,
      pages: f.pages === "" ? null : f.pages!,
      section: f.section!,
      note: f.note === "" ? null : f.note!,
      raw_file: file,
      raw_line: line,
    });
  }
  return citations;
}
