import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { PROJECT_ROOT } from "../../../data-loaders/paths.ts";
import { bundleFor, importBundled, withOwnImportMeta } from "../../../site/build/import-bundled.js";

describe("the build's bundle (import-bundled.js)", () => {
  let root: string;
  let cacheDir: string;
  let entry: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), "import-bundled-root-"));
    cacheDir = join(root, "cache");
    entry = join(root, "entry.ts");
    await writeFile(entry, 'import { where, version } from "./lib/dep.ts";\nexport const entryUrl: string = import.meta.url;\nexport const found = { where, version };\n');
    await mkdir(join(root, "lib"));
    await writeDep(1);
  });
  after(() => rm(root, { recursive: true, force: true }));

  const writeDep = (version: number) => writeFile(join(root, "lib", "dep.ts"), `import { dirname } from "node:path";\nexport const where: string = dirname(new URL(import.meta.url).pathname);\nexport const version: number = ${version};\n`);
  /** The bundle's exports, imported from its file (a new URL each time: Node caches a module by its URL). */
  const load = async (file: string) => (await import(`${pathToFileURL(file).href}?${Math.random()}`)) as { entryUrl: string; found: { where: string; version: number } };

  it("bundles the sources once, and each module keeps its own import.meta.url", async () => {
    const made = await bundleFor(entry, { cacheDir, root });
    assert.equal(made.made, true);
    const module = await load(made.file);
    assert.equal(module.entryUrl, pathToFileURL(entry).href);
    assert.equal(module.found.where, join(root, "lib"), "dep.ts's directory, not the bundle's");
    assert.equal(module.found.version, 1);
    const again = await bundleFor(entry, { cacheDir, root });
    assert.deepEqual(again, { file: made.file, made: false });
  });

  it("bundles again once a source changes, and not after it changes back", async () => {
    const first = await bundleFor(entry, { cacheDir, root });
    await writeDep(2);
    const changed = await bundleFor(entry, { cacheDir, root });
    assert.equal(changed.made, true);
    assert.notEqual(changed.file, first.file);
    assert.equal((await load(changed.file)).found.version, 2);
    await writeDep(1);
    const back = await bundleFor(entry, { cacheDir, root });
    assert.equal(back.made, true, "the record holds the last bundle only");
    assert.equal(back.file, first.file, "a bundle is named for its sources: the same sources, the same name");
  });

  it("does not reuse a bundle that is not whole", async () => {
    const { file } = await bundleFor(entry, { cacheDir, root });
    await truncate(file, 100);
    const remade = await bundleFor(entry, { cacheDir, root });
    assert.equal(remade.made, true);
    assert.equal((await load(remade.file)).found.version, 1);
  });

  it("keeps three bundles and their maps, the one just made among them", async () => {
    let last = "";
    for (let version = 10; version < 15; version++) {
      await writeDep(version);
      last = (await bundleFor(entry, { cacheDir, root })).file;
    }
    const files = await readdir(cacheDir);
    assert.equal(files.filter((f) => f.endsWith(".mjs")).length, 3);
    assert.equal(files.filter((f) => f.endsWith(".mjs.map")).length, 3);
    assert.ok(files.includes(basename(last)));
    await writeDep(1);
  });

  it("names the TypeScript sources in stack traces", async () => {
    await writeFile(join(root, "throws.ts"), 'export function fail(): never {\n  throw new Error("from throws.ts");\n}\nfail();\n');
    await assert.rejects(importBundled(join(root, "throws.ts"), { cacheDir, root }), (error: Error) => {
      assert.match(error.stack ?? "", /throws\.ts:2/);
      return true;
    });
  });

  it("refuses a use of import.meta that a bundle cannot keep, naming the file", async () => {
    assert.throws(() => withOwnImportMeta("import.meta.resolve('x')", "/p/a.ts"), /invalid bundle source: \/p\/a\.ts \(uses import\.meta\.resolve/);
    assert.equal(withOwnImportMeta("f(import.meta.url, import.meta.dirname)", "/p/a.ts"), 'f("file:///p/a.ts", "/p")');
    await writeFile(join(root, "resolves.ts"), 'export const x = import.meta.resolve("./entry.ts");\n');
    await assert.rejects(bundleFor(join(root, "resolves.ts"), { cacheDir, root }), /resolves\.ts \(uses import\.meta\.resolve/);
  });

  it("reports a source that does not parse on one line: file:line:column and the reason, and bundles nothing", async () => {
    await writeFile(join(root, "broken.ts"), "export const x = ;\n");
    const before = await readdir(cacheDir);
    await assert.rejects(bundleFor(join(root, "broken.ts"), { cacheDir, root }), (error: Error) => {
      assert.equal(error.message, `cannot bundle ${join(root, "broken.ts")}: broken.ts:1:17: Unexpected ";"`);
      return true;
    });
    assert.deepEqual(await readdir(cacheDir), before);
    // As a process's main module: that line, and exit code 1.
    const run = spawnSync(process.execPath, [join(PROJECT_ROOT, "site", "build", "run-bundled.js"), join(root, "broken.ts")], { encoding: "utf8" });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^error: cannot bundle .*broken\.ts: .*broken\.ts:1:17: Unexpected ";"\n$/);
  });

  it("bundles the build itself, whose record lists its sources", async () => {
    const projectCache = join(cacheDir, "project");
    const { file } = await bundleFor(join(PROJECT_ROOT, "scripts", "build.ts"), { cacheDir: projectCache });
    const record = JSON.parse(await readFile(join(projectCache, "build.ts.json"), "utf8")) as { inputs: [string, string][]; bundle: string };
    assert.equal(join(projectCache, record.bundle), file);
    const sources = record.inputs.map(([path]) => path);
    for (const source of ["scripts/build.ts", "site/build/build.ts", "observablehq.config.ts"]) assert.ok(sources.includes(source), source);
    assert.ok(!sources.some((path) => path.includes("node_modules")), "packages stay outside");
    const bundle = await readFile(file, "utf8");
    assert.doesNotMatch(bundle, /from "vega"/, "the build's process does not load Vega");
    // One instance of the module that keeps the loader process `npm run build` forked before the bundle loaded.
    assert.ok(!sources.includes("site/build/fork-loader-process.js"));
    assert.ok(bundle.includes(`from ${JSON.stringify(pathToFileURL(join(PROJECT_ROOT, "site", "build", "fork-loader-process.js")).href)}`));
  });
});
