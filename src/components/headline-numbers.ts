import { withProvenance, type Provenance } from "./provenance.js";

/** A headline statistic (a row of src/sql/overview-headlines.sql). */
export interface HeadlineStatistic {
  id: string;
  document: string;
  subject: string;
  measure: string;
  printed: string;
  period: string | null;
  cited_source: string | null;
  locator: string;
  line: number;
  quote: string;
  table: string | null;
  row_label: string | null;
  column_label: string | null;
}

const DOCUMENT_NAMES: Record<string, string> = { survey: "Survey", thesis: "Thesis" };

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Key numbers as cards: the number as printed (a button showing its provenance), what it
 * measures, the document's own words for it (or, for a table cell, its row and column), and
 * where it stands. Each card is `#stat-<id>`, so a link to the statistic lands on it.
 */
export function headlineNumbers(rows: readonly HeadlineStatistic[], { provenance }: { provenance: Readonly<Record<string, Provenance>> }): HTMLElement {
  const list = element("ul", "headlines");
  for (const row of rows) {
    const item = element("li", "headline");
    item.id = `stat-${row.id}`;
    item.dataset.stat = row.id;
    const number = element("button", "stat headline-number", row.printed);
    number.type = "button";
    number.dataset.stat = row.id;
    const what = element("p", "headline-what", `${row.subject}: ${row.measure}${row.period ? `, ${row.period}` : ""}`);
    const words =
      row.table && row.quote.trim() === row.printed.trim()
        ? element("p", "headline-words", `${row.table}, row “${row.row_label}”, column “${row.column_label}”`)
        : element("q", "headline-words", row.quote);
    const where = element(
      "p",
      "headline-where",
      `${DOCUMENT_NAMES[row.document] ?? row.document}, ${row.locator} (line ${row.line})${row.cited_source ? ` · cites ${row.cited_source}` : ""}`,
    );
    item.append(number, what, words, where);
    list.append(item);
  }
  return withProvenance(list, provenance);
}
