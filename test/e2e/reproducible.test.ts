import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile, utimes, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { CACHE_STASH, clearCache } from "../../site/build/cache/stash.ts";

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
  it("stops on a malformed transcription with its file, line, field and value, keeping the last good dist/", async () => {
    const before = await hashTree(join(PROJECT_ROOT, "dist"));
    assert.ok(before.size > 5, "run after a build");
    const file = join(PROJECT_ROOT, "raw", "survey", "statistics", "survey.tsv");
    const original = await readFile(file, "utf8");
    const lines = original.split("\n");
    const index = lines.findIndex((l) => l.startsWith("survey.sialkot.exports-2000-01\t"));
    assert.ok(index > 0);
    const header = lines.find((l) => l.startsWith("id\t"))!.split("\t");
    const cells = lines[index]!.split("\t");
    cells[header.indexOf("unit")] = "dollars_of_1999";
    lines[index] = cells.join("\t");
    try {
      await writeFile(file, lines.join("\n"));
      const result = spawnSync("npm", ["run", "build"], { cwd: PROJECT_ROOT, encoding: "utf8" });
      assert.notEqual(result.status, 0, "the build must fail");
      assert.match(result.stderr, new RegExp(`raw/survey/statistics/survey\\.tsv:${index + 1}: invalid unit: "dollars_of_1999"`));
      const stamp = JSON.parse(await readFile(join(CACHE_STASH, ".digests.json"), "utf8")) as { outputs: string | null };
      assert.equal(stamp.outputs, null, "the loader outputs are not taken as current after a failed run");
      assert.deepEqual(await hashTree(join(PROJECT_ROOT, "dist")), before, "dist/ is the last good build, byte for byte");
      const left = (await readdir(PROJECT_ROOT)).filter((name) => name.startsWith("dist."));
      assert.deepEqual(left, [], "no staging folder is left behind");
    } finally {
      await writeFile(file, original);
    }
  });

  it("gives the same bytes twice, the second time from scratch, with no network and every source touched", async () => {
    build(false);
    const first = await hashTree(join(PROJECT_ROOT, "dist"));
    assert.ok(first.size > 5);
    const tracked = execFileSync("git", ["ls-files"], { cwd: PROJECT_ROOT, encoding: "utf8" }).split("\n").filter(Boolean);
    const later = new Date(Date.now() + 3_600_000);
    for (const file of tracked) await utimes(join(PROJECT_ROOT, file), later, later);
    // From scratch: without the loader cache, every loader runs again, offline.
    clearCache();
    build(true);
    const second = await hashTree(join(PROJECT_ROOT, "dist"));
    assert.deepEqual([...second.keys()], [...first.keys()]);
    for (const [file, hash] of first) assert.equal(second.get(file), hash, `${file} differs between builds`);
  });

  it("leaves no CDN address anywhere under src/, git-ignored files included", async () => {
    const cdn = /cdn\.jsdelivr\.net|unpkg\.com|esm\.sh|cdn\.skypack\.dev|ga\.jspm\.io/;
    const found: string[] = [];
    for (const entry of await readdir(join(PROJECT_ROOT, "src"), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      if (cdn.test((await readFile(path)).toString("latin1"))) found.push(relative(PROJECT_ROOT, path));
    }
    assert.deepEqual(found, []);
  });
});
