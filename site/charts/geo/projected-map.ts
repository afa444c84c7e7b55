// The atlas projected to pixels at a width, in this module rather than in Vega, so that the
// outlines the SVG carries can be simplified to what shows at that width and rounded to a
// tenth of a pixel (Vega prints every atlas point, to three decimals: 180 KB an SVG).
import type { Position } from "geojson";
import * as vega from "vega";
import { ATLAS_COUNTRIES, type CountryShape } from "./atlas.js";
import { planarCentroid, simplifyRing, toTenth } from "./planar.js";

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
function projectShape(projection: GeoProjection, shape: CountryShape): Position[][][] {
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

export interface ProjectedMap {
  width: number;
  height: number;
  /** Countries as GeoJSON in pixel coordinates, drawn with Vega's identity projection. */
  shapes: CountryShape[];
  /** Each country's centroid in pixels, by atlas name. */
  centroids: Map<string, [number, number]>;
}

const cache = new Map<number, ProjectedMap>();

/** The atlas's countries (but Antarctica) in Equal Earth, fitted to `width`, and their centroids. */
export function projectedMap(width: number): ProjectedMap {
  const cached = cache.get(width);
  if (cached) return cached;
  const projection = equalEarth().fitWidth(width, { type: "FeatureCollection", features: ATLAS_COUNTRIES });
  let height = 0;
  const shapes: CountryShape[] = [];
  const centroids = new Map<string, [number, number]>();
  for (const country of ATLAS_COUNTRIES) {
    const projected = projectShape(projection, country);
    for (const polygon of projected) for (const ring of polygon) for (const [, y] of ring) height = Math.max(height, y!);
    centroids.set(country.properties.name, planarCentroid(projected));
    let rings = projected.map((polygon) => polygon.map(simplifyRing).filter((ring): ring is Position[] => ring !== null)).filter((p) => p.length > 0);
    // A country too small to keep a ring at this width still gets a (tiny) shape.
    if (rings.length === 0) rings = [[projected[0]![0]!.map((p) => [toTenth(p[0]!), toTenth(p[1]!)])]];
    shapes.push({ type: "Feature", properties: { name: country.properties.name }, geometry: { type: "MultiPolygon", coordinates: rings } });
  }
  const map = { width, height: Math.ceil(height) + 1, shapes, centroids };
  cache.set(width, map);
  return map;
}
