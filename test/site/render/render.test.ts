import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { TopLevelSpec } from "vega-lite";
import { PROJECT_ROOT } from "../../../data-loaders/paths.ts";
import { drawSvg, prerender, RENDER_WIDTHS, scopeIds, type RenderCache } from "../../../site/render/render.ts";

const spec = (n: number): TopLevelSpec => ({
  data: { values: [{ a: "x", b: n }] },
  mark: "bar",
  encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } },
});

function memoryCache(): RenderCache & { store: Map<string, string> } {
  const store = new Map<string, string>();
  return { store, get: async (key) => store.get(key), set: async (key, svg) => void store.set(key, svg) };
}

describe("drawing charts with a cache", () => {
  it("draws what it has not drawn, keeps it, and gives it back the same bytes", async () => {
    const cache = memoryCache();
    const fresh = await drawSvg(spec(1));
    assert.match(fresh, /^<svg/);
    assert.equal(await drawSvg(spec(1), cache), fresh);
    assert.equal(cache.store.size, 1);
    assert.equal(await drawSvg(spec(1), cache), fresh);
    assert.equal(cache.store.size, 1);
  });

  it("takes a kept drawing by its spec, and draws anew for any other spec", async () => {
    const cache = memoryCache();
    await drawSvg(spec(1), cache);
    const [key] = cache.store.keys();
    cache.store.set(key!, "<svg>kept</svg>");
    assert.equal(await drawSvg(spec(1), cache), "<svg>kept</svg>", "a hit is not drawn again");
    assert.notEqual(await drawSvg(spec(2), cache), "<svg>kept</svg>");
    assert.equal(cache.store.size, 2);
  });

  it("gives a spec the same bytes whatever was drawn before it in the process", async () => {
    const clipped = (n: number): TopLevelSpec => ({ ...spec(n), mark: { type: "bar", clip: true } }) as TopLevelSpec;
    const first = await drawSvg(clipped(1));
    assert.match(first, /clip-path="url\(#v[0-9a-f]{8}-clip1\)"/, "a clipped mark refers to its clip path");
    await drawSvg(clipped(2));
    await drawSvg(spec(3));
    assert.equal(await drawSvg(clipped(1)), first);
  });

  it("scopes the ids an SVG defines, and leaves links to the page alone", () => {
    const svg = '<svg><defs><clipPath id="clip7"><rect/></clipPath><clipPath id="clip9"/></defs><g clip-path="url(#clip7)"><a href="#stat-x"><path/></a></g><g clip-path="url(#clip9)"/></svg>';
    assert.equal(
      scopeIds(svg, "p-"),
      '<svg><defs><clipPath id="p-clip1"><rect/></clipPath><clipPath id="p-clip2"/></defs><g clip-path="url(#p-clip1)"><a href="#stat-x"><path/></a></g><g clip-path="url(#p-clip2)"/></svg>',
    );
  });

  it("draws every width and variant through the cache", async () => {
    const cache = memoryCache();
    const chart = await prerender((width, variant) => ({ ...spec(variant === "b" ? 2 : 1), width }), "test", ["a", "b"], { cache });
    assert.deepEqual(Object.keys(chart.svg).sort(), RENDER_WIDTHS.flatMap((w) => [`${w}`, `${w}:b`]).sort());
    assert.equal(cache.store.size, RENDER_WIDTHS.length * 2);
  });

  it("imports no project module outside site/render/, so the drawing cache's key (that folder and the lockfile) holds", async () => {
    const folder = join(PROJECT_ROOT, "site", "render");
    for (const file of (await readdir(folder)).filter((f) => f.endsWith(".ts"))) {
      const source = await readFile(join(folder, file), "utf8");
      const imports = [...source.matchAll(/^(?:import|export) .* from "([^"]+)";$/gm)].map((m) => m[1]!);
      assert.deepEqual(imports.filter((i) => i.startsWith(".") && !/^\.\/[^/]+$/.test(i)), [], file);
    }
  });
});
