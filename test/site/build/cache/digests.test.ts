import assert from "node:assert/strict";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CACHE_INPUTS, inputsDigest, loaderInputs } from "../../../../site/build/cache/digests.ts";

describe("the build cache's digests", () => {
  it("follow their inputs, not the pages", async () => {
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

  it("key the loader outputs on the page loaders too (a page a loader writes, glossary.md)", async () => {
    const root = await mkdtemp(join(tmpdir(), "digest-"));
    await mkdir(join(root, "src", "data"), { recursive: true });
    await writeFile(join(root, "src", "data", "a.json.ts"), "1\n");
    await writeFile(join(root, "src", "terms.md.ts"), "1\n");
    await writeFile(join(root, "src", "page.md"), "# a\n");
    assert.deepEqual(await loaderInputs(root), [...CACHE_INPUTS.outputs, "src/terms.md.ts"]);
    const first = await inputsDigest(root, await loaderInputs(root));
    await writeFile(join(root, "src", "terms.md.ts"), "2\n");
    assert.notEqual(await inputsDigest(root, await loaderInputs(root)), first);
  });
});
