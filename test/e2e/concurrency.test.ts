// Two builds started at once in one folder (a scratch copy): one waits for the other, or refuses
// with one line when told not to wait; neither corrupts dist/, which ends as a clean build's bytes.
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { buildToEnd, start, until, type Running } from "./build-process.ts";
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

  /** The pid of a build paused by BUILD_TEST_PAUSE_AT, from its output. */
  const pausedPid = (run: Running) => Number(/paused at \w+ \(pid (\d+)\)/.exec(run.output())![1]);

  for (const round of [1, 2]) {
    it(`both finish when started at the same moment, neither harming the other (round ${round})`, async () => {
      const [a, b] = [start(root!, ["build"]), start(root!, ["build"])];
      const [codeA, codeB] = await Promise.all([a.exited, b.exited]);
      assert.deepEqual([codeA, codeB], [0, 0], `${a.output()}\n----\n${b.output()}`);
      // Which one runs first, and whether the other is still running by then, is up to the machine.
      const waited = [a, b].filter((run) => /another build \(pid \d+\) is running in .*; waiting for it to finish/.test(run.output()));
      assert.ok(waited.length <= 1, "at most one waited");
      console.log(`round ${round}: ${waited.length} of 2 waited`);
      await distIsClean();
    });
  }

  it("a build started while another holds the folder waits for it, then both finish", async () => {
    const first = start(root!, ["build"], { BUILD_TEST_PAUSE_AT: "finalize" });
    await until(first, "the first build's pause", () => first.output().includes("paused at finalize"));
    const second = start(root!, ["build"]);
    await until(second, "the second build's wait", () => /another build \(pid \d+\) is running in .*; waiting for it to finish \(up to 600 s\)/.test(second.output()));
    assert.deepEqual(await hashTree(join(root!, "dist")), clean, "the waiting build has touched nothing");
    process.kill(pausedPid(first), "SIGUSR2");
    assert.deepEqual(await Promise.all([first.exited, second.exited]), [0, 0], `${first.output()}\n----\n${second.output()}`);
    await distIsClean();
  });

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
    process.kill(pausedPid(first), "SIGUSR2");
    assert.equal(await first.exited, 0, first.output());
    await distIsClean();
  });
});
