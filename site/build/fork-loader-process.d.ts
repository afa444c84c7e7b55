import type { ChildProcess } from "node:child_process";

export function forkLoaderProcess(srcDir?: string): ChildProcess;
export function forkEarlyLoaderProcess(): void;
export function takeEarlyLoaderProcess(): ChildProcess | undefined;
