import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../../data-loaders/paths.ts";

/** Runs `script` (an ES module) in a Node of its own, with tsx, as `npm run build`'s preload runs; waits until its output closes. */
const run = (script: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: PROJECT_ROOT, encoding: "utf8", timeout: 60_000 });

describe("the loader process forked as the build starts", () => {
  it("does not keep a build that stops before taking it alive, and ends with it", () => {
    // spawnSync returns once every holder of the output pipe is gone: the loader process too.
    const result = run(`
      const { forkEarlyLoaderProcess } = await import("./site/build/fork-loader-process.js");
      forkEarlyLoaderProcess();
      console.log("stopped before taking it");
    `);
    assert.equal(result.error, undefined, "ended within 60 s");
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.trim(), "stopped before taking it");
  });

  it("is taken once, able to take orders, and ends when told", () => {
    const result = run(`
      const { forkEarlyLoaderProcess, takeEarlyLoaderProcess } = await import("./site/build/fork-loader-process.js");
      forkEarlyLoaderProcess();
      const child = takeEarlyLoaderProcess();
      const again = takeEarlyLoaderProcess();
      const exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
      child.send({ type: "end" });
      console.log(JSON.stringify({ taken: child.connected, again: again === undefined, code: await exited }));
    `);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), { taken: true, again: true, code: 0 });
  });
});
