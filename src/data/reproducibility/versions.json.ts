// reproducibility/versions.json: the versions that built this report, read from the lockfile
// (what `npm ci` installs) and from the running tools themselves.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../../data-loaders/paths.ts";
import { defineLoader } from "../../../site/loader/define-loader.ts";
import { json } from "../../../site/loader/stdout.ts";

export default defineLoader(import.meta.url, async (_params, context) => {
  const lock = JSON.parse(await readFile(join(PROJECT_ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string }> };
  const locked = (name: string) => lock.packages[`node_modules/${name}`]?.version ?? "not installed";
  const engine = String((await context.query("SELECT version() AS v"))[0]!.v);
  return json([
    { tool: "Node.js", version: process.version, source: "the runtime that ran the build" },
    { tool: "npm lockfile", version: String((lock as { lockfileVersion?: number }).lockfileVersion ?? ""), source: "package-lock.json" },
    { tool: "Observable Framework", version: locked("@observablehq/framework"), source: "package-lock.json" },
    { tool: "DuckDB (Node, @duckdb/node-api)", version: locked("@duckdb/node-api"), source: "package-lock.json" },
    { tool: "DuckDB engine in Node", version: engine, source: "SELECT version() at build time" },
    { tool: "DuckDB-WASM (@duckdb/duckdb-wasm)", version: locked("@duckdb/duckdb-wasm"), source: "package-lock.json; its engine answers SELECT version() on the Explore page" },
    { tool: "Arquero", version: locked("arquero"), source: "package-lock.json" },
    { tool: "Vega-Lite", version: locked("vega-lite"), source: "package-lock.json" },
    { tool: "Vega", version: locked("vega"), source: "package-lock.json" },
    { tool: "TypeScript", version: locked("typescript"), source: "package-lock.json" },
    { tool: "tsx", version: locked("tsx"), source: "package-lock.json" },
  ]);
});
