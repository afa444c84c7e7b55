// Citations as the documents print them ("Nadvi (1999), p 1611", "Nadvi, 1999",
// "SMEDA, 2008, Ghani, 1996", "Ibid, p 496"), parsed into author, year and pages, and grouped
// into a bibliography. Pure functions: src/data/bibliography.json.ts feeds them the ledger's
// cited_source values and footnotes.
import type { TextCitation } from "../../data-loaders/normalize/citations.ts";
import type { Footnote } from "../../data-loaders/normalize/footnotes.ts";
import { tableKey } from "../../data-loaders/normalize/table.ts";
import { PAGE_TITLES, PAGES, thesisPageAt } from "./report-map.ts";

/** One cited work, as one citation names it. */
export interface Citation {
  /** The author(s), normalized: "&" as "and", printed typos read (see READINGS). */
  author: string;
  /** The year as printed, with its letter ("1999a"); null when the citation prints none. */
  year: string | null;
  /** The pages as cited ("p 1611", "p.1576", "36"); null when none. */
  pages: string | null;
  /** How a misspelt author is read, e.g. `"Knorriga" read as "Knorringa"`; else null. */
  reading: string | null;
}

/**
 * Author names the documents misspell, read as the spelling they print elsewhere. Each is a
 * reading a reviewer can check: the survey prints "Knorringa (1999)" in footnotes 4 and 12 and
 * "Knorriga (1999)" in footnote 15; the thesis prints "Abicalçados, 2002" and its BA as
 * ABICALÇADOS, and "ABICALDOS, 2008", "ABICAOLCADOS, 2008" for the same association.
 */
const READINGS: Readonly<Record<string, string>> = {
  Knorriga: "Knorringa",
  Rabelloti: "Rabellotti",
  ABICALDOS: "Abicalçados",
  ABICAOLCADOS: "Abicalçados",
  Smeda: "SMEDA",
  // The thesis's misspellings of names it prints correctly elsewhere (raw/thesis/citations.tsv).
  Gerreffi: "Gereffi",
  Geriffi: "Gereffi",
  Rabelllotti: "Rabellotti",
  Roballotti: "Rabellotti",
  Petrobelli: "Pietrobelli",
  "Kaplinksy and Readman": "Kaplinsky and Readman",
  "Humphrey and Smitz": "Humphrey and Schmitz",
  "Schmitz and Navdi": "Schmitz and Nadvi",
  "Knorriga and Schmitz": "Knorringa and Schmitz",
  "Robert and Greenwood": "Roberts and Greenwood",
  "Powell DiMaggio": "Powell and DiMaggio",
  "Powell and Dimaggio": "Powell and DiMaggio",
};

const YEAR = String.raw`\d{4}[a-z]?`;

function normalizeAuthor(printed: string): { author: string; reading: string | null } {
  const author = printed
    .replace(/\s+/g, " ")
    .replace(/\s*&\s*/g, " and ")
    .replace(/^(see|as quoted in)\s+/i, "")
    // "Stiglitz, J." (a note's full reference): the initial is not part of the name the text cites.
    .replace(/,\s*[A-Z]\.$/, "")
    .replace(/[\s,.;]+$/, "")
    .trim();
  const read = READINGS[author];
  return read ? { author: read, reading: `"${author}" read as "${read}"` } : { author, reading: null };
}

const cleanPages = (pages: string | undefined): string | null => {
  const trimmed = (pages ?? "").replace(/^[\s,]+|[\s,.;]+$/g, "");
  return trimmed === "" ? null : trimmed;
};

/** Splits a printed citation into the works it names: on ";", and on "," before "Author, 1999". */
function pieces(printed: string): string[] {
  return printed
    .split(";")
    .flatMap((part) => part.split(new RegExp(String.raw`,\s*(?=[A-Z][^,()]*,\s*${YEAR}\b)`)))
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p !== "");
}

/** Parses one work: "Author (1999), p 1", "Author, (1999) p 1", "Author (1999, p.1)", "Author, 1999, p.1", "Author, p 1". */
function parsePiece(piece: string, previous: readonly Citation[]): Citation[] {
  const ibid = /^ibid\.?\s*,?\s*(.*)$/i.exec(piece);
  if (ibid) {
    const work = previous.at(-1);
    if (!work) throw new Error(`invalid citation: "${piece}" (Ibid with no citation before it)`);
    return [{ author: work.author, year: work.year, pages: cleanPages(ibid[1]), reading: work.reading }];
  }
  const parenthesised = new RegExp(String.raw`^(.+?)\s*,?\s*\((${YEAR})(?:\s*,\s*([^)]*))?\)((?:\s*and\s*\(${YEAR}\))*)\s*,?\s*(.*)$`).exec(piece);
  if (parenthesised) {
    const [, who, year, innerPages, more, rest] = parenthesised;
    const { author, reading } = normalizeAuthor(who!);
    const years = [year!, ...[...more!.matchAll(new RegExp(`\\((${YEAR})\\)`, "g"))].map((m) => m[1]!)];
    const pages = cleanPages(innerPages) ?? cleanPages(rest);
    return years.map((y) => ({ author, year: y, pages, reading }));
  }
  const commaYear = new RegExp(String.raw`^(.+?),\s*(${YEAR})((?:\s*,\s*[a-z]\b)*)\s*(?:,\s*(.*))?$`).exec(piece);
  if (commaYear) {
    const [, who, year, letters, rest] = commaYear;
    const { author, reading } = normalizeAuthor(who!);
    // "Nadvi, 1999a, b": the letters after the first name more works of the same year.
    const years = [year!, ...[...letters!.matchAll(/[a-z]/g)].map((m) => `${year!.slice(0, 4)}${m[0]}`)];
    return years.map((y) => ({ author, year: y, pages: cleanPages(rest), reading }));
  }
  const noYear = /^(.+?),\s*(p\.?\s*\d.*)$/.exec(piece);
  if (noYear) {
    const { author, reading } = normalizeAuthor(noYear[1]!);
    return [{ author, year: null, pages: cleanPages(noYear[2]), reading }];
  }
  const { author, reading } = normalizeAuthor(piece);
  return [{ author, year: null, pages: null, reading }];
}

/**
 * The works a printed citation names. `previous` is what the citation before it named (for
 * the survey, the footnote before), which an "Ibid" repeats with its own pages.
 */
export function parseCitation(printed: string, previous: readonly Citation[] = []): Citation[] {
  const works: Citation[] = [];
  for (const piece of pieces(printed)) works.push(...parsePiece(piece, works.length ? works : previous));
  return works;
}

/** The key a work is grouped by. */
const workKey = (c: Pick<Citation, "author" | "year">) => `${c.author}|${c.year ?? ""}`;

/** Orders works by author (case-insensitive), then year, a work with no year last. */
function compareWorks(a: Pick<Citation, "author" | "year">, b: Pick<Citation, "author" | "year">): number {
  const byAuthor = a.author.localeCompare(b.author, "en", { sensitivity: "base" }) || a.author.localeCompare(b.author, "en");
  if (byAuthor !== 0) return byAuthor;
  if (a.year === b.year) return 0;
  if (a.year === null) return 1;
  if (b.year === null) return -1;
  return a.year < b.year ? -1 : 1;
}

/** A page of the report that shows a statistic: its path from the site's root, and its title. */
export interface ReportPage {
  path: string;
  title: string;
}

/**
 * The page whose statistics list shows the running text at `line` of a document (report-map.ts
 * routes the lines); null for the thesis's theory page, which draws its figures and lists no
 * numbers, and for its end notes.
 */
export function reportPage(document: string, line: number): ReportPage | null {
  const page = document === "survey" ? PAGES.survey : document === "thesis" ? thesisPageAt(line) : null;
  if (page === null || page === PAGES.theory) return null;
  return { path: page.slice(1), title: PAGE_TITLES[page] };
}

/**
 * The link to a statistic on its page, relative to a page at the site's root. Statistics
 * lists give each row the anchor `#stat-<id>`; a table cell has none, so a cell links to the
 * page (the survey's Table-1, whose printed table carries its key as id, to the table itself).
 */
export function statisticLink(s: { id: string; document: string; line: number; table: string | null }): { href: string; title: string } | null {
  const page = reportPage(s.document, s.line);
  if (!page) return null;
  if (s.table === null) return { href: `./${page.path}#stat-${s.id}`, title: page.title };
  if (s.document === "survey" && s.table === "Table-1") return { href: `./${page.path}#${tableKey(s.document, s.table)}`, title: `${page.title}, ${s.table}` };
  return { href: `./${page.path}`, title: page.title };
}

/** A statistic that cites a study (a row of src/sql/bibliography.sql). */
export interface CitingStatistic {
  id: string;
  document: string;
  subject: string;
  measure: string;
  printed: string;
  period: string | null;
  cited_source: string;
  locator: string;
  line: number;
  table: string | null;
}

/** One work of the bibliography, with every place that cites it. */
export interface BibliographyEntry {
  author: string;
  year: string | null;
  /** Misspellings of the author read as this entry, e.g. `"Knorriga" read as "Knorringa"`. */
  readings: string[];
  footnotes: { footnote: number; line: number; pages: string | null; printed: string; note: string }[];
  /** Every place either document's text, captions or notes cite it: document, line, section, the citation as printed. */
  citations: { document: string; line: number; section: string; pages: string | null; printed: string; note: string }[];
  /** The statistics that cite it (their printed number, quote and subject are in their provenance). */
  statistics: { id: string; pages: string | null; link: { href: string; title: string } | null }[];
}

/**
 * Groups every citation by work (author and year): the statistics that cite each work, with the
 * pages they cite and a link to the page that shows them, and the survey footnotes that cite it.
 * An "Ibid" in a footnote is the last work of the footnote before it.
 */
export function buildBibliography(
  statistics: readonly CitingStatistic[],
  footnotes: readonly Pick<Footnote, "footnote" | "line" | "citation" | "note">[],
  citations: readonly Pick<TextCitation, "document" | "line" | "citation" | "author" | "year" | "pages" | "section" | "note">[] = [],
): BibliographyEntry[] {
  const entries = new Map<string, BibliographyEntry>();
  const entry = (work: Citation) => {
    const key = workKey(work);
    let found = entries.get(key);
    if (!found) entries.set(key, (found = { author: work.author, year: work.year, readings: [], footnotes: [], citations: [], statistics: [] }));
    if (work.reading && !found.readings.includes(work.reading)) found.readings.push(work.reading);
    return found;
  };
  let current = null as { footnote: number; works: Citation[] } | null;
  let previous: Citation[] = [];
  for (const f of [...footnotes].sort((a, b) => a.footnote - b.footnote || a.line - b.line)) {
    if (current?.footnote !== f.footnote) {
      if (current) previous = current.works;
      current = { footnote: f.footnote, works: [] };
    }
    for (const work of parseCitation(f.citation, previous)) {
      current.works.push(work);
      entry(work).footnotes.push({ footnote: f.footnote, line: f.line, pages: work.pages, printed: f.citation, note: f.note ?? "" });
    }
  }
  for (const c of [...citations].sort((a, b) => a.document.localeCompare(b.document) || a.line - b.line)) {
    // The raw row names its author and year as printed; only the author's spelling is normalized.
    const { author, reading } = normalizeAuthor(c.author);
    entry({ author, year: c.year, pages: c.pages, reading }).citations.push({ document: c.document, line: c.line, section: c.section, pages: c.pages, printed: c.citation, note: c.note ?? "" });
  }
  for (const s of [...statistics].sort((a, b) => a.document.localeCompare(b.document) || a.line - b.line || a.id.localeCompare(b.id))) {
    for (const work of parseCitation(s.cited_source)) entry(work).statistics.push({ id: s.id, pages: work.pages, link: statisticLink(s) });
  }
  return [...entries.values()].sort(compareWorks);
}
