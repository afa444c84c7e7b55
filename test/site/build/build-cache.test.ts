import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { CACHE_INPUTS, clearCache, inputsDigest, stashCache, unstashCache, markOutputsCurrent, prepareCache, referencedFiles, renderCacheIn, type CacheDigests } from "../../../site/build/build-cache.ts";

const digests = (packages: string, renders: string, outputs: string): CacheDigests => ({ packages, renders, outputs });

/** A cache folder holding one file of each part: a Framework bundle, a drawing, a loader output. */
async function filledCache(): Promise<{ cache: string; bundle: string; drawing: string; output: string }> {
  const cache = join(await mkdtemp(join(tmpdir(), "cache-")), "cache");
  const paths = { bundle: join(cache, "_node", "x@1", "index.js"), drawing: join(cache, "_report", "renders", "k.svg"), output: join(cache, "data", "a.json") };
  for (const path of Object.values(paths)) {
    await mkdir(join(path, ".."), { recursive: true });
    await writeFile(path, "x");
  }
  return { cache, ...paths };
}

describe("the build cache", () => {
  it("has digests that follow their inputs, not the pages", async () => {
    const root = await mkdtemp(join(tmpdir(), "digest-"));
    await mkdir(join(root, "raw"));
    await mkdir(join(root, "src"));
    await writeFile(join(root, "raw", "a.tsv"), "x\n");
    await writeFile(join(root, "src", "page.md"), "# a\n");
    const first = await inputsDigest(root, CACHE_INPUTS.outputs);
    await writeFile(join(root, "src", "page.md"), "# b\n");
    assert.equal(await inputsDigest(root, CACHE_INPUTS.outputs), first, "a page is not a loader input");
    await writeFile(join(root, "raw", "a.tsv"), "y\n");
    assert.notEqual(await inputsDigest(root, CACHE_INPUTS.outputs), first);
    assert.ok(!(CACHE_INPUTS.renders as readonly string[]).includes("raw"), "the drawings do not depend on raw/: their key is the spec");
  });

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

  it("finds the files pages name, relative to each page", async () => {
    const src = await mkdtemp(join(tmpdir(), "src-"));
    await mkdir(join(src, "thesis"));
    await writeFile(join(src, "index.md"), 'const a = FileAttachment("data/a.json").json();\n<a href="./data/b.csv" download>CSV</a>');
    await writeFile(join(src, "thesis", "p.md"), 'FileAttachment( "../data/c.json" )\n<a download href="../data/d.parquet">P</a> <a href="../other">x</a>');
    assert.deepEqual(await referencedFiles(src), ["/data/a.json", "/data/b.csv", "/data/c.json", "/data/d.parquet"]);
  });
});
