/** A figure the build drew into the page (site/html/figure.ts), with the controls a page may give it. */
export interface FigureElement extends HTMLElement {
  /** Shows the chart in another of its drawn variants (e.g. "linear"). */
  setVariant(variant: string): void;
  /** Shows only the marks of these statistics (all when null); returns how many are shown. */
  showOnly(ids: ReadonlySet<string> | null): number;
  /** The statistics whose marks are shown now. */
  shownIds(): ReadonlySet<string>;
}

/**
 * Controls for a figure the build drew into the page: which variant shows (each variant is
 * drawn, the others hidden), and which marks (filters). The drawing is never redrawn: the page
 * shows it before any script runs.
 */
export function enhanceFigure(element: HTMLElement): FigureElement {
  const figure = element as FigureElement;
  const variants = () => [...figure.querySelectorAll<HTMLElement>(".chart-variant")];
  figure.setVariant = (variant: string) => {
    for (const group of variants()) group.hidden = group.dataset.variant !== variant;
  };
  figure.showOnly = (ids) => {
    for (const a of figure.querySelectorAll<SVGAElement>("svg a[data-stat]")) a.style.display = ids === null || ids.has(a.dataset.stat!) ? "" : "none";
    // Every width draws the same marks: count them in one drawing of the variant shown.
    const shown = variants().find((g) => !g.hidden) ?? figure;
    const drawing = shown.querySelector(".chart-width") ?? shown;
    return [...drawing.querySelectorAll<SVGAElement>("svg a[data-stat]")].filter((a) => a.style.display !== "none" && a.getAttribute("tabindex") !== "-1").length;
  };
  figure.shownIds = () => new Set([...figure.querySelectorAll<SVGAElement>("svg a[data-stat]")].filter((a) => a.style.display !== "none").map((a) => a.dataset.stat!));
  return figure;
}
