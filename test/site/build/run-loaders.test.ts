// The build runs every data loader in one process (run-loaders.ts); Framework, in preview or
// when the build leaves a file to it, runs each loader file as a program. Both must publish
// the same bytes, and a failing loader must say which output and loader failed.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { createLoaderContext, type LoaderContext } from "../../../site/loader/loader-context.ts";
import { PROJECT_ROOT } from "../../../data-loaders/paths.ts";
import { answerStatements, importLoaders, runLoaders } from "../../../site/build/run-loaders.ts";
import { spawnLoaders, startLoaderProcess } from "../../../site/build/spawn-loaders.ts";
import { inputsDigest, loaderInputs } from "../../../site/build/cache/digests.ts";
import { pageLoaders } from "../../../site/build/referenced-files.ts";

const SRC = join(PROJECT_ROOT, "src");
const TSX = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");

/** One output of every loader file under src/data/ and of every page loader, with the arguments Framework would pass. */
const SAMPLES: { path: string; file: string; args: string[] }[] = [
  { path: "/data/audit.json", file: "data/audit.json.ts", args: [] },
  { path: "/data/bibliography.json", file: "data/bibliography.json.ts", args: [] },
  { path: "/data/charts/thesis-table-6-intervals.json", file: "data/charts/[name].json.ts", args: ["--name=thesis-table-6-intervals"] },
  { path: "/data/conclusions.json", file: "data/conclusions.json.ts", args: [] },
  { path: "/data/csv/reconciliation.csv", file: "data/csv/[name].csv.ts", args: ["--name=reconciliation"] },
  { path: "/data/data-dictionary.json", file: "data/data-dictionary.json.ts", args: [] },
  { path: "/data/glossary.csv", file: "data/glossary.csv.ts", args: [] },
  { path: "/data/parquet/census.parquet", file: "data/parquet/[name].parquet.ts", args: ["--name=census"] },
  { path: "/data/duckdb/duckdb-browser-eh.worker.js", file: "data/duckdb/duckdb-browser-eh.worker.js.ts", args: [] },
  { path: "/data/explore/definitions.json", file: "data/explore/definitions.json.ts", args: [] },
  { path: "/data/explore/queries.json", file: "data/explore/queries.json.ts", args: [] },
  { path: "/data/explore/schema.json", file: "data/explore/schema.json.ts", args: [] },
  { path: "/data/query/units.json", file: "data/query/[name].json.ts", args: ["--name=units"] },
  { path: "/data/query/census.json", file: "data/query/[name].json.ts", args: ["--name=census"] },
  { path: "/data/reproducibility/map.json", file: "data/reproducibility/map.json.ts", args: [] },
  { path: "/data/reproducibility/versions.json", file: "data/reproducibility/versions.json.ts", args: [] },
  { path: "/data/statistics.csv", file: "data/statistics.csv.ts", args: [] },
  { path: "/data/statistics.parquet", file: "data/statistics.parquet.ts", args: [] },
  { path: "/data/tables/thesis-table-1.csv", file: "data/tables/[key].csv.ts", args: ["--key=thesis-table-1"] },
  { path: "/data/tables/thesis-table-4.json", file: "data/tables/[key].json.ts", args: ["--key=thesis-table-4"] },
  { path: "/data/tables/survey-table-1.parquet", file: "data/tables/[key].parquet.ts", args: ["--key=survey-table-1"] },
  { path: "/data/thesis/diagrams.json", file: "data/thesis/diagrams.json.ts", args: [] },
  { path: "/glossary.md", file: "glossary.md.ts", args: [] },
];

/** Runs a loader file as Framework does (`tsx file --param=…`), and returns its stdout. */
async function runAsProgram(file: string, args: readonly string[]): Promise<Buffer> {
  const { stdout } = await promisify(execFile)(TSX, [join(SRC, file), ...args], { cwd: PROJECT_ROOT, encoding: "buffer", maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

async function loaderFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".ts")).map((e) => relative(SRC, join(e.parentPath, e.name)).split("\\").join("/"));
}

/** A source root whose data/ and page loaders are the project's, and whose cache starts empty. */
async function scratchSource(): Promise<string> {
  const src = await mkdtemp(join(tmpdir(), "loaders-src-"));
  await symlink(join(SRC, "data"), join(src, "data"));
  for (const page of await pageLoaders(SRC)) await symlink(join(SRC, page), join(src, page));
  return src;
}

describe("the data loaders, run in one process", () => {
  let src: string;
  let context: LoaderContext;
  before(async () => {
    src = await mkdtemp(join(tmpdir(), "loaders-src-"));
    context = createLoaderContext();
  });
  after(() => context.close());

  it("covers every loader file under src/data/ and every page loader", async () => {
    assert.deepEqual([...new Set(SAMPLES.map((s) => s.file))].sort(), [...(await loaderFiles(join(SRC, "data"))), ...(await pageLoaders(SRC))].sort());
  });

  it("write the bytes each loader writes when Framework runs it as a program", { timeout: 180_000 }, async () => {
    const scratch = await scratchSource();
    const runs = await runLoaders(scratch, SAMPLES.map((s) => s.path), context);
    assert.deepEqual(runs.map((r) => r.how), SAMPLES.map(() => "in-process"));
    const pending = [...SAMPLES];
    const worker = async () => {
      for (let sample = pending.shift(); sample; sample = pending.shift()) {
        const inProcess = await readFile(join(scratch, ".observablehq", "cache", sample.path));
        const asProgram = await runAsProgram(sample.file, sample.args);
        assert.ok(asProgram.length > 0, `${sample.path}: empty output`);
        assert.ok(inProcess.equals(asProgram), `${sample.path}: ${inProcess.length} bytes in process, ${asProgram.length} as a program`);
      }
    };
    await Promise.all([worker(), worker()]);
  });

  it("leaves to Framework a path with no loader declared with defineLoader", async () => {
    await mkdir(join(src, "data"), { recursive: true });
    await writeFile(join(src, "data", "static.csv"), "a\n1\n");
    await writeFile(join(src, "data", "plain.json.ts"), 'process.stdout.write("{}");\n');
    const runs = await runLoaders(src, ["/data/static.csv", "/data/plain.json", "/data/missing.json"], context);
    assert.deepEqual(runs.map((r) => r.how), ["framework", "framework", "framework"]);
    assert.ok(!existsSync(join(src, ".observablehq", "cache", "data", "plain.json")));
  });

  it("makes the data files a page loader's page names, announced before the page", async () => {
    const scratch = await mkdtemp(join(tmpdir(), "loaders-src-"));
    const define = JSON.stringify(join(PROJECT_ROOT, "site", "loader", "define-loader.ts"));
    await mkdir(join(scratch, "data"));
    await writeFile(join(scratch, "report.md.ts"), `import { defineLoader } from ${define};
export default defineLoader(import.meta.url, async () => '<a href="./data/named.csv" download>CSV</a> <a href="./data/unnamed.csv">not a download</a>');\n`);
    await writeFile(join(scratch, "data", "named.csv.ts"), `import { defineLoader } from ${define};
export default defineLoader(import.meta.url, async () => "a\\n1\\n");\n`);
    const heard: string[] = [];
    const runs = await runLoaders(scratch, ["/report.md"], context, (run) => heard.push(`output ${run.path}`), (more) => heard.push(`more ${more.join(" ")}`));
    assert.deepEqual(heard, ["more /data/named.csv", "output /report.md", "output /data/named.csv"]);
    assert.deepEqual(runs.map((r) => r.how), ["in-process", "in-process"]);
    assert.equal(await readFile(join(scratch, ".observablehq", "cache", "data", "named.csv"), "utf8"), "a\n1\n");
  });

  it("names the output and the loader when a loader fails, and leaves no file", async () => {
    await mkdir(join(src, "data", "broken"), { recursive: true });
    await writeFile(
      join(src, "data", "broken", "[name].json.ts"),
      `import { defineLoader, routeParam } from ${JSON.stringify(join(PROJECT_ROOT, "site", "loader", "define-loader.ts"))};
export default defineLoader(import.meta.url, async (params) => { throw new Error("invalid thing: " + routeParam(params, "name")); });\n`,
    );
    await assert.rejects(runLoaders(src, ["/data/broken/x.json"], context), {
      message: "/data/broken/x.json: loader src/data/broken/[name].json.ts --name=x failed: invalid thing: x",
    });
    assert.deepEqual(await readdir(join(src, ".observablehq", "cache", "data", "broken")).catch(() => []), []);
  });
});

describe("the loader process", () => {
  it("reports each output as it lands, and the run's summary", { timeout: 120_000 }, async () => {
    const paths = ["/data/query/units.json", "/data/csv/units.csv"];
    const src = await scratchSource();
    const spawned = spawnLoaders(paths, src);
    const summary = await spawned.done;
    assert.equal(summary.ran, 2);
    await Promise.all(paths.map((p) => spawned.outputs.get(p)));
    for (const p of paths) assert.ok(existsSync(join(src, ".observablehq", "cache", p)), p);
  });

  it("fails with the loader's own words, and fails every output still pending", { timeout: 120_000 }, async () => {
    const spawned = spawnLoaders(["/data/charts/no-such-chart.json"], await scratchSource());
    await assert.rejects(spawned.done, /\/data\/charts\/no-such-chart\.json: loader src\/data\/charts\/\[name\]\.json\.ts --name=no-such-chart failed: invalid chart: no-such-chart/);
    await assert.rejects(spawned.outputs.get("/data/charts/no-such-chart.json")!);
  });

  it("gives the run to a new process when the first read inputs other than the build's, and keeps it when they are the same", { timeout: 120_000 }, async () => {
    const paths = ["/data/query/units.json"];
    const src = await scratchSource();
    const stale = startLoaderProcess(src).run(paths, "the digest of inputs since changed");
    assert.equal((await stale.done).ran, 1);
    assert.equal(stale.restarted, true);
    assert.ok(existsSync(join(src, ".observablehq", "cache", paths[0]!)));
    const current = startLoaderProcess(src).run(paths, await inputsDigest(PROJECT_ROOT, await loaderInputs(PROJECT_ROOT)));
    assert.equal((await current.done).ran, 1);
    assert.equal(current.restarted, false);
  });
});

describe("what the loader process does while it waits for its order", () => {
  it("imports every loader module (data/x.json.ts, page.md.ts), and nothing else of the source root", async () => {
    const src = await mkdtemp(join(tmpdir(), "import-loaders-"));
    const seen = `importLoaders-${Date.now()}`;
    const mark = (name: string) => `(globalThis[${JSON.stringify(seen)}] ??= []).push(${JSON.stringify(name)});\n`;
    await mkdir(join(src, "data", "charts"), { recursive: true });
    await mkdir(join(src, "components"), { recursive: true });
    await mkdir(join(src, ".observablehq", "cache", "data"), { recursive: true });
    await writeFile(join(src, "data", "charts", "[name].json.ts"), mark("chart loader"));
    await writeFile(join(src, "glossary.md.ts"), mark("page loader"));
    await writeFile(join(src, "components", "figure.ts"), mark("browser component"));
    await writeFile(join(src, "types.d.ts"), mark("declarations"));
    await writeFile(join(src, ".observablehq", "cache", "data", "x.json.js"), mark("cached output"));
    await writeFile(join(src, "data", "broken.csv.ts"), "throw new Error('a loader that fails as it loads');\n");
    await importLoaders(src);
    assert.deepEqual(((globalThis as Record<string, unknown>)[seen] as string[]).sort(), ["chart loader", "page loader"]);
  });

  it("asks each statement of the SQL folder once, and leaves a failing one to the loader that asks for it", async () => {
    const sqlDir = await mkdtemp(join(tmpdir(), "answer-statements-"));
    await writeFile(join(sqlDir, "a.sql"), "SELECT 1 AS a");
    await writeFile(join(sqlDir, "b.sql"), "SELECT * FROM no_such_table");
    await writeFile(join(sqlDir, "notes.txt"), "not a statement");
    const asked: string[] = [];
    const context = { query: async (sql: string) => (asked.push(sql), sql.includes("no_such_table") ? Promise.reject(new Error("no such table")) : [{ a: 1 }]) } as unknown as LoaderContext;
    await answerStatements(context, sqlDir);
    assert.deepEqual(asked, ["SELECT 1 AS a", "SELECT * FROM no_such_table"]);
  });
});

