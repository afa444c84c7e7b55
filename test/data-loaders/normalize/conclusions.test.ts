import assert from "node:assert/strict";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parseConclusions, readConclusions } from "../../../data-loaders/normalize/conclusions.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { realRawCopy } from "../fixture.ts";

const HEADER = "report_page\tline\tsection\tquote\n";
const SEED = {
  text: ["Intro", "", "7.2  Linkages in Sialkot ", "The cluster recovered.", "It grew."].join("\n"),
  lines: 5,
  source: { seed: "seeds/thesis.txt" },
} as Parameters<typeof parseConclusions>[3];
const parse = (row: string) => parseConclusions(`${HEADER}${row}\n`, "c.tsv", "thesis", SEED);

describe("the documents' conclusions (raw/<document>/conclusions.tsv)", () => {
  it("reads every conclusion of the case pages, each quote standing in its document on its line", async () => {
    const rows = await readConclusions(RAW_DIR);
    for (const page of ["thesis/sinos-valley", "thesis/sialkot", "thesis/guadalajara"]) {
      const mine = rows.filter((r) => r.report_page === page);
      assert.ok(mine.length >= 2 && mine.length <= 4, `${page}: ${mine.length} conclusions, 2 to 4 wanted`);
    }
  });

  it("reads a row: its page, line, section as printed and quote", () => {
    assert.deepEqual(parse("thesis/sialkot\t4\t7.2 Linkages in Sialkot\tThe cluster recovered."), [
      { document: "thesis", report_page: "thesis/sialkot", line: 4, section: "7.2 Linkages in Sialkot", quote: "The cluster recovered.", raw_file: "c.tsv", raw_line: 2 },
    ]);
  });

  it("refuses a malformed row in one line naming the file, line, field and value", () => {
    assert.throws(() => parse("\t4\t7.2 Linkages in Sialkot\tx"), /^.*c\.tsv:2: invalid report_page: "" \(is empty\)/);
    assert.throws(() => parse("Thesis/Sialkot\t4\t7.2 Linkages in Sialkot\tx"), /c\.tsv:2: invalid report_page: "Thesis\/Sialkot" \(expected a page's path/);
    assert.throws(() => parse("thesis/sialkot\tfour\t7.2 Linkages in Sialkot\tx"), /c\.tsv:2: invalid line: "four" \(expected a whole line number from 1\)/);
    assert.throws(() => parse("thesis/sialkot\t6\t7.2 Linkages in Sialkot\tx"), /c\.tsv:2: invalid line: "6" \(past the end of seeds\/thesis\.txt, which has 5 lines\)/);
    assert.throws(() => parse("thesis/sialkot\t4\t7.2 Linkages in Sialkot\ttwo  spaces"), /c\.tsv:2: invalid quote: "two  spaces" \(expected single spaces\)/);
    assert.throws(() => parse("thesis/sialkot\t4\t7.3 Elsewhere\tx"), /c\.tsv:2: invalid section: "7\.3 Elsewhere" \(not printed as a heading on a line of its own at or above line 4/);
    assert.throws(() => parse("thesis/sialkot\t2\t7.2 Linkages in Sialkot\tx"), /c\.tsv:2: invalid section: .*at or above line 2/, "a heading below the quote is not its section");
    assert.throws(
      () => parseConclusions(`${HEADER}thesis/sialkot\t4\t7.2 Linkages in Sialkot\tx\nthesis/sialkot\t5\t7.2 Linkages in Sialkot\tx\n`, "c.tsv", "thesis", SEED),
      /c\.tsv:3: invalid quote: "x" \(already quoted for thesis\/sialkot on line 2\)/,
    );
  });

  it("stops when a quote is not in its document, or not on its line, as a number's quote does", async () => {
    const raw = await realRawCopy();
    try {
      const path = join(raw, "thesis", "conclusions.tsv");
      const text = await readFile(path, "utf8");
      const row = text.split("\n").findIndex((l) => l.startsWith("thesis/sialkot\t4389\t")) + 1;
      assert.ok(row > 0);
      await writeFile(path, text.replace("has successful met the challenges", "has successfully met the challenges"));
      await assert.rejects(readConclusions(raw, join(raw, "..")), new RegExp(`raw/thesis/conclusions\\.tsv:${row}: invalid quote: "As a result of BA involvement.*" \\(not in .*nearest passage`));
      await writeFile(path, text.replace("thesis/sialkot\t4389\t", "thesis/sialkot\t4395\t"));
      await assert.rejects(readConclusions(raw, join(raw, "..")), new RegExp(`raw/thesis/conclusions\\.tsv:${row}: invalid line: "4395" \\(the quote starts on line 4389`));
    } finally {
      await rm(join(raw, "..", ".."), { recursive: true, force: true });
    }
  });
});
