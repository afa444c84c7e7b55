import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../../data-loaders/paths.ts";
import { frameworkClientNpmNames } from "../../../site/build/framework-npm-names.ts";

describe("frameworkClientNpmNames", () => {
  it("finds the CDN packages Framework's client names, scoped ones included", async () => {
    const names = await frameworkClientNpmNames(join(PROJECT_ROOT, "node_modules", "@observablehq", "framework", "dist", "client"));
    for (const name of ["react-dom", "d3", "@duckdb/duckdb-wasm", "@observablehq/plot"]) assert.ok(names.includes(name), name);
    assert.deepEqual(names, [...names].sort());
  });
});
