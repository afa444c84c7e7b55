import type { TableView } from "../view/table-view.ts";
import { attrs, escapeHtml } from "./escape.ts";
import type { PageContext } from "./page-context.ts";
import { findingLegendHtml, statisticHtml } from "./statistic.ts";

type StatRef = TableView["rows"][number]["cells"][number]["stats"][number];

/** Text with each printed number in it made a number (statisticHtml), the rest escaped. */
export function textWithNumbers(context: PageContext, text: string, stats: readonly StatRef[], provenance: TableView["provenance"]): string {
  let rest = text.replace(/\s+/g, " ").trim();
  let out = "";
  const ordered = [...stats].sort((a, b) => rest.indexOf(a.printed) - rest.indexOf(b.printed));
  for (const stat of ordered) {
    const at = rest.indexOf(stat.printed);
    if (at < 0) continue;
    out += escapeHtml(rest.slice(0, at)) + statisticHtml(context, provenance[stat.id], stat.id, stat.printed);
    rest = rest.slice(at + stat.printed.length);
  }
  return out + escapeHtml(rest);
}

/**
 * A wide table's frame: it scrolls sideways inside itself (never the page), and the keyboard
 * can reach it to scroll, so it is a named region and a tab stop.
 */
export function scrollRegion(label: string, inner: string): string {
  return `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeHtml(label)}">${inner}</div>`;
}

/**
 * A table as the document prints it: its number and title as caption, its row and column
 * labels and cells, its source line, every number linked to its provenance.
 */
export function printedTableHtml(context: PageContext, view: TableView, { caption, id }: { caption?: string; id?: string } = {}): string {
  const title = caption ?? `${view.table}${view.title ? `: ${view.title}` : ""}`;
  const head = view.columns.map((c) => `<th scope="col">${textWithNumbers(context, c, view.headerStats[c] ?? [], view.provenance)}</th>`).join("");
  // A printed row group: its label on a row of its own, over the rows beneath it.
  let group: string | null = null;
  const body = view.rows
    .map((row) => {
      const head = row.group !== null && row.group !== group ? `<tr class="row-group"><th scope="rowgroup" colspan="${view.columns.length + 1}">${escapeHtml(row.group)}</th></tr>` : "";
      group = row.group;
      return (
        `${head}<tr data-row="${escapeHtml(row.label)}"><th scope="row"${row.group !== null ? ' class="in-group"' : ""}>${escapeHtml(row.name)}</th>` +
        row.cells.map((cell, i) => `<td data-column="${escapeHtml(view.columns[i]!)}">${textWithNumbers(context, cell.text, cell.stats, view.provenance)}</td>`).join("") +
        `</tr>`
      );
    })
    .join("");
  const table = `<table class="printed" data-table="${escapeHtml(view.key)}"><caption>${escapeHtml(title)}</caption><thead><tr>${view.stub ? `<th scope="col">${escapeHtml(view.stub)}</th>` : '<td class="corner"></td>'}${head}</tr></thead><tbody>${body}</tbody></table>`;
  const source = [
    view.source ? `Source line as printed: “${view.source}”.` : "The table prints no source line.",
    ...view.footnotes.map((f) => `Footnote: “${f}”.`),
    `Text lines ${view.lines} of the ${view.document}.`,
  ].join(" ");
  return `<figure${attrs({ class: "printed-table", id })}>${scrollRegion(title, table)}${findingLegendHtml(Object.values(view.provenance))}<p class="table-source">${escapeHtml(source)}</p></figure>`;
}
