// The build's loader process: runs the data loaders of the files named on its command line
// (after an optional --src=DIR, the source root; default src/)
// (run-loaders.ts) while Framework builds the pages in the parent, on the machine's other core,
// and tells the parent over IPC as each output lands in Framework's cache. Started by
// spawn-loaders.ts; not meant to be run by hand.
import { join } from "node:path";
import { createLoaderContext } from "../loader/loader-context.ts";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { renderCacheIn } from "./cache/render-cache.ts";
import { writeLedgerSnapshot } from "./ledger-snapshot.ts";
import { runLoaders } from "./run-loaders.ts";

/** What the loader process tells the build. */
export type LoaderMessage =
  | { type: "output"; path: string }
  /** The ledger is read, and its snapshot in the cache (ledger-snapshot.ts). */
  | { type: "ledger" }
  /** More outputs this run will make (the data files a page loader's page names). */
  | { type: "more"; paths: string[] }
  | { type: "done"; ran: number; ms: number; drawn: number; reused: number; dropped: number }
  | { type: "error"; message: string };

const send = (message: LoaderMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

const args = process.argv.slice(2);
const srcDir = args[0]?.startsWith("--src=") ? args.shift()!.slice("--src=".length) : join(PROJECT_ROOT, "src");
const cacheDir = join(srcDir, ".observablehq", "cache");
const started = performance.now();
const renders = renderCacheIn(cacheDir);
const context = createLoaderContext({ renderCache: renders });
try {
  // The ledger first: the build waits for its snapshot, and every loader reads it.
  await writeLedgerSnapshot(cacheDir, await context.ledger());
  await send({ type: "ledger" });
  const runs = await runLoaders(srcDir, args, context, (run) => void send({ type: "output", path: run.path }), (paths) => void send({ type: "more", paths: [...paths] }));
  const ms = Math.round(performance.now() - started);
  await send({ type: "done", ran: runs.filter((r) => r.how === "in-process").length, ms, drawn: renders.drawn, reused: renders.reused, dropped: await renders.prune() });
} catch (error) {
  await send({ type: "error", message: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
} finally {
  await context.close();
  process.disconnect();
}
