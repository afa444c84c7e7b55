import type { TopLevelSpec } from "vega-lite";
import { statisticHref } from "./marks.js";
import { boundedPrinted, datedLayers, datedValues, labelLayers, statementDescription, titleLines, yearDomain, type DatedStatistic } from "./timeline.js";

export interface MexicoFootwearRow extends DatedStatistic {
  reading: string | null;
  quote: string;
}

const IMPORTS = "#e8862e";
const PRODUCTION = "#4c8fd6";
const SHARE = "#3aa57a";

/** The printed number, with how a number printed without its scale is read ("245.2\n(read as 245.2 million)"). */
const withReading = (d: MexicoFootwearRow) => (d.reading ? `${d.printed}\n(read as ${d.reading.replace(/ \(.*$/, "")})` : boundedPrinted(d));

/**
 * What the two documents state about Mexico's footwear imports and production, in place of
 * the thesis's Figure #9 (absent image): on a year axis, the survey's imports (1987, 1991) and
 * national production (1994) in pairs; in a panel of its own, the thesis's share of imports in
 * domestic consumption; and, off the year axis because no year is printed for it, the survey's
 * fall of national production "from 245.2 to 199.6 million pairs". Marks are never joined.
 */
export function thesisGuadalajaraImportsSpec(rows: readonly MexicoFootwearRow[], { width }: { width: number }): TopLevelSpec {
  const narrow = width < 500;
  const dated = rows.filter((d) => d.panel !== "undated");
  const undated = [...rows.filter((d) => d.panel === "undated")].sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
  const label = (d: MexicoFootwearRow) => `${withReading(d).replace("\n", " ")}\n${d.period} (${d.document})`;
  const values = [
    ...datedValues(dated, label),
    // Off the year axis, the smaller number's label goes above its mark and the larger's below,
    // ending at the mark, so that they do not meet.
    ...undated.map((d, i) => ({
      ...d,
      href: statisticHref(d.id),
      description: statementDescription(d),
      label: withReading(d),
      label_line: withReading(d).replace("\n", " "),
      label_above: i === 0,
      label_align: i === 0 ? "center" : "right",
    })),
  ];
  const plotWidth = Math.max(200, width - (narrow ? 66 : 80));
  const x = {
    field: "x_start",
    type: "quantitative",
    scale: { domain: yearDomain(dated), nice: false, zero: false },
    axis: { format: "d", title: null, tickMinStep: 1, labelOverlap: true, grid: false },
  } as const;
  const pairsMax = 1.3 * Math.max(...rows.filter((d) => d.unit === "pairs").map((d) => d.value ?? d.value_high ?? 0));
  const shareMax = 50;
  const pairsAxis = { format: "~s", title: null, tickCount: 4, grid: true, labelExpr: "datum.value === 0 ? '0' : datum.label" } as const;
  const datedPanel = (panel: string, measure: string, title: string, colour: string) => ({
    title: { text: titleLines(title, plotWidth), anchor: "start" as const, fontSize: 12 },
    width: plotWidth,
    height: narrow ? 90 : 100,
    transform: [{ filter: `datum.panel === '${panel}' && datum.measure === '${measure}'` }],
    encoding: { x },
    layer: datedLayers(
      panel === "share"
        ? { field: "value", type: "quantitative", scale: { domain: [0, shareMax], nice: false }, axis: { title: null, tickCount: 2, grid: true, labelExpr: "datum.value + '%'" } }
        : { field: "value", type: "quantitative", scale: { domain: [0, pairsMax], nice: false }, axis: pairsAxis },
      { colour, narrow, domainMax: panel === "share" ? shareMax : pairsMax },
    ),
  });
  const first = undated[0];
  const undatedTitle = first ? titleLines(`No year printed: the survey says ${first.subject}'s “${first.quote}”`, plotWidth) : [];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: "Mexico's footwear imports and production as the survey and the thesis state them; not the thesis's Figure #9.",
    data: { values },
    vconcat: [
      datedPanel("pairs", "shoe_imports", "Imports of shoes, pairs (survey)", IMPORTS),
      datedPanel("pairs", "shoe_production", "Production of shoes in Mexico, pairs (survey)", PRODUCTION),
      datedPanel("share", "import_share_of_footwear_consumption", "Imports' share of domestic consumption (thesis)", SHARE),
      {
        title: { text: undatedTitle, anchor: "start", fontSize: 12 },
        width: plotWidth,
        height: 64,
        transform: [{ filter: "datum.panel === 'undated'" }],
        encoding: {
          x: { field: "value", type: "quantitative", scale: { domain: [0, pairsMax], nice: false }, axis: { ...pairsAxis, title: "pairs (not a year axis)" } },
        },
        layer: [
          {
            mark: { type: "point", filled: true, size: narrow ? 70 : 90, color: PRODUCTION, opacity: 1 },
            encoding: { href: { field: "href" }, description: { field: "description" } },
          },
          ...labelLayers(() => ({ field: "value", type: "quantitative" }), { value: 32 }, { narrow, above: "datum.label_above", alignField: "label_align" }),
        ],
      },
    ],
    spacing: 14,
    resolve: { scale: { x: "independent", y: "independent" } },
  } as TopLevelSpec;
}

/** The text alternative of the chart. */
export function describeThesisGuadalajaraImports(rows: readonly MexicoFootwearRow[]): string {
  const list = rows.map((d) => `${d.measure.replaceAll("_", " ")} ${withReading(d).replace("\n", " ")} (${d.period ?? "no year printed"}, ${d.document})`).join("; ");
  return `The ${rows.length} numbers the documents print for Mexico's footwear imports and production, each at its printed year, not joined: ${list}.`;
}
