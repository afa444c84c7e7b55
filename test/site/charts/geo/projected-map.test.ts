import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ATLAS_COUNTRIES } from "../../../../site/charts/geo/atlas.ts";
import { projectedMap } from "../../../../site/charts/geo/projected-map.ts";
import { RENDER_WIDTHS } from "../../../../site/render/render.ts";

describe("projectedMap", () => {
  it("fits the atlas to the width, a shape and a centroid per country, every centroid inside the drawing", () => {
    for (const width of RENDER_WIDTHS) {
      const map = projectedMap(width);
      assert.equal(map.width, width);
      assert.equal(map.shapes.length, ATLAS_COUNTRIES.length);
      assert.equal(map.centroids.size, ATLAS_COUNTRIES.length);
      // Equal Earth is about twice as wide as it is high.
      assert.ok(map.height > width * 0.4 && map.height < width * 0.5, `height ${map.height} at width ${width}`);
      for (const shape of map.shapes) {
        for (const polygon of shape.geometry.coordinates as number[][][][]) {
          for (const ring of polygon) for (const [x, y] of ring) assert.ok(x! >= 0 && x! <= width && y! >= 0 && y! <= map.height, `${shape.properties.name} at ${x},${y}`);
        }
      }
      for (const [name, [x, y]] of map.centroids) assert.ok(x > 0 && x < width && y > 0 && y < map.height, `${name} at ${x},${y} (width ${width})`);
      // Brazil lies west of India and south of Mexico on any world map.
      const [bx, by] = map.centroids.get("Brazil")!;
      assert.ok(bx < map.centroids.get("India")![0] && by > map.centroids.get("Mexico")![1]);
    }
  });

  it("keeps every point to a tenth of a pixel", () => {
    const map = projectedMap(RENDER_WIDTHS[0]!);
    for (const shape of map.shapes) {
      for (const polygon of shape.geometry.coordinates as number[][][][]) {
        for (const ring of polygon) for (const v of ring.flat()) assert.equal(Math.round(v * 10) / 10, v, shape.properties.name);
      }
    }
  });
});
