import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { readLedger } from "../../../data-loaders/normalize/ledger.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { buildingFolder, recoverFolder, replaceFolder } from "../../../data-loaders/publish/replace-folder.ts";
import { writeOutputs } from "../../../data-loaders/publish/write-outputs.ts";

async function folderWith(path: string, content: string): Promise<void> {
  await mkdir(path, { recursive: true });
  await writeFile(join(path, "file.txt"), content);
}

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

describe("replacing a folder whole", () => {
  it("puts the new content in place of the old, and leaves no sibling", async () => {
    const parent = await mkdtemp(join(tmpdir(), "replace-"));
    const folder = join(parent, "out");
    await folderWith(folder, "old");
    await folderWith(buildingFolder(folder), "new");
    await replaceFolder(folder, buildingFolder(folder));
    assert.equal(await readFile(join(folder, "file.txt"), "utf8"), "new");
    assert.deepEqual(await readdir(parent), ["out"]);
  });

  it("puts the previous folder back when a writer died between the two renames, and removes its staging folder", async () => {
    const parent = await mkdtemp(join(tmpdir(), "replace-"));
    const folder = join(parent, "out");
    const pid = await deadPid();
    await folderWith(`${folder}.previous-${pid}.tmp`, "old");
    await folderWith(buildingFolder(folder, pid), "half");
    const { restored, removed } = await recoverFolder(folder);
    assert.equal(restored, true);
    assert.deepEqual(removed, [`out.building-${pid}.tmp`]);
    assert.equal(await readFile(join(folder, "file.txt"), "utf8"), "old");
    assert.deepEqual(await readdir(parent), ["out"]);
  });

  it("leaves alone the siblings of a writer still running, unless the caller holds the lock", async () => {
    const parent = await mkdtemp(join(tmpdir(), "replace-"));
    const folder = join(parent, "out");
    await folderWith(folder, "current");
    await folderWith(buildingFolder(folder, process.pid), "in progress");
    assert.deepEqual((await recoverFolder(folder)).removed, []);
    assert.ok(existsSync(buildingFolder(folder, process.pid)));
    assert.deepEqual((await recoverFolder(folder, { exclusive: true })).removed, [`out.building-${process.pid}.tmp`]);
    assert.deepEqual(await readdir(parent), ["out"]);
  });

  it("touches no folder whose name merely starts alike", async () => {
    const parent = await mkdtemp(join(tmpdir(), "replace-"));
    const folder = join(parent, "out");
    await folderWith(join(parent, "outside.previous-1.tmp"), "other");
    await folderWith(join(parent, "out.previous-x.tmp"), "other");
    assert.deepEqual(await recoverFolder(folder, { exclusive: true }), { restored: false, removed: [] });
    assert.deepEqual((await readdir(parent)).sort(), ["out.previous-x.tmp", "outside.previous-1.tmp"]);
  });
});

describe("npm run data's output folder", () => {
  it("is never the working directory or a folder holding it, since it is replaced whole", async () => {
    const ledger = await readLedger(RAW_DIR);
    for (const out of [".", "..", process.cwd()]) await assert.rejects(writeOutputs(ledger, out), /invalid output folder: .* \(it holds the working directory/);
  });
});
