import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, rm, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { markOutputsCurrent, prepareCache } from "../../../../site/build/cache/freshness.ts";
import { MANIFEST, verifyCache, writeManifest } from "../../../../site/build/cache/manifest.ts";
import { digests, filledCache } from "./fixture.ts";

describe("the cache's manifest", () => {
  it("never trusts a cache without one: a first build killed half-way leaves nothing to reuse", async () => {
    const { cache } = await filledCache();
    const verified = await verifyCache(cache);
    assert.equal(verified.trusted, false);
    assert.ok(!existsSync(cache));
  });

  it("never trusts a manifest cut short", async () => {
    const { cache, bundle } = await filledCache();
    await writeManifest(cache);
    const text = await readFile(join(cache, MANIFEST), "utf8");
    await writeFile(join(cache, MANIFEST), text.slice(0, text.length / 2));
    assert.equal((await verifyCache(cache)).trusted, false);
    assert.ok(!existsSync(bundle));
  });

  it("keeps every file as recorded, and the loader outputs count as current", async () => {
    const { cache, bundle, drawing, output } = await filledCache();
    await markOutputsCurrent(cache, digests("p", "r", "one"));
    await writeManifest(cache);
    const verified = await verifyCache(cache);
    assert.deepEqual([verified.trusted, verified.removed, verified.outputs, verified.checked.size], [true, [], true, 3]);
    assert.deepEqual([existsSync(bundle), existsSync(drawing), existsSync(output)], [true, true, true]);
    assert.equal(await prepareCache(cache, digests("p", "r", "one"), verified.outputs), true);
  });

  it("removes a truncated file of Framework's, of the same name, and keeps the rest", async () => {
    const { cache, bundle, drawing, output } = await filledCache();
    await writeFile(bundle, "x".repeat(1000));
    await writeManifest(cache);
    await truncate(bundle, 393);
    const verified = await verifyCache(cache);
    assert.deepEqual(verified.removed, ["_node/x@1/index.js"]);
    assert.equal(verified.outputs, true);
    assert.deepEqual([existsSync(bundle), existsSync(drawing), existsSync(output)], [false, true, true]);
  });

  it("removes a file of the same size with other bytes", async () => {
    const { cache, drawing } = await filledCache();
    await writeManifest(cache);
    await writeFile(drawing, "y");
    assert.deepEqual((await verifyCache(cache)).removed, ["_report/renders/k.svg"]);
    assert.ok(!existsSync(drawing));
  });

  it("checks a rewritten file by its bytes, not its recorded identity: the same bytes stay", async () => {
    const { cache, drawing } = await filledCache();
    await writeManifest(cache);
    const recorded = JSON.parse(await readFile(join(cache, MANIFEST), "utf8")) as { files: Record<string, { stamp?: string }> };
    assert.match(recorded.files["_report/renders/k.svg"]?.stamp ?? "", /^\d+:\d+$/, "each file's identity on disk is recorded");
    await writeFile(drawing, await readFile(drawing));
    const verified = await verifyCache(cache);
    assert.deepEqual(verified.removed, []);
    assert.ok(existsSync(drawing));
  });

  it("removes files it does not list (left by a build that did not finish)", async () => {
    const { cache } = await filledCache();
    await writeManifest(cache);
    const extra = join(cache, "_node", "x@1", "half.wasm");
    await writeFile(extra, "partial");
    assert.deepEqual((await verifyCache(cache)).removed, ["_node/x@1/half.wasm"]);
    assert.ok(!existsSync(extra));
  });

  it("makes every loader run again when one loader output is changed or gone, whatever the stamp says", async () => {
    for (const spoil of [(path: string) => writeFile(path, "changed"), (path: string) => rm(path)]) {
      const { cache, output } = await filledCache();
      await markOutputsCurrent(cache, digests("p", "r", "one"));
      await writeManifest(cache);
      await spoil(output);
      const verified = await verifyCache(cache);
      assert.equal(verified.outputs, false);
      assert.equal(await prepareCache(cache, digests("p", "r", "one"), verified.outputs), false);
    }
  });

  it("records again the hash of a file rewritten after the check", async () => {
    const { cache, bundle } = await filledCache();
    await writeManifest(cache);
    const { checked } = await verifyCache(cache);
    await writeFile(bundle, "rewritten, longer");
    await writeManifest(cache, checked);
    const verified = await verifyCache(cache);
    assert.deepEqual(verified.removed, []);
    assert.ok(existsSync(bundle));
  });
});
