import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { distinctValues, matches, type CheckRow } from "../../src/components/audit-findings.ts";

const rows: (CheckRow & { id: string })[] = [
  { id: "a", table: "thesis Table #2", kind: "total", status: "fail" },
  { id: "b", table: "text", kind: "restatement", status: "pass" },
  { id: "c", table: "thesis Table #1", kind: "total", status: "pass" },
  { id: "d", table: "thesis Table #1", kind: "share_sum", status: "not_applicable" },
  { id: "e", table: "thesis Table #1", kind: "total", status: "fail" },
];

describe("the audit's check filters", () => {
  it("offers each column's values once, sorted", () => {
    assert.deepEqual(distinctValues(rows, "table"), ["text", "thesis Table #1", "thesis Table #2"]);
    assert.deepEqual(distinctValues(rows, "kind"), ["restatement", "share_sum", "total"]);
    assert.deepEqual(distinctValues(rows, "status"), ["fail", "not_applicable", "pass"]);
  });

  it("keeps the rows that match every chosen value; '' chooses all", () => {
    const ids = (chosen: CheckRow) => rows.filter((r) => matches(r, chosen)).map((r) => r.id);
    assert.deepEqual(ids({ table: "", kind: "", status: "" }), ["a", "b", "c", "d", "e"]);
    assert.deepEqual(ids({ table: "", kind: "", status: "fail" }), ["a", "e"]);
    assert.deepEqual(ids({ table: "thesis Table #1", kind: "total", status: "" }), ["c", "e"]);
    assert.deepEqual(ids({ table: "text", kind: "", status: "" }), ["b"]);
    assert.deepEqual(ids({ table: "thesis Table #2", kind: "", status: "pass" }), []);
  });
});
