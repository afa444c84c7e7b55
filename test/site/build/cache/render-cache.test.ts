import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { renderCacheIn } from "../../../../site/build/cache/render-cache.ts";

describe("the drawn-chart cache", () => {
  it("keeps drawings by key, counts hits and misses, and prunes what a run did not use", async () => {
    const cache = await mkdtemp(join(tmpdir(), "renders-"));
    const first = renderCacheIn(cache);
    assert.equal(await first.get("a"), undefined);
    await first.set("a", "<svg>a</svg>");
    await first.set("b", "<svg>b</svg>");
    const second = renderCacheIn(cache);
    assert.equal(await second.get("a"), "<svg>a</svg>");
    assert.deepEqual([second.drawn, second.reused], [0, 1]);
    assert.equal(await second.prune(), 1);
    assert.equal(await renderCacheIn(cache).get("b"), undefined);
  });
});
