import type { DiagramFigure } from "../diagrams/svg.ts";
import { attrs, escapeHtml } from "./escape.ts";
import { downloadName, offerDownload, standaloneSvg, toolbarHtml } from "./figure-toolbar.ts";
import type { PageContext } from "./page-context.ts";

/** The width a drawing is laid out for, from its viewBox: shown no wider, narrower on a narrow screen. */
function naturalWidth(svg: string): number | undefined {
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1];
  const width = Number(viewBox?.trim().split(/[\s,]+/)[2]);
  return Number.isFinite(width) && width > 0 ? width : undefined;
}

/**
 * A numbered figure around a diagram drawn at build time from the document's text: its
 * <title> and <desc> name and describe it; below, what the original had that the text does not
 * give, and the passages each element is taken from (its sources). With an id and a page
 * context it gets a share link and an SVG download; it has no rows, so no table, CSV or PNG
 * (the SVG, drawn in lines and text, scales without one).
 */
export function diagramHtml(figure: DiagramFigure, { id, context }: { id?: string; context?: PageContext } = {}): string {
  const width = naturalWidth(figure.svg);
  const svg = width ? figure.svg.replace(/<svg /, `<svg style="max-width:${width}px" `) : figure.svg;
  const name = id && context ? `${downloadName(id)}.svg` : undefined;
  const toolbar =
    id && context && name ? toolbarHtml({ id, svg: { name, href: offerDownload(context, name, standaloneSvg(figure.svg, { title: figure.caption })) }, png: false }) : "";
  const passages = figure.basis.map(({ line, quote }) => `<li><span class="diagram-line">line ${line}: </span><q>${escapeHtml(quote)}</q></li>`).join("");
  return (
    // A drawing that stands in for an original it cannot reproduce says so where the caption is read.
    `<figure${attrs({ class: "diagram", id })}><figcaption>${escapeHtml(figure.caption)}${figure.standIn ? `<span class="diagram-stand-in">${escapeHtml(figure.standIn)}</span>` : ""}</figcaption>${toolbar}${svg}` +
    `<p class="diagram-missing"><strong>What the original showed: </strong>${escapeHtml(figure.missing)}</p>` +
    `<details class="diagram-basis"><summary>Where each element comes from: ${figure.basis.length === 1 ? "one passage" : `${figure.basis.length} passages`} of the text</summary><ul>${passages}</ul></details></figure>`
  );
}
