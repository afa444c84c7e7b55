// The build's side of the loader process (loader-process.ts): one promise per output, settled
// when the output is in Framework's cache or the process has failed, and one for the whole run.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { LoaderMessage } from "./loader-process.ts";

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

/**
 * Starts the loaders of `paths` in a process of their own (same Node, same tsx).
 * @param srcDir the source root whose loaders run and whose cache they fill; default src/
 */
export function spawnLoaders(paths: readonly string[], srcDir?: string): SpawnedLoaders {
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
  const child = fork(fileURLToPath(new URL("./loader-process.ts", import.meta.url)), [...(srcDir ? [`--src=${srcDir}`] : []), ...paths], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
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
    child.on("error", (error) => (failure ??= error));
    child.on("exit", (code, signal) => {
      failure ??= summary && code === 0 ? undefined : new Error(`the loader process exited with ${signal ?? `code ${code}`}`);
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
