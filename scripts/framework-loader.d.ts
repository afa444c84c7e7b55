// Framework 1.13 has no public API for running its data loaders; the build script uses its
// loader resolver (dist/loader.js) to run them side by side. Typed here as far as used.
declare module "@observablehq/framework/dist/loader.js" {
  interface Effects {
    logger: { log(...args: unknown[]): void; warn(...args: unknown[]): void; error(...args: unknown[]): void };
    output: { write(text: string): void };
  }
  interface Loader {
    command?: string;
    load(options: { useStale?: boolean }, effects: Effects): Promise<string>;
  }
  export class LoaderResolver {
    constructor(options: { root: string; interpreters: Record<string, string[] | null> });
    find(path: string): Loader | undefined;
  }
}
