import type { PrerenderedChart } from "../../site/render/render.ts";
import { revealTarget, withProvenance, type Provenance } from "./provenance.js";

/** A chart drawn at build time. */
export type { PrerenderedChart };

/** The drawn width nearest to, and not wider than, the space available (the narrowest otherwise). */
export function pickWidth(widths: readonly number[], available: number): number {
  const sorted = [...widths].sort((a, b) => a - b);
  return sorted.filter((w) => w <= available).at(-1) ?? sorted[0]!;
}

/** The key of the drawing for a width and a variant (the first variant is the plain width). */
export function drawingKey(chart: PrerenderedChart, width: number, variant?: string): string {
  const widths = [...new Set(Object.keys(chart.svg).map((k) => Number(k.split(":")[0])))];
  const drawn = pickWidth(widths, width);
  const variants = chart.variants ?? [];
  return variant && variants.indexOf(variant) > 0 ? `${drawn}:${variant}` : `${drawn}`;
}

export interface FigureElement extends HTMLElement {
  /** Shows the chart in another of its drawn variants (e.g. "linear"). */
  setVariant(variant: string): void;
  /** Shows only the marks of these statistics (all when null); returns how many are shown. */
  showOnly(ids: ReadonlySet<string> | null): number;
  /** The statistics whose marks are shown now. */
  shownIds(): ReadonlySet<string>;
}

const markId = (a: Element) => (a.getAttribute("href") ?? "").replace(/^#stat-/, "");

/**
 * A numbered figure around a chart drawn at build time. The SVG arrives as markup, so the
 * chart shows without any charting library in the page; each mark is a link that shows
 * the provenance of its number on hover and focus. Filters hide marks in place, and a
 * variant (another scale) swaps in another drawing of the same data.
 */
export function figure(
  chart: PrerenderedChart,
  { width, caption, id, provenance, variant }: { width: number; caption: string; id?: string; provenance: Readonly<Record<string, Provenance>>; variant?: string },
): FigureElement {
  const element = document.createElement("figure") as unknown as FigureElement;
  element.className = "chart";
  if (id) element.id = id;
  const cap = document.createElement("figcaption");
  cap.textContent = caption;
  const holder = document.createElement("div");
  holder.className = "chart-drawing";
  let shown: ReadonlySet<string> | null = null;

  function draw(key: string): void {
    holder.innerHTML = chart.svg[key] ?? "";
    const svg = holder.querySelector("svg");
    if (svg) {
      svg.setAttribute("role", "group");
      svg.setAttribute("aria-label", chart.description);
    }
    // A number drawn twice (a point and its label) is one stop for the keyboard.
    const seen = new Set<string>();
    for (const a of holder.querySelectorAll("svg a[href]")) {
      const stat = markId(a);
      if (seen.has(stat)) a.setAttribute("tabindex", "-1");
      seen.add(stat);
    }
    element.showOnly(shown);
  }

  element.setVariant = (v: string) => draw(drawingKey(chart, width, v));
  element.showOnly = (ids) => {
    shown = ids;
    let count = 0;
    for (const a of holder.querySelectorAll<SVGAElement>("svg a[href]")) {
      const visible = ids === null || ids.has(markId(a));
      a.style.display = visible ? "" : "none";
      if (visible && a.getAttribute("tabindex") !== "-1") count++;
    }
    return count;
  };
  element.shownIds = () => new Set([...holder.querySelectorAll<SVGAElement>("svg a[href]")].filter((a) => a.style.display !== "none").map(markId));
  element.append(cap, holder);
  draw(drawingKey(chart, width, variant));
  // Links elsewhere in the report (the audit, the bibliography) point at #stat-<id>. A number
  // that only this chart shows takes that anchor on its mark, once the figure is on the page
  // and only where nothing else on the page holds it already.
  requestAnimationFrame(() => {
    for (const a of holder.querySelectorAll("svg a[href]")) {
      const anchor = `stat-${markId(a)}`;
      if (a.getAttribute("tabindex") !== "-1" && !document.getElementById(anchor)) a.id = anchor;
    }
    revealTarget(element);
  });
  return withProvenance(element, provenance);
}
