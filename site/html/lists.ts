import { readerLabel } from "../../src/portable/labels.ts";
import type { Provenance } from "../view/provenance.ts";
import { attrs, escapeHtml } from "./escape.ts";
import type { PageContext } from "./page-context.ts";
import { scrollRegion } from "./printed-table.ts";
import { findingLegendHtml, statisticHtml } from "./statistic.ts";

/** A row of a list of statistics (src/sql/*-in-text.sql and the like). */
export interface ListedStatistic {
  id: string;
  subject: string;
  measure: string;
  printed: string;
  period: string | null;
  cited_source: string | null;
}

/**
 * Statistics as a table: the printed number (linked to its provenance), what it measures, its
 * period and the study the document cites for it.
 */
export function statisticsListHtml(
  context: PageContext,
  rows: readonly ListedStatistic[],
  { provenance, caption, label }: { provenance: Readonly<Record<string, Provenance>>; caption?: string | undefined; label?: string },
): string {
  const head = ["As printed", "Subject", "Measure", "Period", "Cited study"].map((l) => `<th scope="col">${l}</th>`).join("");
  const body = rows
    .map(
      (row) =>
        `<tr data-stat="${escapeHtml(row.id)}"><td>${statisticHtml(context, provenance[row.id], row.id, row.printed)}</td>` +
        [row.subject, readerLabel(row.measure), row.period ?? "", row.cited_source ?? ""].map((t) => `<td>${escapeHtml(t)}</td>`).join("") +
        `</tr>`,
    )
    .join("");
  const table = `<table class="statistics">${caption ? `<caption>${escapeHtml(caption)}</caption>` : ""}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  return findingLegendHtml(rows.map((r) => provenance[r.id])) + scrollRegion(caption ?? label ?? "Statistics", table);
}

/** A headline statistic (a row of src/sql/overview-headlines.sql). */
export interface HeadlineStatistic extends ListedStatistic {
  document: string;
  locator: string;
  line: number;
  quote: string;
  table: string | null;
  row_label: string | null;
  column_label: string | null;
}

const DOCUMENT_NAMES: Record<string, string> = { survey: "Survey", thesis: "Thesis" };

/**
 * Key numbers as cards: the number as printed (linked to its provenance), what it measures,
 * the document's own words for it (or, for a table cell, its row and column), and where it stands.
 */
export function headlinesHtml(context: PageContext, rows: readonly HeadlineStatistic[], { provenance }: { provenance: Readonly<Record<string, Provenance>> }): string {
  const items = rows.map((row) => {
    const words =
      row.table && row.quote.trim() === row.printed.trim()
        ? `<p class="headline-words">${escapeHtml(`${row.table}, row “${row.row_label}”, column “${row.column_label}”`)}</p>`
        : `<q class="headline-words">${escapeHtml(row.quote)}</q>`;
    const where = `${DOCUMENT_NAMES[row.document] ?? row.document}, ${row.locator} (line ${row.line})${row.cited_source ? ` · cites ${row.cited_source}` : ""}`;
    return (
      `<li class="headline" data-stat="${escapeHtml(row.id)}"><p class="headline-number">${statisticHtml(context, provenance[row.id], row.id, row.printed)}</p>` +
      `<p class="headline-what">${escapeHtml(`${row.subject}: ${readerLabel(row.measure)}${row.period ? `, ${row.period}` : ""}`)}</p>${words}<p class="headline-where">${escapeHtml(where)}</p></li>`
    );
  });
  return `<ul class="headlines">${items.join("")}</ul>`;
}

/** A plain table of rows: one column per key of the first row, numbers right-aligned. */
export function dataTableHtml(
  rows: readonly Record<string, unknown>[],
  { caption, className = "results", label }: { caption?: string | undefined; className?: string | undefined; label?: string | undefined } = {},
): string {
  const columns = rows.length ? Object.keys(rows[0]!) : [];
  const head = columns.map((c) => `<th scope="col">${escapeHtml(readerLabel(c))}</th>`).join("");
  const body = rows
    .map((row) => `<tr>${columns.map((c) => {
      const v = row[c];
      return `<td${attrs({ class: typeof v === "number" ? "number" : undefined })}>${v === null || v === undefined ? "" : escapeHtml(String(v))}</td>`;
    }).join("")}</tr>`)
    .join("");
  const table = `<table class="${escapeHtml(className)}">${caption ? `<caption>${escapeHtml(caption)}</caption>` : ""}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  return scrollRegion(caption ?? label ?? "Table", table);
}


/** A group's anchor: "Palar Valley" → "<prefix>palar-valley", "7.1" → "<prefix>7-1". */
export const groupAnchor = (prefix: string, group: string) => `${prefix}${group.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;

/**
 * Statistics in groups (`by` a field of each row), in the order of `order` (else of first
 * appearance), a group with no statistic left out: a section per group, headed by its name
 * (or the row's `title` field) and count, with its statistics as a list.
 */
export function statisticGroupsHtml(
  context: PageContext,
  rows: readonly (ListedStatistic & Record<string, unknown>)[],
  { provenance, by, title, order, idPrefix }: { provenance: Readonly<Record<string, Provenance>>; by: string; title?: string; order?: readonly string[]; idPrefix: string },
): string {
  const keys = order ?? [...new Set(rows.map((r) => String(r[by])))];
  const sections = keys.flatMap((key) => {
    const members = rows.filter((r) => String(r[by]) === key);
    if (!members.length) return [];
    const heading = title ? String(members[0]![title]) : key;
    return [`<section data-group="${escapeHtml(key)}"><h3 id="${escapeHtml(groupAnchor(idPrefix, key))}">${escapeHtml(`${heading} (${members.length})`)}</h3>${statisticsListHtml(context, members, { provenance, caption: undefined, label: heading })}</section>`];
  });
  return `<div class="statistic-groups">${sections.join("")}</div>`;
}

/** A row of the overview map's data (src/sql/overview-clusters.sql). */
export interface ClusterCountry {
  country: string;
  clusters: string;
  footnote_only: boolean;
  thesis_clusters: string | null;
  id: string | null;
  printed: string | null;
  measure: string;
  sized_by_cluster: string;
  period: string | null;
}

/** The overview's list of countries: their clusters, and the largest worker count printed for one of them. */
export function clusterCountriesHtml(context: PageContext, rows: readonly ClusterCountry[], { provenance }: { provenance: Readonly<Record<string, Provenance>> }): string {
  const head = ["Country", "Clusters the documents name", "Largest worker count printed"].map((l) => `<th scope="col">${l}</th>`).join("");
  const body = rows
    .map((row) => {
      const clusters = escapeHtml(row.clusters + (row.footnote_only ? " (survey, footnote 4)" : "")) + (row.thesis_clusters ? `<br><em>${escapeHtml(`Studied by the thesis: ${row.thesis_clusters}.`)}</em>` : "");
      const size = row.id
        ? `${statisticHtml(context, provenance[row.id], row.id, row.printed ?? "")} ${escapeHtml(`${readerLabel(row.measure)}, ${row.sized_by_cluster}${row.period ? ` (${row.period})` : ""}`)}`
        : "none printed";
      return `<tr><th scope="row">${escapeHtml(row.country)}</th><td>${clusters}</td><td>${size}</td></tr>`;
    })
    .join("");
  return scrollRegion("Countries and their clusters", `<table class="statistics overview-clusters"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`);
}
