import { AUDIT_KINDS, type AuditRow } from "./row.ts";
import { PART_WHOLE_COLUMNS } from "./specs.ts";
import { partWholeColumns, tableChecks } from "./tables.ts";
import { tablesWithoutShares, textChecks } from "./text.ts";
import type { Ledger } from "../normalize/ledger.ts";
import type { ReconciliationEntry } from "../normalize/reconciliation.ts";
import { compareEntry, compareSides, pinnedReadings } from "./reconciliation.ts";
import type { Statistic } from "../normalize/statistic.ts";
import { findingsOf, type AuditCheck, type Finding } from "./findings.ts";

/** What the audit finds in a ledger: every check, each with the finding it reveals, and the findings. */
export interface AuditReport {
  checks: AuditCheck[];
  findings: Finding[];
}

const reports = new WeakMap<Ledger, AuditReport>();

/** The audit of a ledger, worked out once per ledger (every page's loader asks for it). */
export function auditReport(ledger: Ledger): AuditReport {
  let report = reports.get(ledger);
  if (!report) {
    report = findingsOf(auditChecks(ledger), ledger.statistics, ledger.reconciliation ?? []);
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
 * 4. restatements found without the reviewer: two statistics of one document with the same
 *    subject, measure and unit, printed for the same years, that no reconciliation entry
 *    already pairs. A pair whose period is missing on one side, or whose measures are named
 *    differently, needs judgement, so it is listed in raw/reconciliation.tsv instead.
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
  rows.push(...automaticRestatements(statistics, reconciliation));

  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.check_id)) throw new Error(`invalid audit: check_id ${row.check_id} given twice`);
    seen.add(row.check_id);
  }
  const order = (r: AuditRow) => AUDIT_KINDS.indexOf(r.kind);
  return rows.sort((a, b) => order(a) - order(b) || (a.check_id < b.check_id ? -1 : a.check_id > b.check_id ? 1 : 0));
}

/** Pairs of one document's statistics that restate each other by subject, measure, unit and years (item 4 above). */
export function automaticRestatements(statistics: readonly Statistic[], entries: readonly ReconciliationEntry[]): AuditRow[] {
  const listed = new Set(entries.flatMap((e) => e.left_ids.flatMap((a) => e.right_ids.flatMap((b) => [`${a}\t${b}`, `${b}\t${a}`]))));
  const groups = new Map<string, Statistic[]>();
  for (const s of statistics) {
    if (s.year_start === null) continue;
    const key = [s.document, s.subject, s.measure, s.unit, s.year_start, s.year_end].join("\t");
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const rows: AuditRow[] = [];
  for (const group of groups.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i]!, group[j]!];
        if (listed.has(`${a.id}\t${b.id}`)) continue;
        if (a.table !== null && a.table === b.table && a.row_label === b.row_label && a.column_label === b.column_label) continue;
        const row = compareSides(a.document, `auto.${a.id}.${b.id}`, `${a.subject}, ${a.measure.replaceAll("_", " ")}`, [a], [b], {
          class: "restatement",
          inQuestion: "both",
          reviewer: "Found by the audit (same document, subject, measure, unit and years); not listed in raw/reconciliation.tsv.",
        });
        // The same thing printed twice with two values is no restatement: the document contradicts itself.
        rows.push(row.status === "fail" ? { ...row, class: "internal" } : row);
      }
    }
  }
  return rows;
}
