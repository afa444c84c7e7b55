import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { againstText, auditSummaryText, distinctValues, filterChecks, findingSummaryText, tableLabel, type Check } from "../../src/components/audit-findings.ts";

const check = (check_id: string, table: string | null, kind: string, status: string): Check => ({
  check_id,
  kind,
  table,
  status,
  printed_value: null,
  computed_value: null,
  tolerance: null,
  message: "",
  involved: [{ id: "x", printed: "1", subject: "s", measure: "m", document: table === "Table-1" ? "survey" : "thesis", table, href: "" }],
});

const checks = [
  check("a", "Table #2", "total", "fail"),
  check("b", null, "restatement", "pass"),
  check("c", "Table #1", "total", "pass"),
  check("d", "Table #1", "share_sum", "not_applicable"),
  check("e", "Table #1", "total", "fail"),
];

describe("the audit's findings", () => {
  it("offers each column's values once, sorted, a check about the text under its table 'text'", () => {
    assert.deepEqual(distinctValues(checks, "table"), ["text", "thesis Table #1", "thesis Table #2"]);
    assert.deepEqual(distinctValues(checks, "kind"), ["restatement", "share_sum", "total"]);
    assert.deepEqual(distinctValues(checks, "status"), ["fail", "not_applicable", "pass"]);
  });

  it("keeps the checks that match every chosen value, in their order; '' chooses all", () => {
    const ids = (chosen: { table: string; kind: string; status: string }) => filterChecks(checks, chosen).map((c) => c.check_id);
    assert.deepEqual(ids({ table: "", kind: "", status: "" }), ["a", "b", "c", "d", "e"]);
    assert.deepEqual(ids({ table: "", kind: "", status: "fail" }), ["a", "e"]);
    assert.deepEqual(ids({ table: "thesis Table #1", kind: "total", status: "" }), ["c", "e"]);
    assert.deepEqual(ids({ table: "text", kind: "", status: "" }), ["b"]);
    assert.deepEqual(ids({ table: "thesis Table #2", kind: "", status: "pass" }), []);
  });

  it("counts the checks of each status, and the comparisons", () => {
    assert.equal(auditSummaryText(checks, 7), "5 checks: 2 fail, 0 explained, 2 pass, 1 not applicable. 7 comparisons of statistics that speak of the same thing.");
    assert.equal(auditSummaryText(checks.slice(0, 2), 0), "2 checks: 1 fail, 0 explained, 1 pass, 0 not applicable. 0 comparisons of statistics that speak of the same thing.");
  });

  it("names the table with its document, since both documents number tables alike (reader 14, D23)", () => {
    assert.equal(tableLabel(check("s", "Table-1", "restatement", "pass")), "survey Table-1");
    assert.equal(tableLabel(check("t", null, "restatement", "pass")), "text");
  });

  it("says 'compared with' for a comparison and 'computed' for arithmetic", () => {
    assert.equal(againstText({ kind: "reconciliation", computed_value: 5000000 }), "compared with 5,000,000");
    assert.equal(againstText({ kind: "total", computed_value: 133627 }), "computed 133,627");
    assert.equal(againstText({ kind: "total", computed_value: null }), "");
  });

  it("counts findings by class, every class named", () => {
    assert.equal(findingSummaryText([{ class: "scope" }, { class: "arithmetic" }, { class: "scope" }]), "3 findings: 1 arithmetic, 0 internal, 0 across documents, 2 scope, 0 restatement.");
  });
});
