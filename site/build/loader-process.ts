// The build's loader process: runs the data loaders of the files the build names (run-loaders.ts)
// while Framework builds the pages in the parent, on the machine's other core, and tells the
// parent over IPC as each output lands in Framework's cache. Started by spawn-loaders.ts, with
// an optional --src=DIR (the source root; default src/), as the build starts: it loads its
// modules and reads the ledger while the build decides whether the loader outputs stand, then
// runs the loaders of the paths the build sends (a `run` order), or ends (`end`). Not meant to
// be run by hand.
import { join } from "node:path";
import { createLoaderContext } from "../loader/loader-context.ts";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { renderCacheIn } from "./cache/render-cache.ts";
import { writeLedgerSnapshot } from "./ledger-snapshot.ts";
import { runLoaders } from "./run-loaders.ts";

/** What the build tells the loader process: the outputs to make, or to end without making any. */
export type LoaderOrder = { type: "run"; paths: string[] } | { type: "end" };

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
const order = new Promise<LoaderOrder>((resolve) => {
  process.once("message", resolve);
  // The build ended before it sent an order (it failed, or was killed).
  process.once("disconnect", () => resolve({ type: "end" }));
});
const renders = renderCacheIn(cacheDir);
const context = createLoaderContext({ renderCache: renders });
// Read before the order comes: every run needs it. Its failure is reported once there is a run.
const ledger = context.ledger();
ledger.catch(() => {});
const { type, paths } = { paths: [], ...(await order) };
if (type === "end") {
  await context.close();
  process.exit(0);
}
const started = performance.now();
try {
  // The ledger's snapshot first: the build waits for it, and every loader reads the ledger.
  await writeLedgerSnapshot(cacheDir, await ledger);
  await send({ type: "ledger" });
  const runs = await runLoaders(srcDir, paths, context, (run) => void send({ type: "output", path: run.path }), (more) => void send({ type: "more", paths: [...more] }));
  const ms = Math.round(performance.now() - started);
  await send({ type: "done", ran: runs.filter((r) => r.how === "in-process").length, ms, drawn: renders.drawn, reused: renders.reused, dropped: await renders.prune() });
} catch (error) {
  await send({ type: "error", message: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
} finally {
  await context.close();
  process.disconnect();
}
