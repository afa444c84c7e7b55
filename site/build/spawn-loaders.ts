// The build's side of the loader process (loader-process.ts): started as the build starts, then
// told which outputs to make (one promise per output, settled when the output is in Framework's
// cache or the process has failed, and one for the whole run) or to end.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
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
}

/** A loader process started and waiting for its order: it loads its modules and reads the ledger meanwhile. */
export interface LoaderProcess {
  /** Makes the outputs of `paths` (once). */
  run(paths: readonly string[]): SpawnedLoaders;
  /** Ends the process without running any loader (the outputs stand, or the build stopped); nothing once it runs. */
  end(): void;
}

/**
 * Starts a loader process (same Node, with tsx and its own preload, preload-loaders.js: not the
 * build's, scripts/preload-build.js, whose Framework that process does not use).
 * @param srcDir the source root whose loaders run and whose cache they fill; default src/
 */
export function startLoaderProcess(srcDir?: string): LoaderProcess {
  const preload = fileURLToPath(new URL("./preload-loaders.js", import.meta.url));
  const child = fork(fileURLToPath(new URL("./loader-process.ts", import.meta.url)), srcDir ? [`--src=${srcDir}`] : [], { stdio: ["ignore", "inherit", "inherit", "ipc"], execArgv: ["--import", preload, "--import", "tsx"] });
  let ordered = false;
  const order = (message: LoaderOrder) => {
    ordered = true;
    if (child.connected) child.send(message);
  };
  // How the process ended: null for a clean exit, else why. Until it is told to run, a
  // process that fails (or cannot start) is simply not used.
  const ended = new Promise<Error | null>((resolve) => {
    child.once("error", resolve);
    child.once("exit", (code, signal) => resolve(code === 0 ? null : new Error(`the loader process exited with ${signal ?? `code ${code}`}`)));
  });
  return {
    run(paths) {
      const spawned = listen(child, paths, ended);
      order({ type: "run", paths: [...paths] });
      return spawned;
    },
    end() {
      if (ordered) return; // told to run: SpawnedLoaders.stop ends it
      order({ type: "end" });
      if (child.connected) child.disconnect();
    },
  };
}

/** Starts a loader process and runs the loaders of `paths` in it (startLoaderProcess). */
export function spawnLoaders(paths: readonly string[], srcDir?: string): SpawnedLoaders {
  return startLoaderProcess(srcDir).run(paths);
}

function listen(child: ReturnType<typeof fork>, paths: readonly string[], ended: Promise<Error | null>): SpawnedLoaders {
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
  const done = new Promise<LoaderSummary>((resolve, reject) => {
    let summary: LoaderSummary | undefined;
    let failure: Error | undefined;
    child.on("message", (message: LoaderMessage) => {
      if (message.type === "output") settle.get(message.path)?.resolve();
      else if (message.type === "ledger") ledgerRead();
      // Announced before the page that names them, so Framework, reading the page, waits for them.
      else if (message.type === "more") message.paths.forEach(expect);
      else if (message.type === "done") summary = message;
      else failure = new Error(message.message);
    });
    void ended.then((exit) => {
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
  });
  return { outputs, ledger, done, stop: () => void child.kill() };
}
