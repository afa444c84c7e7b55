// Runs the data loaders the pages need, all in this process, into Framework's cache, where
// `observable build` takes them as fresh. Framework alone would start one process per output
// (70 here, each with its own tsx start-up, ledger read and DuckDB); in one process the ledger
// is read once and one DuckDB answers every query. The outputs are the same bytes either way
// (test/site/build/run-loaders.test.ts runs both).
import { mkdir } from "node:fs/promises";
import { dirname, extname, join, posix, sep } from "node:path";
import { pathToFileURL } from "node:url";
// Framework's routing alone (which file makes /data/x.json, with which [params]); its loader
// module would pull in the whole of Framework.
import { route } from "@observablehq/framework/dist/route.js";
import type { Produce } from "../loader/define-loader.ts";
import type { LoaderContext } from "../loader/loader-context.ts";
import { reportStatements } from "../loader/shared-sql.ts";
import { writeFileAtomic } from "../../data-loaders/publish/write-file-atomic.ts";
import { filesUnder } from "./files-under.ts";
import { filesNamedBy } from "./referenced-files.ts";

/**
 * What became of one path: made by its loader's function in this process; left to Framework
 * (no loader declared with defineLoader: a file in src/ as it is, or another kind of loader).
 */
export interface LoaderRun {
  path: string;
  /** The loader file, relative to the source root (data/charts/[name].json.ts), if one ran. */
  loader: string | null;
  how: "in-process" | "framework";
  ms: number;
}

async function producer(file: string): Promise<Produce | null> {
  const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  return typeof module.default === "function" ? (module.default as Produce) : null;
}

/**
 * Imports every loader module under `srcDir` (a file named for what it makes and how:
 * data/x.json.ts, glossary.md.ts), so that a run finds them loaded. A module that fails to
 * import fails again, and is reported, when its loader runs.
 */
export async function importLoaders(srcDir: string): Promise<void> {
  const imports: Promise<unknown>[] = [];
  for await (const file of filesUnder(srcDir)) {
    if (file.includes(`${sep}.observablehq${sep}`) || file.endsWith(".d.ts") || !/\.[^./\\]+\.[jt]s$/.test(file)) continue;
    imports.push(import(pathToFileURL(file).href).catch(() => {}));
  }
  await Promise.all(imports);
}

/**
 * Asks `context` each of the report's statements (reportStatements: `sqlDir`, default src/sql/), one after another: most loaders ask for
 * one of them, and then find it answered (the context keeps every answer). A statement that
 * fails fails again, and is reported, when a loader asks for it.
 */
export async function answerStatements(context: LoaderContext, sqlDir?: string): Promise<void> {
  for (const { sql } of await reportStatements(sqlDir).catch(() => [])) await context.query(sql).catch(() => {});
}

/**
 * Makes each of `paths` (root paths such as /data/charts/x.json) whose loader is a JavaScript
 * or TypeScript file declared with defineLoader(), one after another, with `context`, and
 * writes it to `<srcDir>/.observablehq/cache/<path>` atomically. `onOutput` hears of each path
 * once its output is in place, or once it is left to Framework; `onMore` of the data files a
 * page loader's page names that `paths` did not hold, which are then made too, after the rest. A failure names the output and
 * the loader, and leaves no partial file. Returns what became of every path.
 */
export async function runLoaders(
  srcDir: string,
  paths: readonly string[],
  context: LoaderContext,
  onOutput: (run: LoaderRun) => void = () => {},
  onMore: (paths: readonly string[]) => void = () => {},
): Promise<LoaderRun[]> {
  const runs: LoaderRun[] = [];
  const queue = [...paths];
  const queued = new Set(paths);
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    const started = performance.now();
    const ext = extname(path);
    // Framework's order: the file itself, then its .js loader, then its .ts loader.
    const found = ext ? route(srcDir, path.slice(0, -ext.length), [ext, `${ext}.js`, `${ext}.ts`]) : undefined;
    const produce = found && found.ext !== ext ? await producer(join(srcDir, found.path)) : null;
    if (!found || !produce) {
      const run: LoaderRun = { path, loader: null, how: "framework", ms: 0 };
      runs.push(run);
      onOutput(run);
      continue;
    }
    let output: Awaited<ReturnType<Produce>>;
    try {
      output = await produce(found.params ?? {}, context);
      const cachePath = join(srcDir, ".observablehq", "cache", path);
      await mkdir(dirname(cachePath), { recursive: true });
      await writeFileAtomic(cachePath, output);
    } catch (error) {
      const params = Object.entries(found.params ?? {}).map(([k, v]) => ` --${k}=${v}`).join("");
      throw new Error(`${path}: loader src/${found.path}${params} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    // A page a loader wrote (glossary.md) may name data files no Markdown file names: they
    // join the run, announced before the page is, so Framework waits for them too.
    if (ext === ".md") {
      const more = filesNamedBy(posix.dirname(path), typeof output === "string" ? output : Buffer.from(output).toString("utf8")).filter((p) => !queued.has(p));
      for (const p of more) queued.add(p);
      queue.push(...more);
      if (more.length > 0) onMore(more);
    }
    const run: LoaderRun = { path, loader: found.path, how: "in-process", ms: performance.now() - started };
    runs.push(run);
    onOutput(run);
  }
  return runs;
}
