import assert from "node:assert/strict";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, utimes, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { after, before, describe, it } from "node:test";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { cacheStashOf, hashTree, projectFiles, removeScratch, scratchProject, sha256, SOURCE_DATE_EPOCH } from "./scratch-project.ts";

function build(root: string, { offline }: { offline: boolean }): SpawnSyncReturns<string> {
  const command = offline ? ["unshare", "-n", "npm", "run", "build"] : ["npm", "run", "build"];
  return spawnSync(command[0]!, command.slice(1), { cwd: root, encoding: "utf8", env: { ...process.env, SOURCE_DATE_EPOCH } });
}

function builds(root: string, options: { offline: boolean }): void {
  const result = build(root, options);
  assert.equal(result.status, 0, `npm run build${options.offline ? " (offline)" : ""} failed in ${root}:\n${result.stdout}\n${result.stderr}`);
}

const CDN = /cdn\.jsdelivr\.net|unpkg\.com|esm\.sh|cdn\.skypack\.dev|ga\.jspm\.io/;

async function cdnAddressesUnder(root: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(join(root, "src"), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (CDN.test((await readFile(path)).toString("latin1"))) found.push(relative(root, path));
  }
  return found;
}

describe("the build, in scratch copies of the project", () => {
  const survey = join("raw", "survey", "statistics", "survey.tsv");
  let first: string | undefined;
  let second: string | undefined;
  let firstDist: Map<string, string>;
  let realSurvey: string;

  before(async () => {
    realSurvey = await sha256(join(PROJECT_ROOT, survey));
    first = await scratchProject("first", { cache: true });
    builds(first, { offline: false });
    firstDist = await hashTree(join(first, "dist"));
    assert.ok(firstDist.size > 5);
    assert.ok(firstDist.has("report.pdf"), "the build makes the PDF edition, compared below like every file");
  });

  after(async () => {
    await removeScratch(first);
    await removeScratch(second);
  });

  it("gives the same bytes in another copy, from no cache, with no network and every source touched", async () => {
    second = await scratchProject("second", { cache: false });
    const later = new Date(Date.now() + 3_600_000);
    for (const file of projectFiles()) await utimes(join(second, file), later, later);
    assert.ok(!existsSync(cacheStashOf(second)) && !existsSync(join(second, "src", ".observablehq")), "the second copy starts with no cache");
    builds(second, { offline: true });
    const secondDist = await hashTree(join(second, "dist"));
    assert.deepEqual([...secondDist.keys()], [...firstDist.keys()]);
    for (const [file, hash] of firstDist) assert.equal(secondDist.get(file), hash, `${file} differs between builds`);
  });

  it("stops on a malformed transcription with its file, line, field and value, keeping the last good dist/", async () => {
    const root = first!;
    const file = join(root, survey);
    const lines = (await readFile(file, "utf8")).split("\n");
    const index = lines.findIndex((l) => l.startsWith("survey.sialkot.exports-2000-01\t"));
    assert.ok(index > 0);
    const header = lines.find((l) => l.startsWith("id\t"))!.split("\t");
    const cells = lines[index]!.split("\t");
    cells[header.indexOf("unit")] = "dollars_of_1999";
    lines[index] = cells.join("\t");
    await writeFile(file, lines.join("\n"));

    const result = build(root, { offline: false });
    assert.notEqual(result.status, 0, "the build must fail");
    assert.match(result.stderr, new RegExp(`raw/survey/statistics/survey\\.tsv:${index + 1}: invalid unit: "dollars_of_1999"`));
    const stamp = JSON.parse(await readFile(join(cacheStashOf(root), ".digests.json"), "utf8")) as { outputs: string | null };
    assert.equal(stamp.outputs, null, "the loader outputs are not taken as current after a failed run");
    assert.deepEqual(await hashTree(join(root, "dist")), firstDist, "dist/ is the last good build, byte for byte");
    const left = (await readdir(root)).filter((name) => name.startsWith("dist."));
    assert.deepEqual(left, [], "no staging folder is left behind");
    assert.equal(await sha256(join(PROJECT_ROOT, survey)), realSurvey, "the real raw/ is untouched");
  });

  it("leaves no CDN address anywhere under src/, git-ignored files included", async () => {
    for (const root of [first, second, PROJECT_ROOT].filter((r) => r !== undefined)) assert.deepEqual(await cdnAddressesUnder(root), [], root);
  });
});
