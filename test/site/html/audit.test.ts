import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { againstText, auditChecksHtml, auditSummaryText, findingSummaryText, judgementText, reconciliationHtml, tableLabel, type Check, type InvolvedStatistic } from "../../../site/html/audit.ts";
import { pageContext } from "../../../site/html/page-context.ts";
import type { Provenance } from "../../../site/view/provenance.ts";

const cell = (id: string, printed: string, table: string | null, document = "thesis"): InvolvedStatistic => ({
  id, printed, subject: "Rio Grande do Sul", measure: "workers", document, table, href: `/thesis/sinos-valley#stat-${id}`,
});
const record = (id: string, printed: string): Provenance => ({
  id, document: "thesis", locator: "Table #1", page: null, line: 10, subject: "Rio Grande do Sul", measure: "workers", printed,
  reading: null, unit: "count", period: null, cited_source: null, quote: printed, note: null, findings: [],
});
const check = (check_id: string, status: string, extra: Partial<Check> = {}): Check => ({
  check_id, kind: "total", table: "Table #1", status, printed_value: 133677, computed_value: 133627, tolerance: 0, message: `check ${check_id}`,
  involved: [cell("t1.total", "133677", "Table #1"), cell("t1.a", "88083", "Table #1")], ...extra,
});

describe("the audit's static tables", () => {
  it("lists every check, failing first, each number a provenance link and a link to where it stands", () => {
    const provenance = { "t1.total": record("t1.total", "133677"), "t1.a": record("t1.a", "88083") };
    const html = auditChecksHtml(pageContext("/audit"), [check("a", "pass"), check("b", "fail"), check("c", "not_applicable"), check("d", "explained")], provenance);
    assert.deepEqual([...html.matchAll(/data-status="([a-z_]+)"/g)].map((m) => m[1]), ["fail", "explained", "pass", "not_applicable"]);
    assert.match(html, /<div class="table-scroll" role="region" tabindex="0" aria-label="Every check of the audit \(4\), failing checks first">/);
    assert.match(html, /<td class="number"><a class="stat" href="numbers\/t1\.total" id="stat-t1\.total" data-stat="t1\.total">133,677<\/a>/);
    assert.match(html, /<a class="stands" href="thesis\/sinos-valley#stat-t1\.a">where it stands<\/a>/);
    assert.match(html, /data-table="thesis Table #1"/);
  });

  it("shows both sides of a comparison with their numbers' provenance", () => {
    const provenance = { "t1.total": record("t1.total", "133677") };
    const html = reconciliationHtml(pageContext("/audit"), [
      { id: "r1", subject: "Sinos", measure: "firms_count", left_document: "thesis", left: [cell("t1.total", "133677", "Table #1")], left_period: "1990", right_document: "survey", right: [], right_period: null, classification: "partly_agree", reason: "different_year", explanation: "Why." },
    ], provenance);
    assert.match(html, /<tr id="reconciliation-r1"><th scope="row">Sinos<\/th><td>firms count<\/td><td>thesis: <span class="involved"><a class="stat"/);
    assert.match(html, /partly agree \(different year\)/);
  });

  it("names the table with its document, since both documents number tables alike (reader 14, D23)", () => {
    assert.equal(tableLabel({ table: "Table-1", involved: [cell("x", "1", "Table-1", "survey")] }), "survey Table-1");
    assert.equal(tableLabel({ table: null, involved: [] }), "text");
  });

  it("says 'compared with' for a comparison and 'computed' for arithmetic", () => {
    assert.equal(againstText({ kind: "reconciliation", computed_value: 5000000 }), "compared with 5,000,000");
    assert.equal(againstText({ kind: "total", computed_value: 133627 }), "computed 133,627");
    assert.equal(againstText({ kind: "total", computed_value: null }), "");
  });

  it("counts checks by status, findings by class, and words a judgement", () => {
    assert.equal(auditSummaryText([{ status: "fail" }, { status: "pass" }, { status: "fail" }], 7), "3 checks: 2 fail, 0 explained, 1 pass, 0 not applicable. 7 comparisons of statistics that speak of the same thing.");
    assert.equal(findingSummaryText([{ class: "scope" }, { class: "arithmetic" }, { class: "scope" }]), "3 findings: 1 arithmetic, 0 internal, 0 across documents, 2 scope, 0 restatement.");
    assert.equal(judgementText({ classification: "partly_agree", reason: "different_year" }), "partly agree (different year)");
  });
});
