import assert from "node:assert/strict";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { filesUnder } from "../../../site/build/files-under.ts";

const list = async (path: string, root: string) => {
  const found: string[] = [];
  for await (const file of filesUnder(path)) found.push(relative(root, file));
  return found;
};

describe("filesUnder", () => {
  it("lists every file depth first in name order, a file as itself, a missing path as nothing", async () => {
    const root = await mkdtemp(join(tmpdir(), "files-"));
    await mkdir(join(root, "b", "c"), { recursive: true });
    for (const file of ["b/z", "b/c/y", "a", "c"]) await writeFile(join(root, file), "x");
    assert.deepEqual(await list(root, root), ["a", "b/c/y", "b/z", "c"]);
    assert.deepEqual(await list(join(root, "a"), root), ["a"]);
    assert.deepEqual(await list(join(root, "none"), root), []);
  });
});
