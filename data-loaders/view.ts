import { auditLedger } from "./audit.ts";
import type { Ledger } from "./ledger.ts";
import type { Statistic } from "./statistic.ts";

/** What the provenance popup shows for one number. */
export interface Provenance {
  id: string;
  document: string;
  locator: string;
  page: number | null;
  line: number;
  subject: string;
  measure: string;
  printed: string;
  reading: string | null;
  unit: string;
  period: string | null;
  cited_source: string | null;
  quote: string;
  note: string | null;
  /** Failing audit checks that involve this number: findings to show, never corrections. */
  findings: { check_id: string; message: string }[];
}

export const DOCUMENT_TITLES: Record<string, string> = {
  survey: "Industrial Clusters in Developing Countries: A Survey of the Literature",
  thesis: "BAs, Clusters, and Economic Liberalization in Developing Countries",
};

const findingsCache = new WeakMap<Ledger, Map<string, Provenance["findings"]>>();

/** The failing audit checks of a ledger, by the statistics they involve. */
export function findingsByStatistic(ledger: Ledger): Map<string, Provenance["findings"]> {
  let findings = findingsCache.get(ledger);
  if (!findings) {
    findings = new Map();
    for (const check of auditLedger(ledger)) {
      if (check.status !== "fail") continue;
      for (const id of check.cells.split(",").filter(Boolean)) {
        findings.set(id, [...(findings.get(id) ?? []), { check_id: check.check_id, message: check.message }]);
      }
    }
    findingsCache.set(ledger, findings);
  }
  return findings;
}

export function provenance(s: Statistic, findings: ReadonlyMap<string, Provenance["findings"]> = new Map()): Provenance {
  const { id, document, locator, page, line, subject, measure, printed, reading, unit, period, cited_source, quote, note } = s;
  return { id, document, locator, page, line, subject, measure, printed, reading, unit, period, cited_source, quote, note, findings: findings.get(id) ?? [] };
}

/** A printed table laid out for a page: its rows of cells, each cell with the numbers it holds. */
export interface TableView {
  key: string;
  document: string;
  table: string;
  title: string;
  source: string;
  lines: string;
  notes: string[];
  footnotes: string[];
  columns: string[];
  rows: { label: string; cells: { text: string; stats: { id: string; printed: string }[] }[] }[];
  /** Numbers printed in column headers (a group's N), by column. */
  headerStats: Record<string, { id: string; printed: string }[]>;
  provenance: Record<string, Provenance>;
}

/** Lays out one printed table with the provenance of every number in it. */
export function tableView(ledger: Ledger, key: string): TableView {
  const table = ledger.tables.find((t) => t.key === key);
  if (!table) throw new Error(`invalid table key: ${key}`);
  const stats = ledger.statistics.filter((s) => s.document === table.document && s.table === table.table);
  const inCell = (row: string | null, column: string) =>
    stats.filter((s) => s.row_label === row && s.column_label === column).map((s) => ({ id: s.id, printed: s.printed }));
  return {
    key,
    document: table.document,
    table: table.table,
    title: table.title,
    source: table.source,
    lines: table.lines,
    notes: table.notes,
    footnotes: table.footnotes,
    columns: table.columns,
    rows: table.rows.map((label) => ({
      label,
      cells: table.columns.map((column) => {
        const cell = table.cells.find((c) => c.row === label && c.column === column);
        return { text: cell?.cell ?? "", stats: cell ? inCell(label, column) : [] };
      }),
    })),
    headerStats: Object.fromEntries(table.columns.map((c) => [c, inCell(null, c)] as const).filter(([, s]) => s.length > 0)),
    provenance: Object.fromEntries(stats.map((s) => [s.id, provenance(s, findingsByStatistic(ledger))])),
  };
}

/** Provenance records for the given statistic ids, in id order. */
export function provenanceFor(ledger: Ledger, ids: Iterable<string>): Record<string, Provenance> {
  const wanted = new Set(ids);
  const findings = findingsByStatistic(ledger);
  return Object.fromEntries(ledger.statistics.filter((s) => wanted.has(s.id)).map((s) => [s.id, provenance(s, findings)]));
}
