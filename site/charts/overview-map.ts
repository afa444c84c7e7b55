import type { TopLevelSpec } from "vega-lite";
import { toTenth } from "./geo/planar.js";
import { projectedMap } from "./geo/projected-map.js";
import { statisticHref, type ChartedStatistic } from "./marks.js";

/** One row of src/sql/overview-clusters.sql: a country with clusters, and the count that sizes it. */
export interface ClusterCountryRow extends Omit<ChartedStatistic, "id" | "printed" | "qualifier"> {
  country: string;
  clusters: string;
  cluster_count: number;
  thesis_clusters: string;
  footnote_only: boolean;
  worker_counts_printed: number;
  id: string | null;
  sized_by_cluster: string | null;
  document: string | null;
  locator: string | null;
  measure: string | null;
  printed: string | null;
  qualifier: string | null;
  period: string | null;
}

/** Countries whose label would run into a neighbour's symbol on the right are labelled on the left. */
const LABEL_LEFT = new Set(["Pakistan", "Peru"]);

const WITH_FIGURE = "worker count printed (area ∝ workers)";
const WITHOUT_FIGURE = "no employment figure printed";

/**
 * The overview map: every atlas country (but Antarctica) as a faint shape, the countries with a
 * cluster in either document shaded, and one symbol per such country at its centroid. A symbol's
 * area is proportional to the largest worker count the documents print for one of the country's
 * clusters (the SQL picks it); a country with no such count gets a hollow diamond. Symbols and
 * labels that show a number link to its statistic.
 */
export function overviewMapSpec(rows: readonly ClusterCountryRow[], { width }: { width: number }): TopLevelSpec {
  const map = projectedMap(width);
  const small = width < 500;
  const maxArea = small ? 700 : 1800;
  const maxWorkers = Math.max(...rows.map((d) => d.value ?? d.value_low ?? 0));
  const clusterCountries = new Set(rows.map((d) => d.country));
  const shapes = map.shapes.map((s) => ({ ...s, properties: { ...s.properties, cluster: clusterCountries.has(s.properties.name) } }));
  const symbols = rows.map((d) => {
    const centroid = map.centroids.get(d.country);
    if (!centroid) throw new Error(`invalid country: ${d.country} (not in world-atlas countries-110m)`);
    const count = d.value ?? d.value_low;
    const area = d.id && count !== null ? (maxArea * count) / maxWorkers : small ? 45 : 80;
    const radius = d.id ? Math.sqrt(area / Math.PI) : Math.sqrt(area) / 2;
    const left = LABEL_LEFT.has(d.country);
    const where = d.footnote_only
      ? "named in the survey's footnote 4, among the case studies of McCormick (1999)"
      : `named in the survey${d.thesis_clusters ? `; the thesis studies ${d.thesis_clusters}` : ""}`;
    const figure = d.id
      ? `largest worker count printed for one of its clusters: ${d.printed} (${d.measure?.replaceAll("_", " ")}, ${d.sized_by_cluster}${d.period ? `, ${d.period}` : ""}; ${d.document}, ${d.locator})`
      : "no employment figure printed";
    return {
      country: d.country,
      status: d.id ? WITH_FIGURE : WITHOUT_FIGURE,
      x: toTenth(centroid[0]),
      y: toTenth(centroid[1]),
      area: Math.round(area),
      labelX: toTenth(centroid[0] + (left ? -1 : 1) * (radius + 3)),
      align: left ? "right" : "left",
      label: d.id ? [d.country, `${d.printed} ${d.measure === "employees" ? "employees" : "workers"}`] : [d.country],
      href: d.id ? statisticHref(d.id) : null,
      description: `${d.country}: ${d.clusters}; ${where}; ${figure}. Symbol at the country's centroid, not at the clusters.`,
    };
  });
  // Only symbols and labels that show a number link; the others carry no link at all.
  const linked = { condition: { test: "datum.href !== null", field: "href" } } as const;
  const lon = { field: "x", type: "quantitative" } as const;
  const lat = { field: "y", type: "quantitative" } as const;
  const accent = "#4c78a8";
  const legend = {
    title: null,
    // Inside the map, in the empty South Pacific, where there is room; under it on a phone.
    orient: small ? ("bottom" as const) : ("bottom-left" as const),
    direction: "vertical" as const,
    labelFontSize: small ? 9 : 11,
    labelLimit: 0,
    symbolStrokeColor: "currentColor",
    symbolStrokeWidth: 1.5,
    symbolSize: small ? 60 : 100,
  };
  const status = { field: "status", type: "nominal", scale: { domain: [WITH_FIGURE, WITHOUT_FIGURE] }, legend } as const;
  const labelLayer = (align: "left" | "right") => ({
    name: `labels_${align}`,
    data: { values: symbols.filter((s) => s.align === align) },
    mark: { type: "text" as const, align, baseline: "middle" as const, fontSize: small ? 9 : 11, lineHeight: small ? 10 : 13 },
    encoding: {
      longitude: { field: "labelX", type: "quantitative" as const },
      latitude: lat,
      text: { field: "label" },
      href: linked,
      description: { field: "description" },
    },
  });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: "Countries with a cluster in the survey or the thesis; symbols at country centroids, sized by the largest printed worker count.",
    width: map.width,
    height: map.height,
    padding: 0,
    projection: { type: "identity", scale: 1, translate: [0, 0] },
    layer: [
      {
        name: "countries",
        data: { values: shapes },
        mark: { type: "geoshape", stroke: "currentColor", strokeWidth: 0.4, strokeOpacity: 0.35, aria: false },
        encoding: {
          fill: { condition: { test: "datum.properties.cluster", value: "#f58518" }, value: "currentColor" },
          fillOpacity: { condition: { test: "datum.properties.cluster", value: 0.45 }, value: 0.07 },
        },
      },
      {
        name: "symbols",
        data: { values: symbols },
        mark: { type: "point", strokeWidth: 1.5, fillOpacity: 0.8 },
        encoding: {
          longitude: lon,
          latitude: lat,
          size: { field: "area", type: "quantitative", scale: null },
          shape: { ...status, scale: { ...status.scale, range: ["circle", "diamond"] } },
          fill: { ...status, scale: { ...status.scale, range: [accent, "transparent"] } },
          stroke: { ...status, scale: { ...status.scale, range: ["currentColor", "currentColor"] } },
          href: linked,
          description: { field: "description" },
        },
      },
      labelLayer("left"),
      labelLayer("right"),
    ],
  } as TopLevelSpec;
}

/** The map's text alternative. */
export function describeOverviewMap(rows: readonly ClusterCountryRow[]): string {
  return `A world map shading the ${rows.length} countries where the documents name clusters, with one symbol per country at its centroid (not at the clusters), sized by the largest worker count printed for one of its clusters; ${rows.filter((d) => d.id === null).length} countries have no employment figure printed.`;
}
