import { AUDIT_KINDS, type AuditRow } from "./row.ts";
import { PART_WHOLE_COLUMNS } from "./specs.ts";
import { partWholeColumns, tableChecks } from "./tables.ts";
import { tablesWithoutShares, textChecks } from "./text.ts";
import type { Ledger } from "../normalize/ledger.ts";
import { compareEntry, pinnedReadings } from "./reconciliation.ts";
import { contradictionFindings, findingsOf, type AuditCheck, type Finding } from "./findings.ts";
import { searchLedger, type Comparison } from "./search.ts";

/** What the audit finds in a ledger: every check, each with the finding it reveals, and the findings. */
export interface AuditReport {
  checks: AuditCheck[];
  findings: Finding[];
  /** Every pair the systematic search compared (audit/search.ts). */
  comparisons: Comparison[];
}

const reports = new WeakMap<Ledger, AuditReport>();

/** The audit of a ledger, worked out once per ledger (every page's loader asks for it). */
export function auditReport(ledger: Ledger): AuditReport {
  let report = reports.get(ledger);
  if (!report) {
    const byId = new Map(ledger.statistics.map((s) => [s.id, s]));
    const { comparisons } = searchLedger(ledger, pinnedReadings(ledger.reconciliation ?? [], byId));
    report = { ...findingsOf(auditChecks(ledger), ledger.statistics, ledger.reconciliation ?? [], contradictionFindings(ledger.contradictions ?? [])), comparisons };
    reports.set(ledger, report);
  }
  return report;
}

/** The audit's checks (audit.parquet rows), each with its finding_id. */
export function auditLedger(ledger: Ledger): AuditCheck[] {
  return auditReport(ledger).checks;
}

export { AUDIT_KINDS, AUDIT_STATUSES, FINDING_CLASSES, type AuditKind, type AuditRow, type AuditStatus, type FindingClass } from "./row.ts";

/**
 * The audit: arithmetic checks of the printed numbers, one row each, written to audit.parquet.
 * Rule zero holds: every value stays as printed, and a failed check is a finding to show, not
 * an error to fix. Rows come from four places:
 *
 * 1. the shape of each printed table (audit/tables.ts): `total`, `whole_count`, `subgroup_n`,
 *    `subgroup_sum`, `weighted_average`, found with no reviewer input;
 * 2. the reviewer's checks of numbers that are derived from, parts of, or shares of others
 *    (audit/specs.ts, evaluated by audit/text.ts): `derivation`, `share_sum`, `part_whole`,
 *    `total`, `whole_count`; and a `share_sum` row saying why for each table with no shares;
 * 3. raw/reconciliation.tsv (audit/reconciliation.ts): one `reconciliation` row per cross-document
 *    entry and one `restatement` row per in-document entry;
 * 4. the systematic search (audit/search.ts): every pair of statements about one concept of the
 *    shared vocabulary, within a document and across the two, every part against its whole,
 *    every "most" against its shares; a pair raw/reconciliation.tsv does not judge is a
 *    restatement when it agrees, and a finding otherwise.
 */
export function auditChecks(ledger: Ledger): AuditRow[] {
  const { statistics, tables, units } = ledger;
  const reconciliation = ledger.reconciliation ?? [];
  const rows: AuditRow[] = [];
  for (const table of tables) rows.push(...tableChecks(table, statistics, units));
  for (const spec of PART_WHOLE_COLUMNS) {
    const table = tables.find((t) => t.document === spec.document && t.table === spec.table);
    if (table) rows.push(...partWholeColumns(table, statistics, spec));
  }
  rows.push(...textChecks(statistics, tables));
  const covered = new Set(rows.filter((r) => r.kind === "share_sum" && r.table !== null).map((r) => r.table!));
  rows.push(...tablesWithoutShares(statistics, tables, covered));
  const byId = new Map(statistics.map((s) => [s.id, s]));
  const pins = pinnedReadings(reconciliation, byId);
  rows.push(...reconciliation.map((entry) => compareEntry(entry, byId, pins)));
  rows.push(...searchLedger(ledger, pins).rows);

  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.check_id)) throw new Error(`invalid audit: check_id ${row.check_id} given twice`);
    seen.add(row.check_id);
  }
  const order = (r: AuditRow) => AUDIT_KINDS.indexOf(r.kind);
  return rows.sort((a, b) => order(a) - order(b) || (a.check_id < b.check_id ? -1 : a.check_id > b.check_id ? 1 : 0));
}
