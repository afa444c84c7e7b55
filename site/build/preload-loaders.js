// The loader process (loader-process.ts) loads this with `node --import` before tsx: the largest
// plain-JavaScript packages its loaders use load here without passing through tsx's module
// hooks (about 0.2 s of the process's start, which the build's Framework waits on when a loader
// output changed). Each is one the loaders use on every run: DuckDB for the queries, Vega and
// Vega-Lite for the charts, hyparquet-writer for the Parquet files.
await Promise.all([import("@duckdb/node-api"), import("vega"), import("vega-lite"), import("hyparquet-writer")]);
