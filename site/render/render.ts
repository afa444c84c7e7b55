import { createHash } from "node:crypto";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { RENDER_WIDTHS } from "./render-widths.ts";

// The widths are also those of the pages, which take them from render-widths.ts without Vega.
export { RENDER_WIDTHS };

/**
 * Colours follow the page's text colour (currentColor), so one SVG reads in light and dark themes.
 * Fonts are the system stack the page uses; no web font is fetched.
 */
const THEME = {
  background: null,
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  view: { stroke: null },
  axis: { labelColor: "currentColor", titleColor: "currentColor", domainColor: "currentColor", tickColor: "currentColor", gridOpacity: 0.25, gridColor: "currentColor", labelFontSize: 11, titleFontSize: 12 },
  legend: { labelColor: "currentColor", titleColor: "currentColor", labelFontSize: 11, titleFontSize: 12 },
  header: { labelColor: "currentColor", titleColor: "currentColor", labelFontSize: 12 },
  title: { color: "currentColor" },
  text: { color: "currentColor" },
} as const;

/** Compiles a Vega-Lite spec to Vega at build time, so no page ships the Vega-Lite compiler. */
export function toVega(spec: TopLevelSpec): vega.Spec {
  const themed = { ...spec, config: { ...THEME, ...(spec.config ?? {}) } } as TopLevelSpec;
  return compile(themed).spec;
}

/** Renders a Vega spec to an SVG string in Node (no DOM, no canvas). */
export async function renderSvg(spec: vega.Spec): Promise<string> {
  const view = new vega.View(vega.parse(spec), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    // Vega paints a white background rect even with background null in some versions; drop any.
    // Marks link with SVG 2's plain href, which CSS selectors and every current browser read.
    // An empty mark group (a layer with no rows in one panel) still carries an ARIA role and
    // no name; it draws nothing, so it goes.
    return svg
      .replace(/<rect width="[\d.]+" height="[\d.]+" fill="white"\/>/, "")
      .replaceAll("<a xlink:href=", "<a href=")
      .replace(/<g class="mark-[^"]*role-mark[^"]*"[^>]*\/>/g, "");
  } finally {
    view.finalize();
  }
}

/** A chart drawn at build time at each of RENDER_WIDTHS, in each of its variants. */
export interface PrerenderedChart {
  /**
   * One SVG per width and variant, keyed `<width>` for the first variant and
   * `<width>:<variant>` for the others (e.g. `560:linear` beside `560`, a log scale).
   */
  svg: Record<string, string>;
  /** The variants drawn, the default first (empty for a chart with one form). */
  variants: string[];
  /** A text alternative: what the chart shows, in a sentence or two. */
  description: string;
}

/**
 * Charts already drawn, by the sha256 of their Vega-Lite spec. Whoever keeps one must drop it
 * when the drawing code or the Vega versions change (site/build/cache/freshness.ts does).
 */
export interface RenderCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, svg: string): Promise<void>;
}

/**
 * Renames the ids an SVG defines (and its references to them), in order of definition, to
 * `<prefix><name>1`, `<prefix><name>2`, …. Vega numbers clip paths with a counter that lives as
 * long as the process, so without this a chart's bytes would depend on what was drawn before
 * it; with a prefix from the chart's own spec, ids stay unique on a page of several charts.
 * Links to ids the SVG does not define (the page's anchors) are left alone.
 */
export function scopeIds(svg: string, prefix: string): string {
  const renamed = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (renamed.has(id!)) continue;
    const name = id!.replace(/\d+$/, "");
    const n = (counts.get(name) ?? 0) + 1;
    counts.set(name, n);
    renamed.set(id!, `${prefix}${name}${n}`);
  }
  return svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (whole, lead: string, id: string) => (renamed.has(id) ? `${lead}${renamed.get(id)}` : whole));
}

/**
 * The SVG of a Vega-Lite spec, its ids scoped to the spec (scopeIds): from the cache when drawn
 * before, else drawn (and kept). The same spec gives the same bytes in any process, after any
 * other chart.
 */
export async function drawSvg(spec: TopLevelSpec, cache?: RenderCache): Promise<string> {
  const key = createHash("sha256").update(JSON.stringify(spec)).digest("hex");
  const kept = await cache?.get(key);
  if (kept !== undefined) return kept;
  const svg = scopeIds(await renderSvg(toVega(spec)), `v${key.slice(0, 8)}-`);
  await cache?.set(key, svg);
  return svg;
}

/**
 * Draws `specFor(width, variant)` at each width and variant.
 * @param options.cache charts drawn before (see RenderCache); default none, draw every one
 */
export async function prerender(
  specFor: (width: number, variant: string | undefined) => TopLevelSpec,
  description: string,
  variants: readonly string[] = [],
  options: { cache?: RenderCache | undefined } = {},
): Promise<PrerenderedChart> {
  const svg: Record<string, string> = {};
  for (const width of RENDER_WIDTHS) {
    if (variants.length === 0) svg[width] = await drawSvg(specFor(width, undefined), options.cache);
    for (const [i, variant] of variants.entries()) svg[i === 0 ? `${width}` : `${width}:${variant}`] = await drawSvg(specFor(width, variant), options.cache);
  }
  return { svg, variants: [...variants], description };
}
