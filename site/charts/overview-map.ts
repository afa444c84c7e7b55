import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import * as vega from "vega";
import type { TopLevelSpec } from "vega-lite";
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

type Shape = Feature<Polygon | MultiPolygon, { name: string }>;

/**
 * The atlas, read once when the module loads: specs run in Node at build time, so the
 * geometry reaches the drawing without passing through the page (only the SVG is shipped).
 */
const ATLAS_PATH = createRequire(import.meta.url).resolve("world-atlas/countries-110m.json");
const atlas = JSON.parse(readFileSync(ATLAS_PATH, "utf8")) as Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** Antarctica is left off: it holds no cluster and would take a fifth of the map's height. */
export const LEFT_OFF = new Set(["Antarctica"]);

/** The atlas countries the map draws, in the atlas's order. */
export const ATLAS_COUNTRIES: readonly Shape[] = (feature(atlas, atlas.objects.countries) as FeatureCollection).features.filter(
  (f): f is Shape => (f.geometry.type === "Polygon" || f.geometry.type === "MultiPolygon") && !LEFT_OFF.has(String(f.properties?.name)),
);

/** The part of a d3 projection this module uses. */
interface GeoProjection {
  fitWidth(width: number, object: unknown): GeoProjection;
  stream(sink: GeoSink): GeoSink;
}

/** d3-geo's stream interface, which a projection's stream calls after clipping and resampling. */
interface GeoSink {
  point(x: number, y: number): void;
  lineStart(): void;
  lineEnd(): void;
  polygonStart(): void;
  polygonEnd(): void;
  sphere?(): void;
}

/** Vega's registry of d3 projections: vega.projection(name) returns the constructor. */
const equalEarth = (vega.projection as unknown as (type: string) => () => GeoProjection)("equalEarth");

/** Streams a shape through a projection, which cuts it at the antimeridian, and collects the rings in pixels. */
function projectShape(projection: GeoProjection, shape: Shape): Position[][][] {
  const polygons: Position[][][] = [];
  let rings: Position[][] = [];
  let ring: Position[] = [];
  const stream = projection.stream({
    point: (x, y) => void ring.push([x, y]),
    lineStart: () => void (ring = []),
    lineEnd: () => {
      if (ring.length > 2) rings.push(ring);
    },
    polygonStart: () => void (rings = []),
    polygonEnd: () => {
      if (rings.length) polygons.push(rings);
    },
  });
  const polygonsIn = shape.geometry.type === "Polygon" ? [shape.geometry.coordinates] : shape.geometry.coordinates;
  for (const polygon of polygonsIn) {
    stream.polygonStart();
    for (const r of polygon) {
      stream.lineStart();
      // A GeoJSON ring repeats its first point last; d3's stream expects it once.
      for (const [lon, lat] of r.slice(0, -1)) stream.point(lon!, lat!);
      stream.lineEnd();
    }
    stream.polygonEnd();
  }
  return polygons.map((rs) => rs.map((r) => [...r, r[0]!]));
}

/** Twice the signed area and the first moments of a closed planar ring (shoelace formula). */
function ringMoments(ring: readonly Position[]): { area: number; mx: number; my: number } {
  let area = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    const cross = x0! * y1! - x1! * y0!;
    area += cross;
    mx += (x0! + x1!) * cross;
    my += (y0! + y1!) * cross;
  }
  return { area, mx, my };
}

/**
 * The planar centroid of projected polygons, by signed areas: holes wind against their outer
 * ring and subtract. Equal Earth preserves area, so this is the country's centre of area as drawn.
 */
export function planarCentroid(polygons: readonly (readonly (readonly Position[])[])[]): [number, number] {
  let area = 0;
  let mx = 0;
  let my = 0;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const m = ringMoments(ring);
      area += m.area;
      mx += m.mx;
      my += m.my;
    }
  }
  return [mx / (3 * area), my / (3 * area)];
}

/** Pixel coordinates kept to one decimal: finer detail is invisible and would only weigh on the SVG. */
const round = (v: number) => Math.round(v * 10) / 10;

/** Distance from p to the segment a–b. */
function segmentDistance(p: Position, a: Position, b: Position): number {
  const [px, py] = [p[0]!, p[1]!];
  const [ax, ay] = [a[0]!, a[1]!];
  const [dx, dy] = [b[0]! - ax, b[1]! - ay];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Douglas–Peucker: the points of a line that keep it within `tolerance` pixels of the original. */
export function simplifyLine(points: readonly Position[], tolerance: number): Position[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(points[i]!, points[first]!, points[last]!);
      if (d > distance) [worst, distance] = [i, d];
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** How far, in pixels, a simplified outline may stray from the atlas's: under half a pixel. */
export const TOLERANCE = 0.5;

/**
 * A closed ring simplified and rounded to a tenth of a pixel, without repeated points; null when
 * it shrinks below a triangle. The ring is split at its point farthest from the start, so that
 * Douglas–Peucker, which keeps a line's ends, sees two open lines.
 */
function simplifyRing(ring: readonly Position[]): Position[] | null {
  const start = ring[0]!;
  let far = 0;
  ring.forEach((p, i) => {
    if (Math.hypot(p[0]! - start[0]!, p[1]! - start[1]!) > Math.hypot(ring[far]![0]! - start[0]!, ring[far]![1]! - start[1]!)) far = i;
  });
  const simplified = far > 0 ? [...simplifyLine(ring.slice(0, far + 1), TOLERANCE).slice(0, -1), ...simplifyLine(ring.slice(far), TOLERANCE)] : [...ring];
  const out: Position[] = [];
  for (const [x, y] of simplified) {
    const point = [round(x!), round(y!)];
    const last = out.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out.length >= 4 ? out : null;
}

export interface ProjectedMap {
  width: number;
  height: number;
  /** Countries as GeoJSON in pixel coordinates, drawn with Vega's identity projection. */
  shapes: Shape[];
  /** Each country's centroid in pixels, by atlas name. */
  centroids: Map<string, [number, number]>;
}

const cache = new Map<number, ProjectedMap>();

/**
 * Projects the atlas (Equal Earth, fitted to `width`) in this module rather than in Vega, so that
 * the outlines the SVG carries can be simplified to what shows at that width and rounded to a
 * tenth of a pixel (Vega prints every atlas point, to three decimals: 180 KB an SVG).
 */
export function projectedMap(width: number): ProjectedMap {
  const cached = cache.get(width);
  if (cached) return cached;
  const projection = equalEarth().fitWidth(width, { type: "FeatureCollection", features: ATLAS_COUNTRIES });
  let height = 0;
  const shapes: Shape[] = [];
  const centroids = new Map<string, [number, number]>();
  for (const country of ATLAS_COUNTRIES) {
    const projected = projectShape(projection, country);
    for (const polygon of projected) for (const ring of polygon) for (const [, y] of ring) height = Math.max(height, y!);
    centroids.set(country.properties.name, planarCentroid(projected));
    let rings = projected.map((polygon) => polygon.map(simplifyRing).filter((ring): ring is Position[] => ring !== null)).filter((p) => p.length > 0);
    // A country too small to keep a ring at this width still gets a (tiny) shape.
    if (rings.length === 0) rings = [[projected[0]![0]!.map((p) => [round(p[0]!), round(p[1]!)])]];
    shapes.push({ type: "Feature", properties: { name: country.properties.name }, geometry: { type: "MultiPolygon", coordinates: rings } });
  }
  const map = { width, height: Math.ceil(height) + 1, shapes, centroids };
  cache.set(width, map);
  return map;
}

/** Countries whose label would run into a neighbour's symbol on the right are labelled on the left. */
const LABEL_LEFT = new Set(["Pakistan", "Peru"]);

export const WITH_FIGURE = "worker count printed (area ∝ workers)";
export const WITHOUT_FIGURE = "no employment figure printed";

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
      x: round(centroid[0]),
      y: round(centroid[1]),
      area: Math.round(area),
      labelX: round(centroid[0] + (left ? -1 : 1) * (radius + 3)),
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
