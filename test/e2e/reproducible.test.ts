import assert from "node:assert/strict";
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, unlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { after, before, describe, it } from "node:test";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { CACHE_STASH } from "../../site/build/cache/stash.ts";

async function hashTree(folder: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes.set(relative(folder, path), createHash("sha256").update(await readFile(path)).digest("hex"));
  }
  return new Map([...hashes].sort(([a], [b]) => a.localeCompare(b)));
}

const sha256 = async (path: string) => createHash("sha256").update(await readFile(path)).digest("hex");

/** Where a project keeps its build cache between builds (node_modules/.cache/…), for a copy at `root`. */
const cacheStashOf = (root: string) => join(root, relative(PROJECT_ROOT, CACHE_STASH));

/** The project's files as git sees them: tracked and new, ignored ones (dist/, node_modules/, caches) left out. */
function projectFiles(): string[] {
  return execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: PROJECT_ROOT, encoding: "utf8" })
    .split("\0")
    .filter((file) => file !== "" && existsSync(join(PROJECT_ROOT, file)));
}

/**
 * A scratch copy of the project, which a test may break and build at will: the real raw/,
 * dist/ and build cache are never touched. node_modules is linked entry by entry, not as a
 * whole, so that the copy's node_modules/.cache, where the build keeps its cache, is its own.
 * @param options.cache start from a copy of the real build cache (a faster first build)
 */
async function scratchProject(name: string, options: { cache: boolean }): Promise<string> {
  // The project beside a link to the real ../shared, whose seeds every build checks and reads.
  const parent = await mkdtemp(join(tmpdir(), `reproducible-${name}-`));
  await symlink(join(PROJECT_ROOT, "..", "shared"), join(parent, "shared"));
  const root = join(parent, "project");
  for (const file of projectFiles()) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await cp(join(PROJECT_ROOT, file), join(root, file));
  }
  await mkdir(join(root, "node_modules"));
  for (const entry of await readdir(join(PROJECT_ROOT, "node_modules"))) {
    if (entry !== ".cache") await symlink(join(PROJECT_ROOT, "node_modules", entry), join(root, "node_modules", entry));
  }
  if (options.cache && existsSync(CACHE_STASH)) await cp(CACHE_STASH, cacheStashOf(root), { recursive: true });
  return root;
}

/** Removes a scratch copy: its links into the real node_modules first, so that nothing there is followed. */
async function removeScratch(root: string | undefined): Promise<void> {
  if (!root) return;
  const modules = join(root, "node_modules");
  for (const entry of await readdir(modules).catch(() => [] as string[])) {
    if (entry !== ".cache") await unlink(join(modules, entry));
  }
  await unlink(join(dirname(root), "shared")).catch(() => {});
  await rm(dirname(root), { recursive: true, force: true });
}

/** The commit time of the real project, so that a copy (which has no .git) dates its files alike. */
const SOURCE_DATE_EPOCH = execFileSync("git", ["log", "-1", "--format=%ct"], { cwd: PROJECT_ROOT, encoding: "utf8" }).trim();

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
