import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { before, describe, it } from "node:test";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { checkArchitecture, formatViolation, importsOf, MAX_LOOSE_LIBRARY_FILES, resolveImport, STAGES, type SourceFile } from "./imports.ts";

/** Every file of the folders that hold code, hidden folders (Framework's cache) left out, and Framework's config. */
async function projectFiles(): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const folder of ["data-loaders", "site", "src", "scripts", "test"]) {
    for (const entry of await readdir(join(PROJECT_ROOT, folder), { withFileTypes: true, recursive: true })) {
      const full = join(entry.parentPath, entry.name);
      const path = relative(PROJECT_ROOT, full).split("\\").join("/");
      if (!entry.isFile() || path.split("/").some((part) => part.startsWith(".") || part === "node_modules")) continue;
      files.push({ path, source: await readFile(full, "utf8") });
    }
  }
  files.push({ path: "observablehq.config.ts", source: await readFile(join(PROJECT_ROOT, "observablehq.config.ts"), "utf8") });
  return files;
}

const check = (files: Record<string, string>) => checkArchitecture(Object.entries(files).map(([path, source]) => ({ path, source }))).map(formatViolation);

describe("the project's boundaries", () => {
  let files: SourceFile[];
  before(async () => {
    files = await projectFiles();
  });

  it("hold on the real tree: every import of data-loaders/, site/, src/ (pages included), scripts/ and test/", () => {
    const violations = checkArchitecture(files).map(formatViolation);
    assert.deepEqual(violations, [], `\n${violations.join("\n")}`);
  });

  it("are checked where they apply: each stage folder, the browser folders and the site hold code, and the pages' code blocks are read", () => {
    const code = files.filter((f) => f.path.endsWith(".ts")).map((f) => f.path);
    for (const folder of [...STAGES.map((s) => `data-loaders/${s}/`), "src/components/", "src/lib/", "src/data/", "site/"]) {
      assert.ok(code.some((p) => p.startsWith(folder)), `no code in ${folder}: a rule names a folder that is gone`);
    }
    assert.ok(files.some((f) => f.path.startsWith("src/") && f.path.endsWith(".md") && importsOf(f).length > 0), "no page's code block was read");
  });

  it("fail on the real tree given one forbidden import in a real file", () => {
    const withImport = (path: string, line: string) => {
      const broken = files.map((f) => (f.path === path ? { path, source: `${f.source}\n${line}\n` } : f));
      assert.ok(broken.some((f) => f.path === path), `no file ${path}`);
      return checkArchitecture(broken).map((v) => `${v.file} ${v.specifier}`);
    };
    assert.deepEqual(withImport("data-loaders/parse/tsv.ts", 'import "../audit/audit-ledger.ts";'), ["data-loaders/parse/tsv.ts ../audit/audit-ledger.ts"]);
    assert.deepEqual(withImport("src/components/figure.ts", 'import { readFile } from "node:fs/promises";'), ["src/components/figure.ts node:fs/promises"]);
    assert.deepEqual(withImport("data-loaders/index.ts", 'import "../site/paths.ts";'), ["data-loaders/index.ts ../site/paths.ts"]);
  });
});

describe("importsOf", () => {
  it("finds static, dynamic, re-exported and required imports, and tells which are erased with the types", () => {
    const source = [
      'import a from "./a.ts";',
      'import type { B } from "./b.ts";',
      'import { type C } from "./c.ts";',
      'export { d } from "./d.ts";',
      'export type { E } from "./e.ts";',
      'const f = await import("./f.ts");',
      'const g = require("./g.cjs");',
      'let h: import("./h.ts").H;',
      '// import x from "./not-an-import.ts"',
      'const text = "import y from \\"./nor-this.ts\\"";',
    ].join("\n");
    assert.deepEqual(
      importsOf({ path: "x.ts", source }).map((i) => [i.specifier, i.line, i.typeOnly]),
      [
        ["./a.ts", 1, false],
        ["./b.ts", 2, true],
        ["./c.ts", 3, false],
        ["./d.ts", 4, false],
        ["./e.ts", 5, true],
        ["./f.ts", 6, false],
        ["./g.cjs", 7, false],
        ["./h.ts", 8, true],
      ],
    );
  });

  it("reads a page's ```js blocks, with the line numbers of the .md file, and nothing outside them", () => {
    const source = ["# Title", "", "Text with `import x from \"./prose.js\"`.", "", "```js", 'import {a} from "./components/a.js";', "```", "", "```sh", 'import "./shell.js"', "```", "", "```js echo", "const b = await import(\"./lib/b.js\");", "```"].join("\n");
    assert.deepEqual(
      importsOf({ path: "src/page.md", source }).map((i) => [i.specifier, i.line]),
      [
        ["./components/a.js", 6],
        ["./lib/b.js", 14],
      ],
    );
  });

  it("takes every import of a .d.ts file as a type", () => {
    assert.deepEqual(
      importsOf({ path: "x.d.ts", source: 'declare module "m" { export { a } from "./a.ts"; }' }).map((i) => i.typeOnly),
      [true],
    );
  });
});

describe("resolveImport", () => {
  const paths = new Set(["src/lib/database.ts", "site/view/index.ts", "data-loaders/errors.ts"]);
  it("finds the .ts file a .js, .ts or extensionless import names, and leaves packages alone", () => {
    assert.equal(resolveImport("src/components/x.ts", "../lib/database.js", paths), "src/lib/database.ts");
    assert.equal(resolveImport("data-loaders/parse/x.ts", "../errors.ts", paths), "data-loaders/errors.ts");
    assert.equal(resolveImport("site/x.ts", "./view", paths), "site/view/index.ts");
    assert.equal(resolveImport("site/x.ts", "vega-lite", paths), null);
    assert.equal(resolveImport("site/x.ts", "node:fs", paths), null);
    assert.equal(resolveImport("site/x.ts", "./missing.js", paths), undefined);
  });
});

// Each rule, broken on a made-up tree: the checker can fail, and says which file, import and rule.
describe("checkArchitecture on trees that break a rule", () => {
  it("accepts a tree that keeps every rule", () => {
    assert.deepEqual(
      check({
        "data-loaders/errors.ts": "export class E extends Error {}",
        "data-loaders/parse/tsv.ts": 'import { E } from "../errors.ts";\nimport { readFile } from "node:fs/promises";',
        "data-loaders/normalize/ledger.ts": 'import "../parse/tsv.ts";',
        "data-loaders/audit/audit.ts": 'import "../normalize/ledger.ts";\nimport "../parse/tsv.ts";',
        "data-loaders/publish/csv.ts": 'import "../audit/audit.ts";\nimport "../../data-loaders/errors.ts";',
        "data-loaders/index.ts": 'import "./publish/csv.ts";',
        "site/view/view.ts": 'import "../../data-loaders/normalize/ledger.ts";\nimport "vega-lite";\nimport type { P } from "../../src/components/p.ts";',
        "src/components/p.ts": 'import type { V } from "../../site/view/view.ts";\nimport "../lib/db.js";',
        "src/lib/db.ts": 'import type { AsyncDuckDB } from "@duckdb/duckdb-wasm";',
        "src/page.md": '```js\nimport {p} from "./components/p.js";\n```',
      }),
      [],
    );
  });

  it("the library imports no Framework, no Vega, nothing from site/ or src/", () => {
    assert.deepEqual(
      check({
        "data-loaders/publish/a.ts": [
          'import { loadConfig } from "@observablehq/framework/dist/config.js";',
          'import * as vl from "vega-lite";',
          'import { View } from "vega";',
          'import type { TableView } from "../../site/view/table-view.ts";',
          'import "../../src/lib/database.js";',
        ].join("\n"),
        "site/view/table-view.ts": "",
        "src/lib/database.ts": "",
      }),
      [
        'data-loaders/publish/a.ts:1: imports "@observablehq/framework/dist/config.js" (the library (data-loaders/) imports nothing from Observable Framework)',
        'data-loaders/publish/a.ts:2: imports "vega-lite" (the library (data-loaders/) imports nothing from Vega)',
        'data-loaders/publish/a.ts:3: imports "vega" (the library (data-loaders/) imports nothing from Vega)',
        'data-loaders/publish/a.ts:4: imports "../../site/view/table-view.ts" (the library (data-loaders/) imports nothing from site/, src/, scripts/ or test/)',
        'data-loaders/publish/a.ts:5: imports "../../src/lib/database.js" (the library (data-loaders/) imports nothing from site/, src/, scripts/ or test/)',
      ],
    );
  });

  it("browser code imports no Node built-in, no Node code but its types, no npm: or CDN URL", () => {
    const rules = check({
      "src/components/a.ts": [
        'import { readFile } from "node:fs/promises";',
        'import { join } from "path";',
        'import "fs/promises";',
        'const { createHash } = await import("crypto");',
        'import { tableView } from "../../site/view/table-view.ts";',
        'import { type Ledger } from "../../data-loaders/normalize/ledger.ts";',
        'import type { TableView } from "../../site/view/table-view.ts";',
        'import * as d3 from "npm:d3";',
        'import * as Plot from "https://cdn.jsdelivr.net/npm/@observablehq/plot/+esm";',
      ].join("\n"),
      "src/lib/b.ts": 'import { spawn } from "node:child_process";',
      "src/charts/c.ts": 'import { SQL_DIR } from "../../site/paths.ts";',
      "src/page.md": ["# Page", "", "```js", 'import {readFileSync} from "node:fs";', "```"].join("\n"),
      "site/view/table-view.ts": "",
      "site/paths.ts": "",
      "data-loaders/normalize/ledger.ts": "",
    });
    assert.deepEqual(rules, [
      'src/charts/c.ts:1: imports "../../site/paths.ts" (browser code imports only types (import type) from data-loaders/, site/, src/data/, scripts/)',
      'src/components/a.ts:1: imports "node:fs/promises" (browser code imports no Node built-in)',
      'src/components/a.ts:2: imports "path" (browser code imports no Node built-in)',
      'src/components/a.ts:3: imports "fs/promises" (browser code imports no Node built-in)',
      'src/components/a.ts:4: imports "crypto" (browser code imports no Node built-in)',
      'src/components/a.ts:5: imports "../../site/view/table-view.ts" (browser code imports only types (import type) from data-loaders/, site/, src/data/, scripts/)',
      'src/components/a.ts:6: imports "../../data-loaders/normalize/ledger.ts" (browser code imports only types (import type) from data-loaders/, site/, src/data/, scripts/)',
      'src/components/a.ts:8: imports "npm:d3" (browser code imports no npm: or CDN URL (the site is built offline from node_modules))',
      'src/components/a.ts:9: imports "https://cdn.jsdelivr.net/npm/@observablehq/plot/+esm" (browser code imports no npm: or CDN URL (the site is built offline from node_modules))',
      'src/lib/b.ts:1: imports "node:child_process" (browser code imports no Node built-in)',
      'src/page.md:4: imports "node:fs" (browser code imports no Node built-in)',
    ]);
  });

  it("portable code (src/portable/) takes values only from itself and names no global of either side; both sides import it", () => {
    const rules = check({
      "src/portable/labels.ts": [
        'import type { FindingClass } from "../../data-loaders/audit/row.ts";',
        'import { WORDS } from "./words.ts";',
        'import { readFile } from "node:fs/promises";',
        'import { escape } from "../lib/escape.ts";',
        'import * as aq from "arquero";',
        "// the document's words, not window's",
        "export const here = () => location.href;",
      ].join("\n"),
      "src/portable/words.ts": "export const WORDS = {};",
      "src/lib/escape.ts": "",
      "data-loaders/audit/row.ts": "",
      "site/html/statistic.ts": 'import { WORDS } from "../../src/portable/words.ts";',
      "src/components/provenance.ts": 'import { WORDS } from "../portable/words.js";',
    });
    const portable = "portable code (src/portable/) imports values only from src/portable/, types from anywhere";
    assert.deepEqual(rules, [
      `src/portable/labels.ts:3: imports "node:fs/promises" (${portable})`,
      `src/portable/labels.ts:4: imports "../lib/escape.ts" (${portable})`,
      `src/portable/labels.ts:5: imports "arquero" (${portable})`,
      "src/portable/labels.ts: line 7 names location: portable code (src/portable/) runs in the page and in Node, so it touches neither side's globals",
    ]);
  });

  it("no stage imports a later one (parse ← normalize ← audit ← publish), type imports included", () => {
    const files: Record<string, string> = {
      "data-loaders/parse/p.ts": 'import "../normalize/n.ts";\nimport "../audit/a.ts";\nimport type { X } from "../publish/x.ts";',
      "data-loaders/normalize/n.ts": 'import "../audit/a.ts";\nimport "../publish/x.ts";\nimport "../parse/p.ts";',
      "data-loaders/audit/a.ts": 'import "../publish/x.ts";\nimport "../normalize/n.ts";',
      "data-loaders/publish/x.ts": 'import "../audit/a.ts";\nimport "../parse/p.ts";',
    };
    assert.deepEqual(
      check(files).map((v) => v.replace(/ \(parse ← .*\)$/, "")),
      [
        'data-loaders/audit/a.ts:1: imports "../publish/x.ts" (stage audit imports a later stage, publish',
        'data-loaders/normalize/n.ts:1: imports "../audit/a.ts" (stage normalize imports a later stage, audit',
        'data-loaders/normalize/n.ts:2: imports "../publish/x.ts" (stage normalize imports a later stage, publish',
        'data-loaders/parse/p.ts:1: imports "../normalize/n.ts" (stage parse imports a later stage, normalize',
        'data-loaders/parse/p.ts:2: imports "../audit/a.ts" (stage parse imports a later stage, audit',
        'data-loaders/parse/p.ts:3: imports "../publish/x.ts" (stage parse imports a later stage, publish',
      ],
    );
  });

  it("a stage takes errors.ts and paths.ts from the top of data-loaders/, never the entry (index.ts, cli.ts)", () => {
    assert.deepEqual(
      check({
        "data-loaders/errors.ts": "",
        "data-loaders/paths.ts": "",
        "data-loaders/index.ts": "",
        "data-loaders/cli.ts": "",
        "data-loaders/audit/a.ts": 'import "../errors.ts";\nimport "../paths.ts";\nimport { runPipeline } from "../index.ts";\nimport "../cli.ts";',
      }),
      [
        'data-loaders/audit/a.ts:3: imports "../index.ts" (a stage imports only data-loaders/errors.ts and data-loaders/paths.ts from the top of data-loaders/, not the entry data-loaders/index.ts)',
        'data-loaders/audit/a.ts:4: imports "../cli.ts" (a stage imports only data-loaders/errors.ts and data-loaders/paths.ts from the top of data-loaders/, not the entry data-loaders/cli.ts)',
      ],
    );
  });

  it(`at most ${MAX_LOOSE_LIBRARY_FILES} loose files at the top of data-loaders/`, () => {
    const four = { "data-loaders/index.ts": "", "data-loaders/cli.ts": "", "data-loaders/errors.ts": "", "data-loaders/paths.ts": "", "data-loaders/parse/tsv.ts": "" };
    assert.deepEqual(check(four), []);
    assert.deepEqual(check({ ...four, "data-loaders/csv.ts": "" }), [
      "data-loaders/: at most 4 loose files at the top of data-loaders/, found 5: data-loaders/cli.ts, data-loaders/csv.ts, data-loaders/errors.ts, data-loaders/index.ts, data-loaders/paths.ts (the rest belongs in a stage folder)",
    ]);
  });

  it("Node code of the site (site/, src/data/) imports no browser code but its types", () => {
    assert.deepEqual(
      check({
        "site/view/v.ts": 'import { withProvenance } from "../../src/components/provenance.ts";\nimport type { Provenance } from "../../src/components/provenance.ts";',
        "src/data/x.json.ts": 'import { ReportDatabase } from "../lib/database.js";\nimport { FIGURE_7 } from "../charts/originals.js";',
        "src/components/provenance.ts": "",
        "src/lib/database.ts": "",
        "src/charts/originals.ts": "",
      }),
      [
        'site/view/v.ts:1: imports "../../src/components/provenance.ts" (Node code of the site (site/, src/data/) imports no browser code (src/components/, src/lib/, src/charts/))',
        'src/data/x.json.ts:1: imports "../lib/database.js" (Node code of the site (site/, src/data/) imports no browser code (src/components/, src/lib/, src/charts/))',
        'src/data/x.json.ts:2: imports "../charts/originals.js" (Node code of the site (site/, src/data/) imports no browser code (src/components/, src/lib/, src/charts/))',
      ],
    );
  });

  it("a relative import names a file, so that no rule passes on an import it could not follow", () => {
    assert.deepEqual(check({ "src/components/a.ts": 'import "../../site/gone.ts";' }), [
      'src/components/a.ts:1: imports "../../site/gone.ts" (a relative import must name a file of the project)',
    ]);
  });
});
