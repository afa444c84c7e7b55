import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RawInputError } from "../../../data-loaders/errors.ts";
import { FOOTNOTES_HEADER, parseFootnotes } from "../../../data-loaders/normalize/footnotes.ts";
import { readLedger } from "../../../data-loaders/normalize/ledger.ts";
import { readSeeds } from "../../../data-loaders/normalize/sources.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { rawCopy } from "../fixture.ts";

const FILE = "raw/survey/footnotes.tsv";
const text = (...rows: string[]) => [FOOTNOTES_HEADER.join("\t"), ...rows].join("\n");
const parse = (...rows: string[]) => parseFootnotes(text(...rows), FILE, "survey", 100);

describe("parseFootnotes", () => {
  it("reads one row per citation, with the footnote, its seed line and the raw line", () => {
    const footnotes = parse("1\t10\tNadvi (1999), p 1611\t", "2\t11\tIbid, p 1612\tsee footnote 1", "2\t11\tSchmitz (1995)\t");
    assert.deepEqual(
      footnotes.map((f) => [f.document, f.footnote, f.line, f.citation, f.note, f.raw_file, f.raw_line]),
      [
        ["survey", 1, 10, "Nadvi (1999), p 1611", null, FILE, 2],
        ["survey", 2, 11, "Ibid, p 1612", "see footnote 1", FILE, 3],
        ["survey", 2, 11, "Schmitz (1995)", null, FILE, 4],
      ],
    );
  });

  const cases: [string, string[], number, string, string, RegExp][] = [
    ["a footnote number that is not whole", ["4a\t10\tNadvi (1999)\t"], 2, "footnote", "4a", /whole number from 1/],
    ["footnote 0", ["0\t10\tNadvi (1999)\t"], 2, "footnote", "0", /whole number from 1/],
    ["a line that is no line number", ["1\tten\tNadvi (1999)\t"], 2, "line", "ten", /whole line number/],
    ["a line past the end of the document", ["1\t101\tNadvi (1999)\t"], 2, "line", "101", /past the end of the survey's text, which has 100 lines/],
    ["a footnote before the one above it", ["5\t10\tNadvi (1999)\t", "4\t11\tSchmitz (1995)\t"], 3, "footnote", "4", /out of order: after footnote 5 on line 2/],
    ["a line before the one above it", ["5\t10\tNadvi (1999)\t", "6\t9\tSchmitz (1995)\t"], 3, "line", "9", /out of order: before line 10/],
    ["an empty citation", ["1\t10\t\t"], 2, "citation", "", /is empty/],
    ["a citation with a double space", ["1\t10\tNadvi  (1999)\t"], 2, "citation", "Nadvi  (1999)", /single spaces/],
    ["a citation with its final period", ["1\t10\tNadvi (1999), p 1611.\t"], 2, "citation", "Nadvi (1999), p 1611.", /final period is left off/],
    ["an Ibid in the first footnote", ["1\t10\tIbid, p 2\t"], 2, "citation", "Ibid, p 2", /Ibid with no footnote before it/],
    ["a citation given twice in one footnote", ["1\t10\tNadvi (1999)\t", "1\t10\tNadvi (1999)\t"], 3, "citation", "Nadvi (1999)", /footnote 1 cites it on line 2 already/],
  ];
  for (const [what, rows, line, field, value, reason] of cases) {
    it(`refuses ${what}, naming the line, field and value`, () => {
      assert.throws(
        () => parse(...rows),
        (e: unknown) => {
          assert.ok(e instanceof RawInputError, `expected a RawInputError, got ${e}`);
          assert.deepEqual([e.file, e.line, e.field, e.value], [FILE, line, field, value]);
          assert.match(e.message, reason);
          return true;
        },
      );
    });
  }

  it("refuses a header other than the contract's", () => {
    assert.throws(() => parseFootnotes("footnote\tcitation\n", FILE, "survey", 100), (e: unknown) => e instanceof RawInputError && e.field === "header");
  });
});

describe("the ledger's footnotes", () => {
  it("come from the fixture's footnotes file, checked against its seed's length", async () => {
    const ledger = await readLedger(await rawCopy());
    assert.deepEqual(
      ledger.footnotes.map((f) => [f.footnote, f.line, f.citation]),
      [
        [1, 6, "Nadvi (1999), p 1611"],
        [2, 7, "Ibid, p 1612"],
      ],
    );
    const past = await rawCopy({ file: "survey/footnotes.tsv", change: (t) => t.replace("2\t7\t", "2\t15\t") });
    await assert.rejects(readLedger(past), (e: unknown) => e instanceof RawInputError && e.file === FILE && e.line === 4 && /past the end of the survey's text, which has 14 lines/.test(e.message));
  });

  it("print every citation of the real transcription verbatim at the line it gives", async () => {
    const ledger = await readLedger(RAW_DIR);
    const seed = (await readSeeds(RAW_DIR)).find((s) => s.source.id === "survey")!;
    const lines = seed.text.split(/\r?\n/);
    const survey = ledger.footnotes.filter((f) => f.document === "survey");
    assert.ok(survey.length > 50);
    for (const f of survey) {
      // A citation may run on to the next line.
      const printed = lines.slice(f.line - 1, f.line + 1).join(" ").replace(/\s+/g, " ");
      assert.ok(printed.includes(f.citation), `footnote ${f.footnote}, line ${f.line}: "${f.citation}" not in "${printed}"`);
    }
  });
});
