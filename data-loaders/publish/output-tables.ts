import { auditReport, type AuditReport } from "../audit/audit-ledger.ts";
import { AUDIT_FILE, CENSUS_FILE, CITATIONS_FILE, COMPARISONS_FILE, FINDINGS_FILE, FOOTNOTES_FILE, RECONCILIATION_FILE, SOURCES_FILE, STATISTICS_FILE, TABLES_FILE, TIDY_TABLE_FILE, UNITS_FILE, type ColumnSpec } from "./dictionary.ts";
import type { Ledger } from "../normalize/ledger.ts";
import { permalinkOf } from "./permalink.ts";
import { reconciliationRows } from "./reconciliation-rows.ts";
import type { Statistic } from "../normalize/statistic.ts";
import type { PrintedTable } from "../normalize/table.ts";

/** One table the pipeline publishes: its name (file stem), columns and rows. */
export interface OutputTable {
  name: string;
  /** Path of its Parquet file, relative to the output folder. */
  path: string;
  columns: readonly ColumnSpec[];
  /** Computes the rows; the audit and the reconciliation are only worked out when asked for. */
  rows: () => readonly object[];
}

/** The statistics.parquet rows: each statistic with the address of its own page (permalink.ts). */
export function statisticRows(statistics: readonly Statistic[]): (Statistic & { permalink: string })[] {
  return statistics.map((s) => ({ ...s, permalink: permalinkOf(s.id) }));
}

/** The tables.parquet row of a printed table. */
function tableRow(t: PrintedTable) {
  return { ...t, notes: t.notes.join("\n"), footnotes: t.footnotes.join("\n"), row_groups: t.row_groups.join("\n") };
}

/**
 * Every table the pipeline publishes, in a stable order.
 * @param findings the ledger's audit, when already worked out; default: audited when asked for
 */
export function outputTables(ledger: Ledger, findings?: AuditReport): OutputTable[] {
  return [
    { name: "statistics", path: STATISTICS_FILE.path, columns: STATISTICS_FILE.columns, rows: () => statisticRows(ledger.statistics) },
    { name: "tables", path: TABLES_FILE.path, columns: TABLES_FILE.columns, rows: () => ledger.tables.map(tableRow) },
    ...[...ledger.tidyTables].map(([key, rows]) => ({ name: key, path: `tables/${key}.parquet`, columns: TIDY_TABLE_FILE.columns, rows: () => rows })),
    { name: "units", path: UNITS_FILE.path, columns: UNITS_FILE.columns, rows: () => [...ledger.units.values()] },
    { name: "audit", path: AUDIT_FILE.path, columns: AUDIT_FILE.columns, rows: () => (findings ?? auditReport(ledger)).checks },
    { name: "findings", path: FINDINGS_FILE.path, columns: FINDINGS_FILE.columns, rows: () => (findings ?? auditReport(ledger)).findings },
    { name: "comparisons", path: COMPARISONS_FILE.path, columns: COMPARISONS_FILE.columns, rows: () => (findings ?? auditReport(ledger)).comparisons },
    {
      name: "reconciliation",
      path: RECONCILIATION_FILE.path,
      columns: RECONCILIATION_FILE.columns,
      rows: () => reconciliationRows(ledger.reconciliation ?? [], ledger.statistics),
    },
    { name: "sources", path: SOURCES_FILE.path, columns: SOURCES_FILE.columns, rows: () => ledger.sources },
    { name: "footnotes", path: FOOTNOTES_FILE.path, columns: FOOTNOTES_FILE.columns, rows: () => ledger.footnotes },
    { name: "citations", path: CITATIONS_FILE.path, columns: CITATIONS_FILE.columns, rows: () => ledger.citations },
    { name: "census", path: CENSUS_FILE.path, columns: CENSUS_FILE.columns, rows: () => ledger.census },
  ];
}
