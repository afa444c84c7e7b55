import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { auditLedger } from "../../../data-loaders/audit/audit-ledger.ts";
import { readLedger, type Ledger } from "../../../data-loaders/normalize/ledger.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { findingsByStatistic, provenance, provenanceFor } from "../../../site/view/provenance.ts";

/** What a reader sees of a statistic: its place, words and quote, never its parsed value or raw file. */
const SHOWN = ["id", "document", "locator", "page", "line", "subject", "measure", "printed", "reading", "unit", "period", "cited_source", "quote", "note"] as const;

describe("findingsByStatistic", () => {
  let ledger: Ledger;
  before(async () => {
    ledger = await readLedger(RAW_DIR);
  });

  it("gives each statistic the failing checks that involve it, and nothing from a check that passed", () => {
    const checks = auditLedger(ledger);
    const failing = checks.filter((c) => c.status === "fail");
    assert.ok(failing.length > 0 && checks.some((c) => c.status !== "fail"), "the real audit has failing and other checks");
    const findings = findingsByStatistic(ledger);
    for (const check of checks) {
      for (const id of check.cells.split(",").filter(Boolean)) {
        const listed = (findings.get(id) ?? []).some((f) => f.check_id === check.check_id && f.message === check.message);
        assert.equal(listed, check.status === "fail", `${check.check_id} (${check.status}) for ${id}`);
      }
    }
    const ids = new Set(ledger.statistics.map((s) => s.id));
    for (const [id, list] of findings) {
      assert.ok(ids.has(id), `a finding for ${id}, which is no statistic`);
      for (const f of list) assert.ok(failing.some((c) => c.check_id === f.check_id && c.cells.split(",").includes(id)), `${id}: ${f.check_id}`);
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
