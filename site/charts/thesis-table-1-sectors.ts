import type { TopLevelSpec } from "vega-lite";
import { statisticHref, type ChartedStatistic } from "./marks.js";
import { wrappedLabelExpr, wrapWords } from "./wrap.js";

export interface SectorRow extends ChartedStatistic {
  sector: string;
  row_order: number;
  region: string;
  column_order: number;
  unit: string;
  cited_source: string | null;
}

/**
 * The two regions' colours: a blue and an orange that keep their contrast on the light and the
 * dark theme's background alike, and that colour-blind readers tell apart by lightness.
 */
const REGION_COLOURS = ["#4c8fd6", "#e8862e"] as const;

const PANELS = [
  { unit: "firms", title: "Firms" },
  { unit: "workers", title: "Workers" },
] as const;

/**
 * Thesis Table #1: firms and workers per sector, Rio Grande do Sul beside the Sinos Valley.
 * One panel per unit (firms, workers), sectors in the table's order, one bar per printed
 * number, labelled with the number as printed. The scale is linear and starts at zero: the
 * bars compare the two regions sector by sector. The Total row is not a sector and is not
 * drawn (the query leaves it out).
 */
export function thesisTable1SectorsSpec(rows: readonly SectorRow[], { width }: { width: number }): TopLevelSpec {
  const narrow = width < 500;
  const values = rows.map((d) => ({
    ...d,
    href: statisticHref(d.id),
    description: `${d.region}, ${d.sector}: ${d.printed} ${d.unit} (Table #1${d.cited_source ? `, ${d.cited_source}` : ""})`,
  }));
  const sectors = [...new Map(rows.map((d) => [d.sector, d.row_order])).entries()].sort((a, b) => a[1] - b[1]).map(([s]) => s);
  const regions = [...new Map(rows.map((d) => [d.region, d.column_order])).entries()].sort((a, b) => a[1] - b[1]).map(([r]) => r);
  const labelFont = narrow ? 10 : 11;
  const labelExpr = wrappedLabelExpr(sectors, narrow ? 14 : 22);
  // Vega lays labels out by an estimate of their width (0.8 of the font size a character),
  // not by measuring them; the panel leaves the estimated room, so no label is cut short.
  const longestLine = Math.max(1, ...sectors.flatMap((s) => wrapWords(s, narrow ? 14 : 22)).map((l) => l.length));
  const labelWidth = Math.ceil(longestLine * 0.8 * labelFont) + 6;
  // Room on the right of the longest bar for its printed number.
  const panelWidth = Math.max(120, width - labelWidth - (narrow ? 36 : 50));
  const y = {
    field: "sector",
    type: "nominal",
    sort: sectors,
    title: null,
    axis: { labelExpr, labelLimit: labelWidth, labelFontSize: labelFont, labelLineHeight: labelFont + 2, labelPadding: 4, ticks: false },
  } as const;
  const yOffset = { field: "region", type: "nominal", sort: regions } as const;
  const panel = ({ unit, title }: (typeof PANELS)[number]) => {
    const max = Math.max(0, ...rows.filter((d) => d.unit === unit).map((d) => d.value ?? d.value_high ?? 0));
    const x = {
      field: "value",
      type: "quantitative" as const,
      title: null,
      // 18% past the longest bar leaves room for its printed label.
      scale: { domain: [0, max * 1.18], nice: false },
      axis: { format: "~s", labelExpr: "datum.value === 0 ? '0' : datum.label", tickCount: narrow ? 3 : 5, grid: true },
    };
    return {
      title: { text: title, anchor: "start" as const, fontSize: 12 },
      width: panelWidth,
      height: { step: narrow ? 18 : 14 },
      transform: [{ filter: { field: "unit", equal: unit } }],
      encoding: { y, yOffset, x },
      layer: [
        {
          mark: { type: "bar" as const, cornerRadiusEnd: 1.5 },
          encoding: {
            color: { field: "region", type: "nominal" as const, sort: regions, scale: { domain: regions, range: [...REGION_COLOURS] }, legend: { title: null, orient: "top" as const, direction: narrow ? ("vertical" as const) : ("horizontal" as const) } },
            href: { field: "href" },
            description: { field: "description" },
          },
        },
        {
          // The number as printed, at the end of its bar.
          mark: { type: "text" as const, aria: false, align: "left" as const, baseline: "middle" as const, dx: 3, fontSize: narrow ? 9 : 10 },
          encoding: { text: { field: "printed" } },
        },
      ],
    };
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: "Thesis Table #1: firms and workers per sector in Rio Grande do Sul and in the Sinos Valley, as printed.",
    data: { values },
    vconcat: PANELS.map(panel),
    spacing: 18,
    resolve: { scale: { x: "independent", color: "shared" } },
  };
}

/** The text alternative of the chart. */
export function describeThesisTable1Sectors(rows: readonly SectorRow[]): string {
  const sectors = new Set(rows.map((d) => d.sector));
  const regions = [...new Set(rows.map((d) => d.region))];
  const sv = (unit: string) => rows.filter((d) => d.unit === unit && d.region === regions.at(-1)).map((d) => `${d.sector} ${d.printed}`).join(", ");
  return (
    `Bars of firms and of workers for ${sectors.size} sectors in ${regions.join(" and in ")}, as Table #1 prints them (the Total row is not drawn). ` +
    `${regions.at(-1)} firms: ${sv("firms")}. ${regions.at(-1)} workers: ${sv("workers")}.`
  );
}
