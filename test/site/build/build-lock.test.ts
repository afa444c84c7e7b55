import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildLockOf, LockTimeout, takeBuildLock } from "../../../site/build/build-lock.ts";

describe("the build lock", () => {
  it("makes a second taker wait, saying who holds it, and refuse once its wait runs out", async () => {
    const root = await mkdtemp(join(tmpdir(), "lock-"));
    const release = await takeBuildLock(root, { waitSeconds: 1, log: () => {} });
    const lines: string[] = [];
    await assert.rejects(takeBuildLock(root, { waitSeconds: 1, log: (line) => lines.push(line) }), (error: unknown) => {
      assert.ok(error instanceof LockTimeout);
      assert.match(error.message, new RegExp(`another build \\(pid ${process.pid}\\) is still running in .* after 1 s; not building`));
      return true;
    });
    assert.match(lines.join("\n"), /waiting for it to finish \(up to 1 s\)/);
    release();
    const again = await takeBuildLock(root, { waitSeconds: 5, log: () => {} });
    again();
  });

  it("goes with its holder, even one killed with SIGKILL", async () => {
    const root = await mkdtemp(join(tmpdir(), "lock-"));
    const holder = spawn(process.execPath, [
      "--import",
      "tsx",
      "-e",
      `const { takeBuildLock } = await import(${JSON.stringify(new URL("../../../site/build/build-lock.ts", import.meta.url).href)}); await takeBuildLock(${JSON.stringify(root)}, { waitSeconds: 1, log: () => {} }); console.log("held"); setInterval(() => {}, 1000);`,
    ], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
    await assert.rejects(takeBuildLock(root, { waitSeconds: 0, log: () => {} }), LockTimeout);
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.on("exit", resolve));
    const release = await takeBuildLock(root, { waitSeconds: 10, log: () => {} });
    release();
    assert.ok(buildLockOf(root).startsWith(root));
  });
});
