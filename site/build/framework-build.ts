// `observable build`, run in this process so that Framework's modules load once, with one
// change: a data file whose loader is still running elsewhere (spawn-loaders.ts) is copied
// only once that loader has written it. Framework parses and bundles the pages meanwhile.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { readProjectConfig } from "../project-config.ts";
import { installFrameworkMemo, type FrameworkMemo } from "./framework-memo/framework-memo.ts";

export interface Framework {
  /**
   * Builds the project into `output` (a folder Framework clears first), waiting for each path
   * in `pending` (/data/… → settles when written to Framework's cache) before reading it.
   * `onWait` hears of each time Framework asks for such a data file: from then on, until the
   * loaders are done, this process has time to spare.
   */
  build(output: string, pending?: ReadonlyMap<string, Promise<void>>, onWait?: () => void): Promise<void>;
  /** Framework's results kept between builds (framework-memo/), or null when Framework was loaded without its hook. */
  readonly memo: Pick<FrameworkMemo, "reused" | "computed"> | null;
}

/** Loads Framework and the project's config at `root`. */
export async function loadFramework(root: string): Promise<Framework> {
  process.env.OBSERVABLE_TELEMETRY_DISABLE = "true";
  const [{ normalizeConfig }, { build }, spec] = await Promise.all([import("@observablehq/framework/dist/config.js"), import("@observablehq/framework/dist/build.js"), readProjectConfig(root)]);
  // As Framework's readConfig(path) would: it imports the file by its path itself, which takes tsx.
  const config = normalizeConfig(spec, undefined, join(root, "observablehq.config.ts"));
  // What Framework's results depend on besides the files it reads: the installed packages.
  const installed = createHash("sha256").update(await readFile(join(root, "package-lock.json"))).digest("hex");
  const memo = await installFrameworkMemo(join(root, config.root, ".observablehq", "cache"), installed);
  return {
    memo,
    async build(output, pending = new Map(), onWait = () => {}) {
      const find = config.loaders.find.bind(config.loaders);
      config.loaders.find = (path) => {
        const loader = find(path);
        const written = pending.get(path);
        if (!loader || !written) return loader;
        const load = loader.load.bind(loader);
        loader.load = async (options, effects) => {
          // A page loader's page is asked for while Framework parses, busy; a data file once it copies them.
          if (!path.endsWith(".md")) onWait();
          await written;
          return load(options, effects);
        };
        return loader;
      };
      await build({ config: { ...config, output } });
      await memo?.save();
    },
  };
}
