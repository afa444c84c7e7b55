import type { TableView } from "../../site/view/table-view.ts";
import { findingLegend, LEGEND, markNumber, marksShown } from "./finding-legend.js";
import { revealTarget, withProvenance, type Provenance } from "./provenance.js";

/** A printed table as the data loader lays it out. */
export type { TableView };

type StatRef = TableView["rows"][number]["cells"][number]["stats"][number];

/**
 * Appends `text` to `parent`, turning each printed number into a focusable button keyed to
 * its statistic; a number a finding names carries that finding's mark, visibly and in words.
 */
function appendWithNumbers(parent: HTMLElement, text: string, stats: readonly StatRef[], provenance: Readonly<Record<string, Provenance>>): void {
  let rest = text.replace(/\s+/g, " ").trim();
  const ordered = [...stats].sort((a, b) => rest.indexOf(a.printed) - rest.indexOf(b.printed));
  for (const stat of ordered) {
    const at = rest.indexOf(stat.printed);
    if (at < 0) continue;
    parent.append(rest.slice(0, at));
    const button = document.createElement("button");
    button.type = "button";
    button.className = "stat";
    button.dataset.stat = stat.id;
    button.id = `stat-${stat.id}`;
    button.textContent = stat.printed;
    const first = provenance[stat.id]?.findings?.[0];
    if (first) {
      markNumber(button, provenance[stat.id]!.findings);
      // The name keeps the printed words first, so speech input still finds the button.
      button.setAttribute("aria-label", `${stat.printed} (${first.role === "input" ? LEGEND.input.label : LEGEND[first.class].label})`);
    }
    parent.append(button);
    rest = rest.slice(at + stat.printed.length);
  }
  parent.append(rest);
}

/**
 * Renders a table as the document prints it: its number and title as caption, its printed
 * row and column labels and cells, its source line, and every number focusable with its provenance.
 */
export function printedTable(view: TableView, { caption, id }: { caption?: string; id?: string } = {}): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "printed-table";
  if (id) figure.id = id;
  const table = document.createElement("table");
  table.className = "printed";
  table.dataset.table = view.key;
  const cap = table.createCaption();
  cap.textContent = caption ?? `${view.table}${view.title ? `: ${view.title}` : ""}`;
  const head = table.createTHead().insertRow();
  const corner = document.createElement("th");
  corner.scope = "col";
  // The stub header as printed ("Cluster", "Region / Sector"); empty when the table prints none.
  corner.textContent = view.stub;
  head.append(corner);
  for (const column of view.columns) {
    const th = document.createElement("th");
    th.scope = "col";
    appendWithNumbers(th, column, view.headerStats[column] ?? [], view.provenance);
    head.append(th);
  }
  const body = table.createTBody();
  let group: string | null = null;
  for (const row of view.rows) {
    if (row.group !== null && row.group !== group) {
      // A printed row group: its label on a row of its own, over the rows beneath it.
      const tr = body.insertRow();
      tr.className = "row-group";
      const th = document.createElement("th");
      th.scope = "rowgroup";
      th.colSpan = view.columns.length + 1;
      th.textContent = row.group;
      tr.append(th);
    }
    group = row.group;
    const tr = body.insertRow();
    tr.dataset.row = row.label;
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = row.name;
    if (row.group !== null) th.className = "in-group";
    tr.append(th);
    row.cells.forEach((cell, i) => {
      const td = tr.insertCell();
      td.dataset.column = view.columns[i]!;
      appendWithNumbers(td, cell.text, cell.stats, view.provenance);
    });
  }
  const scroll = document.createElement("div");
  scroll.className = "table-scroll";
  scroll.append(table);
  const source = document.createElement("p");
  source.className = "table-source";
  source.textContent = [
    view.source ? `Source line as printed: “${view.source}”.` : "The table prints no source line.",
    ...view.footnotes.map((f) => `Footnote: “${f}”.`),
    `Text lines ${view.lines} of the ${view.document}.`,
  ].join(" ");
  figure.append(scroll);
  const marks = marksShown(Object.values(view.provenance).map((p) => p.findings?.[0]));
  if (marks.length > 0) figure.append(findingLegend(marks));
  figure.append(source);
  requestAnimationFrame(() => revealTarget(figure));
  return withProvenance(figure, view.provenance);
}
