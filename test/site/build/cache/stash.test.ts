import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { clearCache, stashCache, unstashCache } from "../../../../site/build/cache/stash.ts";
import { filledCache } from "./fixture.ts";

describe("the cache's stash", () => {
  it("waits outside the source tree between builds, and comes back whole", async () => {
    const { cache, bundle, output } = await filledCache();
    const stash = join(await mkdtemp(join(tmpdir(), "stash-")), "node_modules", ".cache", "framework");
    stashCache(cache, stash);
    assert.ok(!existsSync(cache), "nothing of the cache is left where it was");
    unstashCache(cache, stash);
    assert.deepEqual([existsSync(bundle), existsSync(output), existsSync(stash)], [true, true, false]);
  });

  it("prefers a cache already in place to the stash, and clears both on demand", async () => {
    const { cache, bundle } = await filledCache();
    const stash = join(await mkdtemp(join(tmpdir(), "stash-")), "framework");
    await mkdir(stash, { recursive: true });
    await writeFile(join(stash, "old"), "x");
    unstashCache(cache, stash);
    assert.deepEqual([existsSync(bundle), existsSync(stash)], [true, false]);
    stashCache(cache, stash);
    clearCache(cache, stash);
    assert.deepEqual([existsSync(cache), existsSync(stash)], [false, false]);
  });
});
