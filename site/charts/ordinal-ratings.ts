import type { TopLevelSpec } from "vega-lite";
import { statisticHref, type ChartedStatistic } from "./marks.js";
import { wrapWords } from "./wrap.js";

/** One printed rating of an ordinal table (Tables #4 and #8), on the ledger's 1..5 scale. */
export interface RatingRow extends ChartedStatistic {
  row_label: string;
  row_order: number;
  column_label: string;
  column_order: number;
  cited_source: string | null;
}

/** The levels of data-loaders/parse/ordinal.ts ORDINAL_LEVELS, by their place on the scale. */
const LEVEL_NAMES: Readonly<Record<number, string>> = { 1: "low", 2: "medium low", 3: "medium", 4: "medium high", 5: "high" };

/**
 * Fills for levels 1..5: a yellow-to-blue ramp of rising darkness. Each is light enough for
 * the dark cell text to keep a contrast of at least 4.5:1, and each stands out from both the
 * light and the dark page background.
 */
export const LEVEL_COLOURS = ["#f7eebb", "#d3e7a0", "#8fd0a8", "#56b6c2", "#3f8fcf"] as const;

/** Text drawn on a coloured cell: dark on every level's fill, whatever the page's theme. */
const CELL_TEXT = "#1b1b1b";

export interface RatingsOptions {
  /** The table as printed, for the marks' descriptions: "Table #4". */
  table: string;
}

interface Box {
  x: number;
  x2: number;
  y: number;
  y2: number;
}

/** Approximate width of a character of the system sans-serif, as a share of the font size. */
const CHAR = 0.56;

/**
 * An ordinal table as a grid of coloured cells, laid out as it is printed: its rows (the
 * dimensions) top to bottom, each with its printed label above it, and its columns left to
 * right under their printed headers (a header "Group / Column" draws its group once over
 * its columns). A cell's colour is the rating on the 1..5 scale, and its text the rating as
 * printed. A printed range ("Medium to High") is drawn as a range: a cell split in two halves,
 * the left coloured by the lower end and the right by the upper end, never as a midpoint.
 * Both halves link to the same statistic.
 */
export function ordinalRatingsSpec(rows: readonly RatingRow[], { width }: { width: number }, { table }: RatingsOptions): TopLevelSpec {
  const narrow = width < 500;
  const font = { header: narrow ? 10.5 : 11.5, row: narrow ? 11 : 12, cell: narrow ? 10 : 11, legend: 10.5 };
  const lineHeight = (size: number) => Math.round(size * 1.3);
  const chars = (pixels: number, size: number) => Math.max(6, Math.floor(pixels / (size * CHAR)));

  const columns = [...new Map(rows.map((d) => [d.column_label, d.column_order])).entries()].sort((a, b) => a[1] - b[1]).map(([c]) => c);
  const rowLabels = [...new Map(rows.map((d) => [d.row_label, d.row_order])).entries()].sort((a, b) => a[1] - b[1]).map(([r]) => r);
  const gap = narrow ? 3 : 4;
  const cellWidth = (width - gap * (columns.length - 1)) / columns.length;
  const columnX = (i: number) => i * (cellWidth + gap);

  // Column headers: a group printed over several columns ("Quasi-hierarchies / US") once, centred over them.
  const parts = columns.map((c) => c.split(" / "));
  const groups: { label: string; from: number; to: number }[] = [];
  parts.forEach((p, i) => {
    if (p.length < 2) return;
    const label = p.slice(0, -1).join(" / ");
    const last = groups.at(-1);
    if (last && last.label === label && last.to === i - 1) last.to = i;
    else groups.push({ label, from: i, to: i });
  });
  let y = 0;
  const headerTexts: { x: number; y: number; lines: string[] }[] = [];
  const headerRules: { x: number; x2: number; y: number }[] = [];
  if (groups.length) {
    const lh = lineHeight(font.header);
    let deepest = 1;
    for (const g of groups) {
      const span = columnX(g.to) + cellWidth - columnX(g.from);
      const lines = wrapWords(g.label, chars(span, font.header));
      deepest = Math.max(deepest, lines.length);
      headerTexts.push({ x: (columnX(g.from) + columnX(g.to) + cellWidth) / 2, y, lines });
    }
    y += deepest * lh + 3;
    for (const g of groups) headerRules.push({ x: columnX(g.from) + 2, x2: columnX(g.to) + cellWidth - 2, y });
    y += 4;
  }
  {
    const lh = lineHeight(font.header);
    let deepest = 1;
    parts.forEach((p, i) => {
      const lines = wrapWords(p.at(-1)!, chars(cellWidth - 4, font.header));
      deepest = Math.max(deepest, lines.length);
      headerTexts.push({ x: columnX(i) + cellWidth / 2, y, lines });
    });
    y += deepest * lh + 6;
  }

  // Rows: the printed label on its own lines, then the cells.
  const rowTexts: { x: number; y: number; lines: string[] }[] = [];
  const cells: (Box & { level: number; href: string; description: string })[] = [];
  const cellTexts: { x: number; y: number; lines: string[] }[] = [];
  for (const label of rowLabels) {
    y += 6;
    const lines = wrapWords(label, chars(width, font.row));
    rowTexts.push({ x: 0, y, lines });
    y += lines.length * lineHeight(font.row) + 3;
    const inRow = rows.filter((d) => d.row_label === label);
    const wrapped = inRow.map((d) => wrapWords(d.printed, chars(cellWidth - 8, font.cell)));
    const height = Math.max(30, Math.max(1, ...wrapped.map((w) => w.length)) * lineHeight(font.cell) + 14);
    inRow.forEach((d, k) => {
      const i = columns.indexOf(d.column_label);
      const box = { x: columnX(i), x2: columnX(i) + cellWidth, y, y2: y + height };
      const low = d.value ?? d.value_low;
      const high = d.value ?? d.value_high;
      if (low === null || high === null) throw new Error(`${d.id}: an ordinal rating needs both ends (${d.printed})`);
      const where = `${table}, ${d.row_label} — ${d.column_label}`;
      if (low === high) {
        cells.push({ ...box, level: low, href: statisticHref(d.id), description: `${where}: ${d.printed} (${low} of 5, ${LEVEL_NAMES[low]})` });
      } else {
        const middle = (box.x + box.x2) / 2;
        const range = `${d.printed}, a range from ${low} (${LEVEL_NAMES[low]}) to ${high} (${LEVEL_NAMES[high]})`;
        cells.push({ ...box, x2: middle, level: low, href: statisticHref(d.id), description: `${where}: ${range}; left half, the lower end` });
        cells.push({ ...box, x: middle, level: high, href: statisticHref(d.id), description: `${where}: ${range}; right half, the upper end` });
      }
      cellTexts.push({ x: (box.x + box.x2) / 2, y: (box.y + box.y2) / 2, lines: wrapped[k]! });
    });
    y += height + 4;
  }

  // The key: one swatch per level, flowing onto a second line when the width runs out.
  y += 12;
  const legendSwatches: (Box & { level: number })[] = [];
  const legendTexts: { x: number; y: number; lines: string[] }[] = [];
  const swatch = 12;
  const keyLine = lineHeight(font.legend) + 6;
  legendTexts.push({ x: 0, y: y + swatch / 2, lines: ["Rating:"] });
  let x = "Rating:".length * font.legend * CHAR + 10;
  for (const level of [1, 2, 3, 4, 5]) {
    const text = `${level} ${LEVEL_NAMES[level]}`;
    const itemWidth = swatch + 4 + text.length * font.legend * CHAR + 12;
    if (x + itemWidth > width) {
      x = 0;
      y += keyLine;
    }
    legendSwatches.push({ x, x2: x + swatch, y, y2: y + swatch, level });
    legendTexts.push({ x: x + swatch + 4, y: y + swatch / 2, lines: [text] });
    x += itemWidth;
  }
  y += keyLine + 2;
  const note = wrapWords("A cell in two colours is a printed range: its left half is the lower end, its right half the upper end.", chars(width, font.legend));
  legendTexts.push({ x: 0, y: y + lineHeight(font.legend) / 2, lines: note });
  const height = Math.ceil(y + note.length * lineHeight(font.legend) + 2);

  const px = (field: string, size: number) => ({ field, type: "quantitative" as const, axis: null, scale: { domain: [0, size], nice: false, zero: false } });
  const X = px("x", width);
  const Y = { ...px("y", height), scale: { domain: [0, height], nice: false, zero: false, reverse: true } };
  const fill = { field: "level", type: "ordinal" as const, scale: { domain: [1, 2, 3, 4, 5], range: [...LEVEL_COLOURS] }, legend: null };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: `${table} as a grid of its printed ratings on a 1 (low) to 5 (high) scale; a printed range is drawn as a cell in two halves.`,
    // Every element is placed above by this layout, in pixels. Vega's own layout would size the
    // view by its estimate of the text's width (0.8 of the font size a character, wider than
    // the text draws), and the chart would be drawn smaller than the column.
    autosize: { type: "none" },
    // A little room above the headers, under the figure's caption.
    padding: { top: 8, right: 2, bottom: 2, left: 2 },
    width,
    height,
    layer: [
      {
        data: { values: headerRules },
        mark: { type: "rule", strokeOpacity: 0.45, aria: false },
        encoding: { x: X, x2: { field: "x2" }, y: Y },
      },
      {
        data: { values: headerTexts },
        mark: { type: "text", aria: false, align: "center", baseline: "top", fontSize: font.header, fontWeight: 600, lineHeight: lineHeight(font.header) },
        encoding: { x: X, y: Y, text: { field: "lines" } },
      },
      {
        data: { values: rowTexts },
        mark: { type: "text", aria: false, align: "left", baseline: "top", fontSize: font.row, lineHeight: lineHeight(font.row) },
        encoding: { x: X, y: Y, text: { field: "lines" } },
      },
      {
        data: { values: cells },
        mark: { type: "rect", stroke: "currentColor", strokeOpacity: 0.25, strokeWidth: 0.75 },
        encoding: { x: X, x2: { field: "x2" }, y: Y, y2: { field: "y2" }, fill, href: { field: "href" }, description: { field: "description" } },
      },
      {
        data: { values: cellTexts },
        mark: { type: "text", aria: false, align: "center", baseline: "middle", fontSize: font.cell, lineHeight: lineHeight(font.cell), color: CELL_TEXT },
        encoding: { x: X, y: Y, text: { field: "lines" } },
      },
      {
        data: { values: legendSwatches },
        mark: { type: "rect", aria: false, stroke: "currentColor", strokeOpacity: 0.25, strokeWidth: 0.75 },
        encoding: { x: X, x2: { field: "x2" }, y: Y, y2: { field: "y2" }, fill },
      },
      {
        data: { values: legendTexts },
        mark: { type: "text", aria: false, align: "left", baseline: "middle", fontSize: font.legend, lineHeight: lineHeight(font.legend) },
        encoding: { x: X, y: Y, text: { field: "lines" } },
      },
    ],
  } as TopLevelSpec;
}

/** The text alternative: what the grid shows, then every rating as printed, row by row. */
export function describeOrdinalRatings(rows: readonly RatingRow[], { table }: RatingsOptions): string {
  const ranges = rows.filter((d) => d.value === null).length;
  const byRow = [...new Map(rows.map((d) => [d.row_label, d.row_order])).entries()].sort((a, b) => a[1] - b[1]).map(([label]) => {
    const cells = rows.filter((d) => d.row_label === label).sort((a, b) => a.column_order - b.column_order);
    return `${label}: ${cells.map((d) => `${d.column_label.split(" / ").at(-1)} ${d.printed}`).join(", ")}.`;
  });
  return (
    `${table} as a grid of ${rows.length} ratings coloured on a scale from 1 (low) to 5 (high); ` +
    `${ranges} printed as a range and drawn as a cell in two halves, the lower end on the left. ${byRow.join(" ")}`
  );
}
