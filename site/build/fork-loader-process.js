// Forks the build's loader process (loader-process.ts). `npm run build` forks it before anything
// else (scripts/run-build.js): the process then loads its modules and reads the ledger while the
// build's own process starts and checks its cache, and the build takes that process
// (takeEarlyLoaderProcess) instead of forking one then. Plain JavaScript, which the build's
// bundle imports by its URL (import-bundled.js): one module instance serves both.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/** @type {import("node:child_process").ChildProcess | undefined} */
let early;

/**
 * A new loader process (same Node, with tsx and its own preload, preload-loaders.js: not the
 * build's, whose Framework that process does not use), waiting for its order.
 * @param {string} [srcDir] the source root whose loaders run and whose cache they fill; default src/
 */
export function forkLoaderProcess(srcDir) {
  const preload = fileURLToPath(new URL("./preload-loaders.js", import.meta.url));
  return fork(fileURLToPath(new URL("./loader-process.ts", import.meta.url)), srcDir ? [`--src=${srcDir}`] : [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    execArgv: ["--import", preload, "--import", "tsx"],
  });
}

/** Forks the loader process of the project's src/ now, for the build to take later. */
export function forkEarlyLoaderProcess() {
  early ??= forkLoaderProcess();
  // A process that could not start is not taken (below): the build forks another, which reports why.
  early.on("error", () => {});
  // Until the build takes it, it does not keep the build's process alive: a build that stops
  // before (a malformed transcription, a lock it may not wait for) ends, and the loader process,
  // whose channel then closes, ends too.
  early.unref();
  early.channel?.unref();
}

/** The process forkEarlyLoaderProcess started, once, if it is still there to take orders; else undefined. */
export function takeEarlyLoaderProcess() {
  const child = early;
  early = undefined;
  if (!child?.connected || child.exitCode !== null) return undefined;
  // Taken: the build waits for its messages.
  child.ref();
  child.channel?.ref();
  return child;
}
