// Scaling: the normalize → Parquet → DuckDB path on synthetic ledgers of growing size, each size
// in its own child process (scaling-run.ts) so that its peak memory is its own. The synthetic
// rows live only in a temporary folder, removed after each size.
import { spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT, RAW_DIR } from "../../data-loaders/paths.ts";
import { writeSyntheticTsv } from "./synthetic.ts";

const SIZES = [1_000, 10_000, 100_000, 1_000_000] as const;
/** Runs per size: the run with the median total is kept (others share this machine). */
export const RUNS_PER_SIZE = 3;

export interface ScalingRun {
  statistics: number;
  /** Milliseconds per stage: read, parse, normalize (with the duplicate-id check), parquet, query. */
  stages: Record<string, number>;
  /** The process's peak RSS (KB) at the end of each stage: which stage reaches the peak. */
  peakAfter: Record<string, number>;
  totalMs: number;
  /** process.resourceUsage().maxRSS of the child at its end, in KB. */
  maxRssKb: number;
  /** Wall time of the child process, startup (node, tsx) included. */
  processMs: number;
  /** Time to write the synthetic raw file (not part of the path measured). */
  generateMs: number;
  /** Total and peak RSS of every run of this size, in run order. */
  runs: { totalMs: number; maxRssKb: number }[];
}

function runChild(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "scripts", "bench", "scaling-run.ts"), ...args], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("close", (code, signal) => (code === 0 ? resolve(out) : reject(new Error(`scaling-run ${args[0]} failed (${code ?? signal}):\n${err.slice(-3000)}`))));
  });
}

export async function measureScaling(log: (line: string) => void, sizes: readonly number[] = SIZES): Promise<ScalingRun[]> {
  const runs: ScalingRun[] = [];
  for (const size of sizes) {
    const folder = await mkdtemp(join(tmpdir(), `bench-scaling-${size}-`));
    try {
      const tsv = join(folder, "synthetic.tsv");
      const units = join(folder, "units.tsv");
      const out = join(folder, "out");
      await mkdir(out);
      await copyFile(join(RAW_DIR, "units.tsv"), units);
      let started = performance.now();
      await writeSyntheticTsv(tsv, size);
      const generateMs = performance.now() - started;
      const measured: Omit<ScalingRun, "runs">[] = [];
      for (let run = 0; run < RUNS_PER_SIZE; run++) {
        started = performance.now();
        const output = await runChild([tsv, units, out]);
        const processMs = performance.now() - started;
        const result = JSON.parse(output.trim().split("\n").at(-1)!) as { count: number; stages: Record<string, number>; peakAfter: Record<string, number>; totalMs: number; maxRssKb: number };
        if (result.count !== size) throw new Error(`scaling ${size}: normalized ${result.count} statistics`);
        measured.push({ statistics: size, stages: result.stages, peakAfter: result.peakAfter, totalMs: result.totalMs, maxRssKb: result.maxRssKb, processMs, generateMs });
      }
      const median = [...measured].sort((a, b) => a.totalMs - b.totalMs)[RUNS_PER_SIZE >> 1]!;
      runs.push({ ...median, runs: measured.map((m) => ({ totalMs: m.totalMs, maxRssKb: m.maxRssKb })) });
      log(
        `  ${size.toLocaleString("en-US")} statistics: ${(median.totalMs / 1000).toFixed(2)} s, peak ${Math.round(median.maxRssKb / 1024)} MiB ` +
          `(runs: ${measured.map((m) => `${(m.totalMs / 1000).toFixed(2)} s ${Math.round(m.maxRssKb / 1024)} MiB`).join(", ")})`,
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
  return runs;
}
