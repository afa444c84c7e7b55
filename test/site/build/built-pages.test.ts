import assert from "node:assert/strict";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { builtPages } from "../../../site/build/built-pages.ts";

describe("builtPages", () => {
  it("lists each page as a reader requests it, leaving out Framework's folders and the 404 page", async () => {
    const dist = join(await mkdtemp(join(tmpdir(), "under_score-")), "dist");
    for (const file of ["index.html", "404.html", "survey.html", "thesis/index.html", "thesis/theory.html", "_file/data/x.html", "_import/a.js", "data.csv"]) {
      await mkdir(join(dist, file, ".."), { recursive: true });
      await writeFile(join(dist, file), "");
    }
    assert.deepEqual(await builtPages(dist), ["/", "/survey", "/thesis/", "/thesis/theory"]);
  });
});
