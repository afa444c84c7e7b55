import { readerLabel } from "../lib/labels.js";
import { findingLegend, LEGEND, markNumber, marksShown } from "./finding-legend.js";
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
    // A number of the running text carries its finding's mark as a table cell does (D4).
    const findings = provenance[row.id]?.findings;
    if (findings?.[0]) {
      markNumber(button, findings);
      button.setAttribute("aria-label", `${row.printed} (${findings[0].role === "input" ? LEGEND.input.label : LEGEND[findings[0].class].label})`);
    }
    first.append(button);
    for (const text of [row.subject, readerLabel(row.measure), row.period ?? "", row.cited_source ?? ""]) tr.insertCell().textContent = text;
  }
  requestAnimationFrame(() => revealTarget(table));
  const marks = marksShown(rows.map((r) => provenance[r.id]?.findings?.[0]));
  if (marks.length === 0) return withProvenance(table, provenance);
  const holder = document.createElement("div");
  holder.className = "statistics-with-legend";
  holder.append(findingLegend(marks), table);
  return withProvenance(holder, provenance);
}
