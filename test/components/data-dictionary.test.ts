import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { codeSpans, fileAnchor } from "../../src/components/data-dictionary.ts";
import { OUTPUT_FILES } from "../../data-loaders/publish/dictionary.ts";

describe("the data dictionary", () => {
  it("anchors each file's heading on its path, `*` read as the table key", () => {
    assert.equal(fileAnchor("statistics.parquet"), "file-statistics-parquet");
    assert.equal(fileAnchor("tables/*.parquet"), "file-tables-key-parquet");
    assert.equal(fileAnchor("csv/Audit.csv"), "file-csv-audit-csv");
  });

  it("gives every published file an anchor of its own", () => {
    const anchors = OUTPUT_FILES.map((f) => fileAnchor(f.path));
    assert.equal(new Set(anchors).size, anchors.length);
  });

  it("reads `backticks` as code spans, text and code alternating", () => {
    assert.deepEqual(codeSpans("`survey` or `thesis`."), [
      { text: "", code: false },
      { text: "survey", code: true },
      { text: " or ", code: false },
      { text: "thesis", code: true },
      { text: ".", code: false },
    ]);
    assert.deepEqual(codeSpans("no code"), [{ text: "no code", code: false }]);
  });
});
