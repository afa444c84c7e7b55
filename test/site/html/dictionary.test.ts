import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fileAnchor, withCode } from "../../../site/html/dictionary.ts";
import { OUTPUT_FILES } from "../../../data-loaders/publish/dictionary.ts";

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

  it("reads `backticks` as code spans, the rest escaped", () => {
    assert.equal(withCode("`survey` or `a<b>`."), "<code>survey</code> or <code>a&lt;b&gt;</code>.");
    assert.equal(withCode("no <code>"), "no &lt;code&gt;");
  });
});
