// The world's countries the overview map draws, from world-atlas (Natural Earth at 1:110m),
// read once when the module loads: specs run in Node at build time, so the geometry reaches
// the drawing without passing through the page (only the SVG is shipped).
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/** A country of the atlas, by its name. */
export type CountryShape = Feature<Polygon | MultiPolygon, { name: string }>;

const ATLAS_PATH = createRequire(import.meta.url).resolve("world-atlas/countries-110m.json");
const atlas = JSON.parse(readFileSync(ATLAS_PATH, "utf8")) as Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** Antarctica is left off: it holds no cluster and would take a fifth of the map's height. */
const LEFT_OFF = new Set(["Antarctica"]);

/** The atlas countries the map draws, in the atlas's order. */
export const ATLAS_COUNTRIES: readonly CountryShape[] = (feature(atlas, atlas.objects.countries) as FeatureCollection).features.filter(
  (f): f is CountryShape => (f.geometry.type === "Polygon" || f.geometry.type === "MultiPolygon") && !LEFT_OFF.has(String(f.properties?.name)),
);
