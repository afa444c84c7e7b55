import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { PROJECT_ROOT } from "../data-loaders/paths.ts";

/**
 * What the observablehq.config.ts of the project at `root` exports, as written (Framework
 * normalizes it). This project's is imported by a fixed specifier, which the bundle that
 * `npm run build` runs holds (site/build/import-bundled.js); another root's by its path, which
 * needs tsx.
 */
export async function readProjectConfig(root: string = PROJECT_ROOT): Promise<unknown> {
  const module = (root === PROJECT_ROOT ? await import("../observablehq.config.ts") : await import(pathToFileURL(join(root, "observablehq.config.ts")).href)) as { default: unknown };
  return module.default;
}
