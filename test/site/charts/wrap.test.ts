import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { wrappedLabelExpr, wrapWords } from "../../../site/charts/wrap.ts";

describe("wrapWords", () => {
  it("wraps at spaces, keeps every word, and gives a long word a line of its own", () => {
    assert.deepEqual(wrapWords("Five forms of upgrading", 10), ["Five forms", "of", "upgrading"]);
    assert.deepEqual(wrapWords("  a \n  b  ", 10), ["a b"]);
    assert.deepEqual(wrapWords("intersectoral x", 5), ["intersectoral", "x"]);
    assert.deepEqual(wrapWords("", 5), []);
  });
});

describe("wrappedLabelExpr", () => {
  it("maps each known label to its lines, and leaves other labels as they are", () => {
    const expr = wrappedLabelExpr(["Firms and workers"], 9);
    const labelOf = new Function("datum", `return ${expr}`) as (datum: { label: string }) => unknown;
    assert.deepEqual(labelOf({ label: "Firms and workers" }), ["Firms and", "workers"]);
    assert.equal(labelOf({ label: "other" }), "other");
  });
});
