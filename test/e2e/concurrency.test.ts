// Two builds started at once in one folder (a scratch copy): one waits for the other, or refuses
// with one line when told not to wait; neither corrupts dist/, which ends as a clean build's bytes.
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { buildToEnd, start, until } from "./build-process.ts";
import { hashTree, removeScratch, scratchProject } from "./scratch-project.ts";

describe("two builds at once in one folder", () => {
  let root: string | undefined;
  let clean: Map<string, string>;

  before(async () => {
    root = await scratchProject("concurrency", { cache: true });
    const first = buildToEnd(root);
    assert.equal(first.status, 0, first.output);
    clean = await hashTree(join(root, "dist"));
  });

  after(() => removeScratch(root));

  async function distIsClean(): Promise<void> {
    assert.deepEqual(await hashTree(join(root!, "dist")), clean, "dist/ is a clean build's bytes");
    assert.deepEqual((await readdir(root!)).filter((name) => name.startsWith("dist.")), [], "no staging folder is left");
  }

  for (const round of [1, 2]) {
    it(`both finish, one after the other (round ${round})`, async () => {
      const [a, b] = [start(root!, ["build"]), start(root!, ["build"])];
      const [codeA, codeB] = await Promise.all([a.exited, b.exited]);
      assert.deepEqual([codeA, codeB], [0, 0], `${a.output()}\n----\n${b.output()}`);
      const waited = [a, b].filter((run) => /another build \(pid \d+\) is running in .*; waiting for it to finish/.test(run.output()));
      assert.equal(waited.length, 1, "exactly one of them waited for the other");
      await distIsClean();
    });
  }

  it("the second refuses with one line when it may not wait, and the first finishes unharmed", async () => {
    const first = start(root!, ["build"], { BUILD_TEST_PAUSE_AT: "finalize" });
    // Held at a known point, so that the second surely starts while the first holds the lock.
    await until(first, "the first build's pause", () => first.output().includes("paused at finalize"));
    const second = buildToEnd(root!, { BUILD_LOCK_WAIT: "0" });
    assert.equal(second.status, 1);
    const errors = second.output.split("\n").filter((line) => line.startsWith("error:"));
    assert.deepEqual(errors.length, 1, second.output);
    assert.match(errors[0]!, /^error: another build \(pid \d+\) is still running in .* after 0 s; not building$/);
    assert.doesNotMatch(second.output, /\n\s+at /, "no stack trace");
    // The first, resumed, finishes as if alone.
    const pid = Number(/paused at finalize \(pid (\d+)\)/.exec(first.output())![1]);
    process.kill(pid, "SIGUSR2");
    assert.equal(await first.exited, 0, first.output());
    await distIsClean();
  });
});
