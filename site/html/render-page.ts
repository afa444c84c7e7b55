// Fills a built page's placeholders with their HTML, from the data files the loaders wrote:
// the page's Markdown says what goes where (`<div data-render="chart" data-src="…"></div>`), the
// finalize step of the build (site/build/finalize-dist.ts) writes it in. See renderPage.
import { posix } from "node:path";
import type { DiagramFigure } from "../diagrams/svg.ts";
import type { PrerenderedChart } from "../render/render.ts";
import type { Provenance } from "../view/provenance.ts";
import type { TableView } from "../view/table-view.ts";
import type { FileSpec } from "../../data-loaders/publish/dictionary.ts";
import { ORIGINAL_FIGURES } from "../charts/originals.ts";
import { diagramHtml } from "./diagram.ts";
import { originalFigureHtml } from "./original-figure.ts";
import { dictionaryHtml } from "./dictionary.ts";
import { conclusionsHtml, type CaseConclusion } from "./conclusions.ts";
import { escapeHtml, unescapeHtml } from "./escape.ts";
import { figureHtml } from "./figure.ts";
import { clusterCountriesHtml, dataTableHtml, headlinesHtml, statisticGroupsHtml, statisticsListHtml, type ClusterCountry, type HeadlineStatistic, type ListedStatistic } from "./lists.ts";
import { pageContext, type PageContext } from "./page-context.ts";
import { printedTableHtml } from "./printed-table.ts";
import { pageEndHtml } from "./statistic.ts";
import { bibliographyHtml } from "./bibliography.ts";
import { deferScripts } from "./defer-scripts.ts";
import type { BibliographyEntry } from "../view/citations.ts";
import { auditChecksHtml, auditSummaryHtml, findingsByClassHtml, reconciliationHtml, searchCountsHtml, type AuditFinding, type Check, type Comparison, type SearchCounts } from "./audit.ts";

/** A placeholder as the page writes it: its kind and its data-* options (data-src: the data file, relative to the page). */
export const PLACEHOLDER = /<(?:div|span) data-render="([a-z-]+)"((?:\s+[a-z-]+="[^"]*")*)\s*><\/(?:div|span)>/g;

type Options = Record<string, string>;
type Renderer = (context: PageContext, data: unknown, options: Options) => string;

interface ChartFile { chart: PrerenderedChart; provenance: Record<string, Provenance>; rows?: Record<string, unknown>[]; sql?: string }
interface ListFile { rows: ListedStatistic[]; provenance: Record<string, Provenance> }

/**
 * What each kind of placeholder becomes. Options: `id`, `caption`, `variant` (a chart's first
 * drawing), `index` (which diagram of a list), `path` (a dotted path to the rows in the file).
 */
export const RENDERERS: Readonly<Record<string, Renderer>> = {
  chart: (context, data, o) => {
    const { chart, provenance, rows, sql } = data as ChartFile;
    return figureHtml(context, chart, { id: o.id, caption: o.caption ?? chart.description, provenance, variant: o.variant, rows, sql });
  },
  table: (context, data, o) => printedTableHtml(context, data as TableView, { id: o.id, caption: o.caption }),
  statistics: (context, data, o) => {
    const { rows, provenance } = data as ListFile;
    return statisticsListHtml(context, rows, { provenance, caption: o.caption });
  },
  headlines: (context, data) => {
    const { rows, provenance } = data as { rows: HeadlineStatistic[]; provenance: Record<string, Provenance> };
    return headlinesHtml(context, rows, { provenance });
  },
  groups: (context, data, o) => {
    const { rows, provenance } = data as { rows: (ListedStatistic & Record<string, unknown>)[]; provenance: Record<string, Provenance> };
    return statisticGroupsHtml(context, rows, { provenance, by: o.by ?? "", title: o.title, order: o.order?.split("|"), idPrefix: o["id-prefix"] ?? "" });
  },
  clusters: (context, data) => {
    const { rows, provenance } = data as { rows: ClusterCountry[]; provenance: Record<string, Provenance> };
    return clusterCountriesHtml(context, rows, { provenance });
  },
  "unlisted-sections": (_context, data) => {
    const rows = rowsAt(data, "rows") as { section: string; numbers_in_text: number; listed_on: string | null }[];
    const unlisted = rows.filter((d) => d.numbers_in_text > 0 && !d.listed_on);
    return `<p>${escapeHtml(
      unlisted.length
        ? `Not shown on a case page: ${unlisted.map((d) => d.section).join("; ")}.`
        : "So no number of Part III's text is left for this page: the opening of chapter 7 and section 7.4 state none.",
    )}</p>`;
  },
  dictionary: (context, data) => dictionaryHtml(data as FileSpec[], context.root),
  findings: (context, data) => {
    const { findings, provenance } = data as { findings: AuditFinding[]; provenance: Record<string, Provenance> };
    return findingsByClassHtml(context, findings, provenance);
  },
  bibliography: (context, data) => {
    const { entries, provenance } = data as { entries: BibliographyEntry[]; provenance: Record<string, Provenance> };
    return bibliographyHtml(context, entries, provenance);
  },
  conclusions: (context, data, o) => conclusionsHtml(context, (data as { rows: CaseConclusion[] }).rows, { page: o.page ?? "" }),
  "search-counts": (_context, data) => searchCountsHtml((data as { search: SearchCounts }).search),
  "audit-summary": (_context, data) => auditSummaryHtml(data as { checks: Check[]; reconciliation: unknown[]; findings: AuditFinding[] }),
  "audit-checks": (context, data) => {
    const { checks, provenance } = data as { checks: Check[]; provenance: Record<string, Provenance> };
    return auditChecksHtml(context, checks, provenance);
  },
  reconciliation: (context, data) => {
    const { reconciliation, provenance } = data as { reconciliation: Comparison[]; provenance: Record<string, Provenance> };
    return reconciliationHtml(context, reconciliation, provenance);
  },
  // Needs no data file: the notes are site/charts/originals.ts.
  original: (_context, _data, o) => {
    const figure = ORIGINAL_FIGURES.find((f) => f.number === Number(o.figure));
    if (!figure) throw new Error(`invalid placeholder: "original" (no Figure #${o.figure} in site/charts/originals.ts)`);
    return originalFigureHtml(figure, { id: o.id });
  },
  // A file the build writes after Framework (dist/downloads/datapackage.json, site/build/publish-data.ts),
  // which Framework would refuse to link: `href` from the site's root, `label` the link's text.
  "file-link": (context, _data, o) => {
    if (!o.href || /^\/|\.\.|:/.test(o.href)) throw new Error(`invalid placeholder: "file-link" (data-href: "${o.href ?? ""}", a path from the site's root)`);
    return `<a href="${escapeHtml(`${context.root}${o.href}`)}" download>${escapeHtml(o.label ?? o.href)}</a>`;
  },
  count: (_context, data, o) => String(rowsAt(data, o.path).length),
  // Links to pages the build writes after Framework (the annotated documents) or with a query
  // string (Explore): Framework's link check knows neither and would call them broken, so the
  // page names them and they are written here; test/e2e/links.test.ts checks every one resolves.
  "explore-link": (context, _data, o) => {
    if (!/^[a-z0-9-]+$/.test(o.query ?? "")) throw new Error(`invalid placeholder: "explore-link" query: "${o.query ?? ""}" (an example's file name without .sql)`);
    return `<a href="${context.root}explore?q=${o.query}">${escapeHtml(o.text ?? o.query!)}</a>`;
  },
  "line-link": (context, _data, o) => {
    const [from, to] = [o.line, o.to].map((n) => (n === undefined ? undefined : Number(n)));
    if (!(o.document === "survey" || o.document === "thesis")) throw new Error(`invalid placeholder: "line-link" document: "${o.document ?? ""}" (survey or thesis)`);
    if (!Number.isInteger(from) || from! < 1 || (to !== undefined && !(Number.isInteger(to) && to > from!))) throw new Error(`invalid placeholder: "line-link" lines: "${o.line ?? ""}${o.to ? `–${o.to}` : ""}"`);
    return `<a href="${context.root}sources/${o.document}#line-${from}">${to ? `lines ${from}–${to}` : `line ${from}`}</a>`;
  },
  diagram: (context, data, o) => diagramHtml((data as DiagramFigure[])[Number(o.index ?? 0)]!, { id: o.id, context }),
  rows: (_context, data, o) => {
    // `columns`: "label=field;label=field", a list field joined with commas; default every field.
    const columns = o.columns?.split(";").map((c) => c.split("=") as [string, string]);
    const rows = rowsAt(data, o.path).map((row) =>
      columns ? Object.fromEntries(columns.map(([label, field]) => [label, Array.isArray(row[field]) ? (row[field] as unknown[]).join(", ") : row[field]])) : row,
    );
    return dataTableHtml(rows, { caption: o.caption, className: o.class, label: o.label });
  },
};

/** The kinds of placeholder that take no data file. */
const NO_DATA = new Set(["original", "file-link", "explore-link", "line-link"]);

/** The rows at a dotted path of a data file ("" the file itself). */
function rowsAt(data: unknown, path: string | undefined): Record<string, unknown>[] {
  return (path ?? "").split(".").filter(Boolean).reduce<unknown>((d, key) => (d as Record<string, unknown>)[key], data) as Record<string, unknown>[];
}

/** The data-* options of a placeholder's attribute text, unescaped, without the `data-` prefix. */
export function placeholderOptions(attributes: string): Options {
  return Object.fromEntries([...attributes.matchAll(/\s([a-z-]+)="([^"]*)"/g)].map(([, name, value]) => [name!.replace(/^data-/, ""), unescapeHtml(value!)]));
}

/** The data files a page's placeholders name, as root paths (`/data/charts/x.json`). */
export function placeholderFiles(pagePath: string, html: string): string[] {
  return [...html.matchAll(PLACEHOLDER)].map(([, , attributes]) => placeholderOptions(attributes!).src).filter((s): s is string => !!s).map((src) => posix.join(posix.dirname(pagePath), src));
}

/**
 * A page's HTML with every placeholder filled in, in document order (so a number's anchor and
 * note number go to its first appearance), and its endnotes and provenance cards at the end of
 * its content (contract 2); its scripts start after its first paint (deferScripts). `pagePath` is the page's path from the site root ("/thesis/sialkot");
 * `read(rootPath)` gives a data file's text. Fails on an unknown kind or a missing file.
 * `downloads` receives the files the page's figures offer (path in dist/ → content), for the
 * build to write (site/html/figure-toolbar.ts).
 */
export async function renderPage(pagePath: string, html: string, read: (rootPath: string) => Promise<string>, downloads?: Map<string, string>): Promise<string> {
  const context = pageContext(pagePath, downloads);
  const parsed = new Map<string, unknown>();
  const found = [...html.matchAll(PLACEHOLDER)];
  for (const [, kind, attributes] of found) {
    const src = placeholderOptions(attributes!).src;
    if (!RENDERERS[kind!]) throw new Error(`invalid placeholder: ${pagePath}: "${kind}" (kinds: ${Object.keys(RENDERERS).join(", ")})`);
    if (!src) {
      if (!NO_DATA.has(kind!)) throw new Error(`invalid placeholder: ${pagePath}: "${kind}" (no data-src)`);
      continue;
    }
    const path = posix.join(posix.dirname(pagePath), src);
    if (!parsed.has(path)) parsed.set(path, JSON.parse(await read(path)));
  }
  let out = "";
  let last = 0;
  for (const match of found) {
    const options = placeholderOptions(match[2]!);
    const data = options.src ? parsed.get(posix.join(posix.dirname(pagePath), options.src)) : undefined;
    out += html.slice(last, match.index) + RENDERERS[match[1]!]!(context, data, options);
    last = match.index! + match[0].length;
  }
  out += html.slice(last);
  const end = pageEndHtml(context);
  if (end && !out.includes("</main>")) throw new Error(`invalid page: ${pagePath} (no </main> to end with its notes)`);
  return deferScripts(end ? out.replace("</main>", `${end}\n</main>`) : out);
}
