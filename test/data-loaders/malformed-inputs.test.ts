// Malformed raw input, one kind per row: each must be refused by runPipeline with a
// RawInputError naming its file, line and field, and the output folder must stay as it was.
// Each case edits a scratch copy of the real raw/ (realRawCopy), so the real seeds and every
// real cross-check are in play. At the end the counts are printed: tried, refused with a
// clear message, accepted.
import assert from "node:assert/strict";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { RawInputError } from "../../data-loaders/errors.ts";
import { runPipeline } from "../../data-loaders/index.ts";
import { readLedger } from "../../data-loaders/normalize/ledger.ts";
import { realRawCopy, setField } from "./fixture.ts";

const SURVEY = "survey/statistics/survey.tsv";
const PART1 = "thesis/statistics/part-1.tsv";
const PART2 = "thesis/statistics/part-2.tsv";
const TABLES = "thesis/statistics/tables.tsv";
/** survey.tsv line 2: "at least 75" firms, seed line 47. */
const S75 = "survey.sinos-valley.large-manufacturers";
const S75_QUOTE = "has at least 75 large manufacturers (each with more than 500 employees)";
/** part-1.tsv line 2: "693" firms, seed line 2441. */
const T693 = "thesis.p1.sinos-valley.firms";
const T693_QUOTE = "Comprising 693 firms, employing 101,000+ employees the cluster is the amalgamation of 25 cities";
/** survey.tsv line 6: "$125 million" USD, period 1995-96. */
const SIALKOT = "survey.sialkot.exports-1995-96";
/** part-2.tsv line 21: "between 100 and 250" workers. */
const RANGE = "thesis.p2.guadalajara.employees-per-firm-medium-class";
/** survey.tsv line 19: "90 percent". */
const PCT = "survey.ludhiana.share-of-national-output";

type Edit = (raw: string) => Promise<void>;

const text = (file: string, change: (t: string) => string): Edit => async (raw) => {
  const path = join(raw, file);
  await writeFile(path, change(await readFile(path, "utf8")));
};
const bytes = (file: string, change: (b: Buffer) => Buffer): Edit => async (raw) => {
  const path = join(raw, file);
  await writeFile(path, change(await readFile(path)));
};
/** Sets one field of the statistic `id` in `file`. */
const field = (file: string, id: string, name: string, value: string) => text(file, (t) => setField(t, id, name, value));
/** Mistypes a number as an author would: in `printed` and in `quote` alike. */
const typo = (file: string, id: string, quote: string, from: string, to: string) =>
  text(file, (t) => setField(setField(t, id, "printed", to), id, "quote", quote.replace(from, to)));
/** Replaces the first occurrence of `from` in the raw bytes of `file` (after `after`, if given). */
const replaceBytes = (file: string, from: string, to: Buffer, afterText = "") =>
  bytes(file, (b) => {
    const at = b.indexOf(from, afterText ? b.indexOf(afterText) : 0);
    assert.ok(at >= 0, `${from} not in ${file}`);
    return Buffer.concat([b.subarray(0, at), to, b.subarray(at + Buffer.byteLength(from))]);
  });
/** The line of `file` that starts with `prefix` (a statistic id: its row), or 0. */
async function lineOf(raw: string, file: string, prefix: string): Promise<number> {
  const isId = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(prefix) && !prefix.endsWith(".tsv");
  const lines = await readFile(join(raw, file), "utf8").catch(() => "");
  return lines.split("\n").findIndex((l) => l.startsWith(isId ? `${prefix}\t` : prefix)) + 1;
}

interface Case {
  what: string;
  edit: Edit;
  /** The file (under raw/) the error must name. */
  file: string;
  /** The line it must name: a number, the line of the raw row starting with this text, or the file's last row (one the edit appends). */
  line: number | string | typeof LAST_ROW;
  field: string;
  /** What the reason must say. */
  reason: RegExp;
}

/** The last row of the file after the edit: where a row the edit appends stands, however long the file grows. */
const LAST_ROW = Symbol("the last row");

const CASES: Case[] = [
  // Numbers: the whole printed token or an error.
  { what: "a number typo 2O5-like (6O3)", edit: typo(PART1, T693, T693_QUOTE, "693", "6O3"), file: PART1, line: T693, field: "printed", reason: /invalid number/ },
  { what: "trailing letters glued to a number (693x)", edit: typo(PART1, T693, T693_QUOTE, "693", "693x"), file: PART1, line: T693, field: "printed", reason: /invalid number/ },
  { what: "a letter inside a qualified number (at least 7O)", edit: typo(SURVEY, S75, S75_QUOTE, "at least 75", "at least 7O"), file: SURVEY, line: S75, field: "printed", reason: /invalid number/ },
  { what: "a stray '#' inside at least 75", edit: typo(SURVEY, S75, S75_QUOTE, "at least 75", "at least 7#5"), file: SURVEY, line: S75, field: "printed", reason: /invalid number/ },
  { what: "a stray apostrophe inside at least 75", edit: typo(SURVEY, S75, S75_QUOTE, "at least 75", "at least 7'5"), file: SURVEY, line: S75, field: "printed", reason: /invalid number/ },
  { what: "digits left over after the number (75 75)", edit: typo(SURVEY, S75, S75_QUOTE, "at least 75", "at least 75 75"), file: SURVEY, line: S75, field: "printed", reason: /digits left over/ },
  { what: "trailing punctuation after the number's words", edit: typo(SURVEY, S75, S75_QUOTE, "at least 75", "at least 75 firms;"), file: SURVEY, line: S75, field: "printed", reason: /unexpected characters/ },
  { what: "a leading zero (075)", edit: typo(SURVEY, S75, S75_QUOTE, "at least 75", "at least 075"), file: SURVEY, line: S75, field: "printed", reason: /invalid number/ },
  { what: "a thousands group then a decimal comma (10,000,5)", edit: typo(PART1, T693, T693_QUOTE, "693", "10,000,5"), file: PART1, line: T693, field: "printed", reason: /invalid number|no number/ },
  { what: "an exponent (2.9e24 firms)", edit: typo(PART1, T693, T693_QUOTE, "693", "2.9e24"), file: PART1, line: T693, field: "printed", reason: /invalid number/ },
  { what: "a count absurdly large (5 trillion firms)", edit: typo(PART1, T693, T693_QUOTE, "693", "5 trillion"), file: PART1, line: T693, field: "printed", reason: /cannot exceed 1e\+12/ },
  { what: "money absurdly large ($125 trillion trillion)", edit: typo(SURVEY, SIALKOT, "Pakistan’s Sialkot cluster exported $125 million worth of surgical instruments in 1995-96", "$125 million", "$125000 trillion"), file: SURVEY, line: SIALKOT, field: "printed", reason: /cannot exceed 1e\+16/ },
  { what: "a negative count (-693)", edit: typo(PART1, T693, T693_QUOTE, "693", "-693"), file: PART1, line: T693, field: "printed", reason: /no number/ },
  { what: "a fractional count (69.3 firms)", edit: typo(PART1, T693, T693_QUOTE, "693", "69.3"), file: PART1, line: T693, field: "printed", reason: /whole number/ },
  { what: "a range that runs backwards (between 250 and 100)", edit: text(PART2, (t) => t.split("\n").map((l) => (l.startsWith(`${RANGE}\t`) ? l.replaceAll("between 100 and 250", "between 250 and 100") : l)).join("\n")), file: PART2, line: RANGE, field: "printed", reason: /backwards/ },
  { what: "a percentage over 100 (190 percent)", edit: typo(SURVEY, PCT, "producing 90 percent of the country’s output of woolen and acrylic knitwear", "90 percent", "190 percent"), file: SURVEY, line: PCT, field: "printed", reason: /0\.\.100/ },
  { what: "an empty printed number", edit: field(SURVEY, S75, "printed", ""), file: SURVEY, line: S75, field: "printed", reason: /is empty/ },
  { what: "a printed number not in the quote", edit: field(SURVEY, S75, "printed", "at least 76"), file: SURVEY, line: S75, field: "quote", reason: /does not contain the printed number/ },
  // Text: UTF-8, no control characters, no BOM, LF (or CRLF) line ends.
  { what: "invalid UTF-8 in a quote", edit: replaceBytes(SURVEY, "large manufacturers", Buffer.from([0x6c, 0xff, 0x72])), file: SURVEY, line: S75, field: "text", reason: /not valid UTF-8/ },
  { what: "a truncated UTF-8 sequence (’ cut short)", edit: replaceBytes(SURVEY, "’", Buffer.from([0xe2, 0x80])), file: SURVEY, line: SIALKOT, field: "text", reason: /not valid UTF-8/ },
  { what: "a NUL byte inside at least 75", edit: replaceBytes(SURVEY, "at least 75", Buffer.from("at least 7\u00005")), file: SURVEY, line: S75, field: "text", reason: /U\+0000/ },
  { what: "a BOM in a table file", edit: bytes("thesis/tables/table-1.tsv", (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b])), file: "thesis/tables/table-1.tsv", line: 1, field: "text", reason: /byte-order mark/ },
  { what: "a BOM in a statistics file", edit: bytes(SURVEY, (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b])), file: SURVEY, line: 1, field: "text", reason: /byte-order mark/ },
  { what: "a BOM in the middle of a row", edit: replaceBytes(SURVEY, "large manufacturers", Buffer.from("large\uFEFF manufacturers")), file: SURVEY, line: S75, field: "text", reason: /byte-order mark/ },
  { what: "CR-only line endings", edit: text("units.tsv", (t) => t.replaceAll("\n", "\r")), file: "units.tsv", line: 1, field: "text", reason: /carriage return/ },
  { what: "a lone CR inside a field", edit: replaceBytes(SURVEY, "large manufacturers", Buffer.from("large\rmanufacturers")), file: SURVEY, line: S75, field: "text", reason: /carriage return/ },
  { what: "a zero-width space in a quote", edit: replaceBytes(SURVEY, "large manufacturers", Buffer.from("large\u200b manufacturers")), file: SURVEY, line: S75, field: "text", reason: /U\+200B/ },
  { what: "a control character (ESC) in a table cell", edit: replaceBytes("thesis/tables/table-1.tsv", "88083", Buffer.from("88\u001b083")), file: "thesis/tables/table-1.tsv", line: 11, field: "text", reason: /U\+001B/ },
  { what: "a replacement character (U+FFFD) from an earlier bad conversion", edit: replaceBytes(SURVEY, "large manufacturers", Buffer.from("large manufactur\uFFFDrs")), file: SURVEY, line: S75, field: "text", reason: /U\+FFFD/ },
  // Files: every expected file present, none unlisted.
  { what: "a missing statistics file", edit: (raw) => rm(join(raw, PART2)), file: "files.tsv", line: `${PART2}`, field: "file", reason: /no such file/ },
  { what: "a renamed statistics file (.tsv.bak)", edit: (raw) => rename(join(raw, PART2), join(raw, `${PART2}.bak`)), file: "files.tsv", line: `${PART2}`, field: "file", reason: /renamed or deleted/ },
  { what: "a statistics file renamed to another .tsv name", edit: (raw) => rename(join(raw, SURVEY), join(raw, "survey/statistics/survey-old.tsv")), file: "files.tsv", line: `${SURVEY}`, field: "file", reason: /no such file/ },
  { what: "an unlisted .tsv file", edit: async (raw) => writeFile(join(raw, "thesis/statistics/part-3.tsv"), "id\n"), file: "files.tsv", line: "vocabulary.tsv", field: "file", reason: /does not name/ },
  { what: "a missing table file", edit: (raw) => rm(join(raw, "thesis/tables/table-6.tsv")), file: "files.tsv", line: "thesis/tables/table-6.tsv", field: "file", reason: /no such file/ },
  { what: "a missing footnotes file", edit: (raw) => rm(join(raw, "survey/footnotes.tsv")), file: "files.tsv", line: "survey/footnotes.tsv", field: "file", reason: /no such file/ },
  { what: "a missing units file", edit: (raw) => rm(join(raw, "units.tsv")), file: "files.tsv", line: "units.tsv", field: "file", reason: /no such file/ },
  { what: "a missing list of files", edit: (raw) => rm(join(raw, "files.tsv")), file: "files.tsv", line: 1, field: "file", reason: /missing/ },
  { what: "a vocabulary spelling no statistic uses (a stale row)", edit: text("vocabulary.tsv", (t) => t.replace("subject\tGuanajuato\t", "subject\tGuanajato\t")), file: "vocabulary.tsv", line: "subject\tGuanajato", field: "spelling", reason: /no statistic has this subject/ },
  { what: "a 'most' claim quoted from the wrong line", edit: text("claims.tsv", (t) => t.replace("\tsurvey\t656\t", "\tsurvey\t657\t")), file: "claims.tsv", line: "survey.brazil-exports-majority-from-sinos-valley", field: "line", reason: /starts on line 656/ },
  { what: "a contradiction's passage the document does not print", edit: text("contradictions.tsv", (t) => t.replace("other BAs such as ASSINTECAL", "other BAs such as ASINTECAL")), file: "contradictions.tsv", line: "thesis.assintecal-spelt-two-ways", field: "quote_a", reason: /not in/ },
  { what: "a file listed twice", edit: text("files.tsv", (t) => `${t}units.tsv\n`), file: "files.tsv", line: LAST_ROW, field: "file", reason: /listed twice/ },
  // Metadata, structure, vocabularies.
  { what: "table metadata below the header", edit: text("thesis/tables/table-1.tsv", (t) => t.replace("Footwear Producers\tRio Grande do Sul / Workers", "# source: ACI (2001)\nFootwear Producers\tRio Grande do Sul / Workers")), file: "thesis/tables/table-1.tsv", line: 11, field: "comment", reason: /above the header/ },
  { what: "metadata below the header of a statistics file", edit: text(SURVEY, (t) => `${t}# note: added later\n`), file: SURVEY, line: "# note: added later", field: "comment", reason: /above the header/ },
  { what: "a footnote number abc", edit: text("survey/footnotes.tsv", (t) => t.replace("1\t76\t", "abc\t76\t")), file: "survey/footnotes.tsv", line: 12, field: "footnote", reason: /whole number/ },
  { what: "a footnote line 0", edit: text("survey/footnotes.tsv", (t) => t.replace("1\t76\t", "1\t0\t")), file: "survey/footnotes.tsv", line: 12, field: "line", reason: /whole line number/ },
  { what: "a locator footnote abc", edit: field(SURVEY, S75, "locator", "footnote abc"), file: SURVEY, line: S75, field: "locator", reason: /footnote N/ },
  { what: "an unknown unit", edit: field(SURVEY, S75, "unit", "companies"), file: SURVEY, line: S75, field: "unit", reason: /not in raw\/units\.tsv/ },
  { what: "an unknown unit kind", edit: text("units.tsv", (t) => t.replace("firms\tcount\t", "firms\tnumber\t")), file: "units.tsv", line: "firms\t", field: "kind", reason: /expected one of/ },
  { what: "a duplicate id", edit: field(SURVEY, SIALKOT, "id", S75), file: SURVEY, line: 6, field: "id", reason: /duplicate of raw\/survey\/statistics\/survey\.tsv:2/ },
  { what: "a missing quote", edit: field(SURVEY, S75, "quote", ""), file: SURVEY, line: S75, field: "quote", reason: /is empty/ },
  { what: "a stray tab in a row", edit: field(SURVEY, S75, "note", "a\tb"), file: SURVEY, line: S75, field: "row", reason: /17 fields, header has 16/ },
  { what: "a renamed header column", edit: text(SURVEY, (t) => t.replace("\tprinted\t", "\tprint\t")), file: SURVEY, line: 1, field: "header", reason: /expected id/ },
  { what: "a table no file holds", edit: field(TABLES, "thesis.t1.footwear-producers.rgs.firms", "table", "Table #9"), file: TABLES, line: "thesis.t1.footwear-producers.rgs.firms", field: "table", reason: /no such table file|no such printed/ },
  { what: "a table cell with a number no statistic cites", edit: text("thesis/tables/table-1.tsv", (t) => `${t}Extra row\tRio Grande do Sul / Firms\t12\n`), file: "thesis/tables/table-1.tsv", line: "Extra row", field: "cell", reason: /no statistic cites/ },
  { what: "a reconciliation naming no statistic", edit: text("reconciliation.tsv", (t) => t.replace("\tsurvey.t1.sialkot.exports\tagree", "\tsurvey.t1.nowhere\tagree")), file: "reconciliation.tsv", line: SIALKOT, field: "right_ids", reason: /no such statistic/ },
  // Periods: forward, and no later than the latest year the document prints.
  { what: "a period ending in 2150", edit: field(SURVEY, SIALKOT, "period", "1995-2150"), file: SURVEY, line: SIALKOT, field: "period", reason: /2150/ },
  { what: "a period after the survey's latest printed year (2006)", edit: field(SURVEY, SIALKOT, "period", "2006"), file: SURVEY, line: SIALKOT, field: "period", reason: /ends in 2006, but the latest year the survey prints is 2005/ },
  { what: "a period after the thesis's latest printed year (2009)", edit: field(PART1, T693, "period", "2000-2009"), file: PART1, line: T693, field: "period", reason: /ends in 2009, but the latest year the thesis prints is 2008/ },
  { what: "a period that runs backwards (1996-1995)", edit: field(SURVEY, SIALKOT, "period", "1996-1995"), file: SURVEY, line: SIALKOT, field: "period", reason: /ends before it starts/ },
  { what: "a period with a typo (199O)", edit: field(SURVEY, SIALKOT, "period", "199O-96"), file: SURVEY, line: SIALKOT, field: "period", reason: /not a year|no year/ },
  { what: "a year established after the document's latest year", edit: typo(PART2, "thesis.p2.iso.year-established", "Established in 1947, the ISO is a non-profit and non-governmental international organization", "1947", "2047"), file: PART2, line: "thesis.p2.iso.year-established", field: "printed", reason: /after the last year the thesis prints is 2008/ },
  // Provenance: the line exists, and the quote stands there.
  { what: "line 0", edit: field(SURVEY, S75, "line", "0"), file: SURVEY, line: S75, field: "line", reason: /whole line number from 1/ },
  { what: "line 99999999", edit: field(SURVEY, S75, "line", "99999999"), file: SURVEY, line: S75, field: "line", reason: /past the end of \.\.\/shared\/seeds\/000_2d7631ccd7fda7d9\.txt, which has \d+ lines/ },
  { what: "a line off by one", edit: field(SURVEY, S75, "line", "48"), file: SURVEY, line: S75, field: "line", reason: /the quote starts on line 47 of .*, not on line 48/ },
  { what: "a quote not in the document", edit: field(SURVEY, S75, "quote", "has at least 75 large manufacturers (each with more than 5000 employees)"), file: SURVEY, line: S75, field: "quote", reason: /not in \.\.\/shared\/seeds\/000_2d7631ccd7fda7d9\.txt; nearest passage, 1 edit away, on line 47/ },
  { what: "a quote with a straight for a curly apostrophe", edit: field(SURVEY, SIALKOT, "quote", "Pakistan's Sialkot cluster exported $125 million worth of surgical instruments in 1995-96"), file: SURVEY, line: SIALKOT, field: "quote", reason: /nearest passage, 1 edit away/ },
  { what: "a page 0", edit: field(SURVEY, S75, "page", "0"), file: SURVEY, line: S75, field: "page", reason: /from 1/ },
  // Pages: a running head opens its page (raw/README.md, "Pages").
  { what: "page 69 on a line before the head that opens page 69", edit: field(PART2, "thesis.p2.mexico.financial-crises", "page", "69"), file: PART2, line: "thesis.p2.mexico.financial-crises", field: "page", reason: /line 3894 is on no page whose number the thesis prints/ },
  { what: "no page on a line of printed page 77", edit: field(PART2, "thesis.p2.guadalajara.footwear-production-pre-crisis", "page", ""), file: PART2, line: "thesis.p2.guadalajara.footwear-production-pre-crisis", field: "page", reason: /line 4493 is on page 77 \(lines 4443-4511/ },
  { what: "a page span whose head prints another number", edit: text("thesis/pages.tsv", (t) => t.replace("69\t3912\t", "68\t3912\t")), file: "thesis/pages.tsv", line: "68\t", field: "first_line", reason: /no running head printing page 68 on lines 3912-3914/ },
  { what: "page spans that overlap", edit: text("thesis/pages.tsv", (t) => t.replace("\t3973\t", "\t4443\t")), file: "thesis/pages.tsv", line: "77\t", field: "first_line", reason: /overlaps page 69/ },
  { what: "a footnote citation the survey does not print", edit: text("survey/footnotes.tsv", (t) => t.replace("Gillis, Perkins, Roemer, Snodgrass (1996), p 498", "Gillis, Perkins, Roemer, Snodgrass (1997), p 498")), file: "survey/footnotes.tsv", line: 12, field: "citation", reason: /not in .*; nearest passage, 1 edit away, on line 76/ },
  { what: "a footnote citation on the wrong line", edit: text("survey/footnotes.tsv", (t) => t.replace("1\t76\t", "1\t75\t")), file: "survey/footnotes.tsv", line: 12, field: "line", reason: /the citation starts on line 76 of .*, not on line 75/ },
  { what: "a table's lines running backwards", edit: text("thesis/tables/table-6.tsv", (t) => t.replace("# lines: 4350-4385", "# lines: 4385-4350")), file: "thesis/tables/table-6.tsv", line: 4, field: "# lines", reason: /runs backwards/ },
  { what: "a table's lines past the seed's end", edit: text("thesis/tables/table-6.tsv", (t) => t.replace("# lines: 4350-4385", "# lines: 4350-99999999")), file: "thesis/tables/table-6.tsv", line: 4, field: "# lines", reason: /past the end/ },
  { what: "a table's lines with a typo", edit: text("thesis/tables/table-6.tsv", (t) => t.replace("# lines: 4350-4385", "# lines: 4350-43S5")), file: "thesis/tables/table-6.tsv", line: 4, field: "# lines", reason: /expected first-last/ },
  // Stub headers and row groups: printed within the table's lines, every " / " row under a declared group.
  { what: "a stub header the table does not print", edit: text("thesis/tables/table-3.tsv", (t) => t.replace("# stub: Name", "# stub: Association name")), file: "thesis/tables/table-3.tsv", line: "# stub:", field: "# stub", reason: /not printed on lines 3670-3723/ },
  { what: "a row group the table does not print", edit: text("thesis/tables/table-4.tsv", (t) => t.replaceAll("Upgrading / ", "Improvement / ").replace("# row-group: Upgrading", "# row-group: Improvement")), file: "thesis/tables/table-4.tsv", line: "# row-group:", field: "# row-group", reason: /not printed on lines 4130-4167/ },
  { what: "a row labelled under an undeclared group", edit: text("thesis/tables/table-4.tsv", (t) => t.replace("# row-group: Upgrading\n", "")), file: "thesis/tables/table-4.tsv", line: 28, field: "row", reason: /"Upgrading" is not a printed row group/ },
  { what: "a row group with no rows", edit: text("thesis/tables/table-1.tsv", (t) => t.replace("# stub: Region / Sector", "# stub: Region / Sector\n# row-group: Tanneries")), file: "thesis/tables/table-1.tsv", line: "# row-group:", field: "# row-group", reason: /no row is labelled "Tanneries \/ …"/ },
  // Citations in the text: each stands at its line, its author, year and pages within it.
  { what: "a text citation on the wrong line", edit: text("survey/citations.tsv", (t) => t.replace("508\tKranton and Minehart (2000)", "509\tKranton and Minehart (2000)")), file: "survey/citations.tsv", line: "509\t", field: "line", reason: /the citation starts on line 508 of .*, not on line 509/ },
  { what: "a text citation the document does not print", edit: text("survey/citations.tsv", (t) => t.replace("508\tKranton and Minehart (2000)\tKranton and Minehart\t2000", "508\tKranton and Minehart (2001)\tKranton and Minehart\t2001")), file: "survey/citations.tsv", line: "508\t", field: "citation", reason: /not in .*nearest passage, 1 edit away, on line 508/ },
  { what: "a text citation's author not in it", edit: text("survey/citations.tsv", (t) => t.replace("508\tKranton and Minehart (2000)\tKranton and Minehart", "508\tKranton and Minehart (2000)\tKranton and Minhart")), file: "survey/citations.tsv", line: "508\t", field: "author", reason: /not in the citation/ },
  { what: "a text citation's year not in it", edit: text("survey/citations.tsv", (t) => t.replace("713\tThompson (2005a)\tThompson\t2005a", "713\tThompson (2005a)\tThompson\t2005b")), file: "survey/citations.tsv", line: "713\t", field: "year", reason: /not in the citation/ },
  // Sources.
  { what: "a changed seed hash", edit: text("sources.tsv", (t) => t.replace("2528dc8f", "2528dc8e")), file: "sources.tsv", line: "survey\t", field: "sha256", reason: /a changed source/ },
  { what: "a latest year earlier than the seed prints", edit: text("sources.tsv", (t) => t.replace("\t2008\t3528\t", "\t2007\t3528\t")), file: "sources.tsv", line: "thesis\t", field: "latest_year", reason: /not printed on line 3528|prints 2008/ },
];

const counts = { tried: 0, refusedClearly: 0, refusedUnclearly: 0, accepted: 0 };

/** The names and bytes of every file under `dir`, or null when it does not exist. */
async function snapshot(dir: string): Promise<Record<string, string> | null> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => null);
  if (entries === null) return null;
  const files: Record<string, string> = {};
  for (const e of entries.filter((x) => x.isFile())) {
    const path = join(e.parentPath, e.name);
    files[path.slice(dir.length)] = (await readFile(path)).toString("base64");
  }
  return files;
}
/** The line number of the file's last non-empty line. */
async function lastRowOf(raw: string, file: string): Promise<number> {
  return (await readFile(join(raw, file), "utf8")).replace(/\n+$/, "").split("\n").length;
}

describe("malformed raw input: refused with file, line and field, the output folder untouched", () => {
  for (const c of CASES) {
    it(`refuses ${c.what}`, async () => {
      counts.tried++;
      const raw = await realRawCopy();
      // A row is found in the file as it was, or (a row the edit adds) as it is after the edit.
      const before = typeof c.line === "number" ? c.line : typeof c.line === "string" ? await lineOf(raw, c.file, c.line) : 0;
      await c.edit(raw);
      const expectedLine = before > 0 ? before : typeof c.line === "string" ? await lineOf(raw, c.file, c.line) : await lastRowOf(raw, c.file);
      assert.ok(expectedLine > 0, `no line ${String(c.line)} in ${c.file}`);
      // Output folders: one that does not exist, one holding an earlier run's files.
      const fresh = join(raw, "..", "out-new");
      const earlier = join(raw, "..", "out-old");
      await mkdir(join(earlier, "tables"), { recursive: true });
      await writeFile(join(earlier, "statistics.parquet"), "an earlier run");
      await writeFile(join(earlier, "tables", "x.parquet"), "an earlier table");
      const earlierFiles = await snapshot(earlier);
      let error: unknown = null;
      let accepted = false;
      for (const out of [fresh, earlier]) {
        try {
          await runPipeline(raw, out);
          accepted = true;
        } catch (e) {
          error = e;
        }
      }
      if (accepted) counts.accepted++;
      assert.ok(!accepted, `accepted: ${c.what}`);
      assert.equal(await snapshot(fresh), null, "the new output folder was created");
      assert.deepEqual(await snapshot(earlier), earlierFiles, "the earlier output folder changed");
      const clear =
        error instanceof RawInputError &&
        error.file === `raw/${c.file}` &&
        error.line === expectedLine &&
        error.field === c.field &&
        c.reason.test(error.message) &&
        !error.message.includes("\n") &&
        error.message.length < 600;
      if (clear) counts.refusedClearly++;
      else counts.refusedUnclearly++;
      assert.ok(error instanceof RawInputError, `not a RawInputError: ${String(error)}`);
      assert.deepEqual([error.file, error.field], [`raw/${c.file}`, c.field], error.message);
      assert.equal(error.line, expectedLine, error.message);
      assert.match(error.message, c.reason);
      assert.ok(!error.message.includes("\n") && error.message.length < 600, `not one short line: ${error.message}`);
    });
  }

  it("accepts CRLF line ends (a file saved on Windows) as LF: the same ledger", async () => {
    const raw = await realRawCopy();
    const expected = await readLedger(raw);
    for (const file of [SURVEY, PART1, "thesis/tables/table-6.tsv", "units.tsv", "sources.tsv", "files.tsv"]) await text(file, (t) => t.replaceAll("\n", "\r\n"))(raw);
    assert.deepEqual(await readLedger(raw), expected);
  });

  after(() => {
    console.log(`malformed inputs: ${counts.tried} tried, ${counts.refusedClearly} refused with a clear message, ${counts.refusedUnclearly} refused unclearly, ${counts.accepted} accepted`);
  });
});
