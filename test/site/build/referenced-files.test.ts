import assert from "node:assert/strict";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { referencedFiles } from "../../../site/build/referenced-files.ts";

describe("referencedFiles", () => {
  it("finds the files pages name, relative to each page", async () => {
    const src = await mkdtemp(join(tmpdir(), "src-"));
    await mkdir(join(src, "thesis"));
    await writeFile(join(src, "index.md"), 'const a = FileAttachment("data/a.json").json();\n<a href="./data/b.csv" download>CSV</a>');
    await writeFile(join(src, "thesis", "p.md"), 'FileAttachment( "../data/c.json" )\n<a download href="../data/d.parquet">P</a> <a href="../other">x</a>');
    assert.deepEqual(await referencedFiles(src), ["/data/a.json", "/data/b.csv", "/data/c.json", "/data/d.parquet"]);
  });

  it("leaves out Framework's own folder", async () => {
    const src = await mkdtemp(join(tmpdir(), "src-"));
    await mkdir(join(src, ".observablehq", "cache"), { recursive: true });
    await writeFile(join(src, ".observablehq", "cache", "x.md"), 'FileAttachment("data/x.json")');
    await writeFile(join(src, "index.md"), 'FileAttachment("data/a.json")');
    assert.deepEqual(await referencedFiles(src), ["/data/a.json"]);
  });
});
