// The build checks the seeds before anything else: a build whose loader outputs are current
// runs no loader, so the ledger's own check would not run.
import assert from "node:assert/strict";
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { BuildError, buildReport } from "../../../site/build/build.ts";
import { rawCopy } from "../../data-loaders/fixture.ts";

describe("buildReport", () => {
  it("stops on a seed that differs from the hash raw/sources.tsv records, before it builds anything", async () => {
    const raw = await rawCopy();
    const root = join(raw, "..");
    await writeFile(join(root, "seeds", "thesis.txt"), "A Fixture Thesis on Clusters, edited\n");
    const before = await readdir(root);
    const cwd = process.cwd();
    const lines: string[] = [];
    await assert.rejects(buildReport({ projectRoot: root, log: (line) => lines.push(line) }), (e: unknown) => {
      assert.ok(e instanceof BuildError, `expected a BuildError, got ${e}`);
      assert.match(e.message, /^raw\/sources\.tsv:4: invalid sha256: "[0-9a-f]{64}" \(seeds\/thesis\.txt has [0-9a-f]{64}; a changed source must be recorded here deliberately\)$/);
      return true;
    });
    assert.deepEqual(lines, []);
    assert.deepEqual(await readdir(root), before, "no dist/, staging folder or cache made");
    assert.equal(process.cwd(), cwd, "the working directory is untouched");
  });
});
