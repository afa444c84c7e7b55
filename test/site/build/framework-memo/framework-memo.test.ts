import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { PROJECT_ROOT } from "../../../../data-loaders/paths.ts";
import { FRAMEWORK_MEMO, installFrameworkMemo, type FrameworkFunctions } from "../../../../site/build/framework-memo/framework-memo.ts";

/** Replaces `module[name]` with `f` and returns what it replaced, as expose-bindings.js's setters do. */
function replace<M, K extends keyof M>(module: M, name: K, f: M[K]): M[K] {
  const replaced = module[name];
  module[name] = f;
  return replaced;
}

/** Framework's functions as stand-ins that count their calls, and rebind as expose-bindings.js lets the real ones. */
function fakeFramework() {
  const calls = { info: 0, imports: 0, rewrite: 0, rollup: 0, assets: 0, html: 0, headers: 0, route: 0 };
  const f: FrameworkFunctions = {
    module: {
      findModule: (_root: string, path: string) => ({ path }),
      getModuleInfo: (root: string, path: string) => (calls.info++, { mtimeMs: Math.floor(statSync(join(root, path)).mtimeMs), hash: `hash of ${root}${path}`, files: new Set(["a.csv"]) }),
      __rebind: { getModuleInfo: (g: FrameworkFunctions["module"]["getModuleInfo"]) => replace(f.module, "getModuleInfo", g) },
    },
    imports: {
      isJavaScript: (path: string) => path.endsWith(".js"),
      parseImports: async (_root: string, path: string) => (calls.imports++, path.includes("none") ? [] : [{ name: "./dep.js", type: "local", method: "static" }]),
      __rebind: { parseImports: (g: FrameworkFunctions["imports"]["parseImports"]) => replace(f.imports, "parseImports", g) },
    },
    npm: {
      rewriteNpmImports: (input: string, resolve: (s: string) => string | undefined = () => undefined) => (calls.rewrite++, `${input} → ${resolve("dep")}`),
      __rebind: { rewriteNpmImports: (g: FrameworkFunctions["npm"]["rewriteNpmImports"]) => replace(f.npm, "rewriteNpmImports", g) },
    },
    rollup: {
      rollupClient: async (input: string, _root: string, path: string) => (calls.rollup++, `bundle of ${input} for ${path}`),
      __rebind: { rollupClient: (g: FrameworkFunctions["rollup"]["rollupClient"]) => replace(f.rollup, "rollupClient", g) },
    },
    html: {
      findAssets: (html: string, path: string) => {
        calls.assets++;
        if (html.includes("http:")) console.warn(`non-local asset path: ${html}`);
        const files = new Set(html.match(/[\w-]+\.csv/g) ?? []);
        return { files, localImports: new Set<string>(), globalImports: new Set<string>(), staticImports: new Set<string>(), localLinks: new Set([path]), anchors: new Set<string>() };
      },
      rewriteHtml: (html: string, resolvers = {}) => (calls.html++, html.replace(/[\w-]+\.csv/g, (file) => (resolvers.resolveFile ?? String)(file)).replace(/href="(\/[\w-]+)"/g, (_, link: string) => `href="${(resolvers.resolveLink ?? String)(link)}"`)),
      __rebind: {
        findAssets: (g: FrameworkFunctions["html"]["findAssets"]) => replace(f.html, "findAssets", g),
        rewriteHtml: (g: FrameworkFunctions["html"]["rewriteHtml"]) => replace(f.html, "rewriteHtml", g),
      },
    },
    render: {
      findHeaders: (page: { body: string }) => (calls.headers++, [...page.body.matchAll(/<h2 id="([^"]+)">([^<]+)/g)].map(([, id, label]) => ({ label: label!, href: `#${id}` }))),
      __rebind: { findHeaders: (g: FrameworkFunctions["render"]["findHeaders"]) => replace(f.render, "findHeaders", g) },
    },
    route: {
      route: (_root: string, path: string, exts: readonly string[]) => (calls.route++, path.startsWith("/data") ? { path: `${path}${exts[1] ?? exts[0]}`, ext: exts[1] ?? exts[0]!, params: { name: "x" } } : undefined),
      __rebind: { route: (g: FrameworkFunctions["route"]["route"]) => replace(f.route, "route", g) },
    },
  };
  return { framework: f, calls };
}

/** A page's body as the fakes read it: a data file, a link, a heading. */
const BODY = '<h2 id="a">A</h2><p><a href="/survey">Survey</a> <a href="units.csv" download>units.csv</a></p>';

describe("Framework's memo", () => {
  let cacheDir: string;
  let root: string;
  before(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), "framework-memo-cache-"));
    root = await mkdtemp(join(tmpdir(), "framework-memo-root-"));
    await writeFile(join(root, "module.js"), "export const x = 1;");
    await writeFile(join(root, "bundle.js"), "import './dep.js';");
    await writeFile(join(root, "none.js"), "1;");
  });
  after(async () => {
    await rm(cacheDir, { recursive: true, force: true });
    await rm(root, { recursive: true, force: true });
  });

  /** One build's use of every function, through the memo of `cacheDir`. */
  async function aBuild(salt = "lockfile", answer = "/_node/dep.123.js") {
    const { framework, calls } = fakeFramework();
    const memo = await installFrameworkMemo(cacheDir, salt, framework);
    assert.ok(memo);
    const results = {
      info: framework.module.getModuleInfo(root, "/module.js"),
      imports: await framework.imports.parseImports(root, "/bundle.js"),
      none: await framework.imports.parseImports(root, "/none.js"),
      rewrite: framework.npm.rewriteNpmImports("import 'dep'", () => answer),
      rollup: await framework.rollup.rollupClient("client/index.js", root, "/_observablehq/client.js", { minify: true }),
      assets: framework.html.findAssets(BODY, "/page"),
      html: framework.html.rewriteHtml(BODY, { resolveFile: (file) => `/_file/${file}`, resolveLink: (link) => `${link}.html` }),
      headers: framework.render.findHeaders({ body: BODY }),
      route: framework.route.route(root, "/data/x", [".csv", ".csv.ts"]),
    };
    await memo.save();
    return { results, calls, memo };
  }

  it("computes each result once, and gives the same results from the memo in the next build", async () => {
    const first = await aBuild();
    assert.deepEqual(first.calls, { info: 1, imports: 2, rewrite: 1, rollup: 1, assets: 1, html: 1, headers: 1, route: 1 });
    assert.equal(first.memo.computed, 7, "an empty import list (Framework's answer to a file it cannot parse) is not kept, nor a route");
    const second = await aBuild();
    assert.deepEqual(second.calls, { info: 0, imports: 1, rewrite: 0, rollup: 0, assets: 0, html: 0, headers: 0, route: 1 });
    assert.equal(second.memo.reused, 7);
    assert.deepEqual(second.results, first.results);
  });

  it("reads a page's HTML again for other bytes or another path, and gives each caller sets of its own", async () => {
    await aBuild();
    const { framework, calls } = fakeFramework();
    await installFrameworkMemo(cacheDir, "lockfile", framework);
    const kept = framework.html.findAssets(BODY, "/page");
    kept.files.add("added by a caller.csv");
    assert.deepEqual([...framework.html.findAssets(BODY, "/page").files], ["units.csv"]);
    assert.equal(calls.assets, 0);
    assert.deepEqual([...framework.html.findAssets(BODY, "/other").localLinks], ["/other"]);
    assert.deepEqual([...framework.html.findAssets(BODY.replaceAll("units", "firms"), "/page").files], ["firms.csv"]);
    assert.equal(calls.assets, 2);
    assert.equal(framework.render.findHeaders({ body: `${BODY}<h2 id="b">B</h2>` }).length, 2);
    assert.equal(calls.headers, 1);
  });

  it("reads a fragment that warns again in every build, so that the warning recurs", async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      for (let build = 0; build < 2; build++) {
        const { framework } = fakeFramework();
        const memo = await installFrameworkMemo(cacheDir, "lockfile", framework);
        framework.html.findAssets('<img src="http://elsewhere/x.png">', "/page");
        await memo!.save();
      }
    } finally {
      console.warn = warn;
    }
    assert.equal(warnings.length, 2);
  });

  it("rewrites a page's HTML again when a resolver answers otherwise, and asks a missing resolver as String", async () => {
    await aBuild();
    const { framework, calls } = fakeFramework();
    await installFrameworkMemo(cacheDir, "lockfile", framework);
    const resolvers = { resolveFile: (file: string) => `/_file/${file}`, resolveLink: (link: string) => `${link}.html` };
    assert.equal(framework.html.rewriteHtml(BODY, resolvers), (await aBuild()).results.html);
    assert.equal(calls.html, 0);
    const moved = framework.html.rewriteHtml(BODY, { ...resolvers, resolveFile: (file: string) => `/_file/v2/${file}` });
    assert.match(moved, /\/_file\/v2\/units\.csv/);
    assert.equal(calls.html, 1);
    assert.equal(framework.html.rewriteHtml(BODY, { resolveFile: resolvers.resolveFile }), BODY.replaceAll("units.csv", "/_file/units.csv"));
    assert.equal(calls.html, 2);
  });

  it("asks where a path routes once per build, and again in the next build", async () => {
    const { framework, calls } = fakeFramework();
    await installFrameworkMemo(cacheDir, "lockfile", framework);
    const first = framework.route.route(root, "/data/x", [".csv", ".csv.ts"]);
    first!.params!.name = "changed by a caller";
    assert.deepEqual(framework.route.route(root, "/data/x", [".csv", ".csv.ts"]), { path: "/data/x.csv.ts", ext: ".csv.ts", params: { name: "x" } });
    assert.equal(framework.route.route(root, "/elsewhere", [".md"]), undefined);
    assert.equal(calls.route, 2);
    const next = fakeFramework();
    await installFrameworkMemo(cacheDir, "lockfile", next.framework);
    next.framework.route.route(root, "/data/x", [".csv", ".csv.ts"]);
    assert.equal(next.calls.route, 1);
  });

  it("computes a module's information again once its bytes change, and gives it the file's modification time", async () => {
    await aBuild();
    await writeFile(join(root, "module.js"), "export const x = 2;");
    const changed = await aBuild();
    assert.equal(changed.calls.info, 1);
    // Touched, not changed: kept, with the file's new time, which Framework compares with the file's.
    const later = new Date(Date.now() + 60_000);
    await utimes(join(root, "module.js"), later, later);
    const touched = await aBuild();
    assert.equal(touched.calls.info, 0);
    assert.equal(touched.results.info?.mtimeMs, Math.floor(statSync(join(root, "module.js")).mtimeMs));
  });

  it("rewrites a bundle's imports again when a specifier resolves to another path", async () => {
    await aBuild();
    const moved = await aBuild("lockfile", "/_node/dep.456.js");
    assert.equal(moved.calls.rewrite, 1);
    assert.equal(moved.results.rewrite, "import 'dep' → /_node/dep.456.js");
  });

  it("bundles again for other options, and always for a resolver function it cannot compare", async () => {
    const { framework, calls } = fakeFramework();
    await aBuild();
    await installFrameworkMemo(cacheDir, "lockfile", framework);
    await framework.rollup.rollupClient("client/index.js", root, "/_observablehq/client.js", { minify: false });
    await framework.rollup.rollupClient("client/index.js", root, "/_observablehq/client.js", { minify: true, resolveImport: () => "x" });
    assert.equal(calls.rollup, 2);
  });

  it("reuses nothing made from other packages (another salt), nor from an unreadable memo", async () => {
    await aBuild();
    const everything = { info: 1, imports: 2, rewrite: 1, rollup: 1, assets: 1, html: 1, headers: 1, route: 1 };
    const otherPackages = await aBuild("another lockfile");
    assert.deepEqual(otherPackages.calls, everything);
    await writeFile(join(cacheDir, FRAMEWORK_MEMO), "not a V8 serialization");
    const unreadable = await aBuild("another lockfile");
    assert.deepEqual(unreadable.calls, everything);
  });

  it("keeps only what the last build used", async () => {
    await aBuild();
    const { framework } = fakeFramework();
    const memo = await installFrameworkMemo(cacheDir, "lockfile", framework);
    await framework.rollup.rollupClient("client/index.js", root, "/_observablehq/client.js", { minify: true });
    await memo!.save();
    const next = await aBuild();
    assert.deepEqual(next.calls, { info: 1, imports: 2, rewrite: 1, rollup: 0, assets: 1, html: 1, headers: 1, route: 1 });
  });

  it("changes nothing when Framework was loaded without its hook", async () => {
    const { framework } = fakeFramework();
    delete (framework.rollup as { __rebind?: unknown }).__rebind;
    const original = framework.module.getModuleInfo;
    assert.equal(await installFrameworkMemo(cacheDir, "lockfile", framework), null);
    assert.equal(framework.module.getModuleInfo, original);
  });
});

describe("expose-bindings.js, on the installed Framework", () => {
  it("lets the memo replace each function, and Framework's own callers see the replacement", () => {
    // A process of its own: hooks apply to modules loaded after they are registered.
    const script = `
      const { frameworkFunctions } = await import("./site/build/framework-memo/framework-memo.ts");
      const f = await frameworkFunctions();
      const { getModuleHash } = await import("@observablehq/framework/dist/javascript/module.js");
      f.module.__rebind.getModuleInfo(() => ({ hash: "replaced", files: new Set(), localStaticImports: new Set(), localDynamicImports: new Set() }));
      // Each binding given back Framework's own function: its setter returns it (a function, or the check below fails).
      const replaced = [];
      for (const m of [f.imports, f.npm, f.rollup, f.html, f.render, f.route]) for (const name of Object.keys(m.__rebind ?? {})) {
        const own = m.__rebind[name](() => {});
        replaced.push(typeof own);
        m.__rebind[name](own);
      }
      if (replaced.some((type) => type !== "function")) throw new Error("a binding replaced something other than a function: " + replaced);
      const rebound = [f.module, f.imports, f.npm, f.rollup, f.html, f.render, f.route].map((m) => Object.keys(m.__rebind ?? {})).flat();
      console.log(JSON.stringify({ rebound, hash: getModuleHash("/nowhere", "/x.js") }));
    `;
    const result = spawnSync(process.execPath, ["--import", "./site/build/framework-memo/register.js", "--import", "tsx", "--input-type=module", "-e", script], { cwd: PROJECT_ROOT, encoding: "utf8" });
    assert.equal(result.status, 0, result.stderr);
    const { rebound, hash } = JSON.parse(result.stdout) as { rebound: string[]; hash: string };
    assert.deepEqual(rebound.sort(), ["findAssets", "findHeaders", "getModuleInfo", "parseImports", "rewriteHtml", "rewriteNpmImports", "rollupClient", "route"]);
    // getModuleHash calls getModuleInfo inside Framework's module: it hashed the replacement's "replaced".
    assert.notEqual(hash, spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", `const { getModuleHash } = await import("@observablehq/framework/dist/javascript/module.js"); console.log(getModuleHash("/nowhere", "/x.js"));`], { cwd: PROJECT_ROOT, encoding: "utf8" }).stdout.trim());
  });
});
