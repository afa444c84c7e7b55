import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ATLAS_COUNTRIES } from "../../../../site/charts/geo/atlas.ts";

describe("the atlas", () => {
  it("holds the 1:110m countries as polygons, Antarctica left off", () => {
    assert.equal(ATLAS_COUNTRIES.length, 176);
    assert.ok(!ATLAS_COUNTRIES.some((c) => c.properties.name === "Antarctica"));
    assert.ok(ATLAS_COUNTRIES.every((c) => c.geometry.type === "Polygon" || c.geometry.type === "MultiPolygon"));
    assert.equal(new Set(ATLAS_COUNTRIES.map((c) => c.properties.name)).size, ATLAS_COUNTRIES.length, "names are unique: centroids are looked up by name");
  });
});
