import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { planarCentroid, simplifyLine, simplifyRing, toTenth } from "../../../../site/charts/geo/planar.ts";

const square = (x: number, y: number, size: number, clockwise = false) => {
  const ring = [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
  return clockwise ? ring.reverse() : ring;
};

describe("planarCentroid", () => {
  it("finds the centre of a square, whichever way it winds", () => {
    assert.deepEqual(planarCentroid([[square(0, 0, 2)]]), [1, 1]);
    assert.deepEqual(planarCentroid([[square(0, 0, 2, true)]]), [1, 1]);
  });

  it("weighs polygons by area and subtracts holes", () => {
    // Two squares: area 4 centred at (1, 1) and area 1 centred at (10.5, 0.5).
    const [x, y] = planarCentroid([[square(0, 0, 2)], [square(10, 0, 1)]]);
    assert.ok(Math.abs(x - (4 * 1 + 1 * 10.5) / 5) < 1e-9 && Math.abs(y - (4 * 1 + 1 * 0.5) / 5) < 1e-9);
    // A 4×4 square with a 2×2 hole in its right half: the centre moves left.
    const [hx] = planarCentroid([[square(0, 0, 4), square(2, 1, 2, true)]]);
    assert.ok(Math.abs(hx - (16 * 2 - 4 * 3) / 12) < 1e-9);
  });
});

describe("simplifyLine", () => {
  it("drops points within the tolerance and keeps the ends and the corners", () => {
    const line = [
      [0, 0],
      [1, 0.1],
      [2, 0],
      [2, 5],
    ];
    assert.deepEqual(simplifyLine(line, 0.5), [
      [0, 0],
      [2, 0],
      [2, 5],
    ]);
    assert.deepEqual(simplifyLine(line, 0.05), line);
  });
});

describe("simplifyRing", () => {
  it("keeps a ring's corners, rounded to a tenth of a pixel, and closes it", () => {
    const ring = [
      [0, 0],
      [5.04, 0.2],
      [10, 0],
      [10, 10.06],
      [0, 10],
      [0, 0],
    ];
    assert.deepEqual(simplifyRing(ring), [
      [0, 0],
      [10, 0],
      [10, 10.1],
      [0, 10],
      [0, 0],
    ]);
  });

  it("gives null for a ring that shrinks below a triangle", () => {
    assert.equal(
      simplifyRing([
        [0, 0],
        [0.01, 0.01],
        [0.02, 0],
        [0, 0],
      ]),
      null,
    );
  });

  it("rounds to a tenth", () => {
    assert.deepEqual([toTenth(1.04), toTenth(1.05), toTenth(-2.26)], [1, 1.1, -2.3]);
  });
});
