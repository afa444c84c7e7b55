import type { OriginalFigure, Passage } from "../charts/originals.js";

const DOCUMENT_NAMES: Record<Passage["document"], string> = { survey: "the survey", thesis: "the thesis" };

function passageItem(passage: Passage): HTMLLIElement {
  const item = document.createElement("li");
  const where = document.createElement("span");
  where.className = "original-line";
  where.textContent = passage.document === "thesis" ? `line ${passage.line}: ` : `${DOCUMENT_NAMES[passage.document]}, line ${passage.line}: `;
  const words = document.createElement("q");
  words.textContent = passage.quote;
  item.append(where, words);
  return item;
}

/**
 * A note in place of a chart figure of the thesis whose image the text lacks: its caption as
 * printed, what it showed, the passages of the text that refer to it (with their line
 * numbers), and what neither document gives. It draws nothing: the page's chart below it
 * draws what the documents state, and says so.
 */
export function originalFigure(figure: OriginalFigure, { id }: { id?: string } = {}): HTMLElement {
  const element = document.createElement("aside");
  element.className = "original-figure";
  if (id) element.id = id;

  const caption = document.createElement("p");
  const label = document.createElement("strong");
  label.textContent = `Figure #${figure.number} as printed: `;
  caption.append(label);
  figure.caption.forEach((passage, i) => {
    if (i > 0) caption.append("; ");
    const words = document.createElement("q");
    words.textContent = passage.quote;
    caption.append(words, ` (line ${passage.line})`);
  });
  caption.append(".");

  const showed = document.createElement("p");
  const showedLabel = document.createElement("strong");
  showedLabel.textContent = "What the original showed: ";
  showed.append(showedLabel, figure.showed);

  const list = document.createElement("ul");
  list.className = "original-passages";
  for (const passage of figure.passages) list.append(passageItem(passage));

  const missing = document.createElement("p");
  const missingLabel = document.createElement("strong");
  missingLabel.textContent = "Not in the sources: ";
  missing.append(missingLabel, figure.missing);

  const intro = document.createElement("p");
  intro.textContent = "What the text says about it:";
  intro.className = "original-intro";

  element.append(caption, showed, intro, list, missing);
  return element;
}
