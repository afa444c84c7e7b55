import type { Cell, QueryPage } from "../lib/database.js";

const SVG = "http://www.w3.org/2000/svg";

export type Mark = "bar" | "dot" | "line";
export const MARKS: readonly { value: Mark; text: string }[] = [
  { value: "bar", text: "bars" },
  { value: "dot", text: "dots" },
  { value: "line", text: "line" },
];

/**
 * Columns that number rows rather than measure anything: a line of a text file, a row number,
 * a rank, an id. Plotting them is what a reader never means, so they are never the default.
 */
const POSITION = /^(line|lines|line_?no|.*_line|line_.*|row|rowid|row_?number|rank|ordinal|position|id|.*_id)$/i;

const isNumberColumn = (page: QueryPage, i: number) => page.rows.some((r) => typeof r[i] === "number") && page.rows.every((r) => r[i] === null || typeof r[i] === "number");

/** The columns a quick chart can use: numbers for y, anything for x. */
export function numberColumns(page: QueryPage): number[] {
  return page.columns.map((_, i) => i).filter((i) => isNumberColumn(page, i));
}

/**
 * What to draw first: y, the first number column that is not a row position (line, rank, id…);
 * x, the first text column that is not an id, else the first text column, else another number
 * column. Null when the result has no such number to draw.
 */
export function defaultAxes(page: QueryPage): { x: number; y: number } | null {
  const numbers = numberColumns(page);
  const y = numbers.find((i) => !POSITION.test(page.columns[i]!));
  if (y === undefined) return null;
  const texts = page.columns.map((_, i) => i).filter((i) => !numbers.includes(i) && page.rows.some((r) => typeof r[i] === "string"));
  const x = texts.find((i) => !POSITION.test(page.columns[i]!)) ?? texts[0] ?? numbers.find((i) => i !== y);
  return x === undefined ? null : { x, y };
}

function node<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

const label = (value: Cell) => (value === null ? "(null)" : String(value));
const format = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 3 });

/**
 * A chart of one page of a result: y (a number column) by x, as bars from zero, dots or a line.
 * A text x is a category per row (the first `limit` rows, in the result's order); a number x
 * with dots or a line is a scale. Rows without a y are left out and counted in the title.
 */
export function quickChart(page: QueryPage, { x, y, mark, width = 640, limit = 40 }: { x: number; y: number; mark: Mark; width?: number; limit?: number }): SVGSVGElement {
  const rows = page.rows.slice(0, limit).filter((r) => typeof r[y] === "number");
  const skipped = Math.min(limit, page.rows.length) - rows.length;
  const continuous = mark !== "bar" && isNumberColumn(page, x) && rows.every((r) => typeof r[x] === "number");
  const values = rows.map((r) => r[y] as number);
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const title = `${page.columns[y]} by ${page.columns[x]}: the first ${rows.length} rows of this page${skipped ? ` (${skipped} without a ${page.columns[y]} left out)` : ""}`;
  const svg = node("svg", { class: "quick-chart", role: "img", "aria-label": title });
  svg.append(node("text", { x: 0, y: 14, class: "quick-chart-title" }, title));
  if (!continuous) {
    // One band per row: labels on the left, bars or dots from a zero line.
    const band = 20;
    const labelWidth = 200;
    const plot = width - labelWidth - 80;
    const scale = (v: number) => labelWidth + ((v - min) / (max - min || 1)) * plot;
    svg.setAttribute("viewBox", `0 0 ${width} ${rows.length * band + 30}`);
    svg.append(node("line", { x1: scale(0), x2: scale(0), y1: 22, y2: rows.length * band + 24, stroke: "currentColor", "stroke-opacity": 0.4 }));
    const points: string[] = [];
    rows.forEach((row, i) => {
      const top = 24 + i * band;
      const value = row[y] as number;
      svg.append(node("text", { x: labelWidth - 8, y: top + 14, "text-anchor": "end" }, label(row[x] ?? null).slice(0, 30)));
      if (mark === "bar") svg.append(node("rect", { x: Math.min(scale(0), scale(value)), y: top + 3, width: Math.max(1, Math.abs(scale(value) - scale(0))), height: band - 6, class: "quick-chart-mark" }));
      else svg.append(node("circle", { cx: scale(value), cy: top + band / 2, r: 4, class: "quick-chart-mark" }));
      points.push(`${scale(value)},${top + band / 2}`);
      svg.append(node("text", { x: Math.max(scale(0), scale(value)) + 6, y: top + 14 }, format(value)));
    });
    if (mark === "line") svg.prepend(node("polyline", { points: points.join(" "), fill: "none", stroke: "currentColor", class: "quick-chart-line" }));
    return svg;
  }
  // A number x: a scatter or a line over x, sorted for the line.
  const height = 320;
  const margin = { left: 70, right: 20, top: 30, bottom: 40 };
  const xs = rows.map((r) => r[x] as number);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const sx = (v: number) => margin.left + ((v - x0) / (x1 - x0 || 1)) * (width - margin.left - margin.right);
  const sy = (v: number) => height - margin.bottom - ((v - min) / (max - min || 1)) * (height - margin.top - margin.bottom);
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.append(
    node("line", { x1: margin.left, x2: width - margin.right, y1: sy(0), y2: sy(0), stroke: "currentColor", "stroke-opacity": 0.4 }),
    node("text", { x: margin.left - 6, y: sy(max) + 4, "text-anchor": "end" }, format(max)),
    node("text", { x: margin.left - 6, y: sy(min) + 4, "text-anchor": "end" }, format(min)),
    node("text", { x: sx(x0), y: height - 20, "text-anchor": "start" }, format(x0)),
    node("text", { x: sx(x1), y: height - 20, "text-anchor": "end" }, format(x1)),
    node("text", { x: (width + margin.left) / 2, y: height - 4, "text-anchor": "middle" }, page.columns[x]!),
  );
  const sorted = rows.map((r) => [r[x] as number, r[y] as number] as const).sort((a, b) => a[0] - b[0]);
  if (mark === "line") svg.append(node("polyline", { points: sorted.map(([a, b]) => `${sx(a)},${sy(b)}`).join(" "), fill: "none", stroke: "currentColor", class: "quick-chart-line" }));
  for (const [a, b] of sorted) svg.append(node("circle", { cx: sx(a), cy: sy(b), r: 3.5, class: "quick-chart-mark" }));
  return svg;
}
