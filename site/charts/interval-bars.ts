import type { TopLevelSpec } from "vega-lite";
import { statisticHref, type ChartedStatistic } from "./marks.js";
import { wrapWords, wrappedLabelExpr } from "./wrap.js";

/**
 * One printed percentage of a survey table, with the number of respondents it is a share of
 * and the 95% Wilson score interval computed from the two in SQL (src/sql/thesis-table-6-intervals.sql,
 * thesis-table-7-intervals.sql). `id` is the percentage's statistic; `n_id` the N's.
 */
export interface IntervalRow extends ChartedStatistic {
  row_order: number;
  row_label: string;
  group_order: number;
  group_label: string;
  n_id: string;
  n_printed: string;
  /** How a misprinted N is read ("N=25" for "N025"); null when read as printed. */
  n_reading: string | null;
  n: number;
  /** Computed, in percent: not printed in the document. */
  wilson_low: number;
  wilson_high: number;
}

export interface IntervalBarsOptions {
  width: number;
  /** The table as printed, for the marks' descriptions: "Table #6". */
  table: string;
  /** One colour per group, in the groups' printed order; each reads on the light and the dark theme. */
  colours: readonly string[];
}

/** A computed bound, with one decimal and a decimal point (printed numbers keep their own form). */
const formatComputed = (percent: number) => percent.toFixed(1);

/** The N as printed, with its reading where the print is a typo: "N025 (read as N=25)". */
const nAsPrinted = (d: Pick<IntervalRow, "n_printed" | "n_reading" | "n">) => (d.n_reading ? `${d.n_printed} (read as N=${d.n})` : d.n_printed);

/**
 * The width Vega gives a text when it lays a chart out in Node, where it has no canvas to
 * measure with: 0.8 × characters × font size (vega-scenegraph's estimate). Real text is
 * narrower; budgeting with the estimate keeps every drawing within the width it is made for.
 */
const estimatedTextWidth = (text: string, fontSize: number) => Math.floor(0.8 * text.length * fontSize);

/**
 * Grouped bars of a table's printed percentages: one panel per printed row (its label above
 * it), one bar per group (column), each with a rule across its computed 95% Wilson interval
 * and its number as printed beside it ("55,0", decimal comma kept). Where every cell of a
 * group has the same N (Table #6's column headers) the group's label names it; where the N
 * varies by cell (Table #7) each number's label prints its cell's N, as the table does.
 * Bars and interval rules are links to the percentage's provenance.
 */
export function intervalBarsSpec(rows: readonly IntervalRow[], { width, table, colours }: IntervalBarsOptions): TopLevelSpec {
  const narrow = width < 500;
  const groups = [...new Map(rows.map((d) => [d.group_label, d.group_order])).entries()].sort((a, b) => a[1] - b[1]).map(([g]) => g);
  const bands = [...new Map(rows.map((d) => [d.row_label, d.row_order])).entries()].sort((a, b) => a[1] - b[1]).map(([r]) => r);
  const nOf = (group: string) => new Set(rows.filter((d) => d.group_label === group).map(nAsPrinted));
  const sharedN = groups.every((g) => nOf(g).size === 1);
  const groupLabel = (group: string) => (sharedN ? `${group} (${[...nOf(group)][0]})` : group);
  const values = rows.map((d) => ({
    ...d,
    href: statisticHref(d.id),
    group: groupLabel(d.group_label),
    label: sharedN ? d.printed : `${d.printed} (${d.n_printed})`,
    description: `${table}, ${d.row_label}, ${d.group_label} (${nAsPrinted(d)}): ${d.printed} percent, as printed.`,
    interval_description:
      `${table}, ${d.row_label}, ${d.group_label}: computed 95% Wilson interval ${formatComputed(d.wilson_low)} to ${formatComputed(d.wilson_high)} percent, ` +
      `from the printed ${d.printed} percent and ${nAsPrinted(d)}; the thesis prints no interval.`,
  }));

  const fontSize = narrow ? 10 : 11;
  const lineHeight = fontSize + 2;
  // Group labels: the group's words wrapped, then its N on a line of its own ("Medium firms", "N=22").
  const groupLines = (group: string) => (sharedN ? [...wrapWords(group, 12), [...nOf(group)][0]!] : wrapWords(group, 13));
  const groupLabels = groups.map(groupLabel);
  const labelTable = Object.fromEntries(groups.map((g) => [groupLabel(g), groupLines(g)]));
  const labelWidth = Math.max(...groups.flatMap(groupLines).map((line) => estimatedTextWidth(line, fontSize))) + 6;
  const maxGroupLines = Math.max(...groups.map((g) => groupLines(g).length));
  const step = Math.max(narrow ? 16 : 15, maxGroupLines * lineHeight + 4);
  // The plot is as wide as the drawing allows once the group labels (left), the label beside the
  // highest interval (right) and Vega's 5 px padding on each side are counted.
  const maxLabel = Math.max(...values.map((d) => estimatedTextWidth(d.label, narrow ? 9 : 10)));
  const highest = Math.max(0.01, ...rows.map((d) => d.wilson_high / 100));
  const available = width - labelWidth - 4 - 10 - 2;
  const panelWidth = Math.max(120, Math.floor(Math.min(available, (available - 3 - maxLabel) / highest)));
  // Each panel's heading is its printed row label, wrapped to the width right of the group labels.
  const headerChars = Math.floor((width - labelWidth - 12) / (0.8 * 12));

  const x = {
    field: "value",
    type: "quantitative",
    scale: { domain: [0, 100], nice: false },
    axis: {
      title: narrow ? ["% of firms", "bar: as printed", "line: computed 95% interval"] : ["% of firms", "bar: as printed; line: computed 95% Wilson interval"],
      titleFontSize: narrow ? 10 : 11,
      tickCount: narrow ? 5 : 10,
      grid: true,
    },
  } as const;
  const y = {
    field: "group",
    type: "nominal",
    sort: groupLabels,
    title: null,
    scale: { paddingInner: 0.12, paddingOuter: 0.06 },
    axis: { labelExpr: `(${JSON.stringify(labelTable)})[datum.label] || datum.label`, labelLimit: labelWidth + 20, labelFontSize: fontSize, labelLineHeight: lineHeight, ticks: false, labelPadding: 4 },
  } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: `${table}: printed percentages by group, with computed 95% Wilson intervals.`,
    data: { values },
    facet: {
      row: {
        field: "row_label",
        type: "nominal",
        sort: bands,
        title: null,
        header: {
          labelOrient: "top",
          labelAngle: 0,
          labelAlign: "left",
          labelAnchor: "start",
          labelFontSize: 12,
          labelFontWeight: "bold",
          labelLineHeight: 15,
          labelLimit: 0,
          labelPadding: 6,
          labelExpr: wrappedLabelExpr(bands, headerChars).replaceAll("datum.label", "datum.value"),
        },
      },
    },
    spacing: 14,
    spec: {
      width: panelWidth,
      height: { step },
      encoding: { y },
      layer: [
        {
          mark: { type: "bar", opacity: 0.9, cornerRadiusEnd: 1.5 },
          encoding: {
            x,
            color: { field: "group", type: "nominal", sort: groupLabels, scale: { domain: groupLabels, range: colours.slice(0, groupLabels.length) }, legend: null },
            href: { field: "href" },
            description: { field: "description" },
          },
        },
        {
          // The computed interval: a rule in the text colour across the bar's end.
          mark: { type: "rule", color: "currentColor", strokeWidth: 1.6, strokeCap: "butt" },
          encoding: {
            x: { field: "wilson_low", type: "quantitative" },
            x2: { field: "wilson_high" },
            href: { field: "href" },
            description: { field: "interval_description" },
          },
        },
        {
          // The number as printed, right of its interval.
          mark: { type: "text", align: "left", baseline: "middle", dx: 3, fontSize: narrow ? 9 : 10 },
          encoding: { x: { field: "wilson_high", type: "quantitative" }, text: { field: "label" } },
        },
      ],
    },
  } as TopLevelSpec;
}

/** The text alternative of an interval chart: what it draws, and each row's printed values. */
export function describeIntervalBars(rows: readonly IntervalRow[], table: string): string {
  const bands = [...new Map(rows.map((d) => [d.row_label, d.row_order])).entries()].sort((a, b) => a[1] - b[1]).map(([r]) => r);
  const parts = bands.map(
    (band) =>
      `${band}: ${rows
        .filter((d) => d.row_label === band)
        .sort((a, b) => a.group_order - b.group_order)
        .map((d) => `${d.group_label} ${d.printed} (computed interval ${formatComputed(d.wilson_low)}–${formatComputed(d.wilson_high)})`)
        .join(", ")}`,
  );
  return `Bars of the ${rows.length} percentages ${table} prints, each with a computed 95% Wilson interval from its N. ${parts.join(". ")}.`;
}
