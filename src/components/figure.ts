import { withProvenance, type Provenance } from "./provenance.js";

/** A chart drawn at build time (data-loaders/render.ts PrerenderedChart). */
export interface PrerenderedChart {
  svg: Record<string, string>;
  description: string;
}

/** The drawn width nearest to, and not wider than, the space available (the narrowest otherwise). */
export function pickWidth(widths: readonly number[], available: number): number {
  const sorted = [...widths].sort((a, b) => a - b);
  return sorted.filter((w) => w <= available).at(-1) ?? sorted[0]!;
}

/**
 * A numbered figure around a chart drawn at build time. The SVG arrives as markup, so the
 * chart shows without any charting library in the page; each mark is a link that shows
 * the provenance of its number on hover and focus.
 */
export function figure(
  chart: PrerenderedChart,
  { width, caption, id, provenance }: { width: number; caption: string; id?: string; provenance: Readonly<Record<string, Provenance>> },
): HTMLElement {
  const element = document.createElement("figure");
  element.className = "chart";
  if (id) element.id = id;
  const drawn = pickWidth(Object.keys(chart.svg).map(Number), width);
  const holder = document.createElement("div");
  holder.innerHTML = chart.svg[drawn]!;
  const svg = holder.querySelector("svg");
  if (svg) {
    svg.setAttribute("role", "group");
    svg.setAttribute("aria-label", chart.description);
  }
  const cap = document.createElement("figcaption");
  cap.textContent = caption;
  element.append(cap, ...holder.childNodes);
  return withProvenance(element, provenance);
}
