import type { DiagramFigure } from "../diagrams/svg.ts";
import { attrs, escapeHtml } from "./escape.ts";

/** The width a drawing is laid out for, from its viewBox: shown no wider, narrower on a narrow screen. */
function naturalWidth(svg: string): number | undefined {
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1];
  const width = Number(viewBox?.trim().split(/[\s,]+/)[2]);
  return Number.isFinite(width) && width > 0 ? width : undefined;
}

/**
 * A numbered figure around a diagram drawn at build time from the document's text: its
 * <title> and <desc> name and describe it; below, what the original had that the text does not
 * give, and the passages each element is taken from.
 */
export function diagramHtml(figure: DiagramFigure, { id }: { id?: string } = {}): string {
  const width = naturalWidth(figure.svg);
  const svg = width ? figure.svg.replace(/<svg /, `<svg style="max-width:${width}px" `) : figure.svg;
  const passages = figure.basis.map(({ line, quote }) => `<li><span class="diagram-line">line ${line}: </span><q>${escapeHtml(quote)}</q></li>`).join("");
  return (
    // A drawing that stands in for an original it cannot reproduce says so where the caption is read.
    `<figure${attrs({ class: "diagram", id })}><figcaption>${escapeHtml(figure.caption)}${figure.standIn ? `<span class="diagram-stand-in">${escapeHtml(figure.standIn)}</span>` : ""}</figcaption>${svg}` +
    `<p class="diagram-missing"><strong>What the original showed: </strong>${escapeHtml(figure.missing)}</p>` +
    `<details class="diagram-basis"><summary>Where each element comes from: ${figure.basis.length === 1 ? "one passage" : `${figure.basis.length} passages`} of the text</summary><ul>${passages}</ul></details></figure>`
  );
}
