import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FINDING_CLASSES } from "../../data-loaders/audit/row.ts";
import { FINDING_LEGEND } from "../../src/portable/finding-legend.ts";

describe("the legend of finding marks", () => {
  it("covers every class of the finding model and inputs, each with its own glyph", () => {
    assert.deepEqual(Object.keys(FINDING_LEGEND), [...FINDING_CLASSES, "input"]);
    const marks = Object.values(FINDING_LEGEND).map((l) => l.mark);
    assert.equal(new Set(marks).size, marks.length);
  });
});
