import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { finalizeDist } from "../../../site/build/finalize-dist.ts";

describe("finalizeDist", () => {
  it("declares the language and the page's address, and pins every embedded modification time", async () => {
    const dist = await mkdtemp(join(tmpdir(), "dist-"));
    await mkdir(join(dist, "a"));
    const page = '<!DOCTYPE html>\n<html>\n<script>registerFile("x", {"lastModified":1763820000123.5,"size":3});registerFile("y", {"lastModified":1,"size":3});</script>';
    await writeFile(join(dist, "a", "p.html"), page);
    await writeFile(join(dist, "a", "x.json"), '{"lastModified":5}');
    assert.equal(await finalizeDist(dist, { lastModified: 42000, lang: "en" }), 1);
    const html = await readFile(join(dist, "a", "p.html"), "utf8");
    assert.match(html, /<html lang="en" style="--page-address: '\/a\/p'">/, "the print stylesheet's footer shows the address");
    assert.equal(html.match(/"lastModified":42000/g)?.length, 2);
    assert.equal(await readFile(join(dist, "a", "x.json"), "utf8"), '{"lastModified":5}', "only pages are rewritten");
  });

  it("refuses a page without the markup it expects", async () => {
    const dist = await mkdtemp(join(tmpdir(), "dist-"));
    await writeFile(join(dist, "p.html"), '<html lang="fr"></html>');
    await assert.rejects(finalizeDist(dist, { lastModified: 0, lang: "en" }), /invalid page/);
  });
});
