// What every drawn figure carries besides its drawing (ISSUE-15, "Every chart"): a toolbar
// (a share link, downloads), and for a chart drawn from rows its Table and Sources views. All of
// it is in the page's HTML: without scripts the views read as disclosures under the chart and
// the downloads are plain links to files the build writes (dist/figures/, see
// figureDownloads); src/components/figure-toolbar.ts turns the views into tabs, copies the
// share link and draws the PNG.
import { permalinkOf } from "../../data-loaders/publish/permalink.ts";
import { parseCitation } from "../view/citations.ts";
import { readerLabel } from "../../src/portable/labels.ts";
import type { Provenance } from "../view/provenance.ts";
import { attrs, escapeHtml } from "./escape.ts";
import type { PageContext } from "./page-context.ts";
import { scrollRegion } from "./printed-table.ts";
import { DOCUMENT_LABELS, statisticHtml, workAnchor } from "./statistic.ts";

/** The folder of dist/ the figures' downloads are written to, under their figure's id. */
export const DOWNLOADS_DIR = "figures";

/** One row of a chart's query, as its data file holds it. */
export type ChartRow = Record<string, unknown>;

/** A figure id that is a safe, plain file name (the page's ids are already such). */
export function downloadName(id: string, variant?: string): string {
  const name = variant ? `${id}-${variant}` : id;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`invalid figure id: "${name}" (a download is named after it: lower-case letters, digits and hyphens)`);
  return name;
}

/**
 * A drawing as a file that renders alone: its namespace, a size, a white ground and dark ink
 * (the page's drawing takes its colours from the page through currentColor), its title, and
 * its marks' links to the page's anchors unwrapped (they lead nowhere outside the page).
 */
export function standaloneSvg(svg: string, { title, description }: { title: string; description?: string }): string {
  const open = /^<svg\b[^>]*>/.exec(svg.trim())?.[0];
  if (!open) throw new Error(`invalid drawing: "${svg.slice(0, 40)}" (not an <svg> element)`);
  const viewBox = /viewBox="([^"]+)"/.exec(open)?.[1]?.trim().split(/[\s,]+/).map(Number);
  let head = open;
  if (!/\sxmlns="/.test(head)) head = head.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"');
  if (!/\swidth="/.test(head) && viewBox?.length === 4) head = head.replace("<svg", `<svg width="${viewBox[2]}" height="${viewBox[3]}"`);
  head = head.replace(/\s(role|aria-[a-z]+)="[^"]*"/g, "").replace(/>$/, ' color="#1a1a1a" style="color:#1a1a1a;background:#ffffff">');
  const body = svg
    .trim()
    .slice(open.length)
    .replace(/<a\b[^>]*>/g, "<g>")
    .replace(/<\/a>/g, "</g>");
  // A drawing that names itself (the diagrams' <title> and <desc>) keeps its own words, first.
  const own = /^\s*(?:<title\b[^>]*>[\s\S]*?<\/title>)?\s*(?:<desc\b[^>]*>[\s\S]*?<\/desc>)?/.exec(body)![0];
  const heading = own.trim() ? own : `<title>${escapeHtml(title)}</title>${description ? `<desc>${escapeHtml(description)}</desc>` : ""}`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}${heading}<rect width="100%" height="100%" fill="#ffffff"/>${body.slice(own.length)}\n`;
}

/** Fields a reader of the Table view does not need: orderings, the quote (in Sources) and the readings behind "as printed". */
const TABLE_HIDDEN = new Set(["id", "document", "printed", "value", "value_low", "value_high", "qualifier", "quote", "line", "cited_source", "reading", "year_start", "year_end", "n_id", "n_reading", "locator", "page"]);

/** Reader's headers for the query's column names that words alone do not make plain. */
const HEADERS: Readonly<Record<string, string>> = {
  row_label: "Row",
  column_label: "Column",
  group_label: "Group",
  n_printed: "N as printed",
  n: "N",
  wilson_low: "95% interval, low (computed)",
  wilson_high: "95% interval, high (computed)",
  cluster_count: "Clusters",
  thesis_clusters: "Thesis clusters",
  footnote_only: "In a footnote only",
  worker_counts_printed: "Worker counts printed",
  sized_by_cluster: "Sized by cluster",
};

const header = (column: string) => HEADERS[column] ?? readerLabel(column.replace(/_/g, " ")).replace(/^./, (c) => c.toUpperCase());

/** The columns of a chart's rows, in the query's order (every row's, once each). */
function columnsOf(rows: readonly ChartRow[]): string[] {
  return [...new Set(rows.flatMap((r) => Object.keys(r)))];
}

/** A value as a cell shows it: numbers in en-US with at most one decimal, booleans as words. */
function cellText(column: string, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value.toLocaleString("en-US", { maximumFractionDigits: 1 });
  if (typeof value === "boolean") return value ? "yes" : "no";
  const text = String(value);
  return column === "measure" || column === "unit" ? readerLabel(text) : text;
}

/** How a row's number reads: its value, or its range, as the ledger reads what is printed. */
function readAs(row: ChartRow): string {
  const { value, value_low: low, value_high: high } = row;
  if (typeof value === "number") return cellText("value", value);
  if (typeof low === "number" && typeof high === "number") return `${cellText("value", low)}–${cellText("value", high)}`;
  if (typeof low === "number") return `more than ${cellText("value", low)}`;
  if (typeof high === "number") return `up to ${cellText("value", high)}`;
  return "";
}

/** The unit of a row's number: the query's, else its statistic's. */
const unitOf = (row: ChartRow, provenance: Readonly<Record<string, Provenance>>) =>
  typeof row.unit === "string" ? row.unit : typeof row.id === "string" ? (provenance[row.id]?.unit ?? null) : null;

/**
 * The Table view: one row per row the chart draws, its labels, the number as printed (a link to
 * its page with its source card, as everywhere in the report), how it reads, and its unit.
 */
export function chartTableHtml(context: PageContext, rows: readonly ChartRow[], provenance: Readonly<Record<string, Provenance>>, { caption }: { caption: string }): string {
  const hasNumbers = rows.some((r) => typeof r.id === "string");
  const columns = columnsOf(rows).filter((c) => !TABLE_HIDDEN.has(c) && !c.endsWith("_order") && c !== "unit");
  // Labels first, then the number as printed, then what the report computes from it (numeric columns).
  const numeric = (c: string) => rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === "number");
  const labels = columns.filter((c) => !numeric(c));
  const computed = columns.filter(numeric);
  const heads = [...labels.map(header), ...(hasNumbers ? ["As printed", "Read as", "Unit"] : []), ...computed.map(header)];
  const body = rows
    .map((row) => {
      const id = typeof row.id === "string" ? row.id : null;
      const cells = labels.map((c) => `<td>${escapeHtml(cellText(c, row[c]))}</td>`);
      if (hasNumbers) {
        const printed = typeof row.printed === "string" ? row.printed : (provenance[id ?? ""]?.printed ?? "");
        cells.push(`<td>${id ? statisticHtml(context, provenance[id], id, printed, { noteRef: false }) : ""}</td>`, `<td class="num">${escapeHtml(readAs(row))}</td>`, `<td>${escapeHtml(cellText("unit", unitOf(row, provenance)))}</td>`);
      }
      cells.push(...computed.map((c) => `<td class="num">${escapeHtml(cellText(c, row[c]))}</td>`));
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("");
  const table = `<table><caption>${escapeHtml(`The chart's rows (${rows.length}), ${hasNumbers ? "each number linked to its source" : "as its query gives them"}`)}</caption><thead><tr>${heads.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${body}</tbody></table>`;
  return scrollRegion(`The chart's rows: ${caption}`, table);
}

/** "Table #6, p. 95" → its lines, one entry per place a document prints the chart's numbers. */
function placesOf(provenances: readonly Provenance[]): { document: string; places: { where: string; lines: number[] }[] }[] {
  const byDocument = new Map<string, Map<string, number[]>>();
  for (const p of provenances) {
    const places = byDocument.get(p.document) ?? new Map<string, number[]>();
    const where = `${p.locator}${p.page !== null ? `, p. ${p.page}` : ", page not printed"}`;
    places.set(where, [...(places.get(where) ?? []), p.line]);
    byDocument.set(p.document, places);
  }
  return [...byDocument].map(([document, places]) => ({ document, places: [...places].map(([where, lines]) => ({ where, lines: [...new Set(lines)].sort((a, b) => a - b) })) }));
}

const linesText = (lines: readonly number[]) => (lines.length === 1 ? `text line ${lines[0]}` : `text lines ${lines.length > 3 ? `${lines[0]}–${lines.at(-1)}` : lines.join(", ")}`);

/**
 * The Sources view: the documents the chart's numbers come from, where in each (locator, page,
 * lines), the studies they cite (linked to the bibliography), and the query, opened in Explore.
 */
export function chartSourcesHtml(context: PageContext, ids: readonly string[], provenance: Readonly<Record<string, Provenance>>, { sql }: { sql?: string }): string {
  const records = ids.map((id) => provenance[id]).filter((p): p is Provenance => p !== undefined);
  const documents = placesOf(records)
    .map(
      ({ document, places }) =>
        `<li><strong>${escapeHtml(DOCUMENT_LABELS[document] ?? document)}</strong> (<a href="${escapeHtml(`${context.root}sources/${document}`)}">the text, annotated</a>): ${places.map((p) => escapeHtml(`${p.where} (${linesText(p.lines)})`)).join("; ")}</li>`,
    )
    .join("");
  const works = new Map<string, string>();
  for (const p of records) {
    for (const work of p.cited_source ? parseCitation(p.cited_source) : []) {
      const key = workAnchor(work);
      if (!works.has(key)) works.set(key, `<a href="${escapeHtml(`${context.root}bibliography#${key}`)}">${escapeHtml(`${work.author} (${work.year ?? "no year"})`)}</a>`);
    }
  }
  const numbers = records.length
    ? `<p>The chart's ${records.length === 1 ? "number comes" : `${records.length} numbers come`} from:</p><ul>${documents}</ul>`
    : "<p>This chart draws no number of the ledger: its rows count what the documents list.</p>";
  const cited = records.length ? `<p>${works.size ? `Studies the documents cite for them: ${[...works.values()].join(", ")}.` : "The documents cite no study for them."}</p>` : "";
  const perNumber = records.length
    ? `<p>Each number's page quotes the document's words: ${records
        .slice(0, 40)
        .map((p) => `<a href="${escapeHtml(`${context.root}${permalinkOf(p.id)}`)}">${escapeHtml(p.printed)}</a>`)
        .join(", ")}.</p>`
    : "";
  const query = sql
    ? `<p>The query: <code>src/sql/${escapeHtml(sql)}</code>, <a href="${escapeHtml(`${context.root}explore?q=${encodeURIComponent(sql.replace(/\.sql$/, ""))}`)}">open it in Explore</a>.</p>`
    : "";
  return `${numbers}${cited}${perNumber}${query}`;
}

/** The CSV of a chart's rows: the statistic's id first, every column of the query, and the unit; RFC 4180 quoting, LF line ends. */
export function chartCsv(rows: readonly ChartRow[], provenance: Readonly<Record<string, Provenance>>): string {
  const columns = columnsOf(rows).filter((c) => c !== "id" && c !== "unit");
  const field = (value: unknown) => {
    if (value === null || value === undefined) return "";
    const text = typeof value === "object" ? JSON.stringify(value) : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [["statistic_id", ...columns, "unit"].join(",")];
  for (const row of rows) lines.push([row.id, ...columns.map((c) => row[c]), unitOf(row, provenance)].map(field).join(","));
  return `${lines.join("\n")}\n`;
}

/** The files a figure offers, by their path in dist/ (`figures/<id>.svg`), and what each holds. */
export type Downloads = Map<string, string>;

/**
 * Offers a file for download: `figures/<name>` in dist/ (not downloads/, which holds the data package and must hold only what it describes). Two figures may not claim one name
 * with different contents (figure ids name the files, and ids are the pages' own).
 */
export function offerDownload(context: PageContext, name: string, content: string): string {
  const path = `${DOWNLOADS_DIR}/${name}`;
  const before = context.downloads.get(path);
  if (before !== undefined && before !== content) throw new Error(`invalid figure id: "${name}" (two figures offer a different ${path}; give one another data-id)`);
  context.downloads.set(path, content);
  return `${context.root}${path}`;
}

/**
 * The toolbar: the share link (a plain link to the figure without scripts; the script copies
 * its address), and the downloads. The PNG is drawn by the page's script from the SVG file, so
 * its button starts hidden. `variants`: the drawings' variants, the first the SVG link's file;
 * the script points the link at `<id>-<variant>.svg` for the variant shown.
 */
export function toolbarHtml({ id, svg, csv, png, variants = [] }: { id: string; svg: { href: string; name: string }; csv?: { href: string; name: string }; png: boolean; variants?: readonly string[] }): string {
  const share = `<a${attrs({ class: "figure-share", href: `#${id}`, "aria-label": "Link to this figure (copies its address)" })}>Link</a><span class="figure-status" role="status"></span>`;
  const downloads = [
    `<a${attrs({ class: "figure-download", href: svg.href, download: svg.name, "data-format": "svg", "data-variants": variants.length > 1 ? variants.join(" ") : undefined, "aria-label": "Download the drawing as SVG" })}>SVG</a>`,
    png ? `<button${attrs({ type: "button", class: "figure-download", hidden: true, "data-format": "png", "aria-label": "Download the drawing as PNG, at twice its size" })}>PNG</button>` : "",
    csv ? `<a${attrs({ class: "figure-download", href: csv.href, download: csv.name, "data-format": "csv", "aria-label": "Download the chart's rows as CSV" })}>CSV</a>` : "",
  ].join("");
  return `<div class="figure-toolbar screen-only" role="group" aria-label="This figure: link and downloads">${share}<span class="figure-downloads"><span class="figure-downloads-label" aria-hidden="true">Download</span>${downloads}</span></div>`;
}

/** A view under the drawing: a disclosure without scripts, a tab panel with them. */
export const viewHtml = (figureId: string, view: "table" | "sources", summary: string, inner: string) =>
  `<details${attrs({ class: "figure-view screen-only", id: `${figureId}-${view}`, "data-view": view })}><summary>${escapeHtml(summary)}</summary><div class="figure-view-body" id="${escapeHtml(`${figureId}-${view}-panel`)}">${inner}</div></details>`;
