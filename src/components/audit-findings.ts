// Filters on top of the Audit page's table of every check, which the build writes into the HTML
// (site/html/audit.ts auditChecksHtml): the script draws nothing but the three selects and the
// count, and hides the rows a reader filters out.
import { choice, type ChoiceElement } from "./choice.js";

/** What a row of the checks' table says about itself (its data-* attributes). */
export interface CheckRow {
  table: string;
  kind: string;
  status: string;
}

/** The columns of the audit a reader filters the checks by. */
export type FilterColumn = keyof CheckRow;

/** A column's distinct values, sorted. */
export function distinctValues(rows: readonly CheckRow[], column: FilterColumn): string[] {
  return [...new Set(rows.map((r) => r[column]))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Whether a row matches every chosen value ("" matches all). */
export const matches = (row: CheckRow, chosen: CheckRow) => (Object.keys(chosen) as FilterColumn[]).every((c) => chosen[c] === "" || row[c] === chosen[c]);

/**
 * Adds a select per table, kind and status above the checks' table inside `root`, and a line that
 * says how many checks are shown. `status` is chosen first ("" for all, the page's default:
 * the same rows as without scripts).
 */
export function enhanceAuditChecks(root: Element | null, { status = "" }: { status?: string } = {}): void {
  const trs = [...(root?.querySelectorAll<HTMLTableRowElement>("table.audit tbody tr") ?? [])];
  if (!root || trs.length === 0) return;
  const rows = trs.map((tr) => ({ tr, row: { table: tr.dataset.table ?? "", kind: tr.dataset.kind ?? "", status: tr.dataset.status ?? "" } }));
  const filter = (label: string, column: FilterColumn) =>
    choice([{ value: "", text: "all" }, ...distinctValues(rows.map((r) => r.row), column).map((v) => ({ value: v, text: v.replaceAll("_", " ") }))], { label, className: "filter" });
  const choices: Record<FilterColumn, ChoiceElement> = { table: filter("Table", "table"), kind: filter("Kind", "kind"), status: filter("Status", "status") };
  choices.status.value = status;
  const filters = document.createElement("div");
  filters.className = "filters";
  filters.append(choices.table, choices.kind, choices.status);
  const shown = document.createElement("p");
  shown.setAttribute("role", "status");
  function update(): void {
    const chosen = { table: choices.table.value, kind: choices.kind.value, status: choices.status.value };
    let n = 0;
    for (const { tr, row } of rows) {
      tr.hidden = !matches(row, chosen);
      if (!tr.hidden) n++;
    }
    shown.textContent = `${n} of ${rows.length} checks shown.`;
  }
  filters.addEventListener("change", update);
  update();
  root.prepend(filters, shown);
}
