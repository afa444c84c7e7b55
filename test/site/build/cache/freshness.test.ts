import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { markOutputsCurrent, prepareCache } from "../../../../site/build/cache/freshness.ts";
import { digests, filledCache } from "./fixture.ts";

describe("the build cache's freshness", () => {
  it("counts loader outputs as current only once marked, and while the digest holds", async () => {
    const { cache, output } = await filledCache();
    assert.equal(await prepareCache(cache, digests("p", "r", "one")), false);
    assert.ok(!existsSync(output), "outputs of unknown inputs are dropped");
    assert.equal(await prepareCache(cache, digests("p", "r", "one")), false, "a run that never finished is not current");
    await mkdir(dirname(output), { recursive: true });
    await writeFile(output, "x");
    await markOutputsCurrent(cache, digests("p", "r", "one"));
    assert.equal(await prepareCache(cache, digests("p", "r", "one")), true);
    assert.ok(existsSync(output));
    assert.equal(await prepareCache(cache, digests("p", "r", "two")), false);
    assert.ok(!existsSync(output));
    assert.deepEqual(JSON.parse(await readFile(join(cache, ".digests.json"), "utf8")), { packages: "p", renders: "r", outputs: null });
  });

  it("keeps Framework's bundles and the drawings across a data change", async () => {
    const { cache, bundle, drawing, output } = await filledCache();
    await markOutputsCurrent(cache, digests("p", "r", "one"));
    assert.equal(await prepareCache(cache, digests("p", "r", "two")), false);
    assert.deepEqual([existsSync(bundle), existsSync(drawing), existsSync(output)], [true, true, false]);
  });

  it("drops the drawings when the drawing code changes, and everything when the lockfile does", async () => {
    const first = await filledCache();
    await markOutputsCurrent(first.cache, digests("p", "r", "one"));
    await prepareCache(first.cache, digests("p", "r2", "one"));
    assert.deepEqual([existsSync(first.bundle), existsSync(first.drawing), existsSync(first.output)], [true, false, true]);
    const second = await filledCache();
    await markOutputsCurrent(second.cache, digests("p", "r", "one"));
    await prepareCache(second.cache, digests("p2", "r", "one"));
    assert.deepEqual([existsSync(second.bundle), existsSync(second.drawing), existsSync(second.output)], [false, false, false]);
  });
});
