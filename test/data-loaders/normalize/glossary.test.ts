import assert from "node:assert/strict";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { GLOSSARY_FILE, parseGlossary, readGlossary, termAnchor } from "../../../data-loaders/normalize/glossary.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { realRawCopy } from "../fixture.ts";

const HEADER = "term\taliases\texpansion\tdocument\tline\tquote\n";
const lines = { survey: 800, thesis: 5000 };

describe("the glossary", () => {
  it("reads every term of raw/glossary.tsv, each quote standing in its document on its line", async () => {
    const terms = await readGlossary(RAW_DIR);
    assert.ok(terms.length >= 10);
    for (const wanted of ["BA", "GVC", "SIMA", "ABICALÇADOS", "ASSINTECAL", "SEPROE", "FDA", "SITC", "ISO 9000", "functional upgrading"]) {
      assert.ok(terms.some((t) => t.term === wanted), wanted);
    }
    assert.equal(new Set(terms.map((t) => t.anchor)).size, terms.length, "anchors are unique");
  });

  it("names anchors plainly", () => {
    assert.equal(termAnchor("ISO 9000"), "term-iso-9000");
    assert.equal(termAnchor("ABICALÇADOS"), "term-abicalcados");
  });

  it("refuses a malformed row in one line: empty, unknown document, a line past the end, a form twice", () => {
    const row = (fields: string) => `${HEADER}${fields}\n`;
    assert.throws(() => parseGlossary(row("\t\t\tsurvey\t3\tx"), "g.tsv", lines), /g\.tsv:2: invalid term: "" \(is empty\)/);
    assert.throws(() => parseGlossary(row("BA\t\t\tbook\t3\tx"), "g.tsv", lines), /invalid document: "book"/);
    assert.throws(() => parseGlossary(row("BA\t\t\tsurvey\t801\tx"), "g.tsv", lines), /invalid line: "801" \(past the end/);
    assert.throws(() => parseGlossary(row("BA\tBAs|ba\t\tsurvey\t3\tx"), "g.tsv", lines), /invalid aliases: "ba" \("ba" is already a form of the term on line 2\)/);
    assert.throws(() => parseGlossary(row("BA\t\t\tsurvey\t3\ttwo  spaces"), "g.tsv", lines), /invalid quote: "two  spaces" \(expected single spaces\)/);
  });

  it("stops when a quote is not in its document, or not on its line, as a number's quote does", async () => {
    const raw = await realRawCopy();
    try {
      const path = join(raw, GLOSSARY_FILE);
      const text = await readFile(path, "utf8");
      const sima = text.split("\n").findIndex((l) => l.startsWith("SIMA\t")) + 1;
      await writeFile(path, text.replace("Surgical Instrument Manufacturer’s Association (SIMA)", "Surgical Instrument Makers Association (SIMA)"));
      await assert.rejects(readGlossary(raw, join(raw, "..")), new RegExp(`glossary\\.tsv:${sima}: invalid quote: .*not in`));
      await writeFile(path, text.replace(/^(SIMA\t[^\t]*\t[^\t]*\tsurvey\t)383\t/m, "$1384\t"));
      await assert.rejects(readGlossary(raw, join(raw, "..")), new RegExp(`glossary\\.tsv:${sima}: invalid line: "384" \\(the quote starts on line 383`));
    } finally {
      await rm(join(raw, "..", ".."), { recursive: true, force: true });
    }
  });
});
