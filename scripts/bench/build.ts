// Build times, each `npm run build` under /usr/bin/time for its peak memory:
// - cold: no cache, no dist/;
// - a rebuild with nothing changed (what Framework costs on its own);
// - a rebuild after a one-number change: the period of one statistic in one raw file
//   (DATA_CHANGE), so the ledger, the files made from it, its chart, its page and the PDF change;
// - the file restored byte for byte (even on Ctrl-C) and the report rebuilt, so dist/ and the
//   cache match the tree when the bench ends (that build is timed too: it is a data change back).
// Each data change must change published files; the bench counts them. Each run also reports
// the PDF step's own time and the number pages' (their log lines) and the load average.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { CACHE_STASH, clearCache } from "../../site/build/cache/stash.ts";

export const DIST_DIR = join(PROJECT_ROOT, "dist");

/**
 * The data change: one number of the ledger, the period a statistic counts (2000-2001 becomes
 * 2001), which every run accepts; a changed printed value or quote would be refused, as each
 * quote is checked against its document. It changes the ledger, the files made from it, the
 * chart that shows the number, the audit's comparisons, the number's page and the PDF's
 * endnote for it.
 */
export const DATA_CHANGE = {
  file: join(PROJECT_ROOT, "raw", "survey", "statistics", "survey.tsv"),
  id: "survey.sialkot.exports-2000-01",
  field: "period",
  to: "2001",
} as const;

/** The raw file's text with the data change made; an error if the row or field is not as expected. */
export function changedText(text: string): string {
  const lines = text.split("\n");
  const header = lines.find((l) => l.startsWith("id\t"))?.split("\t") ?? [];
  const column = header.indexOf(DATA_CHANGE.field);
  const index = lines.findIndex((l) => l.startsWith(`${DATA_CHANGE.id}\t`));
  const cells = lines[index]?.split("\t");
  if (column < 0 || cells === undefined || cells[column] === DATA_CHANGE.to) {
    throw new Error(`${DATA_CHANGE.file}: no row ${DATA_CHANGE.id} with a ${DATA_CHANGE.field} to change; update DATA_CHANGE in scripts/bench/build.ts`);
  }
  while (cells.length < header.length) cells.push("");
  cells[column] = DATA_CHANGE.to;
  lines[index] = cells.join("\t");
  return lines.join("\n");
}

export interface Phase {
  name: string;
  ms: number;
}

export interface BuildRun {
  label: string;
  /** Wall time of `npm run build`, as /usr/bin/time reports it. */
  seconds: number;
  /** The largest max RSS of one process of the build (/usr/bin/time's %M: not the sum of them). */
  peakRssKb: number;
  /** Phases of the run, from the time each marker line of the build's output appeared. */
  phases: Phase[];
  /** Published files (dist/, by path and content) that differ from the previous build's. */
  changedFiles: number | null;
  /** Whether dist/report.pdf differs from the previous build's (so the PDF step printed a new one). */
  pdfChanged: boolean | null;
  /** The machine's 1-minute load average when the build started (others share it). */
  loadAverage: number;
  /** The PDF step's own time, from its log line (composed and printed are parts of it). */
  pdf: { stepMs: number; composedMs: number; printedMs: number } | null;
  /** The number pages the build wrote, and how long that took (its log line). */
  numberPages: { pages: number; ms: number } | null;
  loaders: {
    /** The build's loader process ("ran N loaders in M ms, in one process (charts: …)"), if it ran. */
    inProcess: { count: number; ms: number; drawn: number; reused: number } | null;
    /** Loaders Framework ran itself, one process each (its "[missing|stale] … success … in N ms" lines). */
    framework: { count: number; ms: number; slowest: { name: string; ms: number }[] };
  };
}

/** One loader process, run alone: what each loader would cost as a process of its own. */
export interface LoaderCost {
  loader: string;
  seconds: number;
  peakRssKb: number;
}

export interface BuildMetrics {
  /** Loader outputs in the cache after the cold build, by folder of src/data/. */
  loaderOutputs: Record<string, number>;
  /** A few loaders run alone (after the builds), and an empty tsx script for the startup cost. */
  loaderCosts: LoaderCost[];
  cold: BuildRun;
  unchanged: BuildRun;
  rebuild: BuildRun;
  /** The build after the raw file was restored (also a rebuild after a data change). */
  restoreRebuild: BuildRun;
}

interface Line {
  at: number;
  text: string;
}

/** Where a build's time goes, from its output lines and their arrival times (ms from start). */
export function analyseBuildLog(lines: readonly Line[], totalMs: number): Pick<BuildRun, "phases" | "loaders" | "pdf" | "numberPages"> {
  const last = (pattern: RegExp) => lines.filter((l) => pattern.test(l.text)).at(-1)?.at ?? null;
  const first = (pattern: RegExp) => lines.find((l) => pattern.test(l.text))?.at ?? null;
  const loaderLine = lines.find((l) => /ran \d+ loaders in \d+ ms, in one process/.test(l.text));
  const markers: [string, number | null][] = [
    ["npm, Node and the build's bundle start, cache check (the loaders' order follows)", first(/^cache: /)],
    ["Framework and the config loaded, first page parsed", first(/^load \//)],
    ["Framework: parse pages, bundle their node_modules imports into its cache", last(/^built \d+ pages in/)],
    ["Framework: data files copied (once the loader process has written each)", last(/→ load \//)],
    ["Framework: client bundles, node imports, render pages", last(/^render \//)],
    ["Framework's page table, link check, finalize the pages, compose and print the PDF edition while the number pages and the cache's record are written (its own time: the pdf: line)", last(/^pdf: /)],
    ["dist/ replaced, Chromium closed", last(/^finalized \d+ pages/)],
    ["exit", totalMs],
  ];
  const phases: Phase[] = [];
  let previous = 0;
  for (const [name, at] of markers) {
    if (at === null || at < previous) continue;
    phases.push({ name, ms: at - previous });
    previous = at;
  }
  const loaders: { name: string; ms: number }[] = [];
  for (const { text } of lines) {
    // Only a loader whose output was [missing] or [stale] runs; a [fresh] one is read from the cache.
    const match = /load (\/\S+) → \[(?:missing|stale)\] success .* in (\d+)ms/.exec(text);
    if (match) loaders.push({ name: match[1]!, ms: Number(match[2]) });
  }
  const counts = loaderLine && /ran (\d+) loaders in (\d+) ms.*charts: (\d+) drawn, (\d+) reused/.exec(loaderLine.text);
  const found = (pattern: RegExp) => lines.map((l) => pattern.exec(l.text)).find((m) => m !== null) ?? null;
  const pdf = found(/^pdf: .*step (\d+) ms \(composed (\d+) ms, printed (\d+) ms/);
  const numberPages = found(/^number pages: (\d+) written in (\d+) ms/);
  return {
    phases,
    pdf: pdf ? { stepMs: Number(pdf[1]), composedMs: Number(pdf[2]), printedMs: Number(pdf[3]) } : null,
    numberPages: numberPages ? { pages: Number(numberPages[1]), ms: Number(numberPages[2]) } : null,
    loaders: {
      inProcess: counts ? { count: Number(counts[1]), ms: Number(counts[2]), drawn: Number(counts[3]), reused: Number(counts[4]) } : null,
      framework: { count: loaders.length, ms: loaders.reduce((sum, l) => sum + l.ms, 0), slowest: [...loaders].sort((a, b) => b.ms - a.ms).slice(0, 5) },
    },
  };
}

/** Runs `npm run build` under /usr/bin/time, timestamping each output line. */
async function timedBuild(label: string): Promise<BuildRun> {
  const folder = await mkdtemp(join(tmpdir(), "bench-build-"));
  const timeFile = join(folder, "time.txt");
  try {
    const loadAverage = loadavg()[0]!;
    const started = performance.now();
    const lines: Line[] = [];
    let log = "";
    const child = spawn("/usr/bin/time", ["-f", "%e %M", "-o", timeFile, "npm", "run", "build"], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const collect = (stream: NodeJS.ReadableStream) => {
      let partial = "";
      stream.setEncoding("utf8");
      stream.on("data", (data: string) => {
        const at = performance.now() - started;
        log += data;
        const parts = (partial + data).split("\n");
        partial = parts.pop()!;
        for (const text of parts) lines.push({ at, text });
      });
      stream.on("end", () => partial && lines.push({ at: performance.now() - started, text: partial }));
    };
    collect(child.stdout!);
    collect(child.stderr!);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    });
    const totalMs = performance.now() - started;
    if (code !== 0) throw new Error(`${label}: npm run build failed (exit ${code}):\n${log.slice(-3000)}`);
    const [seconds, peak] = (await readFile(timeFile, "utf8")).trim().split(/\s+/).slice(-2).map(Number);
    if (!Number.isFinite(seconds) || !Number.isFinite(peak)) throw new Error(`${label}: cannot read /usr/bin/time's output`);
    return { label, seconds: seconds!, peakRssKb: peak!, changedFiles: null, pdfChanged: null, loadAverage, ...analyseBuildLog(lines, totalMs) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Counts the loader outputs in Framework's cache, by their folder under src/data/. */
async function loaderOutputs(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  // Between builds the cache waits outside src/ (site/build/cache/stash.ts).
  const folder = join(CACHE_STASH, "data");
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (!entry.isFile() || entry.name.startsWith(".")) continue;
    const key = relative(folder, entry.parentPath) || "(top)";
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort());
}

/** Loaders to run alone, one of each kind, with a route parameter of the current report. */
const SAMPLE_LOADERS: readonly [string, ...string[]][] = [
  ["src/data/csv/[name].csv.ts", "--name=units"],
  ["src/data/tables/[key].json.ts", "--key=thesis-table-6"],
  ["src/data/query/[name].json.ts", "--name=units"],
  ["src/data/charts/[name].json.ts", "--name=survey-table-1-employment"],
];

async function timeProcess(args: readonly string[]): Promise<{ seconds: number; peakRssKb: number }> {
  const folder = await mkdtemp(join(tmpdir(), "bench-loader-"));
  try {
    const timeFile = join(folder, "time.txt");
    const child = spawn("/usr/bin/time", ["-f", "%e %M", "-o", timeFile, process.execPath, "--import", "tsx", ...args], { cwd: PROJECT_ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (err += d));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    });
    if (code !== 0) throw new Error(`${args.join(" ")} failed (exit ${code}): ${err.slice(-1000)}`);
    const [seconds, peak] = (await readFile(timeFile, "utf8")).trim().split(/\s+/).slice(-2).map(Number);
    return { seconds: seconds!, peakRssKb: peak! };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** What one loader process costs: an empty tsx script (startup alone), then one loader of each kind. */
async function loaderCosts(log: (line: string) => void): Promise<LoaderCost[]> {
  const costs: LoaderCost[] = [];
  const folder = await mkdtemp(join(tmpdir(), "bench-empty-"));
  try {
    const empty = join(folder, "empty.ts");
    await writeFile(empty, "export {};\n");
    costs.push({ loader: "an empty script (node + tsx startup)", ...(await timeProcess([empty])) });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  for (const [file, ...args] of SAMPLE_LOADERS) {
    if (!existsSync(join(PROJECT_ROOT, file))) continue;
    try {
      costs.push({ loader: `${file} ${args.join(" ")}`, ...(await timeProcess([file, ...args])) });
    } catch (error) {
      log(`  (could not time ${file}: ${error instanceof Error ? error.message.split("\n")[0] : error})`);
    }
  }
  return costs;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Every published file, path → sha256 (Framework names data files by content, so both count). */
async function distFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(DIST_DIR, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(relative(DIST_DIR, full), sha256(await readFile(full)));
  }
  return files;
}

function changedBetween(before: Map<string, string>, after: Map<string, string>): number {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).length;
}

/** A timed build, with the number of published files it changed. */
async function timedBuildCounting(label: string): Promise<BuildRun> {
  const before = await distFiles();
  const run = await timedBuild(label);
  const after = await distFiles();
  return { ...run, changedFiles: changedBetween(before, after), pdfChanged: before.get("report.pdf") !== after.get("report.pdf") };
}

/** The PDF step's time and the load average, for the progress lines. */
const pdfNote = (run: BuildRun) => ` (PDF step ${run.pdf ? `${(run.pdf.stepMs / 1000).toFixed(1)} s` : "not found"}; load ${run.loadAverage.toFixed(1)})`;

/**
 * Cold build; a rebuild with nothing changed; a rebuild after the data change; the file
 * restored (byte for byte, checked by hash) and the report rebuilt from the restored tree.
 */
export async function measureBuilds(log: (line: string) => void): Promise<BuildMetrics> {
  // Cold: whatever build.ts keeps (loader outputs and drawings keyed by their inputs), start from nothing.
  clearCache();
  await rm(DIST_DIR, { recursive: true, force: true });
  log("  cold build…");
  const cold = await timedBuild("cold build");
  log(`  cold build: ${cold.seconds} s${pdfNote(cold)}`);
  const outputs = await loaderOutputs();
  log("  rebuild, nothing changed…");
  const unchanged = await timedBuildCounting("rebuild, nothing changed");
  log(`  rebuild, nothing changed: ${unchanged.seconds} s${pdfNote(unchanged)}`);

  const { file } = DATA_CHANGE;
  const original = readFileSync(file);
  const originalHash = sha256(original);
  const restore = () => {
    if (sha256(readFileSync(file)) !== originalHash) writeFileSync(file, original);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    process.kill(process.pid, signal);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  let rebuild: BuildRun;
  try {
    await writeFile(file, changedText(original.toString("utf8")));
    log("  rebuild after a one-number change…");
    rebuild = await timedBuildCounting("rebuild after a one-number change");
    log(`  rebuild: ${rebuild.seconds} s${pdfNote(rebuild)}, ${rebuild.changedFiles} published files changed${rebuild.pdfChanged ? ", report.pdf among them" : ", report.pdf not among them"}`);
  } finally {
    restore();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  if (sha256(await readFile(file)) !== originalHash) throw new Error(`${file} was not restored`);
  log("  rebuild from the restored tree…");
  const restoreRebuild = await timedBuildCounting("rebuild after restoring the file");
  log(`  rebuild (restored): ${restoreRebuild.seconds} s${pdfNote(restoreRebuild)}`);
  if (!rebuild.changedFiles || !restoreRebuild.changedFiles) throw new Error("a data change left every published file as it was: the bench's change does not reach the report");
  // The PDF is printed anew on every build; the change must also show in it, as a changed number would.
  if (!rebuild.pdfChanged || !restoreRebuild.pdfChanged) throw new Error("the data change left dist/report.pdf as it was: choose a DATA_CHANGE the PDF shows");
  log("  loader processes, one of each kind, run alone…");
  return { loaderOutputs: outputs, loaderCosts: await loaderCosts(log), cold, unchanged, rebuild, restoreRebuild };
}
