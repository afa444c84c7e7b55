import type { Ledger } from "../../data-loaders/normalize/ledger.ts";
import { rowGroupOf, type PrintedTable } from "../../data-loaders/normalize/table.ts";
import { findingsByStatistic, provenance, type Provenance } from "./provenance.ts";

/** A printed table laid out for a page: its rows of cells, each cell with the numbers it holds. */
export interface TableView extends Pick<PrintedTable, "key" | "document" | "table" | "title" | "source" | "lines" | "notes" | "footnotes" | "stub"> {
  columns: string[];
  /**
   * `label` is the row's printed label (its key in the tidy data); `group` the printed row
   * group over it, or null; `name` the label as printed under its group (the label without
   * `<group> / `).
   */
  rows: { label: string; group: string | null; name: string; cells: { text: string; stats: { id: string; printed: string }[] }[] }[];
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
    stub: table.stub,
    columns: table.columns,
    rows: table.rows.map((label) => ({
      label,
      group: rowGroupOf(table, label),
      name: rowGroupOf(table, label) === null ? label : label.slice(rowGroupOf(table, label)!.length + 3),
      cells: table.columns.map((column) => {
        const cell = table.cells.find((c) => c.row === label && c.column === column);
        return { text: cell?.cell ?? "", stats: cell ? inCell(label, column) : [] };
      }),
    })),
    headerStats: Object.fromEntries(table.columns.map((c) => [c, inCell(null, c)] as const).filter(([, s]) => s.length > 0)),
    provenance: Object.fromEntries(stats.map((s) => [s.id, provenance(s, findingsByStatistic(ledger))])),
  };
}
