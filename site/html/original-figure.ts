import type { OriginalFigure, Passage } from "../charts/originals.ts";
import { attrs, escapeHtml } from "./escape.ts";

const DOCUMENT_NAMES: Record<Passage["document"], string> = { survey: "the survey", thesis: "the thesis" };

/**
 * A note in place of a chart figure of the thesis whose image the text lacks: its caption as
 * printed, what it showed, the passages of the text that refer to it (with their line
 * numbers), and what neither document gives. It draws nothing: the page's chart beside it
 * draws what the documents state, and says so.
 */
export function originalFigureHtml(figure: OriginalFigure, { id }: { id?: string | undefined } = {}): string {
  const caption = figure.caption.map((p) => `<q>${escapeHtml(p.quote)}</q> (line ${p.line})`).join("; ");
  const passages = figure.passages
    .map((p) => `<li><span class="original-line">${p.document === "thesis" ? `line ${p.line}: ` : `${DOCUMENT_NAMES[p.document]}, line ${p.line}: `}</span><q>${escapeHtml(p.quote)}</q></li>`)
    .join("");
  return (
    `<aside${attrs({ class: "original-figure", id })}><p><strong>Figure #${figure.number} as printed: </strong>${caption}.</p>` +
    `<p><strong>What the original showed: </strong>${escapeHtml(figure.showed)}</p><p class="original-intro">What the text says about it:</p>` +
    `<ul class="original-passages">${passages}</ul><p><strong>Not in the sources: </strong>${escapeHtml(figure.missing)}</p></aside>`
  );
}
