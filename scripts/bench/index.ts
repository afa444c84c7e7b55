// npm run bench: build times, page weight and speed against a reference page, the Explore
// page's DuckDB-WASM, and the data path's scaling, in one run. Writes bench/results.json and
// bench/results.md and prints the summary with a PASS/FAIL line per target. A failed target is
// a measurement: the exit code is 0 unless the bench itself fails.
//
// The whole run holds /tmp/report-build.lock (others build in this tree): it re-runs itself
// under flock when started without it. `--only=build,pages,explore,scaling,numbers,pdf,document-first,data-package,toolbars` runs some parts
// (without `build`, the pages are measured in the dist/ already there).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Browser } from "playwright-core";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { launchChromium } from "../../test/e2e/browser.ts";
import { DIST_DIR, measureBuilds } from "./build.ts";
import { measureExplore } from "./explore.ts";
import { measurePageMedian, measurePages, RUNS } from "./pages.ts";
import { writeReferenceSite } from "./reference.ts";
import { checkTargets, markdown, targetLines, type Results } from "./report.ts";
import { measureScaling } from "./scaling.ts";
import { measureNumberPages } from "./numbers.ts";
import { measurePdf } from "./pdf.ts";
import { measureDocumentFirst } from "./document-first.ts";
import { measureDataPackage } from "./data-package.ts";
import { countingServer } from "./traffic.ts";
import { measureToolbars, toolbarTargets } from "./toolbars.ts";

const LOCK = "/tmp/report-build.lock";
const LOCK_HELD = "REPORT_BUILD_LOCK_HELD";
const PARTS = ["build", "pages", "explore", "scaling", "numbers", "pdf", "document-first", "data-package", "toolbars"] as const;
type Part = (typeof PARTS)[number];

function relaunchUnderLock(): never {
  console.log(`bench: taking ${LOCK} (waits while another build holds it)`);
  const result = spawnSync("flock", [LOCK, process.execPath, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, [LOCK_HELD]: "1" },
  });
  if (result.error) throw result.error;
  process.exit(result.status ?? 1);
}

function git(...args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: PROJECT_ROOT, encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: "string" } } });
  const parts = new Set<Part>((values.only?.split(",") ?? PARTS).map((p) => {
    if (!(PARTS as readonly string[]).includes(p)) throw new Error(`--only: unknown part ${p} (parts: ${PARTS.join(", ")})`);
    return p as Part;
  }));
  const log = (line: string) => console.log(line);
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = loadavg();
  const partial: Omit<Results, "targets" | "finishedAt" | "machine"> = {
    startedAt,
    commit: git("rev-parse", "HEAD"),
    uncommittedFiles: git("status", "--porcelain").split("\n").filter(Boolean).length,
    parts: [...parts],
  };

  const loadAtStart: Record<string, number> = {};
  const mark = (part: Part) => (loadAtStart[part] = loadavg()[0]!);
  if (parts.has("build")) {
    mark("build");
    log("build:");
    partial.build = await measureBuilds(log);
  }
  const browserParts = parts.has("pages") || parts.has("explore") || parts.has("document-first");
  if (browserParts && !existsSync(join(DIST_DIR, "index.html"))) {
    throw new Error("no dist/: run with the build part, or `npm run build` first");
  }
  let browser: Browser | undefined;
  const site = browserParts ? await countingServer(DIST_DIR) : undefined;
  try {
    if (parts.has("pages") || parts.has("document-first")) {
      mark("pages");
      browser ??= await launchChromium();
      log(`pages (each loaded ${RUNS} times, the median kept):`);
      if (parts.has("pages")) partial.pages = await measurePages(browser, site!, DIST_DIR);
      const reference = await writeReferenceSite(DIST_DIR);
      const server = await countingServer(reference.root);
      try {
        const metrics = await measurePageMedian(browser, server, "/");
        partial.reference = { ...metrics, path: "reference", page: "/survey", bundleBytes: reference.bundleBytes };
        log(`  reference: first chart ${metrics.firstChartMs === null ? "none" : `${Math.round(metrics.firstChartMs)} ms`}, ${Math.round(metrics.bytesTotal / 1000)} kB total`);
      } finally {
        await server.close();
        await rm(reference.root, { recursive: true, force: true });
      }
    }
    if (parts.has("document-first")) {
      mark("document-first");
      log("document first (FCP and first chart, bytes before it, chart text at 375 and 1400 px):");
      partial.documentFirst = await measureDocumentFirst(browser!, site!, DIST_DIR, log, { measured: partial.pages, reference: partial.reference });
    }
    if (parts.has("explore")) {
      mark("explore");
      browser ??= await launchChromium();
      log("explore:");
      partial.explore = await measureExplore(browser, site!, DIST_DIR);
      log(`  cold start ${Math.round(partial.explore.coldStartMs)} ms, ${partial.explore.queries.length} example queries`);
    }
  } finally {
    await browser?.close();
    await site?.close();
  }
  if (parts.has("scaling")) {
    mark("scaling");
    log("scaling:");
    partial.scaling = await measureScaling(log);
  }
  if (parts.has("numbers")) partial.numbers = await (mark("numbers"), log("number pages:"), measureNumberPages(log));
  if (parts.has("pdf")) partial.pdf = await (mark("pdf"), log("pdf:"), measurePdf(log));
  if (parts.has("data-package")) partial.dataPackage = await (mark("data-package"), log("data package:"), measureDataPackage(log));
  if (parts.has("toolbars")) partial.toolbars = await (mark("toolbars"), log("toolbars (scripts each page with a figure loads first):"), launchChromium().then((b) => measureToolbars(b, DIST_DIR, log).finally(() => b.close())));

  const results: Results = {
    ...partial,
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverageAtStart,
      loadAverageAtEnd: loadavg(),
      loadAtStartOfPart: loadAtStart,
    },
    targets: [],
  };
  results.targets = [...checkTargets(results), ...(parts.has("toolbars") ? toolbarTargets(results.toolbars) : [])];
  const folder = join(PROJECT_ROOT, "bench");
  await mkdir(folder, { recursive: true });
  const summary = markdown(results);
  await writeFile(join(folder, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(folder, "results.md"), summary);
  console.log(`\n${summary}`);
  console.log(`wrote bench/results.json and bench/results.md (${targetLines(results.targets).filter((l) => l.startsWith("FAIL")).length} of ${results.targets.length} targets failed)`);
}

if (process.env[LOCK_HELD] !== "1") relaunchUnderLock();
main().catch((error: unknown) => {
  console.error("bench failed:", error);
  process.exitCode = 1;
});
