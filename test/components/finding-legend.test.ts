import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FINDING_LEGEND } from "../../data-loaders/audit/findings.ts";
import { FINDING_CLASSES } from "../../data-loaders/audit/row.ts";
import { LEGEND, MARK_KINDS, marksShown } from "../../src/components/finding-legend.ts";

describe("the legend of finding marks", () => {
  it("says what the finding model says, for every class and for inputs", () => {
    assert.deepEqual(LEGEND, FINDING_LEGEND);
    assert.deepEqual(MARK_KINDS, [...FINDING_CLASSES, "input"]);
  });

  it("shows only the marks present, in legend order; an input shows as input whatever its class", () => {
    assert.deepEqual(marksShown([{ class: "scope", role: "in_question" }, null, { class: "arithmetic", role: "input" }, { class: "arithmetic", role: "in_question" }]), ["arithmetic", "scope", "input"]);
    assert.deepEqual(marksShown([]), []);
  });
});
