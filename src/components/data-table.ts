import { readerLabel } from "../portable/labels.js";

/** A plain table of query results: one column per key of the first row, numbers right-aligned. */
export function dataTable(rows: readonly Record<string, unknown>[], { caption }: { caption?: string } = {}): HTMLElement {
  const table = document.createElement("table");
  table.className = "results";
  if (caption) table.createCaption().textContent = caption;
  const columns = rows.length ? Object.keys(rows[0]!) : [];
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = readerLabel(column);
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const column of columns) {
      const td = tr.insertCell();
      const value = row[column];
      td.textContent = value === null || value === undefined ? "" : String(value);
      if (typeof value === "number") td.style.textAlign = "right";
    }
  }
  return table;
}
