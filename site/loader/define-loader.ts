import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { oneLineError } from "../../data-loaders/errors.ts";
import { createLoaderContext, type LoaderContext } from "./loader-context.ts";
import { emit } from "./stdout.ts";

/** A loader's one output file: text or bytes. */
export type LoaderOutput = string | Uint8Array;

/** Framework's route parameters (`[key].json.ts` runs with `--key=…`), by name. */
export type RouteParams = Readonly<Record<string, string>>;

/** What a data loader does: from its route parameters and the shared inputs, its one output. */
export type Produce = (params: RouteParams, context: LoaderContext) => Promise<LoaderOutput>;

/** The route parameters on a loader's command line. */
export function routeParams(args: readonly string[]): RouteParams {
  const { values } = parseArgs({ args: [...args], strict: false, allowPositionals: true });
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** The value of route parameter `name`, or an error that says how the loader is meant to run. */
export function routeParam(params: RouteParams, name: string): string {
  const value = params[name];
  if (value === undefined || value === "") throw new Error(`invalid ${name}: missing --${name}=… (run this loader through Framework)`);
  return value;
}

/**
 * Declares a data loader. Framework runs the loader file as a program (`tsx file --key=…`):
 * then it produces its output from a context of its own and writes it to stdout. The build
 * imports the same file instead and calls the returned function with a shared context
 * (site/build/run-loaders.ts), so every loader runs in one process on one ledger.
 *
 * @param moduleUrl the loader's import.meta.url, to tell "run" from "imported"
 */
export function defineLoader(moduleUrl: string, produce: Produce): Produce {
  const main = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(moduleUrl);
  if (main) {
    const context = createLoaderContext();
    produce(routeParams(process.argv.slice(2)), context)
      .then(emit)
      .finally(() => context.close())
      .catch((error: unknown) => {
        // One line (a raw-input error names file, line, field and value); DEBUG=1 adds the stack.
        console.error(oneLineError(error));
        process.exitCode = 1;
      });
  }
  return produce;
}
