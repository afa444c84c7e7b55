// The build's loader process: runs the data loaders of the files the build names (run-loaders.ts)
// while Framework builds the pages in the parent, on the machine's other core, and tells the
// parent over IPC as each output lands in Framework's cache. Forked by fork-loader-process.js,
// with an optional --src=DIR (the source root; default src/), as the build starts (by
// `npm run build`, before the build's own process loads Framework): it loads its modules, reads
// the ledger and imports every loader while the build decides whether the loader outputs stand,
// then runs the loaders of the paths the build sends (a `run` order), or ends (`end`). Not meant
// to be run by hand.
import { join } from "node:path";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { inputsDigest, loaderInputs } from "./cache/digests.ts";

/**
 * What the build tells the loader process: the outputs to make, or to end without making any.
 * `inputs` is the digest of the outputs' inputs as the build found them (cache/digests.ts).
 */
export type LoaderOrder = { type: "run"; paths: string[]; inputs?: string } | { type: "end" };

/** What the loader process tells the build. */
export type LoaderMessage =
  | { type: "output"; path: string }
  /** The ledger is read, and its snapshot in the cache (ledger-snapshot.ts). */
  | { type: "ledger" }
  /** More outputs this run will make (the data files a page loader's page names). */
  | { type: "more"; paths: string[] }
  | { type: "done"; ran: number; ms: number; drawn: number; reused: number; dropped: number }
  /** The inputs this process read are not those of the order: it made nothing, and waits to be let go. */
  | { type: "stale" }
  | { type: "error"; message: string };

const send = (message: LoaderMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

// Listened for at once: an order that came before a listener would be lost.
const order = new Promise<LoaderOrder>((resolve) => {
  process.once("message", resolve);
  // The build ended before it sent an order (it failed, or was killed).
  process.once("disconnect", () => resolve({ type: "end" }));
});
const args = process.argv.slice(2);
const srcDir = args[0]?.startsWith("--src=") ? args.shift()!.slice("--src=".length) : join(PROJECT_ROOT, "src");
const cacheDir = join(srcDir, ".observablehq", "cache");

// This process may start long before the build looks at its inputs (it waits for the build's
// lock, or a file is saved meanwhile). Their digest, taken before any is read (the loaders'
// code included: it is imported below), tells whether what it reads is what the build found.
const readFrom = await inputsDigest(PROJECT_ROOT, await loaderInputs(PROJECT_ROOT));
const [{ createLoaderContext }, { renderCacheIn }, { writeLedgerSnapshot }, { answerStatements, importLoaders, runLoaders }] = await Promise.all([
  import("../loader/loader-context.ts"),
  import("./cache/render-cache.ts"),
  import("./ledger-snapshot.ts"),
  import("./run-loaders.ts"),
]);
const renders = renderCacheIn(cacheDir);
const context = createLoaderContext({ renderCache: renders });
// Read before the order comes: every run needs it. Its failure is reported once there is a run.
const ledger = context.ledger();
ledger.catch(() => {});
// And every loader's module imported, and the report's SQL statements answered: a run then
// starts with its first loader, and finds most of its queries answered.
void importLoaders(srcDir);
void answerStatements(context);
const given = await order;
if (given.type === "end") {
  await context.close();
  process.exit(0);
}
if (given.inputs !== undefined && given.inputs !== readFrom) {
  await send({ type: "stale" });
  await context.close();
  // Let go by the build, which has given the run to a new process.
  if (process.connected) await new Promise((resolve) => process.once("disconnect", resolve));
  process.exit(0);
}
const started = performance.now();
try {
  // The ledger's snapshot first: the build waits for it, and every loader reads the ledger.
  await writeLedgerSnapshot(cacheDir, await ledger);
  await send({ type: "ledger" });
  const runs = await runLoaders(srcDir, given.paths, context, (run) => void send({ type: "output", path: run.path }), (more) => void send({ type: "more", paths: [...more] }));
  const ms = Math.round(performance.now() - started);
  await send({ type: "done", ran: runs.filter((r) => r.how === "in-process").length, ms, drawn: renders.drawn, reused: renders.reused, dropped: await renders.prune() });
} catch (error) {
  await send({ type: "error", message: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
} finally {
  await context.close();
  process.disconnect();
}
