import { readerLabel } from "../lib/labels.js";
import { revealTarget, withProvenance, type Provenance } from "./provenance.js";

export interface ListedStatistic {
  id: string;
  subject: string;
  measure: string;
  printed: string;
  period: string | null;
  cited_source: string | null;
}

/**
 * Statistics as a table: the printed number (a button showing its provenance), what it
 * measures, its period and the study the document cites for it.
 */
export function statisticsList(rows: readonly ListedStatistic[], { provenance, caption }: { provenance: Readonly<Record<string, Provenance>>; caption?: string }): HTMLElement {
  const table = document.createElement("table");
  table.className = "statistics";
  if (caption) table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const label of ["As printed", "Subject", "Measure", "Period", "Cited study"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    tr.dataset.stat = row.id;
    tr.id = `stat-${row.id}`;
    const first = tr.insertCell();
    const button = document.createElement("button");
    button.type = "button";
    button.className = "stat";
    button.dataset.stat = row.id;
    button.textContent = row.printed;
    first.append(button);
    for (const text of [row.subject, readerLabel(row.measure), row.period ?? "", row.cited_source ?? ""]) tr.insertCell().textContent = text;
  }
  requestAnimationFrame(() => revealTarget(table));
  return withProvenance(table, provenance);
}
