// duckdb/duckdb-browser-eh.worker.js: DuckDB-WASM's web worker, as installed from the lockfile,
// byte for byte. It is one self-contained script (no imports), so the pages load it as a plain
// file: imported as a package module instead, Framework would parse and rewrite its 750 kB on
// every build, about a second of each rebuild (npm run bench).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { defineLoader } from "../../../site/loader/define-loader.ts";

export default defineLoader(import.meta.url, async () => readFile(createRequire(import.meta.url).resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js")));
