import type { DiagramFigure } from "../../site/diagrams/svg.ts";

/** A figure of the document redrawn at build time from its text. */
export type { DiagramFigure };

/** The width a drawing is laid out for, from its viewBox: it is shown no wider, and narrower on a narrow screen. */
function naturalWidth(svg: SVGSVGElement): number | undefined {
  const width = Number(svg.getAttribute("viewBox")?.trim().split(/[\s,]+/)[2]);
  return Number.isFinite(width) && width > 0 ? width : undefined;
}

/**
 * A numbered figure around a diagram drawn at build time from the document's text. The SVG
 * arrives as markup (no diagram library in the page); its <title> names it and its <desc>, a
 * full text alternative, describes it to assistive technology. Below it, a note says what the
 * original image had that the text does not give, and a disclosure lists the passages, with
 * their line numbers, that each element of the drawing is taken from.
 */
export function diagram(figure: DiagramFigure, { id }: { id?: string } = {}): HTMLElement {
  const element = document.createElement("figure");
  element.className = "diagram";
  if (id) element.id = id;

  const cap = document.createElement("figcaption");
  cap.textContent = figure.caption;
  cap.style.fontWeight = "600";
  if (figure.standIn) {
    // A drawing that stands in for an original it cannot reproduce says so where the caption is read.
    const standIn = document.createElement("span");
    standIn.className = "diagram-stand-in";
    standIn.style.display = "block";
    standIn.style.fontWeight = "400";
    standIn.textContent = figure.standIn;
    cap.append(standIn);
  }

  const holder = document.createElement("div");
  holder.innerHTML = figure.svg;
  const svg = holder.querySelector("svg");
  if (svg) {
    const width = naturalWidth(svg);
    svg.style.display = "block";
    svg.style.width = "100%";
    svg.style.height = "auto";
    if (width) svg.style.maxWidth = `${width}px`;
    svg.style.margin = "0.75rem 0";
  }

  const note = document.createElement("p");
  note.className = "diagram-missing";
  note.style.fontSize = "0.85rem";
  const label = document.createElement("strong");
  label.textContent = "What the original showed: ";
  note.append(label, figure.missing);

  const details = document.createElement("details");
  details.className = "diagram-basis";
  details.style.fontSize = "0.85rem";
  const summary = document.createElement("summary");
  summary.textContent = `Where each element comes from: ${figure.basis.length === 1 ? "one passage" : `${figure.basis.length} passages`} of the text`;
  const list = document.createElement("ul");
  for (const { line, quote } of figure.basis) {
    const item = document.createElement("li");
    const where = document.createElement("span");
    where.className = "diagram-line";
    where.textContent = `line ${line}: `;
    const words = document.createElement("q");
    words.textContent = quote;
    item.append(where, words);
    list.append(item);
  }
  details.append(summary, list);

  element.append(cap, ...holder.childNodes, note, details);
  return element;
}
