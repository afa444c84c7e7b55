import { RawInputError } from "../errors.ts";
import { parseTsv } from "../parse/tsv.ts";
import type { Seed } from "./sources.ts";
import type { DocumentId, Statistic } from "./statistic.ts";

/**
 * The pages whose number a document prints (raw/<document>/pages.tsv). Both seeds print a
 * page number only in a few running heads (the survey's line 614, the thesis's 956–958,
 * 3912–3914, 4443–4445), and a running head stands at the TOP of its page: the survey's head
 * follows the footnotes that close the page before it, and the line after each thesis head
 * continues the sentence broken by the page end. So a head printing N opens page N, and the
 * lines before it are on page N−1, whose number the text never prints. One reading for every
 * statistic: `page` is N exactly when the statistic's line lies in page N's recorded span,
 * and empty everywhere else (raw/README.md, "Pages").
 */

export const PAGES_HEADER = ["page", "first_line", "last_line", "note"] as const;

/** One page whose number the document prints: from its running head to its last line. */
export interface PrintedPage {
  document: DocumentId;
  page: number;
  /** The running head's first line (the head may take up to three lines: title, blank, number). */
  first_line: number;
  last_line: number;
  note: string | null;
  raw_file: string;
  raw_line: number;
}

const WHOLE = /^[1-9]\d*$/;
/** How many lines a running head may take: the thesis prints its title, a blank line, then the number. */
const HEAD_LINES = 3;

/** The seed's lines, 1-based (index 0 unused). */
const linesOf = (seed: Seed) => ["", ...seed.text.split("\n")];

/** Whether one of the head's lines prints `page` as its last word (the survey: "… Literature 27"; the thesis: " 69"). */
function headPrints(lines: string[], first: number, page: number): boolean {
  const pattern = new RegExp(`(?:^|\\s)${page}\\s*$`);
  return lines.slice(first, first + HEAD_LINES).some((l) => pattern.test(l));
}

/** Parses a pages file and checks each head against the seed: spans forward, ascending, apart. */
export function parsePages(text: string, file: string, document: DocumentId, seed: Seed): PrintedPage[] {
  const lines = linesOf(seed);
  const pages: PrintedPage[] = [];
  for (const { line, fields: f } of parseTsv(text, file, PAGES_HEADER).rows) {
    const fail = (field: string, reason: string, value = f[field] ?? ""): never => {
      throw new RawInputError(file, line, field, value, reason);
    };
    for (const name of ["page", "first_line", "last_line"] as const) if (!WHOLE.test(f[name]!)) fail(name, "expected a whole number from 1");
    const page = Number(f.page);
    const first = Number(f.first_line);
    const last = Number(f.last_line);
    if (last > seed.lines) fail("last_line", `past the end of the ${document}'s text, which has ${seed.lines} lines`);
    if (last < first) fail("last_line", `before first_line ${first}: a page's span runs forward`);
    if (!headPrints(lines, first, page)) fail("first_line", `no running head printing page ${page} on lines ${first}-${first + HEAD_LINES - 1} of ${seed.source.seed}`);
    const previous = pages.at(-1);
    if (previous && first <= previous.last_line) fail("first_line", `overlaps page ${previous.page} (lines ${previous.first_line}-${previous.last_line})`);
    if (previous && page <= previous.page) fail("page", `out of order: after page ${previous.page}`);
    pages.push({ document, page, first_line: first, last_line: last, note: f.note === "" ? null : f.note!, raw_file: file, raw_line: line });
  }
  return pages;
}

/** The printed page a seed line of `document` stands on, or null when the text prints none for it. */
export function pageOf(pages: readonly PrintedPage[], document: DocumentId, line: number): PrintedPage | null {
  return pages.find((p) => p.document === document && p.first_line <= line && line <= p.last_line) ?? null;
}

/**
 * Every statistic's `page` against the recorded spans: N when its line is on printed page N,
 * empty otherwise (a line before a head is on the page before, whose number is not printed).
 */
export function checkPages(statistics: readonly Statistic[], pages: readonly PrintedPage[]): void {
  for (const s of statistics) {
    const on = pageOf(pages, s.document, s.line);
    if (on === null && s.page !== null) {
      throw new RawInputError(s.raw_file, s.raw_line, "page", String(s.page), `line ${s.line} is on no page whose number the ${s.document} prints (a running head opens its page: lines before it are on the page before; see raw/README.md, "Pages")`);
    }
    if (on !== null && s.page !== on.page) {
      throw new RawInputError(s.raw_file, s.raw_line, "page", s.page === null ? "" : String(s.page), `line ${s.line} is on page ${on.page} (lines ${on.first_line}-${on.last_line}, ${on.raw_file}:${on.raw_line})`);
    }
  }
}
