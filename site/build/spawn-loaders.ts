// The build's side of the loader process (loader-process.ts): started as the build starts, then
// told which outputs to make (one promise per output, settled when the output is in Framework's
// cache or the process has failed, and one for the whole run) or to end.
import type { ChildProcess } from "node:child_process";
import { forkLoaderProcess, takeEarlyLoaderProcess } from "./fork-loader-process.js";
import type { LoaderMessage, LoaderOrder } from "./loader-process.ts";

export interface LoaderSummary {
  ran: number;
  ms: number;
  drawn: number;
  reused: number;
  dropped: number;
}

export interface SpawnedLoaders {
  /**
   * Per output path (/data/…): settles once that output is written, or rejects with the run.
   * It grows by the data files a page loader's page names, before that page is announced.
   */
  outputs: ReadonlyMap<string, Promise<void>>;
  /** Settles once the ledger's snapshot is in the cache (ledger-snapshot.ts), or rejects with the run. */
  ledger: Promise<void>;
  /** The whole run: its summary, or the first loader's error (naming the output and loader). */
  done: Promise<LoaderSummary>;
  /** Ends the loader process (the build stopped for another reason). */
  stop(): void;
  /** True once the run moved to a new process, the first having read inputs that changed since. */
  readonly restarted: boolean;
}

/** A loader process started and waiting for its order: it loads its modules and reads the ledger meanwhile. */
export interface LoaderProcess {
  /**
   * Makes the outputs of `paths` (once). `inputs`, the digest of the loader outputs' inputs as
   * the build found them (cache/digests.ts), is checked against the one the process took before
   * it read them: a process that read other inputs gives the run to a new process.
   */
  run(paths: readonly string[], inputs?: string): SpawnedLoaders;
  /** Ends the process without running any loader (the outputs stand, or the build stopped); nothing once it runs. */
  end(): void;
}

/** A process, and how it ended: null for a clean exit, else why. */
interface Watched {
  child: ChildProcess;
  ended: Promise<Error | null>;
}

function watch(child: ChildProcess): Watched {
  const ended = new Promise<Error | null>((resolve) => {
    child.once("error", resolve);
    child.once("exit", (code, signal) => resolve(code === 0 ? null : new Error(`the loader process exited with ${signal ?? `code ${code}`}`)));
  });
  return { child, ended };
}

/**
 * Starts a loader process, or takes the one `npm run build` forked as it started
 * (fork-loader-process.js): either loads its modules and reads the ledger until it is told to run.
 * @param srcDir the source root whose loaders run and whose cache they fill; default src/
 */
export function startLoaderProcess(srcDir?: string): LoaderProcess {
  const early = srcDir === undefined ? takeEarlyLoaderProcess() : undefined;
  const first = watch(early ?? forkLoaderProcess(srcDir));
  let ordered = false;
  const order = ({ child }: Watched, message: LoaderOrder) => {
    ordered = true;
    if (child.connected) child.send(message);
  };
  // Until it is told to run, a process that fails (or cannot start) is simply not used.
  return {
    run(paths, inputs) {
      const spawned = listen(first, paths, () => {
        // Told the same paths, without the digest: it reads the inputs as they are now.
        const next = watch(forkLoaderProcess(srcDir));
        order(next, { type: "run", paths: [...paths] });
        return next;
      });
      order(first, { type: "run", paths: [...paths], ...(inputs === undefined ? {} : { inputs }) });
      return spawned;
    },
    end() {
      if (ordered) return; // told to run: SpawnedLoaders.stop ends it
      order(first, { type: "end" });
      if (first.child.connected) first.child.disconnect();
    },
  };
}

/** Starts a loader process and runs the loaders of `paths` in it (startLoaderProcess). */
export function spawnLoaders(paths: readonly string[], srcDir?: string): SpawnedLoaders {
  return startLoaderProcess(srcDir).run(paths);
}

function listen(first: Watched, paths: readonly string[], restart: () => Watched): SpawnedLoaders {
  const settle = new Map<string, { resolve(): void; reject(error: Error): void }>();
  const outputs = new Map<string, Promise<void>>();
  const expect = (path: string) => {
    if (outputs.has(path)) return;
    const promise = new Promise<void>((resolve, reject) => settle.set(path, { resolve, reject }));
    promise.catch(() => {}); // a failure is reported once, through `done`
    outputs.set(path, promise);
  };
  paths.forEach(expect);
  let ledgerRead = () => {};
  let ledgerFailed: (error: Error) => void = () => {};
  const ledger = new Promise<void>((resolve, reject) => ((ledgerRead = resolve), (ledgerFailed = reject)));
  ledger.catch(() => {}); // a failure is reported once, through `done`
  let current = first;
  const done = new Promise<LoaderSummary>((resolve, reject) => {
    let summary: LoaderSummary | undefined;
    let failure: Error | undefined;
    const follow = (watched: Watched) => {
      watched.child.on("message", (message: LoaderMessage) => {
        if (message.type === "stale") {
          // It made nothing, and waits to be let go: its end is not the run's.
          current = restart();
          follow(current);
          if (watched.child.connected) watched.child.disconnect();
        } else if (message.type === "output") settle.get(message.path)?.resolve();
        else if (message.type === "ledger") ledgerRead();
        // Announced before the page that names them, so Framework, reading the page, waits for them.
        else if (message.type === "more") message.paths.forEach(expect);
        else if (message.type === "done") summary = message;
        else failure = new Error(message.message);
      });
      void watched.ended.then((exit) => {
        if (watched !== current) return;
        failure ??= exit ?? (summary ? undefined : new Error("the loader process ended without its summary"));
        // Outputs never announced (a static file, or a run cut short) go to Framework as they are.
        for (const { resolve, reject } of settle.values()) {
          if (failure) reject(failure);
          else resolve();
        }
        ledgerFailed(failure ?? new Error("the loader process ended without the ledger's snapshot"));
        if (failure) reject(failure);
        else resolve(summary!);
      });
    };
    follow(first);
  });
  return {
    outputs,
    ledger,
    done,
    stop: () => void current.child.kill(),
    get restarted() {
      return current !== first;
    },
  };
}
