import type { QueryPage } from "../lib/database.js";

const SVG = "http://www.w3.org/2000/svg";

/** The first text column and the first number column of a result, if it has both. */
export function categoryAndNumber(page: QueryPage): { category: number; value: number } | null {
  const first = page.rows[0];
  if (!first) return null;
  const category = page.columns.findIndex((_, i) => typeof first[i] === "string");
  const value = page.columns.findIndex((_, i) => typeof first[i] === "number");
  return category < 0 || value < 0 ? null : { category, value };
}

/**
 * A quick horizontal bar chart of a result page with a category and a number: the first
 * 25 rows, bars from zero, labelled with the values. Null when the result has no such pair.
 */
export function quickBars(page: QueryPage, { width = 640, limit = 25 } = {}): SVGSVGElement | null {
  const pair = categoryAndNumber(page);
  if (!pair) return null;
  const rows = page.rows.slice(0, limit).filter((r) => typeof r[pair.value] === "number");
  if (rows.length === 0) return null;
  const values = rows.map((r) => r[pair.value] as number);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const barHeight = 18;
  const labelWidth = 180;
  const plotWidth = width - labelWidth - 70;
  const x = (v: number) => labelWidth + ((v - min) / (max - min || 1)) * plotWidth;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${rows.length * barHeight + 24}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("class", "quick-bars");
  svg.setAttribute("aria-label", `Bar chart of ${page.columns[pair.value]} by ${page.columns[pair.category]}, first ${rows.length} rows`);
  const title = document.createElementNS(SVG, "text");
  title.setAttribute("x", "0");
  title.setAttribute("y", "12");
  title.setAttribute("font-size", "11");
  title.setAttribute("fill", "currentColor");
  title.textContent = `${page.columns[pair.value]} by ${page.columns[pair.category]} (first ${rows.length} rows of this page)`;
  svg.append(title);
  rows.forEach((row, i) => {
    const y = 20 + i * barHeight;
    const value = row[pair.value] as number;
    const label = document.createElementNS(SVG, "text");
    label.setAttribute("x", String(labelWidth - 6));
    label.setAttribute("y", String(y + 12));
    label.setAttribute("text-anchor", "end");
    label.setAttribute("font-size", "11");
    label.setAttribute("fill", "currentColor");
    label.textContent = String(row[pair.category] ?? "").slice(0, 28);
    const bar = document.createElementNS(SVG, "rect");
    bar.setAttribute("x", String(Math.min(x(0), x(value))));
    bar.setAttribute("y", String(y + 2));
    bar.setAttribute("width", String(Math.max(1, Math.abs(x(value) - x(0)))));
    bar.setAttribute("height", String(barHeight - 5));
    bar.setAttribute("fill", "#4c8fd6");
    const text = document.createElementNS(SVG, "text");
    text.setAttribute("x", String(Math.max(x(0), x(value)) + 4));
    text.setAttribute("y", String(y + 12));
    text.setAttribute("font-size", "10");
    text.setAttribute("fill", "currentColor");
    text.textContent = value.toLocaleString("en-US");
    svg.append(label, bar, text);
  });
  return svg;
}
