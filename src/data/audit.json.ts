// audit.json: the audit's findings (by class, each with its numbers and their roles), every
// check and reconciliation entry, each statistic they involve with the page that shows it, and
// the provenance of those statistics.
import { auditReport } from "../../data-loaders/audit/audit-ledger.ts";
import { COMPARISON_KINDS, OUTCOMES } from "../../data-loaders/audit/search.ts";
import { defineLoader } from "../../site/loader/define-loader.ts";
import { reconciliationRows } from "../../data-loaders/publish/reconciliation-rows.ts";
import { json } from "../../site/loader/stdout.ts";
import { provenanceFor } from "../../site/view/provenance.ts";
import { pageOf } from "../../site/view/report-map.ts";

export default defineLoader(import.meta.url, async (_params, context) => {
  const ledger = await context.ledger();
  const report = auditReport(ledger);
  const byId = new Map(ledger.statistics.map((s) => [s.id, s]));
  const ids = (list: string) => list.split(",").filter(Boolean);
  const cell = (id: string) => {
    const s = byId.get(id)!;
    return { id, printed: s.printed, subject: s.subject, measure: s.measure, document: s.document, table: s.table, href: pageOf(s) };
  };
  const checks = report.checks.map((check) => ({ ...check, involved: ids(check.cells).map(cell) }));
  const findings = report.findings.map((f) => ({ ...f, questioned: ids(f.in_question).map(cell), used: ids(f.inputs).map(cell) }));
  const reconciliation = reconciliationRows(ledger.reconciliation ?? [], ledger.statistics).map((r) => ({
    ...r,
    left: ids(r.left_ids).map(cell),
    right: ids(r.right_ids).map(cell),
  }));
  const involved = new Set([...checks.flatMap((c) => c.involved), ...reconciliation.flatMap((r) => [...r.left, ...r.right])].map((c) => c.id));
  // What the systematic search compared: pairs by kind and outcome, and by class.
  const search = {
    pairs: report.comparisons.length,
    byKind: COMPARISON_KINDS.map((kind) => ({
      kind,
      pairs: report.comparisons.filter((c) => c.kind === kind).length,
      ...Object.fromEntries(OUTCOMES.map((o) => [o, report.comparisons.filter((c) => c.kind === kind && c.outcome === o).length])),
    })),
    byClass: Object.fromEntries([...new Set(report.comparisons.map((c) => c.class ?? "none"))].sort().map((k) => [k, report.comparisons.filter((c) => (c.class ?? "none") === k).length])),
  };
  return json({ findings, checks, reconciliation, search, provenance: provenanceFor(ledger, involved) });
});
