import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile, rm, utimes } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";

async function hashTree(folder: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes.set(relative(folder, path), createHash("sha256").update(await readFile(path)).digest("hex"));
  }
  return new Map([...hashes].sort(([a], [b]) => a.localeCompare(b)));
}

function build(offline: boolean): void {
  const command = offline ? ["unshare", "-n", "npm", "run", "build"] : ["npm", "run", "build"];
  const result = spawnSync(command[0]!, command.slice(1), { cwd: PROJECT_ROOT, encoding: "utf8" });
  assert.equal(result.status, 0, `${command.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

describe("the build", () => {
  it("gives the same bytes twice, the second time from scratch, with no network and every source touched", async () => {
    build(false);
    const first = await hashTree(join(PROJECT_ROOT, "dist"));
    assert.ok(first.size > 5);
    const tracked = execFileSync("git", ["ls-files"], { cwd: PROJECT_ROOT, encoding: "utf8" }).split("\n").filter(Boolean);
    const later = new Date(Date.now() + 3_600_000);
    for (const file of tracked) await utimes(join(PROJECT_ROOT, file), later, later);
    // From scratch: without the loader cache, every loader runs again, offline.
    await rm(join(PROJECT_ROOT, "src", ".observablehq", "cache"), { recursive: true, force: true });
    build(true);
    const second = await hashTree(join(PROJECT_ROOT, "dist"));
    assert.deepEqual([...second.keys()], [...first.keys()]);
    for (const [file, hash] of first) assert.equal(second.get(file), hash, `${file} differs between builds`);
  });
});
