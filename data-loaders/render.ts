import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/** The widths charts are drawn at: a phone's and a desktop column's. The page picks the nearer. */
export const RENDER_WIDTHS = [340, 680] as const;

/**
 * Colours follow the page's text colour (currentColor), so one SVG reads in light and dark themes.
 * Fonts are the system stack the page uses; no web font is fetched.
 */
export const THEME = {
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
   * `<width>:<variant>` for the others (e.g. `680:linear` beside `680`, a log scale).
   */
  svg: Record<string, string>;
  /** The variants drawn, the default first (empty for a chart with one form). */
  variants: string[];
  /** A text alternative: what the chart shows, in a sentence or two. */
  description: string;
}

/** Draws `specFor(width, variant)` at each width and variant. */
export async function prerender(
  specFor: (width: number, variant: string | undefined) => TopLevelSpec,
  description: string,
  variants: readonly string[] = [],
): Promise<PrerenderedChart> {
  const svg: Record<string, string> = {};
  for (const width of RENDER_WIDTHS) {
    if (variants.length === 0) svg[width] = await renderSvg(toVega(specFor(width, undefined)));
    for (const [i, variant] of variants.entries()) svg[i === 0 ? `${width}` : `${width}:${variant}`] = await renderSvg(toVega(specFor(width, variant)));
  }
  return { svg, variants: [...variants], description };
}
