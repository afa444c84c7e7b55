// npm run build: the report, from raw transcriptions to dist/, the same bytes every time.
//
// 1. Keep Framework's loader cache only if the loaders' inputs are unchanged (during a build
//    Framework takes any cached output as fresh), clear dist/, and run the loaders the pages
//    need side by side, which Framework would run one at a time.
// 2. Run `observable build` with telemetry off.
// 3. Finalize dist/: declare the page language (Framework 1.13 writes a bare <html>) and
//    replace the file modification times Framework embeds with the commit time, so two
//    builds of one commit are byte-identical.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../data-loaders/paths.ts";
import { finalizeDist } from "./finalize-dist.ts";
import { frameworkClientNpmNames } from "./framework-npm-names.ts";
import { keepCacheIfCurrent, loaderInputsDigest, prewarmLoaders, referencedFiles } from "./loader-cache.ts";
import { publishedFiles, publishedFilesTable } from "./published-files.ts";

function sourceDateEpochMs(): number {
  if (process.env.SOURCE_DATE_EPOCH) return Number(process.env.SOURCE_DATE_EPOCH) * 1000;
  try {
    return Number(execFileSync("git", ["log", "-1", "--format=%ct"], { cwd: PROJECT_ROOT, encoding: "utf8" }).trim()) * 1000;
  } catch {
    return 0;
  }
}

const srcDir = join(PROJECT_ROOT, "src");
const cacheDir = join(srcDir, ".observablehq", "cache");
const kept = await keepCacheIfCurrent(cacheDir, await loaderInputsDigest(PROJECT_ROOT));
await rm(join(PROJECT_ROOT, "dist"), { recursive: true, force: true });
// Framework's client bundle names packages it would load from a CDN on demand (the implicit
// d3, Plot, Inputs, DuckDB, react-dom for JSX, ...), and resolving each name asks the npm
// registry for its latest version on every build: the build would need the network and
// would depend on the day. Framework first looks for a version folder in its cache, so a
// placeholder folder per name answers the lookup. The report uses none of these names; the
// paths they yield are never requested, and the browser tests fail on any request that does.
for (const name of await frameworkClientNpmNames(join(PROJECT_ROOT, "node_modules", "@observablehq", "framework", "dist", "client"))) {
  await mkdir(join(PROJECT_ROOT, "src", ".observablehq", "cache", "_npm", `${name}@0.0.0-unused`), { recursive: true });
}
const started = performance.now();
const ran = await prewarmLoaders(srcDir, await referencedFiles(srcDir), Math.max(2, availableParallelism() + 1));
console.log(`${kept ? "loader cache current" : "loader cache rebuilt"}: ran ${ran} loaders in ${Math.round(performance.now() - started)} ms`);
const framework = join(PROJECT_ROOT, "node_modules", ".bin", "observable");
const result = spawnSync(framework, ["build"], {
  cwd: PROJECT_ROOT,
  stdio: "inherit",
  env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" },
});
if (result.status !== 0) {
  console.error(`error: observable build failed (exit ${result.status ?? result.signal})`);
  process.exit(1);
}
const dist = join(PROJECT_ROOT, "dist");
const changed = await finalizeDist(dist, {
  lastModified: sourceDateEpochMs(),
  lang: "en",
  // The reproducibility page lists every published file with its hash, read from dist/ itself.
  manifest: {
    page: "reproducibility.html",
    placeholder: '<div id="published-files"></div>',
    html: async () => publishedFilesTable(await publishedFiles(dist, join(PROJECT_ROOT, "src"))),
  },
});
console.log(`finalized ${changed} pages`);
