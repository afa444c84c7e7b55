import type { TopLevelSpec } from "vega-lite";
import { FDA_RULING } from "./events.js";
import { boundedPrinted, datedLayers, datedValues, eventLayers, titleLines, yearDomain, type DatedStatistic } from "./timeline.js";
import { wrapWords } from "./wrap.js";

export interface SialkotExportRow extends DatedStatistic {
  quote: string;
}

/** The quote from the printed number on: "25% above the quantities exported in 1992-93". */
export function fromPrinted(d: Pick<SialkotExportRow, "quote" | "printed">): string {
  const at = d.quote.indexOf(d.printed);
  return at < 0 ? d.printed : d.quote.slice(at);
}

const DOLLARS = "#4c8fd6";
const CHANGE = "#e8862e";

/**
 * What the two documents state about Sialkot's exports, in place of the thesis's Figures #7
 * and #8 (absent images): each export value in US dollars at the period it is printed for (a
 * span for 1995-96 and 2000-2001, a point for a single year, an upward triangle for "over"),
 * and, in a small panel of its own (a percent change shares no axis with dollars), the
 * thesis's rebound of export volumes by late 1997. A dashed rule marks the FDA ruling of
 * May 1994. Marks are never joined: these are separate statements, not a series.
 */
export function thesisSialkotExportsSpec(rows: readonly SialkotExportRow[], { width }: { width: number }): TopLevelSpec {
  const narrow = width < 500;
  const values = datedValues(rows, (d) =>
    d.panel === "dollars"
      ? `${boundedPrinted(d)}\n${d.period} (${d.document})`
      : `${wrapWords(fromPrinted(d), narrow ? 26 : 60).join("\n")}\n${d.period} (${d.document})`,
  );
  const plotWidth = Math.max(200, width - (narrow ? 66 : 80));
  const domain = yearDomain(rows, [FDA_RULING]);
  const x = {
    field: "x_start",
    type: "quantitative",
    scale: { domain, nice: false, zero: false },
    axis: { format: "d", title: null, tickMinStep: 1, labelOverlap: true, grid: false },
  } as const;
  const dollarsMax = 1.3 * Math.max(...rows.filter((d) => d.panel === "dollars").map((d) => d.value_high ?? d.value_low ?? 0));
  const changeMax = 1.6 * Math.max(...rows.filter((d) => d.panel !== "dollars").map((d) => d.value ?? 0));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: "Sialkot's exports as the survey and the thesis state them, each at its printed period; not the thesis's Figures #7 or #8.",
    data: { values },
    vconcat: [
      {
        title: { text: titleLines("Exports, US dollars as printed", plotWidth), anchor: "start", fontSize: 12 },
        width: plotWidth,
        height: narrow ? 170 : 190,
        transform: [{ filter: "datum.panel === 'dollars'" }],
        encoding: { x },
        layer: [
          ...eventLayers(FDA_RULING, { narrow, showLabel: true, domain }),
          ...datedLayers(
            { field: "value_low", type: "quantitative", scale: { domain: [0, dollarsMax], nice: false }, axis: { format: "$~s", title: null, tickCount: 4, grid: true, labelExpr: "datum.value === 0 ? '0' : datum.label" } },
            { colour: DOLLARS, narrow, domainMax: dollarsMax },
          ),
        ],
      },
      {
        title: { text: titleLines("Change in export volumes, percent", plotWidth), anchor: "start", fontSize: 12 },
        width: plotWidth,
        height: narrow ? 80 : 70,
        transform: [{ filter: "datum.panel !== 'dollars'" }],
        encoding: { x },
        layer: [
          ...eventLayers(FDA_RULING, { narrow, showLabel: false, domain }),
          ...datedLayers(
            { field: "value", type: "quantitative", scale: { domain: [0, changeMax], nice: false }, axis: { format: "d", title: null, tickCount: 2, grid: true, labelExpr: "datum.value + '%'" } },
            { colour: CHANGE, narrow, domainMax: changeMax },
          ),
        ],
      },
    ],
    spacing: 16,
    resolve: { scale: { x: "shared", y: "independent" } },
  } as TopLevelSpec;
}

/** The text alternative of the chart. */
export function describeThesisSialkotExports(rows: readonly SialkotExportRow[]): string {
  const list = rows.map((d) => `${boundedPrinted(d)} (${d.period ?? "no period printed"}, ${d.document})`).join("; ");
  return `The ${rows.length} numbers the documents print for Sialkot's exports, each at its period, not joined: ${list}. A dashed rule marks the FDA ruling of May 1994.`;
}
