// Build times: a cold `npm run build` (no loader cache, no dist/), and the rebuild after one raw
// data file changes (a comment line appended to raw/units.tsv, which the parser ignores), each
// under /usr/bin/time for its peak memory. The raw file is restored byte for byte afterwards,
// even on Ctrl-C, and the report is built once more from the restored tree, so dist/ and the
// cache match the tree when the bench ends (that build is timed too: it is a second data change).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";

export const CACHE_DIR = join(PROJECT_ROOT, "src", ".observablehq", "cache");
export const DIST_DIR = join(PROJECT_ROOT, "dist");
export const CHANGED_FILE = join(PROJECT_ROOT, "raw", "units.tsv");

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
  loaders: {
    /** Loaders scripts/build.ts ran side by side before Framework ("ran N loaders in M ms"), if it did. */
    prewarm: { count: number; ms: number } | null;
    /** Loaders Framework ran itself, one at a time (its "[missing|stale] … success … in N ms" lines). */
    framework: { count: number; ms: number; slowest: { name: string; ms: number }[] };
  };
}

/** One loader process, run alone: what each of the build's loader processes costs. */
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
  rebuild: BuildRun;
  /** The build after the raw file was restored (also a rebuild after a data change). */
  restoreRebuild: BuildRun;
}

interface Line {
  at: number;
  text: string;
}

/** Where a build's time goes, from its output lines and their arrival times (ms from start). */
export function analyseBuildLog(lines: readonly Line[], totalMs: number): Pick<BuildRun, "phases" | "loaders"> {
  const last = (pattern: RegExp) => lines.filter((l) => pattern.test(l.text)).at(-1)?.at ?? null;
  const first = (pattern: RegExp) => lines.find((l) => pattern.test(l.text))?.at ?? null;
  const prewarmLine = lines.find((l) => /ran \d+ loaders in \d+ ms/.test(l.text));
  const prewarmMs = prewarmLine ? Number(/in (\d+) ms/.exec(prewarmLine.text)![1]) : 0;
  const markers: [string, number | null][] = [
    ["npm, tsx and scripts/build.ts before its loaders (cache check, input digest)", prewarmLine ? prewarmLine.at - prewarmMs : null],
    ["loaders run side by side by scripts/build.ts", prewarmLine?.at ?? null],
    [prewarmLine ? "Framework start" : "npm, tsx, scripts/build.ts setup, Framework start", first(/^load \//)],
    ["Framework: parse pages, bundle their node_modules imports into its cache", last(/^built \d+ pages in/)],
    ["Framework: data files (loaders it runs, or their cached output) copied", last(/→ load \//)],
    ["Framework: client bundles, node imports, render pages", last(/^render \//)],
    ["Framework's page table, link check, finalize dist/", last(/^finalized \d+ pages/)],
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
  return {
    phases,
    loaders: {
      prewarm: prewarmLine ? { count: Number(/ran (\d+) loaders/.exec(prewarmLine.text)![1]), ms: prewarmMs } : null,
      framework: { count: loaders.length, ms: loaders.reduce((sum, l) => sum + l.ms, 0), slowest: [...loaders].sort((a, b) => b.ms - a.ms).slice(0, 5) },
    },
  };
}

/** Runs `npm run build` under /usr/bin/time, timestamping each output line. */
async function timedBuild(label: string): Promise<BuildRun> {
  const folder = await mkdtemp(join(tmpdir(), "bench-build-"));
  const timeFile = join(folder, "time.txt");
  try {
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
    return { label, seconds: seconds!, peakRssKb: peak!, ...analyseBuildLog(lines, totalMs) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Counts the loader outputs in Framework's cache, by their folder under src/data/. */
async function loaderOutputs(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const folder = join(CACHE_DIR, "data");
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

/**
 * Cold build, then a rebuild with a comment appended to raw/units.tsv, then the file restored
 * (byte for byte, checked by hash) and the report rebuilt from the restored tree.
 */
export async function measureBuilds(log: (line: string) => void): Promise<BuildMetrics> {
  // Cold: whatever build.ts keeps (a loader cache keyed by its inputs, say), start from nothing.
  await rm(CACHE_DIR, { recursive: true, force: true });
  await rm(DIST_DIR, { recursive: true, force: true });
  log("  cold build…");
  const cold = await timedBuild("cold build");
  log(`  cold build: ${cold.seconds} s`);
  const outputs = await loaderOutputs();

  const original = readFileSync(CHANGED_FILE);
  const originalHash = sha256(original);
  const restore = () => {
    if (sha256(readFileSync(CHANGED_FILE)) !== originalHash) writeFileSync(CHANGED_FILE, original);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    process.kill(process.pid, signal);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  let rebuild: BuildRun;
  try {
    const newline = original.length > 0 && original[original.length - 1] !== 0x0a ? "\n" : "";
    await writeFile(CHANGED_FILE, Buffer.concat([original, Buffer.from(`${newline}# bench ${new Date().toISOString()}\n`)]));
    log("  rebuild after a data change…");
    rebuild = await timedBuild("rebuild after a data change");
    log(`  rebuild: ${rebuild.seconds} s`);
  } finally {
    restore();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  if (sha256(await readFile(CHANGED_FILE)) !== originalHash) throw new Error(`${CHANGED_FILE} was not restored`);
  log("  rebuild from the restored tree…");
  const restoreRebuild = await timedBuild("rebuild after restoring the file");
  log(`  rebuild (restored): ${restoreRebuild.seconds} s`);
  log("  loader processes, one of each kind, run alone…");
  return { loaderOutputs: outputs, loaderCosts: await loaderCosts(log), cold, rebuild, restoreRebuild };
}
