import type { PrerenderedChart } from "../render/render.ts";
import { RENDER_WIDTHS } from "../render/render-widths.ts";
import type { Provenance } from "../view/provenance.ts";
import { permalinkOf } from "../../data-loaders/publish/permalink.ts";
import { attrs, escapeHtml } from "./escape.ts";
import { anchorOf, noteOf, type PageContext } from "./page-context.ts";
import { findingAttributes, findingLegendHtml } from "./statistic.ts";
import { chartCsv, chartSourcesHtml, chartTableHtml, downloadName, offerDownload, standaloneSvg, toolbarHtml, viewHtml, type ChartRow } from "./figure-toolbar.ts";

/** The key of a chart's drawing at a width in a variant (the first variant is the plain width). */
export function drawingKey(chart: PrerenderedChart, width: number, variant?: string): string {
  return variant && chart.variants.indexOf(variant) > 0 ? `${width}:${variant}` : `${width}`;
}

/** The statistic ids a drawing's marks link to (`href="#stat-<id>"`), in order, once each. */
export function markIds(svg: string): string[] {
  return [...new Set([...svg.matchAll(/<a href="#stat-([^"]+)"/g)].map((m) => m[1]!))];
}

/**
 * A drawing made ready for the page: named for assistive technology (its text alternative),
 * each mark a link to its number's own page that carries the statistic's id, and a number
 * drawn twice (a point and its label) one stop for the keyboard.
 */
export function drawingHtml(context: PageContext, svg: string, description: string, provenance: Readonly<Record<string, Provenance>> = {}): string {
  const seen = new Set<string>();
  return svg
    .replace(/<svg /, `<svg role="group" aria-label="${escapeHtml(description)}" `)
    .replace(/<a href="#stat-([^"]+)"/g, (_, id: string) => {
      const again = seen.has(id);
      seen.add(id);
      // A mark carries its number's finding as text numbers do (contract 3): style.css draws it on SVG.
      return `<a${attrs({ href: `${context.root}${permalinkOf(id)}`, "data-stat": id, ...findingAttributes(provenance[id]), tabindex: again ? "-1" : undefined })}`;
    });
}

/**
 * A numbered figure around a chart drawn at build time, one drawing per width it was drawn
 * at: CSS shows the one that fits the space the figure gets (a container query in style.css),
 * so the page needs no script to draw, nor to pick. Numbers only this chart shows get their
 * `stat-<id>` anchor on the figure (a mark is drawn at each width, and ids are unique).
 */
export function figureHtml(
  context: PageContext,
  chart: PrerenderedChart,
  {
    id,
    caption,
    provenance,
    variant,
    rows,
    sql,
  }: {
    id?: string;
    caption: string;
    provenance: Readonly<Record<string, Provenance>>;
    variant?: string;
    /** The query's rows the chart draws: with an id, the figure gets its Table and Sources views and its downloads. */
    rows?: readonly ChartRow[];
    /** The query's file (src/sql/), linked in Explore from the Sources view. */
    sql?: string;
  },
): string {
  const widths = [...RENDER_WIDTHS].sort((a, b) => b - a).filter((w) => chart.svg[drawingKey(chart, w, variant)] !== undefined);
  const ids = markIds(chart.svg[drawingKey(chart, widths[0]!, variant)] ?? "");
  for (const stat of ids) if (provenance[stat]) noteOf(context, provenance[stat]);
  const anchors = ids
    .map((stat) => anchorOf(context, stat))
    .filter((a): a is string => a !== undefined)
    .map((a) => `<span class="stat-anchor" id="${escapeHtml(a)}"></span>`)
    .join("");
  const drawings = (v: string | undefined) =>
    widths.map((w) => `<div class="chart-width" data-width="${w}">${drawingHtml(context, chart.svg[drawingKey(chart, w, v)]!, chart.description, provenance)}</div>`).join("");
  // A chart drawn in several variants (log and linear scales) carries each; a control on the
  // page shows another (src/components/enhance-figure.ts), without scripts the first shows.
  const shown = variant ?? chart.variants[0];
  const body =
    chart.variants.length > 1
      ? chart.variants.map((v) => `<div class="chart-variant" data-variant="${escapeHtml(v)}"${v === shown ? "" : " hidden"}>${drawings(v)}</div>`).join("")
      : drawings(variant);
  // What the marks on numbers mean, under a chart that marks any (as under a printed table).
  const legend = findingLegendHtml(ids.map((stat) => provenance[stat]));
  const drawing = `<div${attrs({ class: "chart-drawing", id: id && rows ? `${id}-chart` : undefined })}>${body}</div>${legend}`;
  if (!id || !rows) return `<figure${attrs({ class: "chart", id })}>${anchors}<figcaption>${escapeHtml(caption)}</figcaption>${drawing}</figure>`;
  // The downloads: the widest drawing of each variant as a file that renders alone, and the rows.
  const variants = chart.variants.length > 1 ? chart.variants : [variant];
  const svgs = variants.map((v, i) => {
    const name = `${downloadName(id, i === 0 ? undefined : v)}.svg`;
    return { name, href: offerDownload(context, name, standaloneSvg(chart.svg[drawingKey(chart, widths[0]!, v)]!, { title: caption, description: chart.description })) };
  });
  const csvName = `${downloadName(id)}.csv`;
  const csv = { name: csvName, href: offerDownload(context, csvName, chartCsv(rows, provenance)) };
  // Without scripts the link downloads the variant shown; the script follows the variant shown later.
  const toolbar = toolbarHtml({ id, svg: svgs[Math.max(0, variants.indexOf(shown))]!, csv, png: true, variants: chart.variants });
  const table = viewHtml(id, "table", `Table: the ${rows.length} rows the chart draws`, chartTableHtml(context, rows, provenance, { caption }));
  const sources = viewHtml(id, "sources", "Sources: the documents, studies and query behind the chart", chartSourcesHtml(context, ids, provenance, { sql }));
  return `<figure${attrs({ class: "chart", id, "data-figure-tools": "" })}>${anchors}<figcaption>${escapeHtml(caption)}</figcaption>${toolbar}${drawing}${table}${sources}</figure>`;
}
