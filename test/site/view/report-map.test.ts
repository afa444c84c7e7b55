import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { readLedger, type Ledger } from "../../../data-loaders/normalize/ledger.ts";
import { tableKey } from "../../../data-loaders/normalize/table.ts";
import { readSeeds } from "../../../data-loaders/normalize/sources.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { pageOf } from "../../../site/view/report-map.ts";

// The routing is checked against the thesis itself: each numbered chapter and section of the
// case studies and the final discussion, found by its heading in the source text, and the page
// that shows it. The theory page takes everything before the first case study (Parts I and II);
// the end notes are listed with the final discussion.
const HEADINGS: readonly (readonly [RegExp, string])[] = [
  [/^\s*4\.\s+Case Study Analysis/, "/thesis/sinos-valley"],
  [/^\s*5\s+Sialkot/, "/thesis/sialkot"],
  [/^\s*6\.\s+Guadalajara/, "/thesis/guadalajara"],
  [/^\s*Part III\s*$/, "/thesis/final-discussion"],
  [/^\s*7\.1\s.*Sinos Valley/, "/thesis/sinos-valley"],
  [/^\s*7\.2\s.*Sialkot/, "/thesis/sialkot"],
  [/^\s*7\.3\s.*Guadalajara/, "/thesis/guadalajara"],
  [/^\s*7\.4\s.*Final Discussion/, "/thesis/final-discussion"],
  [/^\s*9\.\s+Notes\s*$/, "/thesis/final-discussion"],
];

/** The thesis's lines, from the seed raw/sources.tsv names (its hash checked). */
async function thesisLines(): Promise<string[]> {
  const thesis = (await readSeeds(RAW_DIR)).find((seed) => seed.source.id === "thesis")!;
  return thesis.text.split(/\r?\n/);
}

/** The page of each thesis line, from where the headings stand in the source text. */
function thesisPageOfLine(lines: readonly string[]): (line: number) => string {
  const starts = HEADINGS.map(([heading, page]) => {
    const found = lines.flatMap((text, i) => (heading.test(text) ? [i + 1] : []));
    assert.equal(found.length, 1, `heading ${heading} found ${found.length} times in the thesis`);
    return [found[0]!, page] as const;
  });
  for (let i = 1; i < starts.length; i++) assert.ok(starts[i - 1]![0] < starts[i]![0], "headings out of order");
  return (line) => starts.filter(([start]) => start <= line).at(-1)?.[1] ?? "/thesis/theory";
}

const pathOf = (href: string) => href.slice(0, href.indexOf("#"));

describe("tableKey", () => {
  it("makes the key of a table from its document and its label as printed", () => {
    assert.equal(tableKey("thesis", "Table #6"), "thesis-table-6");
    assert.equal(tableKey("thesis", "Table # 3"), "thesis-table-3");
    assert.equal(tableKey("survey", "Table-1"), "survey-table-1");
    assert.equal(tableKey("thesis", "Table #10"), "thesis-table-10");
  });

  it("agrees with the key the ledger gives each printed table, and every table statistic names one", async () => {
    const ledger = await readLedger(RAW_DIR);
    for (const t of ledger.tables) assert.equal(tableKey(t.document, t.table), t.key, t.raw_file);
    const keys = new Set(ledger.tables.map((t) => t.key));
    for (const s of ledger.statistics.filter((s) => s.table !== null)) assert.ok(keys.has(tableKey(s.document, s.table!)), `${s.id}: ${s.table}`);
  });
});

describe("pageOf", () => {
  let ledger: Ledger;
  let pageOfLine: (line: number) => string;
  let thesis: string[];
  before(async () => {
    thesis = await thesisLines();
    ledger = await readLedger(RAW_DIR);
    pageOfLine = thesisPageOfLine(thesis);
  });

  it("links each statistic to its own anchor", () => {
    for (const s of ledger.statistics) assert.ok(pageOf(s).endsWith(`#stat-${s.id}`), s.id);
  });

  it("puts every number of the survey on the survey page", () => {
    const survey = ledger.statistics.filter((s) => s.document === "survey");
    assert.ok(survey.length > 0);
    for (const s of survey) assert.equal(pathOf(pageOf(s)), "/survey", s.id);
  });

  it("puts every number of the thesis's running text on the page of the chapter or section that prints it", () => {
    const text = ledger.statistics.filter((s) => s.document === "thesis" && s.table === null);
    assert.ok(text.length > 0);
    const wrong = text.filter((s) => pathOf(pageOf(s)) !== pageOfLine(s.line)).map((s) => `${s.id} (line ${s.line}): ${pageOf(s)}, expected ${pageOfLine(s.line)}`);
    assert.deepEqual(wrong, []);
    // The check reaches every case study and the discussion (the theory chapters print no statistic).
    assert.deepEqual(
      [...new Set(text.map((s) => pathOf(pageOf(s))))].sort(),
      ["/thesis/final-discussion", "/thesis/guadalajara", "/thesis/sialkot", "/thesis/sinos-valley"],
    );
  });

  it("puts every number of a thesis table on the page of the section where the table is printed", () => {
    let checked = 0;
    for (const table of ledger.tables.filter((t) => t.document === "thesis")) {
      const first = Number(table.lines.split("-")[0]);
      // Some tables print words only (Table #2, the BAs of the Sinos Valley): no statistic to route.
      const inTable = ledger.statistics.filter((s) => s.document === "thesis" && s.table === table.table);
      checked += inTable.length;
      for (const s of inTable) assert.equal(pathOf(pageOf(s)), pageOfLine(first), `${s.id} in ${table.key}, printed from line ${first}`);
    }
    assert.ok(checked > 0);
  });

  it("routes a table cell by its table, wherever its line", () => {
    const cell = ledger.statistics.find((s) => s.document === "thesis" && s.table === "Table #6")!;
    assert.equal(pageOf({ ...cell, line: 100 }), pageOf(cell));
  });

  it("maps every thesis line from the first to the last to the page of its heading", () => {
    const lines = thesis.length;
    const wrong: string[] = [];
    for (let line = 1; line <= lines; line++) {
      const page = pathOf(pageOf({ id: "x", document: "thesis", table: null, line }));
      if (page !== pageOfLine(line)) wrong.push(`line ${line}: ${page}, expected ${pageOfLine(line)}`);
    }
    assert.deepEqual(wrong.slice(0, 10), []);
  });
});
