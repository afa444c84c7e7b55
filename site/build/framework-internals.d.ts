// Framework 1.13 has no public API for building from a script or for its data loaders; the
// build uses its modules directly (pinned in the lockfile). Typed here as far as used.
declare module "@observablehq/framework/dist/loader.js" {
  interface Effects {
    logger: { log(...args: unknown[]): void; warn(...args: unknown[]): void; error(...args: unknown[]): void };
    output: { write(text: string): void };
  }
  interface Loader {
    /** The loader's file, relative to the source root (e.g. data/charts/[name].json.ts). */
    path?: string;
    /** The route parameters the file name's brackets matched (e.g. { name: "units" }). */
    params?: Record<string, string>;
    /** The output's path, relative to the source root (e.g. /data/charts/units.json). */
    targetPath?: string;
    command?: string;
    load(options: { useStale?: boolean }, effects: Effects): Promise<string>;
  }
  export class LoaderResolver {
    constructor(options: { root: string; interpreters: Record<string, string[] | null> });
    find(path: string): Loader | undefined;
  }
}

declare module "@observablehq/framework/dist/config.js" {
  import type { LoaderResolver } from "@observablehq/framework/dist/loader.js";
  export interface Config {
    root: string;
    /** The output folder, relative to the working directory (dist). */
    output: string;
    loaders: LoaderResolver;
  }
  /** What readConfig does with the module's default export (`spec`); `watchPath` is the file's path. */
  export function normalizeConfig(spec: unknown, defaultRoot: string | undefined, watchPath?: string): Config;
}

declare module "@observablehq/framework/dist/build.js" {
  import type { Config } from "@observablehq/framework/dist/config.js";
  /** `observable build`: the pages and files of `config` into its output folder. */
  export function build(options: { config: Config }): Promise<void>;
}

declare module "@observablehq/framework/dist/route.js" {
  /** The file under `root` that serves `path` with one of `exts`, and the [params] it matched. */
  export function route(root: string, path: string, exts: readonly string[]): { path: string; ext: string; params?: Record<string, string> } | undefined;
}
