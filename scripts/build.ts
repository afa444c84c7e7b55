// npm run build: the report, from raw transcriptions to dist/, the same bytes every time.
//
// 1. Bring back Framework's cache from where it waits between builds, outside src/, and keep
//    each part of it whose inputs are unchanged (build-cache.ts).
// 2. Unless their outputs stand, start the data loaders the pages name in a process of their
//    own (spawn-loaders.ts), all in that one process (run-loaders.ts).
// 3. Meanwhile, run `observable build` in this process (framework-build.ts), telemetry off,
//    into a staging folder; Framework copies each data file once its loader has written it.
// 4. Finalize the staging folder: declare the page language (Framework 1.13 writes a bare
//    <html>) and replace the file modification times Framework embeds with the commit time,
//    so two builds of one commit are byte-identical.
// 5. Put it in place of dist/, and the cache back out of src/. A build that fails leaves the
//    previous dist/ as it was.
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { PROJECT_ROOT } from "../data-loaders/paths.ts";
import { cacheDigests, FRAMEWORK_CACHE, markOutputsCurrent, prepareCache, referencedFiles, stashCache, unstashCache } from "./build-cache.ts";
import { finalizeDist } from "./finalize-dist.ts";
import { loadFramework } from "./framework-build.ts";
import { frameworkClientNpmNames } from "./framework-npm-names.ts";
import { publishedFiles, publishedFilesTable } from "./published-files.ts";
import { spawnLoaders, type SpawnedLoaders } from "./spawn-loaders.ts";

function sourceDateEpochMs(): number {
  if (process.env.SOURCE_DATE_EPOCH) return Number(process.env.SOURCE_DATE_EPOCH) * 1000;
  try {
    return Number(execFileSync("git", ["log", "-1", "--format=%ct"], { cwd: PROJECT_ROOT, encoding: "utf8" }).trim()) * 1000;
  } catch {
    return 0;
  }
}

const dist = join(PROJECT_ROOT, "dist");
// Inside the project, as Framework clears only an output folder within the working directory.
const staging = join(PROJECT_ROOT, `dist.building-${process.pid}.tmp`);
const previous = join(PROJECT_ROOT, `dist.previous-${process.pid}.tmp`);

const fail = (message: string): never => {
  console.error(`error: ${message}`);
  rmSync(staging, { recursive: true, force: true });
  stashCache();
  process.exit(1);
};

// Framework resolves the config's root (src) against the working directory.
process.chdir(PROJECT_ROOT);
const srcDir = join(PROJECT_ROOT, "src");
const cacheDir = FRAMEWORK_CACHE;
unstashCache();
const digests = await cacheDigests(PROJECT_ROOT);
const current = await prepareCache(cacheDir, digests);
// Framework's client bundle names packages it would load from a CDN on demand (the implicit
// d3, Plot, Inputs, DuckDB, react-dom for JSX, ...), and resolving each name asks the npm
// registry for its latest version on every build: the build would need the network and
// would depend on the day. Framework first looks for a version folder in its cache, so a
// placeholder folder per name answers the lookup. The report uses none of these names; the
// paths they yield are never requested, and the browser tests fail on any request that does.
for (const name of await frameworkClientNpmNames(join(PROJECT_ROOT, "node_modules", "@observablehq", "framework", "dist", "client"))) {
  await mkdir(join(cacheDir, "_npm", `${name}@0.0.0-unused`), { recursive: true });
}

let loaders: SpawnedLoaders | null = null;
let loaded: Promise<void> | undefined;
if (current) {
  console.log("loader outputs current: ran 0 loaders");
} else {
  loaders = spawnLoaders(await referencedFiles(srcDir));
  // A loader's error stops the build at once, whatever Framework is doing.
  loaded = loaders.done.then(
    async ({ ran, ms, drawn, reused, dropped }) => {
      await markOutputsCurrent(cacheDir, digests);
      console.log(`loader outputs rebuilt: ran ${ran} loaders in ${ms} ms, in one process (charts: ${drawn} drawn, ${reused} reused, ${dropped} old drawings dropped)`);
    },
    (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
  );
}
// Framework loads (about a second) while the loader process starts on the other core.
const framework = await loadFramework(PROJECT_ROOT);
await framework.build(staging, loaders?.outputs).catch((error: unknown) => fail(`observable build failed: ${error instanceof Error ? error.message : String(error)}`));
await loaded;

const changed = await finalizeDist(staging, {
  lastModified: sourceDateEpochMs(),
  lang: "en",
  // The reproducibility page lists every published file with its hash, read from dist/ itself.
  manifest: {
    page: "reproducibility.html",
    placeholder: '<div id="published-files"></div>',
    html: async () => publishedFilesTable(await publishedFiles(staging, join(PROJECT_ROOT, "src"))),
  },
}).catch((error: unknown) => fail(`finalizing dist/ failed: ${error instanceof Error ? error.message : String(error)}`));
if (existsSync(dist)) await rename(dist, previous);
await rename(staging, dist);
await rm(previous, { recursive: true, force: true });
stashCache();
console.log(`finalized ${changed} pages`);
