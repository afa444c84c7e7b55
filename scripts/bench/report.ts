// The bench's targets, checked (never asserted: a failed target is a measurement), and the
// markdown summary written to bench/results.md and printed.
import { relative } from "node:path";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { DATA_CHANGE, type BuildMetrics, type BuildRun } from "./build.ts";
import type { ExploreMetrics } from "./explore.ts";
import { RUNS, type PageMetrics } from "./pages.ts";
import { documentFirstMarkdown, documentFirstTargets } from "./document-first.ts";
import { medianOf, medianReady } from "./reader.ts";
import { RUNS_PER_SIZE, type ScalingRun } from "./scaling.ts";

export interface Results {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[]; loadAtStartOfPart: Record<string, number> };
  commit: string;
  /** Files changed in the work tree but not committed, when the bench ran. */
  uncommittedFiles: number;
  parts: string[];
  build?: BuildMetrics;
  pages?: PageMetrics[];
  reference?: PageMetrics & { bundleBytes: number; page: string };
  explore?: ExploreMetrics;
  reader?: import("./reader.ts").ReaderMetrics;
  scaling?: ScalingRun[];
  numbers?: import("./numbers.ts").NumberPagesMetrics;
  pdf?: import("./pdf.ts").PdfMetrics;
  documentFirst?: import("./document-first.ts").DocumentFirstMetrics;
  dataPackage?: import("./data-package.ts").DataPackageMetrics;
  toolbars?: import("./toolbars.ts").ToolbarMetrics;
  targets: Target[];
}

export interface Target {
  target: string;
  /** null when the bench did not measure it in this run. */
  pass: boolean | null;
  detail: string;
}

/** The targets, as numbers. */
const LIMITS = {
  /** 150 kB, in bytes (1 kB = 1000 bytes), headers included. */
  firstChartBytes: 150_000,
  firstChartTimeRatio: 0.2,
  coldBuildSeconds: 60,
  rebuildSeconds: 10,
  millionSeconds: 30,
  /** 2 GiB in KB (as maxRSS counts). */
  millionPeakKb: 2 * 1024 * 1024,
  /** time(1M)/time(100k): 10 for linear growth; up to 15 accepted (a larger heap costs more GC). */
  growthRatio: 15,
  /** A shared link to the report's own query: its rows in at most this share of a new query's time on a cold page. */
  sharedLinkRatio: 0.3,
  /** A second visit to Explore: at most this share of the cold visit's bytes (the rest from the browser's cache). */
  warmBytesRatio: 0.1,
  /** The PDF step with Chromium started: its share of the 10 s rebuild (about 5 s without it). */
  pdfStepSeconds: 3,
} as const;

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const s = (millis: number) => `${(millis / 1000).toFixed(2)} s`;
const MiB = (kb: number) => `${Math.round(kb / 1024)} MiB`;
const ratio = (value: number) => `${value.toFixed(value < 0.1 ? 3 : 2)}×`;

export function checkTargets(results: Omit<Results, "targets">): Target[] {
  const targets: Target[] = [];
  const { pages, reference, build, scaling } = results;
  if (pages && reference) {
    const charted = pages.filter((p) => p.firstChartMs !== null);
    const noChart = pages.filter((p) => p.firstChartMs === null).map((p) => p.path);
    const skipped = noChart.length ? `; no chart, not counted: ${noChart.join(", ")}` : "";
    const overBytes = charted.filter((p) => p.bytesBeforeFirstChart! > LIMITS.firstChartBytes);
    const worstBytes = [...charted].sort((a, b) => b.bytesBeforeFirstChart! - a.bytesBeforeFirstChart!)[0];
    targets.push({
      target: `every page's first chart after ≤ ${kB(LIMITS.firstChartBytes)} transferred`,
      pass: charted.length > 0 && overBytes.length === 0,
      detail:
        (overBytes.length ? `over: ${overBytes.map((p) => `${p.path} ${kB(p.bytesBeforeFirstChart!)}`).join(", ")}` : worstBytes ? `largest: ${worstBytes.path} ${kB(worstBytes.bytesBeforeFirstChart!)}` : "no page has a chart") +
        ` (reference ${reference.bytesBeforeFirstChart === null ? "drew no chart" : kB(reference.bytesBeforeFirstChart)})${skipped}`,
    });
    const refMs = reference.firstChartMs;
    if (refMs === null) {
      targets.push({ target: `every page's first chart in ≤ ${LIMITS.firstChartTimeRatio}× the reference page's time`, pass: null, detail: "the reference page drew no chart" });
    } else {
      const slow = charted.filter((p) => p.firstChartMs! > LIMITS.firstChartTimeRatio * refMs);
      const worst = [...charted].sort((a, b) => b.firstChartMs! - a.firstChartMs!)[0];
      targets.push({
        target: `every page's first chart in ≤ ${LIMITS.firstChartTimeRatio}× the reference page's time (≤ ${ms(LIMITS.firstChartTimeRatio * refMs)}; reference ${ms(refMs)})`,
        pass: charted.length > 0 && slow.length === 0,
        detail:
          (slow.length ? `over: ${slow.map((p) => `${p.path} ${ms(p.firstChartMs!)} (${ratio(p.firstChartMs! / refMs)})`).join(", ")}` : worst ? `slowest: ${worst.path} ${ms(worst.firstChartMs!)} (${ratio(worst.firstChartMs! / refMs)})` : "no page has a chart") + skipped,
      });
    }
  }
  if (build) {
    const pdfPart = (run: BuildRun) => (run.pdf ? `PDF step ${s(run.pdf.stepMs)} of it` : "no PDF step in its log");
    const load = (run: BuildRun) => `load ${run.loadAverage.toFixed(1)} at its start`;
    targets.push({ target: `cold build ≤ ${LIMITS.coldBuildSeconds} s, PDF included`, pass: build.cold.seconds <= LIMITS.coldBuildSeconds, detail: `${build.cold.seconds.toFixed(1)} s (${pdfPart(build.cold)}), peak ${MiB(build.cold.peakRssKb)}, ${load(build.cold)}` });
    targets.push({
      target: `rebuild after a one-number change ≤ ${LIMITS.rebuildSeconds} s, PDF included`,
      pass: build.rebuild.seconds <= LIMITS.rebuildSeconds,
      detail: `${build.rebuild.seconds.toFixed(1)} s (${pdfPart(build.rebuild)}), peak ${MiB(build.rebuild.peakRssKb)}, ${build.rebuild.changedFiles} published files changed${build.rebuild.pdfChanged ? " (report.pdf among them)" : ""}, ${load(build.rebuild)} (after restoring the file: ${build.restoreRebuild.seconds.toFixed(1)} s; with nothing changed: ${build.unchanged.seconds.toFixed(1)} s, ${pdfPart(build.unchanged)})`,
    });
  }
  if (results.reader) targets.push(...readerTargets(results.reader));
  if (results.pdf) {
    const p = results.pdf;
    targets.push({ target: `the PDF step (compose, print, fix its dates) ≤ ${LIMITS.pdfStepSeconds} s`, pass: p.stepMs <= LIMITS.pdfStepSeconds * 1000, detail: `${s(p.stepMs)} median of ${p.runs} (composed ${ms(p.composeMs)}, printed ${ms(p.printMs)}; Chromium's start ${ms(p.launchMs)}, beside Framework in the build)` });
    targets.push({ target: "the PDF printed again from dist/ has dist/report.pdf's bytes", pass: p.sameBytes, detail: `${p.runs} prints, ${kB(p.bytes)}, ${p.pages} pages` });
  }
  if (results.documentFirst) targets.push(...documentFirstTargets(results.documentFirst));
  if (scaling) {
    const million = scaling.find((r) => r.statistics === 1_000_000);
    const hundredK = scaling.find((r) => r.statistics === 100_000);
    if (million) {
      targets.push({ target: `1M statistics in ≤ ${LIMITS.millionSeconds} s`, pass: million.totalMs <= LIMITS.millionSeconds * 1000, detail: `${s(million.totalMs)} (${stageList(million)})` });
      targets.push({ target: `1M statistics in ≤ 2 GiB peak memory`, pass: million.maxRssKb <= LIMITS.millionPeakKb, detail: `${MiB(million.maxRssKb)} (peak after each stage: ${peakList(million)})` });
    }
    if (million && hundredK) {
      const growth = million.totalMs / hundredK.totalMs;
      targets.push({ target: `near-linear growth: time(1M)/time(100k) ≤ ${LIMITS.growthRatio} (10 is linear)`, pass: growth <= LIMITS.growthRatio, detail: `${growth.toFixed(1)} (${s(hundredK.totalMs)} → ${s(million.totalMs)})` });
    }
  }
  return targets;
}

function readerTargets(r: import("./reader.ts").ReaderMetrics): Target[] {
  const shared = medianOf(r.sharedLink, "rowsMs");
  const cold = medianOf(r.coldQuery, "rowsMs");
  const warm = medianOf(r.warmQuery, "rowsMs");
  const coldBytes = medianOf(r.coldQuery, "bytes");
  const warmBytes = medianOf(r.warmQuery, "bytes");
  const withWasm = r.wasmByPage.filter((p) => p.wasm.length > 0);
  return [
    {
      target: `Explore: a shared link to the report's own query shows its rows in ≤ ${LIMITS.sharedLinkRatio}× the time a new query takes on a cold page`,
      pass: shared <= LIMITS.sharedLinkRatio * cold,
      detail: `${ratio(shared / cold)} (shared link ${ms(shared)}, new query cold ${ms(cold)}; median of ${r.runs} each)`,
    },
    {
      target: `Explore: a second visit transfers ≤ ${LIMITS.warmBytesRatio}× the cold visit's bytes (the rest from the browser's cache)`,
      pass: warmBytes <= LIMITS.warmBytesRatio * coldBytes,
      detail: `${kB(warmBytes)} against ${kB(coldBytes)} (${ratio(warmBytes / coldBytes)}); a new query's rows in ${ms(warm)} warm against ${ms(cold)} cold`,
    },
    {
      target: "no page but Explore fetches the engine (.wasm)",
      pass: r.wasmByPage.length > 0 && withWasm.length === 0,
      detail: withWasm.length ? `fetched by: ${withWasm.map((p) => `${p.path} (${p.wasm.join(", ")})`).join("; ")}` : `${r.wasmByPage.length} pages loaded, none fetched one`,
    },
  ];
}

const stageList = (run: ScalingRun) => Object.entries(run.stages).map(([k, v]) => `${k} ${s(v)}`).join(", ");
const peakList = (run: ScalingRun) => Object.entries(run.peakAfter).map(([k, v]) => `${k} ${MiB(v)}`).join(", ");

export function targetLines(targets: readonly Target[]): string[] {
  return targets.map((t) => `${t.pass === null ? "N/A " : t.pass ? "PASS" : "FAIL"}  ${t.target}: ${t.detail}`);
}

/** A markdown table: the first column left-aligned, numbers right-aligned, `left` columns left. */
function table(header: readonly string[], rows: readonly (readonly string[])[], left: readonly number[] = [0]): string[] {
  return [`| ${header.join(" | ")} |`, `| ${header.map((_, i) => (left.includes(i) ? "---" : "---:")).join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)];
}

function loaderSummary(run: BuildRun): string {
  const { inProcess, framework } = run.loaders;
  const parts: string[] = [];
  if (inProcess) parts.push(`${inProcess.count} in one process beside Framework, ${s(inProcess.ms)} (charts: ${inProcess.drawn} drawn, ${inProcess.reused} reused)`);
  if (framework.count || !inProcess) parts.push(`${framework.count} run by Framework, one process each${framework.count ? `, ${s(framework.ms)} in all` : ""}`);
  return parts.join("; ");
}

function buildRows(run: BuildRun): string[] {
  const changed = run.changedFiles === null ? "–" : String(run.changedFiles);
  const pdf = run.pdf ? `${(run.pdf.stepMs / 1000).toFixed(1)} (composed ${s(run.pdf.composedMs)}, printed ${s(run.pdf.printedMs)})` : "–";
  const numbers = run.numberPages ? `${run.numberPages.pages} in ${ms(run.numberPages.ms)} (${(run.numberPages.ms / run.numberPages.pages).toFixed(2)} ms a page)` : "–";
  return [`| ${run.label} | ${run.seconds.toFixed(1)} | ${pdf} | ${numbers} | ${run.loadAverage.toFixed(1)} | ${MiB(run.peakRssKb)} | ${changed} | ${loaderSummary(run)} | ${run.phases.map((p) => `${p.name} ${s(p.ms)}`).join("; ")} |`];
}

export function markdown(results: Results): string {
  const out: string[] = [];
  const { machine } = results;
  out.push(`# Benchmark results`, "");
  out.push(
    `${results.startedAt} → ${results.finishedAt}; commit ${results.commit.slice(0, 12)}${results.uncommittedFiles ? ` plus ${results.uncommittedFiles} uncommitted files` : ""}; ` +
      `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; load average ${machine.loadAverageAtStart.map((l) => l.toFixed(2)).join(" ")} at start, ${machine.loadAverageAtEnd.map((l) => l.toFixed(2)).join(" ")} at end; 1-minute load at the start of each part: ${Object.entries(machine.loadAtStartOfPart).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ")} (others share this machine: a high load slows every number).`,
    "",
  );
  if (results.dataPackage) {
    const d = results.dataPackage;
    out.push(
      "## Published data",
      "",
      `${d.files} files, ${d.bytes} bytes under dist/downloads/ (every table as CSV and Parquet, the dictionary, datapackage.json), copied from the loaders' outputs and described at finalize (site/build/publish-data.ts) in ${ms(d.publishMs)} (best of 5); the Parquet loaders made every table in ${ms(d.parquetLoadersMs)}, ${d.parquetDeterministic ? "the same bytes" : "different bytes (not reproducible)"} when made again.`,
      "",
    );
  }
  if (results.numbers) {
    const n = results.numbers;
    out.push(
      "## Number pages",
      "",
      `${n.pages} pages (numbers/<id>), written by the build into Framework's page template (site/numbers/number-pages.ts): ledger, seeds and audit read in ${ms(n.readMs)}, pages written in ${ms(n.writeMs)}, ${n.perPageMs.toFixed(2)} ms a page (best of 3). Framework building them as Markdown pages cost about 75 ms a page (+21 s a build) when measured before choosing.`,
      "",
    );
  }
  if (results.build) {
    out.push("## Build", "");
    out.push("| run | wall (s) | PDF step (s) | number pages | load at start | peak RSS | published files changed | loaders | where the time goes |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
    for (const run of [results.build.cold, results.build.unchanged, results.build.rebuild, results.build.restoreRebuild]) out.push(...buildRows(run));
    out.push("");
    const { loaderOutputs, loaderCosts } = results.build;
    const slowest = results.build.cold.loaders.framework.slowest.filter((l) => l.ms >= 100);
    if (slowest.length) out.push(`Slowest loaders Framework ran in the cold build: ${slowest.map((l) => `${l.name} ${ms(l.ms)}`).join(", ")}.`, "");
    const outputs = Object.entries(loaderOutputs);
    if (outputs.length) out.push(`Loader outputs after the cold build, by folder of src/data/: ${outputs.map(([k, v]) => `${k} ${v}`).join(", ")} (${outputs.reduce((sum, [, v]) => sum + v, 0)} in all, made in one process; Framework on its own would start one process each, as below).`, "");
    if (loaderCosts.length) {
      out.push(...table(["one process, run alone", "wall (s)", "peak RSS (MiB)"], loaderCosts.map((c) => [`\`${c.loader}\``, c.seconds.toFixed(2), String(Math.round(c.peakRssKb / 1024))])), "");
    }
    out.push(
      "Peak RSS is /usr/bin/time's %M: the largest max RSS of a single process of the build (Framework, a loader, …), not the sum of processes running at once. " +
        `The one-number change sets one number of the ledger, the period of one statistic in ${relative(PROJECT_ROOT, DATA_CHANGE.file)} (${DATA_CHANGE.id}, field ${DATA_CHANGE.field}, to ${DATA_CHANGE.to}), so the ledger, the files made from it, the chart that shows it, the audit's comparisons, the number's page and the PDF change (a changed printed value would be refused: its quote must stand in the document; the PDF is printed anew by every build, changed or not); the file is restored byte for byte afterwards and the last build runs from the restored tree, so dist/ matches the tree. "Published files changed" counts the files of dist/ added, removed or changed by that build. The PDF step and the number pages are the build's own log lines: the PDF prints on Chromium's side while the number pages are written, so the two overlap.`,
      "",
    );
  }
  if (results.pages && results.reference) {
    const ref = results.reference;
    out.push("## Pages", "");
    out.push(
      ...table(
        ["page", "first chart (ms)", "× ref time", "bytes before first chart (kB)", "× ref bytes", "total (kB)", "requests", "network idle (ms)", "first chart"],
        [...results.pages, ref].map((p) => {
          const isRef = p === ref;
          return [
            isRef ? `**reference** (${ref.page})` : p.path,
            p.firstChartMs === null ? "–" : String(Math.round(p.firstChartMs)),
            p.firstChartMs === null || ref.firstChartMs === null || isRef ? "–" : ratio(p.firstChartMs / ref.firstChartMs),
            p.bytesBeforeFirstChart === null ? "–" : (p.bytesBeforeFirstChart / 1000).toFixed(1),
            p.bytesBeforeFirstChart === null || ref.bytesBeforeFirstChart === null || isRef ? "–" : ratio(p.bytesBeforeFirstChart / ref.bytesBeforeFirstChart),
            (p.bytesTotal / 1000).toFixed(1),
            String(p.requests),
            String(Math.round(p.networkIdleMs)),
            p.firstChartIn ?? "none",
          ];
        }),
        [0, 8],
      ),
      "",
    );
    out.push(
      `Bytes are counted by the server (response headers + gzip bodies, workers' requests included), 1 kB = 1000 bytes; times are from navigation start in a fresh browser context with the cache disabled; each page is loaded ${RUNS} times and the run with the median time kept. ` +
        `The reference page draws the survey's Table-1 employment chart the usual way: DuckDB-WASM, the published statistics and survey Table-1 CSVs, the chart's own SQL and Vega-Lite spec, vega-embed; its script bundle is ${kB(ref.bundleBytes)} before gzip.`,
      "",
    );
    const problems = [...results.pages, ref].flatMap((p) => [...p.foreignRequests.map((u) => `${p.path}: request to another host ${u}`), ...p.errors.map((e) => `${p.path}: ${e}`)]);
    if (problems.length) out.push("Problems seen while measuring:", "", ...problems.map((p) => `- ${p}`), "");
  }
  if (results.explore) {
    const e = results.explore;
    out.push("## Explore (DuckDB-WASM)", "");
    out.push(
      `Cold start (\`queryAll("SELECT 1")\`: engine started, every table loaded): ${ms(e.coldStartMs)}; ready ${ms(e.readyFromNavigationMs)} after navigation start ` +
        `(explorer shown at ${ms(e.explorerShownMs)}), ${kB(e.bytesUntilReady)} transferred by then.`,
      "",
    );
    out.push(...table(["example query", "median of 5 (ms)", "rows"], e.queries.map((q) => [q.file, q.medianMs.toFixed(1), String(q.rows)])), "");
    if (e.errors.length) out.push(...e.errors.map((x) => `- ${x}`), "");
  }
  if (results.reader) {
    const r = results.reader;
    out.push("## Explore as a reader meets it", "");
    const row = (label: string, visits: readonly import("./reader.ts").ExploreVisit[]) => {
      const ready = medianReady(visits);
      return [label, ms(medianOf(visits, "rowsMs")), ready === null ? "–" : ms(ready), kB(medianOf(visits, "bytes")), visits.map((v) => `${Math.round(v.rowsMs)}`).join(", "), visits.map((v) => `${v.notModified}/${v.requests}`).join(", ")];
    };
    out.push(
      ...table(["visit", "first row (median)", "engine ready (median)", "transferred (median)", "first row, each run (ms)", "304 / requests, each run"], [
        row(`shared link \`?q=${r.example}\`, cold`, r.sharedLink),
        row("new query, cold", r.coldQuery),
        row("same query, second visit (warm)", r.warmQuery),
      ], [0, 5]),
      "",
      `The new query: \`${r.query}\`. Each run opens a fresh browser context (empty HTTP cache, as a first-time reader's) for the shared link, and another for the new query, which then visits the page a second time in the same context; times are from navigation start, bytes as the server counts them (headers and gzip bodies, the engine's worker included) until both the first row and the engine were there. ${r.runs} runs, alternated, the median shown.`,
      "",
    );
    if (r.errors.length) out.push(...r.errors.map((x) => `- ${x}`), "");
  }
  if (results.scaling) {
    out.push("## Scaling (normalize → Parquet → DuckDB, synthetic statistics)", "");
    const stages = [...new Set(results.scaling.flatMap((r) => Object.keys(r.stages)))];
    out.push(
      ...table(
        ["statistics", ...stages.map((x) => `${x} (s)`), "total (s)", "× previous size", "peak RSS (MiB)"],
        results.scaling.map((r, i) => {
          const previous = results.scaling![i - 1];
          return [
            r.statistics.toLocaleString("en-US"),
            ...stages.map((x) => ((r.stages[x] ?? 0) / 1000).toFixed(2)),
            (r.totalMs / 1000).toFixed(2),
            previous ? ratio(r.totalMs / previous.totalMs) : "–",
            String(Math.round(r.maxRssKb / 1024)),
          ];
        }),
      ),
      "",
      `Each size runs ${RUNS_PER_SIZE} times, each in its own process (node + tsx startup not counted in the stages), and the run with the median total is shown; peak RSS is that process's process.resourceUsage().maxRSS. ` +
        "The synthetic rows (ids `synthetic.NNNNNNN`) are written only to a temporary folder.",
      "",
    );
  }
  if (results.pdf) {
    const p = results.pdf;
    out.push("## PDF edition (dist/report.pdf)", "");
    out.push(
      ...table(["size", "pages", "tables", "figures", "endnotes", "step (ms)", "composed (ms)", "printed (ms)", "Chromium start (ms)", "same bytes"], [
        [kB(p.bytes), String(p.pages), String(p.tables), String(p.figures), String(p.endnotes), String(Math.round(p.stepMs)), String(Math.round(p.composeMs)), String(Math.round(p.printMs)), String(Math.round(p.launchMs)), p.sameBytes ? "yes" : "NO"],
      ], []),
      "",
      `The step as the build runs it after finalizing the pages (site/pdf/print-report.ts), from dist/, median of ${p.runs}; Chromium starts, and opens its page, while Framework builds, so neither is in the step. The build times above include the step.`,
      "",
    );
  }
  if (results.documentFirst) out.push(...documentFirstMarkdown(results.documentFirst));
  out.push("## Targets", "", "```", ...targetLines(results.targets), "```", "");
  return out.join("\n");
}
