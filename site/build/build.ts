// The report, from raw transcriptions to dist/, the same bytes every time (`buildReport`;
// scripts/build.ts is its command line, `npm run build`).
//
// 0. Check each seed against the sha256 raw/sources.tsv records (normalize/sources.ts): the
//    loaders check it too, but a build whose loader outputs are current runs none. Then take
//    the folder's build lock (build-lock.ts): a second build waits for the first.
// 1. Put back dist/ if a build was killed while replacing it, and remove the staging folders
//    of killed builds (replace-folder.ts). Bring back Framework's cache from where it waits
//    between builds, outside src/; keep only the files the last successful build recorded, byte
//    for byte (cache/manifest.ts), and of those each part whose inputs are unchanged (cache/).
// 2. Unless their outputs stand, run the data loaders the pages name in a process of their
//    own (spawn-loaders.ts), all in that one process (run-loaders.ts), started with step 1.
// 3. Meanwhile, run `observable build` in this process (framework-build.ts), telemetry off,
//    into a staging folder; Framework copies each data file once its loader has written it.
// 4. Write what the ledger gives Framework's pages (site/numbers/), then finalize the staging
//    folder: fill the pages' placeholders, declare the page language (Framework 1.13 writes a
//    bare <html>) and replace the file modification times Framework embeds with the commit
//    time, so two builds of one commit are byte-identical.
// 5. Print the finished pages as one PDF, dist/report.pdf (site/pdf/print-report.ts), with
//    Debian's Chromium, in a printer process of its own (site/pdf/printer-process.ts, started
//    with the build; Chromium starts beside Framework's build); while it prints, write every
//    number's page (not printed), each once and final, and record the cache's files (size,
//    sha256).
// 6. Put the staging folder in place of dist/, and the cache back out of src/. A build that
//    fails leaves the previous dist/ as it was; a build killed at any moment leaves nothing the
//    next build would reuse unchecked.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { readLedger } from "../../data-loaders/normalize/ledger.ts";
import { readSeeds, type Seed } from "../../data-loaders/normalize/sources.ts";
import { numberContext, reportVersion, shownPlacesIn, writeCiteReport, writeNumberIndex, writeNumberPages } from "../numbers/number-pages.ts";
import { writeReaders } from "../numbers/readers.ts";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { buildingFolder, recoverFolder, replaceFolder } from "../../data-loaders/publish/replace-folder.ts";
import { lendLedger } from "../loader/shared-ledger.ts";
import { LEDGER_SNAPSHOT, readLedgerSnapshot } from "./ledger-snapshot.ts";
import { REPORT_PDF } from "../pdf/print-report.ts";
import { readingOrder, readSidebarConfig } from "../pdf/reading-order.ts";
import { reportSubject } from "../pdf/report-subject.ts";
import { takeBuildLock } from "./build-lock.ts";
import { cacheDigests } from "./cache/digests.ts";
import { markOutputsCurrent, prepareCache } from "./cache/freshness.ts";
import { verifyCache, writeManifest } from "./cache/manifest.ts";
import { FRAMEWORK_CACHE, stashCache, unstashCache } from "./cache/stash.ts";
import { finalizeDist, finalizePage, type FinalizeOptions } from "./finalize-dist.ts";
import { loadFramework } from "./framework-build.ts";
import { frameworkClientNpmNames } from "./framework-npm-names.ts";
import { publishedFiles, publishedFilesTable } from "./published-files.ts";
import { DATA_FOLDER, publishData } from "./publish-data.ts";
import { outputTables } from "../../data-loaders/publish/output-tables.ts";
import { pageLoaderOutput, pageLoaders, referencedFiles } from "./referenced-files.ts";
import { startLoaderProcess, type LoaderProcess, type SpawnedLoaders } from "./spawn-loaders.ts";
import { startPrinterProcess, type PrinterProcess } from "./spawn-printer.ts";

/** The commit time of HEAD (or SOURCE_DATE_EPOCH), which stands for every file time in dist/. */
export function sourceDateEpochMs(root: string): number {
  if (process.env.SOURCE_DATE_EPOCH) return Number(process.env.SOURCE_DATE_EPOCH) * 1000;
  try {
    return Number(execFileSync("git", ["log", "-1", "--format=%ct"], { cwd: root, encoding: "utf8" }).trim()) * 1000;
  } catch {
    return 0;
  }
}

/**
 * The crash and concurrency tests' hook (test/e2e/crash.test.ts): with BUILD_TEST_PAUSE_AT=<step>,
 * the build prints `paused at <step> (pid N)` and waits there until it is killed, or resumed by
 * SIGUSR2. Steps: start (lock held), finalize (Framework done, before finalizing), swap
 * (between dist/'s two renames).
 */
async function pauseAt(step: string): Promise<void> {
  if (process.env.BUILD_TEST_PAUSE_AT !== step) return;
  console.log(`paused at ${step} (pid ${process.pid})`);
  await new Promise<void>((resolve) => {
    const waiting = setInterval(() => {}, 60_000);
    process.once("SIGUSR2", () => {
      clearInterval(waiting);
      resolve();
    });
  });
}

/** How long a build waits for another one in the same folder: BUILD_LOCK_WAIT seconds, default 600. */
const lockWaitSeconds = () => Number(process.env.BUILD_LOCK_WAIT ?? 600);

/** What `buildReport` did. */
export interface BuildSummary {
  /** Pages finalized (language, file times). */
  pages: number;
  /** Loaders run: 0 when their outputs were current. */
  loadersRan: number;
}

/** A build that stopped: the message says which step and why; dist/ is as it was before. */
export class BuildError extends Error {}

/**
 * Builds the report in `projectRoot` into its dist/ (see the steps above). Progress goes to
 * `log`. A failure rejects with a BuildError and leaves dist/ and the cache as they were.
 * @param options.projectRoot default: this project
 * @param options.log default: console.log
 */
export async function buildReport(options: { projectRoot?: string; log?: (line: string) => void } = {}): Promise<BuildSummary> {
  const root = options.projectRoot ?? PROJECT_ROOT;
  const log = options.log ?? console.log;
  const dist = join(root, "dist");
  // Inside the project, as Framework clears only an output folder within the working directory.
  const staging = buildingFolder(dist);
  const seeds = await readSeeds(join(root, "raw"), root).catch((error: unknown) => {
    throw new BuildError(error instanceof Error ? error.message : String(error));
  });
  const release = await takeBuildLock(root, { waitSeconds: lockWaitSeconds(), log }).catch((error: unknown) => {
    throw new BuildError(error instanceof Error ? error.message : String(error));
  });
  try {
    await pauseAt("start");
    return await buildLocked(root, dist, staging, log, seeds);
  } finally {
    release();
  }
}

async function buildLocked(root: string, dist: string, staging: string, log: (line: string) => void, seeds: Seed[]): Promise<BuildSummary> {
  const documents = seeds.map((s) => s.source.title);
  const step = <T>(what: string, work: Promise<T>): Promise<T> =>
    work.catch((error: unknown) => {
      throw error instanceof BuildError ? error : new BuildError(`${what}${error instanceof Error ? error.message : String(error)}`);
    });
  // Under the lock, every staging sibling is a killed build's.
  const recovered = await recoverFolder(dist, { exclusive: true });
  if (recovered.restored) log("dist/: put back the previous build, left aside by a build killed while replacing it");
  if (recovered.removed.length > 0) log(`removed ${recovered.removed.length} folders left by killed builds: ${recovered.removed.join(", ")}`);
  // Framework resolves the config's root (src) against the working directory.
  process.chdir(root);
  const srcDir = join(root, "src");
  const cacheDir = FRAMEWORK_CACHE;
  unstashCache();
  // The loader process, forked as `npm run build` started (fork-loader-process.js) or now: it
  // loads its modules, reads the ledger and imports the loaders while this process checks
  // whether the loader outputs stand, and is then told to run or to end.
  const loaderProcess: LoaderProcess = startLoaderProcess();
  let loaders: SpawnedLoaders | null = null;
  let building: Promise<unknown> | undefined;
  let printing: Promise<void> | undefined;
  let returnLedger = () => {};
  // The printer process too (site/pdf/printer-process.ts): Chromium, once it is told to start it.
  const printer: PrinterProcess = startPrinterProcess();
  try {
    const verifying = performance.now();
    const verified = await verifyCache(cacheDir);
    const verifiedMs = Math.round(performance.now() - verifying);
    if (!verified.trusted) log(`cache: no record of a successful build, started afresh (${verifiedMs} ms)`);
    else log(`cache: ${verified.checked.size} files checked against the last build's record in ${verifiedMs} ms, ${verified.removed.length} removed${verified.removed.length > 0 ? ` (${verified.removed.slice(0, 3).join(", ")}${verified.removed.length > 3 ? ", …" : ""})` : ""}`);
    const digests = await cacheDigests(root);
    const current = await prepareCache(cacheDir, digests, verified.outputs);
    // Framework's client bundle names packages it would load from a CDN on demand (the implicit
    // d3, Plot, Inputs, DuckDB, react-dom for JSX, ...), and resolving each name asks the npm
    // registry for its latest version on every build: the build would need the network and
    // would depend on the day. Framework first looks for a version folder in its cache, so a
    // placeholder folder per name answers the lookup. The report uses none of these names; the
    // paths they yield are never requested, and the browser tests fail on any request that does.
    for (const name of await frameworkClientNpmNames(join(root, "node_modules", "@observablehq", "framework", "dist", "client"))) {
      await mkdir(join(cacheDir, "_npm", `${name}@0.0.0-unused`), { recursive: true });
    }

    let loaded: Promise<number> = Promise.resolve(0);
    if (current) {
      loaderProcess.end();
      log("loader outputs current: ran 0 loaders");
    } else {
      // The page loaders first: Framework needs their pages while it parses, the data files later.
      loaders = loaderProcess.run([...(await pageLoaders(srcDir)).map(pageLoaderOutput), ...(await referencedFiles(srcDir))], digests.outputs);
      const spawned = loaders;
      loaded = step(
        "",
        spawned.done.then(async ({ ran, ms, drawn, reused, dropped }) => {
          await markOutputsCurrent(cacheDir, digests);
          if (spawned.restarted) log("loader process: its inputs changed as it started; a new one ran the loaders");
          log(`loader outputs rebuilt: ran ${ran} loaders in ${ms} ms, in one process (charts: ${drawn} drawn, ${reused} reused, ${dropped} old drawings dropped)`);
          return ran;
        }),
      );
    }
    // Chromium starts, in the printer process, at once if no loader runs; else once Framework
    // waits for the loaders' files, or they are done: not while the other core runs the loaders.
    // It opens its page for the staging folder then, and prints the PDF once the pages are final.
    // (launch() starts it once; a failure is reported when the PDF is printed.)
    const launchNow = () => void printer.launch(staging).catch(() => {});
    void loaded.then(launchNow, () => {});
    // A loader's error stops the build at once, whatever Framework is doing.
    const stopped = loaded.then(() => new Promise<never>(() => {}));
    // The ledger for the pages the build writes itself (site/numbers/) and for Framework's search
    // index: the loader process's snapshot (ledger-snapshot.ts), now or from the build whose
    // outputs stand, so that this process, busy with Framework, does not read it again.
    const ledgerRead = (async () => {
      const spawned = loaders;
      if (spawned) await spawned.ledger;
      const snapshot = await readLedgerSnapshot(cacheDir);
      if (!snapshot && spawned) throw new Error(`the loader process wrote no ${LEDGER_SNAPSHOT} in the cache`);
      // An earlier build's outputs without a snapshot (made before there were snapshots): read it.
      return { ledger: snapshot ?? (await readLedger(join(root, "raw"), root)), seeds, version: reportVersion(root) };
    })();
    ledgerRead.catch(() => {}); // awaited, and reported, once Framework is done
    // Framework's search index, built in this process, lists every number: it takes this ledger.
    const lentLedger = ledgerRead.then(({ ledger }) => ledger);
    lentLedger.catch(() => {}); // its reader reports a failure, if it reads it at all
    returnLedger = lendLedger(join(root, "raw"), lentLedger);
    // Framework loads now, and the project's config, while the loaders run in their process.
    const framework = await Promise.race([loadFramework(root), stopped]);
    building = framework.build(staging, loaders?.outputs, () => launchNow());
    await Promise.race([step("observable build failed: ", building), stopped]);
    log(framework.memo ? `framework memo: ${framework.memo.reused} results reused, ${framework.memo.computed} computed` : "framework memo: off (Framework loaded without site/build/framework-memo/expose-bindings.js)");
    const loadersRan = await loaded;
    // Every file time in dist/, and the PDF's dates (git, asked once).
    const epochMs = sourceDateEpochMs(root);
    // What the build writes into Framework's pages from the ledger (site/numbers/): "Cite this
    // report", the annotated documents, the index of every number and, keeping Framework's page
    // as their template, every number's page, written last.
    const numbers = await step("writing the number pages failed: ", (async () => {
      const { ledger, seeds, version } = await ledgerRead;
      await writeCiteReport(staging, ledger, version);
      await writeReaders(staging, ledger, seeds);
      return { template: await writeNumberIndex(staging, ledger), context: numberContext(ledger, seeds, version, true), ledger, version };
    })());
    // Every published table under a plain name, CSV and Parquet, and datapackage.json (publish-data.ts).
    const published = await step("publishing dist/downloads/ failed: ", publishData(staging, cacheDir, {
      tables: outputTables(numbers.ledger),
      titles: new Map(numbers.ledger.tables.map((t) => [t.key, `${t.document === "survey" ? "Survey" : "Thesis"}, ${t.table}${t.title ? `: ${t.title}` : ""}`])),
      sources: numbers.ledger.sources,
      version: numbers.version.commit,
      created: new Date(epochMs),
    }));
    log(`data package: ${published.files.length} files, ${published.files.reduce((sum, f) => sum + f.bytes, 0)} bytes in ${DATA_FOLDER}/, in ${Math.round(published.ms)} ms`);

    const finalize: FinalizeOptions = {
      lastModified: epochMs,
      lang: "en",
      // Pages are filled in from the loaders' outputs, where Framework's cache holds them.
      data: (rootPath) => readFile(join(cacheDir, rootPath), "utf8"),
      links: published.rewriteLinks,
    };
    const pages = await step(
      "finalizing dist/ failed: ",
      finalizeDist(staging, {
        ...finalize,
        log,
        // The reproducibility page lists every published file but the pages, with its hash.
        manifest: {
          page: "reproducibility.html",
          placeholder: '<div id="published-files"></div>',
          html: async () => publishedFilesTable(await publishedFiles(staging, srcDir)),
        },
      }),
    );
    // The PDF holds every page but the numbers' own (reading-order.ts). Chromium puts it together
    // from the pages, then prints it on its own: this process writes the number pages and the
    // cache's record meanwhile, once the pages are in Chromium's hands.
    const pdf = printPdf(root, staging, printer, documents, epochMs, log);
    printing = step("printing dist/report.pdf failed: ", pdf.printed);
    printing.catch(() => {});
    await pdf.composed.catch(() => {}); // a failure is reported by `printing`
    const numberPages = await step("writing the number pages failed: ", (async () => {
      // Each number page lists every finalized page that shows its number (site/numbers/number-pages.ts).
      const shown = await shownPlacesIn(staging, numbers.context.ledger.statistics);
      log(`number pages: where each number is shown, from ${shown.pages} pages, in ${Math.round(shown.ms)} ms`);
      return writeNumberPages(staging, numbers.context, numbers.template, { shown: shown.places, finish: (file, html) => finalizePage(staging, file, html, finalize) });
    })());
    log(`number pages: ${numberPages.pages} written in ${Math.round(numberPages.ms)} ms`);
    // Framework and the loaders are done with the cache: its files are whole.
    const recording = performance.now();
    await writeManifest(cacheDir, verified.checked);
    log(`cache: recorded in ${Math.round(performance.now() - recording)} ms`);
    await printing;
    await pauseAt("finalize");
    await replaceFolder(dist, staging, () => pauseAt("swap"));
    return { pages: pages + numberPages.pages, loadersRan };
  } catch (error) {
    loaders?.stop();
    loaderProcess.end();
    // Framework may still be writing into the staging folder (a loader failed first): let it finish, then remove it.
    await building?.catch(() => {});
    await printing?.catch(() => {});
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    returnLedger();
    stashCache();
    await printer.end();
  }
}

/**
 * Step 5: the whole report as one PDF, in the staging folder, by the printer process; its time
 * in the log. `composed` settles once Chromium holds the pages (they may change after that),
 * `printed` once the PDF is written.
 */
function printPdf(root: string, staging: string, printer: PrinterProcess, documents: string[], dateMs: number, log: (line: string) => void): { composed: Promise<void>; printed: Promise<void> } {
  const started = performance.now();
  const printing = readSidebarConfig(root).then((config) =>
    printer.print(staging, { parts: readingOrder(config), title: config.title, documents, subject: reportSubject(documents), dateMs }),
  );
  const composed = printing.then((p) => p.composed);
  const printed = printing.then(async (p) => {
    const [report, launchMs] = await Promise.all([p.printed, printer.launch()]);
    const ms = Math.round(performance.now() - started);
    log(`pdf: ${REPORT_PDF}, ${report.pages} pages, ${Math.round(report.bytes / 1000)} kB, ${report.parts} parts, ${report.tables} tables, ${report.figures} figures, ${report.endnotes} endnotes; step ${ms} ms (composed ${Math.round(report.composeMs)} ms, printed ${Math.round(report.printMs)} ms; Chromium started beside Framework in ${Math.round(launchMs)} ms)`);
  });
  return { composed, printed };
}
