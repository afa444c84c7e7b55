import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { keepCacheIfCurrent, loaderInputsDigest, referencedFiles } from "../../scripts/loader-cache.ts";

describe("the loader cache", () => {
  it("has a digest that follows the loaders' inputs, not the pages", async () => {
    const root = await mkdtemp(join(tmpdir(), "digest-"));
    await mkdir(join(root, "raw"));
    await mkdir(join(root, "src"));
    await writeFile(join(root, "raw", "a.tsv"), "x\n");
    await writeFile(join(root, "src", "page.md"), "# a\n");
    const first = await loaderInputsDigest(root);
    await writeFile(join(root, "src", "page.md"), "# b\n");
    assert.equal(await loaderInputsDigest(root), first, "a page is not a loader input");
    await writeFile(join(root, "raw", "a.tsv"), "y\n");
    assert.notEqual(await loaderInputsDigest(root), first);
  });

  it("is kept while the digest holds and cleared when it changes", async () => {
    const cache = join(await mkdtemp(join(tmpdir(), "cache-")), "cache");
    assert.equal(await keepCacheIfCurrent(cache, "one"), false);
    await writeFile(join(cache, "output.json"), "{}");
    assert.equal(await keepCacheIfCurrent(cache, "one"), true);
    assert.ok(existsSync(join(cache, "output.json")));
    assert.equal(await keepCacheIfCurrent(cache, "two"), false);
    assert.ok(!existsSync(join(cache, "output.json")));
    assert.equal(await readFile(join(cache, ".inputs-digest"), "utf8"), "two");
  });

  it("finds the files pages name, relative to each page", async () => {
    const src = await mkdtemp(join(tmpdir(), "src-"));
    await mkdir(join(src, "thesis"));
    await writeFile(join(src, "index.md"), 'const a = FileAttachment("data/a.json").json();\n<a href="./data/b.csv" download>CSV</a>');
    await writeFile(join(src, "thesis", "p.md"), 'FileAttachment( "../data/c.json" )\n<a download href="../data/d.parquet">P</a> <a href="../other">x</a>');
    assert.deepEqual(await referencedFiles(src), ["/data/a.json", "/data/b.csv", "/data/c.json", "/data/d.parquet"]);
  });
});
