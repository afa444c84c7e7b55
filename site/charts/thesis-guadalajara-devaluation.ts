import type { TopLevelSpec } from "vega-lite";
import { PESO_DEVALUATION } from "./events.js";
import { statisticHref } from "./marks.js";
import { boundedPrinted, datedLayers, labelLayers, datedValues, eventLayers, statementDescription, titleLines, yearDomain, type DatedStatistic } from "./timeline.js";
import { wrapWords } from "./wrap.js";

export interface DevaluationRow extends DatedStatistic {
  /** Which side of the devaluation an undated number stands on, as the sentence says: "before", "after"; null when dated. */
  side: "before" | "after" | null;
  quote: string;
}

const FIRMS = "#3aa57a";
const PAIRS = "#4c8fd6";

/** The band of an undated number: the side of the devaluation the thesis puts it on. */
const SIDE_LABELS = { before: "prior to the second Mexican financial crises", after: "following the currency devaluation" } as const;

/**
 * What the thesis states about Guadalajara's exports around the 1994 peso devaluation, in place
 * of its Figure #10 "Mexican Peso Real Exchange Rate" (absent image; no rate is printed): the
 * Camara del Calzado's exporting firms in 1990 and 1995 on a year axis with the devaluation
 * as a dashed rule; and, off the year axis because no year is printed for them, the pairs
 * "manufactured" before the crisis and "exported" per year after the devaluation, one band each.
 */
export function thesisGuadalajaraDevaluationSpec(rows: readonly DevaluationRow[], { width }: { width: number }): TopLevelSpec {
  const narrow = width < 500;
  const dated = rows.filter((d) => d.panel === "dated");
  const undated = rows.filter((d) => d.panel !== "dated");
  const values = [
    ...datedValues(dated, (d) => `${boundedPrinted(d)} (${d.period})`),
    ...undated.map((d) => ({
      ...d,
      href: statisticHref(d.id),
      description: statementDescription(d),
      band: d.side ? SIDE_LABELS[d.side] : "",
      label: `${boundedPrinted(d)}${d.unit === "pairs_per_year" && !/per year/.test(d.printed) ? " per year" : ""}\n${d.measure === "footwear_exports" ? "exported" : "manufactured"}`,
      label_align: "right",
    })),
  ];
  // Band labels in lines of at most 11 characters: 88 px as Vega estimates 10 px text.
  const bandLines = Object.fromEntries(Object.values(SIDE_LABELS).map((label) => [label, wrapWords(label, 11)]));
  const bandWidth = 96;
  // Both panels start right of the band labels (the widest axis labels) and Vega's padding.
  const plotWidth = Math.max(180, width - bandWidth - 4 - 10 - 4);
  const firmsMax = 1.35 * Math.max(...dated.map((d) => d.value ?? d.value_high ?? 0));
  const pairsMax = 1.4 * Math.max(...undated.map((d) => d.value ?? d.value_high ?? 0));
  const subject = dated[0]?.subject ?? "";
  const domain = yearDomain(dated, [PESO_DEVALUATION]);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: "Guadalajara's exports around the 1994 peso devaluation as the thesis states them; not the thesis's Figure #10.",
    data: { values },
    vconcat: [
      {
        title: { text: titleLines(`Exporting firms of the ${subject}`, plotWidth), anchor: "start", fontSize: 12 },
        width: plotWidth,
        height: narrow ? 110 : 120,
        transform: [{ filter: "datum.panel === 'dated'" }],
        encoding: {
          x: { field: "x_start", type: "quantitative", scale: { domain, nice: false, zero: false }, axis: { format: "d", title: null, tickMinStep: 1, labelOverlap: true, grid: false } },
        },
        layer: [
          ...eventLayers(PESO_DEVALUATION, { narrow, showLabel: true, domain }),
          ...datedLayers(
            { field: "value", type: "quantitative", scale: { domain: [0, firmsMax], nice: false }, axis: { format: "d", title: null, tickCount: 3, grid: true } },
            { colour: FIRMS, narrow, domainMax: firmsMax },
          ),
        ],
      },
      {
        title: { text: titleLines("Guadalajara, pairs of shoes: no year printed", plotWidth), anchor: "start", fontSize: 12 },
        width: plotWidth,
        height: { step: 60 },
        transform: [{ filter: "datum.panel !== 'dated'" }],
        encoding: {
          y: { field: "band", type: "nominal", sort: [SIDE_LABELS.before, SIDE_LABELS.after], title: null, axis: { labelExpr: `(${JSON.stringify(bandLines)})[datum.label] || datum.label`, labelLimit: bandWidth, labelLineHeight: 12, ticks: false, labelFontSize: 10 } },
          x: { field: "value", type: "quantitative", scale: { domain: [0, pairsMax], nice: false }, axis: { format: "~s", title: "pairs (not a year axis)", tickCount: 3, grid: true, labelExpr: "datum.value === 0 ? '0' : datum.label" } },
        },
        layer: [
          {
            mark: { type: "point", filled: true, size: narrow ? 70 : 90, color: PAIRS, opacity: 1 },
            encoding: { href: { field: "href" }, description: { field: "description" } },
          },
          // The printed words below the mark, ending at it.
          ...labelLayers(() => ({ field: "value", type: "quantitative" }), { field: "band", type: "nominal", sort: [SIDE_LABELS.before, SIDE_LABELS.after] }, { narrow, above: "false", alignField: "label_align" }),
        ],
      },
    ],
    spacing: 16,
    resolve: { scale: { x: "independent", y: "independent" } },
  } as TopLevelSpec;
}

/** The text alternative of the chart. */
export function describeThesisGuadalajaraDevaluation(rows: readonly DevaluationRow[]): string {
  const list = rows.map((d) => `${d.measure.replaceAll("_", " ")} ${boundedPrinted(d)} (${d.period ?? (d.side ? SIDE_LABELS[d.side] : "no year printed")})`).join("; ");
  return `What the thesis states about Guadalajara's exports around the peso devaluation it dates to 1994, not joined: ${list}. A dashed rule marks the devaluation.`;
}
