import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readLedger } from "../../../data-loaders/normalize/ledger.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { buildBibliography, parseCitation, reportPage, statisticLink, type CitingStatistic } from "../../../site/view/citations.ts";
import { pageOf, PAGES } from "../../../site/view/report-map.ts";

const work = (author: string, year: string | null, pages: string | null = null, reading: string | null = null) => ({ author, year, pages, reading });

describe("parseCitation", () => {
  it("reads the survey's footnote style and the thesis's parenthetical style as the same work", () => {
    assert.deepEqual(parseCitation("Nadvi (1999), p 1611"), [work("Nadvi", "1999", "p 1611")]);
    assert.deepEqual(parseCitation("Nadvi, 1999"), [work("Nadvi", "1999")]);
    assert.deepEqual(parseCitation("Nadvi (1999), p. 1614"), [work("Nadvi", "1999", "p. 1614")]);
    assert.deepEqual(parseCitation("Rabellotti, (1999) p 1575"), [work("Rabellotti", "1999", "p 1575")]);
    assert.deepEqual(parseCitation("Rabellotti (1999, p.1576)"), [work("Rabellotti", "1999", "p.1576")]);
    assert.deepEqual(parseCitation("Rabellotti and Schmitz (1998, p.99)"), [work("Rabellotti and Schmitz", "1998", "p.99")]);
    assert.deepEqual(parseCitation("Banerjee and Munshi (2000), p 1, 17"), [work("Banerjee and Munshi", "2000", "p 1, 17")]);
    assert.deepEqual(parseCitation("ACI (2000)"), [work("ACI", "2000")]);
  });

  it("keeps the pages as cited", () => {
    assert.deepEqual(parseCitation("Schmitz, 1998, p.16"), [work("Schmitz", "1998", "p.16")]);
    assert.deepEqual(parseCitation("Schmitz, 1998, 36"), [work("Schmitz", "1998", "36")]);
    assert.deepEqual(parseCitation("Bazan & Navas-Aleman, 2004, p14"), [work("Bazan and Navas-Aleman", "2004", "p14")]);
  });

  it("splits citations of several works", () => {
    assert.deepEqual(parseCitation("Bazan & Navas-Aleman, 2004; Abicalçados, 2002"), [work("Bazan and Navas-Aleman", "2004"), work("Abicalçados", "2002")]);
    assert.deepEqual(parseCitation("SMEDA, 2008, Ghani, 1996"), [work("SMEDA", "2008"), work("Ghani", "1996")]);
    assert.deepEqual(parseCitation("Nadvi & Halder, 2005; Nadvi, 1999a, b"), [work("Nadvi and Halder", "2005"), work("Nadvi", "1999a"), work("Nadvi", "1999b")]);
    assert.deepEqual(parseCitation("Schmitz (1995) and (1999)"), [work("Schmitz", "1995"), work("Schmitz", "1999")]);
  });

  it("keeps authors with commas in one piece", () => {
    assert.deepEqual(parseCitation("Gillis, Perkins, Roemer, Snodgrass (1996), p 498"), [work("Gillis, Perkins, Roemer, Snodgrass", "1996", "p 498")]);
    assert.deepEqual(parseCitation("Johnson, McMillan, and Woodruff (2002)"), [work("Johnson, McMillan, and Woodruff", "2002")]);
  });

  it("says when no year is printed", () => {
    assert.deepEqual(parseCitation("Schmitz and Nadvi, p 1503"), [work("Schmitz and Nadvi", null, "p 1503")]);
  });

  it("resolves Ibid to the work before it, with its own pages, and refuses an Ibid with nothing before", () => {
    const before = parseCitation("Gillis, Perkins, Roemer, Snodgrass (1996), p 498");
    assert.deepEqual(parseCitation("Ibid, p 496", before), [work("Gillis, Perkins, Roemer, Snodgrass", "1996", "p 496")]);
    assert.throws(() => parseCitation("Ibid, p 12"), /Ibid with no citation before it/);
  });

  it("reads misspelt authors, and says so", () => {
    assert.deepEqual(parseCitation("Knorriga (1999), p 1590"), [work("Knorringa", "1999", "p 1590", '"Knorriga" read as "Knorringa"')]);
    assert.deepEqual(parseCitation("ABICALDOS, 2008"), [work("Abicalçados", "2008", null, '"ABICALDOS" read as "Abicalçados"')]);
  });
});

describe("reportPage and statisticLink", () => {
  it("maps the thesis's chapters by line, and the survey to its page", () => {
    assert.equal(reportPage("survey", 128)?.path, "survey");
    assert.equal(reportPage("thesis", 2409)?.path, "thesis/sinos-valley");
    assert.equal(reportPage("thesis", 4246)?.path, "thesis/sinos-valley");
    assert.equal(reportPage("thesis", 3125)?.path, "thesis/sialkot");
    assert.equal(reportPage("thesis", 4398)?.path, "thesis/sialkot");
    assert.equal(reportPage("thesis", 3949)?.path, "thesis/guadalajara");
    assert.equal(reportPage("thesis", 4399)?.path, "thesis/guadalajara");
    assert.equal(reportPage("thesis", 4076)?.path, "thesis/final-discussion");
    assert.equal(reportPage("thesis", 4776)?.path, "thesis/final-discussion");
    assert.equal(reportPage("thesis", 4820), null);
    assert.equal(reportPage("thesis", 2000), null);
  });

  it("route the thesis's lines by report-map's one table, as the audit's links do", () => {
    for (let line = 1; line <= 4863; line++) {
      const page = reportPage("thesis", line);
      const audit = pageOf({ id: "x", document: "thesis", table: null, line });
      if (page) assert.equal(audit, `/${page.path}#stat-x`, `line ${line}`);
      // Only the theory page (no statistics list) and the end notes (listed with the final discussion) have no page of their own.
      else assert.ok(audit === `${PAGES.theory}#stat-x` || (line > 4776 && audit === `${PAGES.finalDiscussion}#stat-x`), `line ${line}: ${audit}`);
    }
  });

  it("links a statistic in running text to its row, and a table cell to its page", () => {
    assert.equal(statisticLink({ id: "a.b", document: "thesis", line: 3133, table: null })?.href, "./thesis/sialkot#stat-a.b");
    assert.equal(statisticLink({ id: "a.b", document: "thesis", line: 4352, table: "Table #6" })?.href, "./thesis/sialkot");
    assert.deepEqual(statisticLink({ id: "a.b", document: "survey", line: 207, table: "Table-1" }), { href: "./survey#survey-table-1", title: "Survey, Table-1" });
  });
});

const footnotes = async () => (await readLedger(RAW_DIR)).footnotes.filter((f) => f.document === "survey");

describe("buildBibliography", () => {
  const stat = (id: string, cited_source: string, line = 128): CitingStatistic => ({
    id,
    document: "survey",
    subject: "Sialkot",
    measure: "exports",
    printed: "1",
    period: null,
    cited_source,
    locator: "x",
    line,
    table: null,
  });

  it("groups a work's citations, footnotes and statistics, sorted by author then year", () => {
    const entries = buildBibliography(
      [stat("s1", "Nadvi (1999), p 1611"), stat("s2", "Nadvi, 1999"), stat("s3", "SMEDA, 2008, Ghani, 1996")],
      [
        { footnote: 5, line: 158, citation: "Nadvi (1999), p 1611", note: "" },
        { footnote: 6, line: 159, citation: "Ibid, p 2", note: "" },
      ],
    );
    assert.deepEqual(
      entries.map((e) => `${e.author} ${e.year}`),
      ["Ghani 1996", "Nadvi 1999", "SMEDA 2008"],
    );
    const nadvi = entries[1]!;
    assert.deepEqual(
      nadvi.statistics.map((s) => [s.id, s.pages]),
      [
        ["s1", "p 1611"],
        ["s2", null],
      ],
    );
    assert.deepEqual(
      nadvi.footnotes.map((f) => [f.footnote, f.pages]),
      [
        [5, "p 1611"],
        [6, "p 2"],
      ],
    );
  });

  it("reads every footnote of the transcription, each Ibid resolved to the footnote before", async () => {
    const entries = buildBibliography([], await footnotes());
    const gillis = entries.find((e) => e.author === "Gillis, Perkins, Roemer, Snodgrass")!;
    assert.deepEqual(
      gillis.footnotes.map((f) => [f.footnote, f.pages]),
      [
        [1, "p 498"],
        [2, "p 496"],
      ],
    );
    const noYear = entries.find((e) => e.author === "Schmitz and Nadvi" && e.year === null)!;
    assert.deepEqual(
      noYear.footnotes.map((f) => f.footnote),
      [35, 36, 37, 38],
    );
    assert.ok(!entries.some((e) => /ibid/i.test(e.author)));
  });
});

describe("buildBibliography: citations in the text and notes", () => {
  const cite = (document: "survey" | "thesis", line: number, citation: string, author: string, year: string, section = "s") => ({ document, line, citation, author, year, pages: null, section, note: null });

  it("groups a work's text citations with its footnotes, a misspelt author read as the spelling printed elsewhere", () => {
    const entries = buildBibliography(
      [],
      [{ footnote: 5, line: 158, citation: "Gereffi (1999), p 4", note: "" }],
      [cite("thesis", 2139, "Gerreffi (2003, p.12)", "Gerreffi", "2003"), cite("thesis", 1870, "Gereffi, 1999", "Gereffi", "1999", "3.2 X"), cite("thesis", 4789, "Stiglitz, J. (2000)", "Stiglitz, J.", "2000", "note 2")],
    );
    assert.deepEqual(entries.map((e) => `${e.author} ${e.year}`), ["Gereffi 1999", "Gereffi 2003", "Stiglitz 2000"]);
    assert.deepEqual(entries[0]!.footnotes.map((f) => f.footnote), [5]);
    assert.deepEqual(entries[0]!.citations.map((c) => [c.document, c.line, c.section, c.printed]), [["thesis", 1870, "3.2 X", "Gereffi, 1999"]]);
    assert.deepEqual(entries[1]!.readings, ['"Gerreffi" read as "Gereffi"']);
  });

  it("lists every citation of the transcription, with the works the fidelity review found missing", async () => {
    const ledger = await readLedger(RAW_DIR);
    const entries = buildBibliography([], ledger.footnotes.filter((f) => f.document === "survey"), ledger.citations);
    assert.equal(entries.reduce((n, e) => n + e.citations.length, 0), ledger.citations.length);
    const has = (author: string, year: string) => entries.find((e) => e.author === author && e.year === year);
    for (const [author, year, line] of [["Kranton and Minehart", "2000", 508], ["Thompson", "2005a", 713], ["Thompson", "2005b", 728], ["Ilias", "2001", 772], ["Woodruff", "1998", 778], ["Macaulay", "1963", 795], ["North", "1990", 795], ["Greif", "1994", 795], ["Kranton", "1996", 795]] as const) {
      const work = has(author, year);
      assert.ok(work, `${author} (${year})`);
      assert.ok(work.citations.some((c) => c.document === "survey" && c.line === line), `${author} (${year}) on survey line ${line}`);
    }
    // The thesis's prose citations, not only those behind a number.
    for (const [author, year] of [["Yin", "1994"], ["Scott", "1995"], ["Powell and DiMaggio", "1991"], ["Olson", "1965"], ["Sturgeon", "2005"]] as const) assert.ok(has(author, year)?.citations.some((c) => c.document === "thesis"), `${author} (${year})`);
  });
});
