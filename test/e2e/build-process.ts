// Builds and `npm run data` runs started as process groups in a scratch copy (scratch-project.ts),
// so that a test can kill one with everything it started (tsx, the loader process, the lock's
// flock) at a chosen moment, as `kill -9` of a terminal's job would.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { SOURCE_DATE_EPOCH } from "./scratch-project.ts";

/** A command running in `root` as a process group of its own; its output so far. */
export interface Running {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (null when killed) once every pipe is closed. */
  exited: Promise<number | null>;
}

export function start(root: string, args: readonly string[], env: Record<string, string> = {}): Running {
  const child = spawn("npm", ["run", ...args], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, SOURCE_DATE_EPOCH, ...env },
  });
  let text = "";
  child.stdout!.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, output: () => text, exited };
}

/** Kills the whole group with SIGKILL and waits until it is gone. */
export async function killGroup(running: Running): Promise<void> {
  try {
    process.kill(-running.child.pid!, "SIGKILL");
  } catch {
    // already gone
  }
  await running.exited;
}

/**
 * Checks `condition` after each `tick` until it holds; rejects after `timeout` ms, or if the run
 * ends first, with the run's output.
 */
async function waitFor(running: Running, what: string, condition: () => boolean, timeout: number, tick: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + timeout;
  let ended = false;
  void running.exited.then(() => (ended = true));
  while (!condition()) {
    if (ended) throw new Error(`the run ended before ${what}:\n${running.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeout} ms:\n${running.output()}`);
    await tick();
  }
}

/** Polls `condition` every 5 ms until it holds; rejects after `timeout` ms, or if the run ends first. */
export function until(running: Running, what: string, condition: () => boolean, timeout = 180_000): Promise<void> {
  return waitFor(running, what, condition, timeout, () => new Promise((resolve) => setTimeout(resolve, 5)));
}

/**
 * Like `until`, without a timer in between (the moments caught last a few milliseconds): checks
 * `condition` at every turn of the event loop, which still reads the run's output and exit.
 */
export function spinUntil(running: Running, what: string, condition: () => boolean, timeout = 180_000): Promise<void> {
  return waitFor(running, what, condition, timeout, () => new Promise((resolve) => setImmediate(resolve)));
}

/** Spins until `path` exists; resolves with its size then (-1 if it went again at once). */
export async function spinUntilExists(running: Running, path: string, timeout = 180_000): Promise<number> {
  await spinUntil(running, path, () => existsSync(path), timeout);
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}

/** Runs `npm run build` in `root` to its end. */
export function buildToEnd(root: string, env: Record<string, string> = {}): { status: number | null; output: string } {
  const result = spawnSync("npm", ["run", "build"], { cwd: root, encoding: "utf8", env: { ...process.env, SOURCE_DATE_EPOCH, ...env } });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
