import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { auditLedger, auditReport } from "../../../data-loaders/audit/audit-ledger.ts";
import { markRank } from "../../../data-loaders/audit/findings.ts";
import { readLedger, type Ledger } from "../../../data-loaders/normalize/ledger.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { findingsByStatistic, markOf, provenance, provenanceFor } from "../../../site/view/provenance.ts";

/** What a reader sees of a statistic: its place, words and quote, never its parsed value or raw file. */
const SHOWN = ["id", "document", "locator", "page", "line", "subject", "measure", "printed", "reading", "unit", "period", "cited_source", "quote", "note"] as const;

describe("findingsByStatistic", () => {
  let ledger: Ledger;
  before(async () => {
    ledger = await readLedger(RAW_DIR);
  });

  it("gives each statistic the findings that name it, in question or as an input, and nothing from a check that passed", () => {
    const { checks, findings: all } = auditReport(ledger);
    const findings = findingsByStatistic(ledger);
    for (const f of all) {
      for (const id of f.in_question.split(",").filter(Boolean)) assert.ok(findings.get(id)!.some((x) => x.finding_id === f.finding_id && x.role === "in_question"), `${f.finding_id} for ${id}`);
      for (const id of f.inputs.split(",").filter(Boolean)) {
        const roles = (findings.get(id) ?? []).filter((x) => x.finding_id === f.finding_id).map((x) => x.role);
        assert.deepEqual(roles, f.status === "fail" ? ["input"] : [], `${f.finding_id} for input ${id}`);
      }
    }
    const revealing = new Set(checks.filter((c) => c.finding_id !== null).map((c) => c.finding_id));
    for (const [id, list] of findings) {
      for (const f of list) assert.ok(revealing.has(f.finding_id) || all.some((x) => x.finding_id === f.finding_id && x.check_ids === ""), `${id}: ${f.finding_id}`);
      // Strongest mark first.
      assert.deepEqual(list.map(markRank), [...list.map(markRank)].sort((a, b) => a - b), id);
    }
    assert.ok(checks.some((c) => c.status === "pass" && c.class === "arithmetic" && c.finding_id === null), "a passing check reveals nothing");
  });

  it("marks in question only the number a check doubts: Table #1's Rio Grande do Sul total, not its sectors (D4, reader 2)", () => {
    const findings = findingsByStatistic(ledger);
    assert.deepEqual(markOf({ findings: findings.get("thesis.t1.total.rgs.workers")! }), { class: "arithmetic", role: "in_question" });
    const sector = ledger.statistics.find((s) => s.table === "Table #1" && s.column_label === "Rio Grande do Sul / Workers" && s.row_label !== "Total")!;
    assert.deepEqual(markOf({ findings: findings.get(sector.id)! }), { class: "arithmetic", role: "input" });
    // The Sinos Valley totals pass their sums; the survey's other count is a scope note, never a failure.
    for (const id of ["thesis.t1.total.sinos.firms", "thesis.t1.total.sinos.workers"]) {
      assert.ok(!(findings.get(id) ?? []).some((f) => f.status === "fail" && f.role === "in_question"), id);
    }
  });

  it("follows the ledger it is given: a total corrected to its sum loses its finding, in that ledger only", () => {
    const before = findingsByStatistic(ledger);
    assert.equal(findingsByStatistic(ledger), before, "worked out once per ledger");
    // A failing total whose first cell is the printed total (the rest its parts).
    const check = auditLedger(ledger).find((c) => c.kind === "total" && c.status === "fail" && ledger.statistics.find((s) => s.id === c.cells.split(",")[0])?.value === c.printed_value)!;
    assert.ok(check, "the real audit has a failing total");
    const totalId = check.cells.split(",")[0]!;
    const corrected: Ledger = {
      ...ledger,
      statistics: ledger.statistics.map((s) => (s.id === totalId ? { ...s, value: check.computed_value, value_low: check.computed_value, value_high: check.computed_value } : s)),
    };
    const after = findingsByStatistic(corrected);
    assert.ok(before.get(totalId)!.some((f) => f.check_id === check.check_id));
    assert.ok(!(after.get(totalId) ?? []).some((f) => f.check_id === check.check_id), `${check.check_id} still failing after the correction`);
    assert.ok(findingsByStatistic(ledger).get(totalId)!.some((f) => f.check_id === check.check_id), "the original ledger keeps its finding");
  });
});

describe("provenanceFor", () => {
  let ledger: Ledger;
  before(async () => {
    ledger = await readLedger(RAW_DIR);
  });

  it("gives the asked statistics, each with what the popup shows and its findings, and skips unknown ids", () => {
    const findings = findingsByStatistic(ledger);
    const flagged = ledger.statistics.find((s) => findings.has(s.id))!;
    const clean = ledger.statistics.find((s) => !findings.has(s.id))!;
    const records = provenanceFor(ledger, [clean.id, "no.such.statistic", flagged.id]);
    assert.deepEqual(Object.keys(records).sort(), [clean.id, flagged.id].sort());
    for (const s of [clean, flagged]) {
      const record = records[s.id]!;
      assert.deepEqual(Object.keys(record).sort(), [...SHOWN, "findings"].sort());
      for (const key of SHOWN) assert.equal(record[key], s[key], `${s.id}.${key}`);
    }
    assert.deepEqual(records[clean.id]!.findings, []);
    assert.deepEqual(records[flagged.id]!.findings, findings.get(flagged.id));
    assert.ok(records[flagged.id]!.findings.length > 0);
  });

  it("gives every statistic once when asked for all, and nothing when asked for none", () => {
    const all = provenanceFor(ledger, ledger.statistics.map((s) => s.id));
    assert.equal(Object.keys(all).length, ledger.statistics.length);
    assert.deepEqual(provenanceFor(ledger, []), {});
  });

  it("without findings given, a record lists none", () => {
    assert.deepEqual(provenance(ledger.statistics[0]!).findings, []);
  });
});
