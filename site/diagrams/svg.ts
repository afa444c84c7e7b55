// The thesis's figures are images the extracted text lacks. Each module in this folder redraws
// one of them from what the text says, as a static SVG string built in Node at build time:
// no DOM, no diagram library, nothing fetched. Colours follow the page's text colour
// (currentColor), so one drawing reads in the light and the dark theme.
import { wrapWords } from "../charts/wrap.js";

/** A passage of the thesis an element of a drawing is taken from: its first line and its words. */
export interface Basis {
  /** The line of the seed text the passage starts on (1-based). */
  line: number;
  /** The passage verbatim, with every run of white space (line breaks included) collapsed to one space. */
  quote: string;
}

/**
 * A text the drawing shows, and the passage (an index into `basis`) it is copied from: verbatim up
 * to letter case, except that a word the PDF hyphenated at a line end ("pre- established") is
 * written whole ("pre-established").
 */
export interface DiagramLabel {
  text: string;
  basis: number;
}

/** One figure of the thesis, redrawn. */
export interface DiagramFigure {
  /** The thesis's number for the figure. */
  number: number;
  /** The caption as the thesis prints it. */
  caption: string;
  /** The drawing: a standalone SVG element with a viewBox and no fixed size. */
  svg: string;
  /** A text alternative: what the drawing shows, in full sentences. */
  description: string;
  /** The passages the drawing's elements are taken from. */
  basis: Basis[];
  /** What the original image had that the text does not give. */
  missing: string;
  /**
   * Set when the drawing is not the original's content at all but what the text around it
   * says (Figure #6, whose investment areas the text never lists): shown under the caption.
   */
  standIn?: string;
  /** Every text the drawing shows, in drawing order, each with its passage. */
  labels: DiagramLabel[];
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for use in SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * Average advance of a character, in ems: generous, so that text wrapped to a width still fits
 * in the widest common system font (DejaVu Sans, on Linux).
 */
const EM = { normal: 0.6, bold: 0.66 } as const;

/** How many characters fit in `width` at `size` px. */
function charsFitting(width: number, size: number, bold = false): number {
  return Math.max(1, Math.floor(width / (size * (bold ? EM.bold : EM.normal))));
}

/** `<tspan>` lines for a `<text>` element: the first at the element's y, the others `lineHeight` below. */
function tspans(lines: readonly string[], x: number, lineHeight: number): string {
  return lines.map((line, i) => `<tspan x="${x}"${i ? ` dy="${lineHeight}"` : ""}>${escapeXml(line)}</tspan>`).join("");
}

const round = (n: number) => Math.round(n * 10) / 10;

/** One text of a drawing: what it says, the passage it comes from, and how it is set. */
export interface TextSpec {
  text: string;
  basis: number;
  size?: number;
  bold?: boolean;
  italic?: boolean;
}

/** Where a node ended up: its box and the midpoints of its sides. */
export interface Placed {
  x: number;
  y: number;
  w: number;
  h: number;
  cx: number;
  cy: number;
  top: readonly [number, number];
  bottom: readonly [number, number];
  left: readonly [number, number];
  right: readonly [number, number];
}

const PAD = 7;
const lineHeight = (size: number) => round(size * 1.25);

/**
 * Collects the parts of one drawing and every text it shows, with the passage each comes from,
 * so the text shown and the labels claimed cannot drift apart.
 */
export class Drawing {
  readonly labels: DiagramLabel[] = [];
  private readonly parts: string[] = [];

  /** `id` prefixes every id in the drawing, so several drawings can share a page. */
  constructor(readonly id: string) {}

  private get marker(): string {
    return `${this.id}-arrow`;
  }

  /** Sets `spec` wrapped to `width`, its first baseline at `y`; returns the height it takes. */
  text(spec: TextSpec & { x: number; y: number; width: number; anchor?: "start" | "middle" | "end" }): number {
    const size = spec.size ?? 13;
    const lines = wrapWords(spec.text, charsFitting(spec.width, size, spec.bold));
    this.labels.push({ text: spec.text, basis: spec.basis });
    const attrs = [
      `x="${round(spec.x)}"`,
      `y="${round(spec.y)}"`,
      `text-anchor="${spec.anchor ?? "middle"}"`,
      size === 13 ? "" : `font-size="${size}"`,
      spec.bold ? `font-weight="600"` : "",
      spec.italic ? `font-style="italic"` : "",
    ].filter(Boolean);
    this.parts.push(`<text ${attrs.join(" ")}>${tspans(lines, round(spec.x), lineHeight(size))}</text>`);
    return lines.length * lineHeight(size);
  }

  /** How tall a node of width `w` holding `texts` is. */
  static nodeHeight(w: number, texts: readonly TextSpec[]): number {
    const inner = w - 2 * PAD;
    let h = PAD * 2 - 4;
    for (const t of texts) {
      const size = t.size ?? 13;
      h += wrapWords(t.text, charsFitting(inner, size, t.bold)).length * lineHeight(size) + 2;
    }
    return Math.ceil(h);
  }

  /** A box at (x, y), `w` wide, as tall as its texts need (or `h`), its texts stacked and centred. */
  node(x: number, y: number, w: number, texts: readonly TextSpec[], { h, dashed = false }: { h?: number; dashed?: boolean } = {}): Placed {
    const height = Math.max(h ?? 0, Drawing.nodeHeight(w, texts));
    const content = Drawing.nodeHeight(w, texts) - (PAD * 2 - 4);
    this.parts.push(
      `<rect x="${round(x)}" y="${round(y)}" width="${round(w)}" height="${height}" rx="6" fill="currentColor" fill-opacity="0.06" stroke="currentColor"${dashed ? ` stroke-dasharray="5 4"` : ""}/>`,
    );
    let cursor = y + (height - content) / 2;
    for (const t of texts) {
      const size = t.size ?? 13;
      cursor += this.text({ ...t, x: x + w / 2, y: cursor + size * 0.97, width: w - 2 * PAD }) + 2;
    }
    return place(x, y, w, height);
  }

  /** A line through `points`, with an arrowhead at its end, at both ends, or none. */
  arrow(points: readonly (readonly [number, number])[], { head = "end", dashed = false }: { head?: "end" | "both" | "none"; dashed?: boolean } = {}): void {
    const d = points.map(([x, y], i) => `${i ? "L" : "M"}${round(x)} ${round(y)}`).join(" ");
    const marks = head === "none" ? "" : `${head === "both" ? ` marker-start="url(#${this.marker})"` : ""} marker-end="url(#${this.marker})"`;
    this.parts.push(`<path d="${d}" fill="none" stroke="currentColor" stroke-width="1.3"${dashed ? ` stroke-dasharray="5 4"` : ""}${marks}/>`);
  }

  /** The whole drawing as a standalone SVG element: viewBox, no fixed size, role="img", <title> and <desc>. */
  render({ width, height, title, description }: { width: number; height: number; title: string; description: string }): string {
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${this.id}-title" aria-describedby="${this.id}-desc" font-family="system-ui, sans-serif" font-size="13" fill="currentColor">`,
      `<title id="${this.id}-title">${escapeXml(title)}</title>`,
      `<desc id="${this.id}-desc">${escapeXml(description)}</desc>`,
      `<defs><marker id="${this.marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="currentColor"/></marker></defs>`,
      ...this.parts,
      `</svg>`,
    ].join("");
  }
}

/** The geometry of a box at (x, y), `w` by `h`. */
function place(x: number, y: number, w: number, h: number): Placed {
  return {
    x, y, w, h,
    cx: x + w / 2,
    cy: y + h / 2,
    top: [x + w / 2, y],
    bottom: [x + w / 2, y + h],
    left: [x, y + h / 2],
    right: [x + w, y + h / 2],
  };
}
