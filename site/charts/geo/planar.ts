// Geometry in the plane of the drawing, in pixels: centroids, and outlines simplified to what
// shows at a width.
import type { Position } from "geojson";

/** Pixel coordinates kept to one decimal: finer detail is invisible and would only weigh on the SVG. */
export const toTenth = (v: number) => Math.round(v * 10) / 10;

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
const TOLERANCE = 0.5;

/**
 * A closed ring simplified and rounded to a tenth of a pixel, without repeated points; null when
 * it shrinks below a triangle. The ring is split at its point farthest from the start, so that
 * Douglas–Peucker, which keeps a line's ends, sees two open lines.
 */
export function simplifyRing(ring: readonly Position[]): Position[] | null {
  const start = ring[0]!;
  let far = 0;
  ring.forEach((p, i) => {
    if (Math.hypot(p[0]! - start[0]!, p[1]! - start[1]!) > Math.hypot(ring[far]![0]! - start[0]!, ring[far]![1]! - start[1]!)) far = i;
  });
  const simplified = far > 0 ? [...simplifyLine(ring.slice(0, far + 1), TOLERANCE).slice(0, -1), ...simplifyLine(ring.slice(far), TOLERANCE)] : [...ring];
  const out: Position[] = [];
  for (const [x, y] of simplified) {
    const point = [toTenth(x!), toTenth(y!)];
    const last = out.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out.length >= 4 ? out : null;
}
