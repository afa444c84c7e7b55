import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { judgementText } from "../../src/components/reconciliation-table.ts";

describe("judgementText", () => {
  it("writes the classification and its reason in words", () => {
    assert.equal(judgementText({ classification: "partly_agree", reason: "different_year" }), "partly agree (different year)");
    assert.equal(judgementText({ classification: "agree", reason: "same_value" }), "agree (same value)");
  });
});
