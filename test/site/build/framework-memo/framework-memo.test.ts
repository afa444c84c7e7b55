import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { PROJECT_ROOT } from "../../../../data-loaders/paths.ts";
import { FRAMEWORK_MEMO, installFrameworkMemo, type FrameworkFunctions } from "../../../../site/build/framework-memo/framework-memo.ts";

/** Framework's four functions as stand-ins that count their calls, and rebind as expose-bindings.js lets the real ones. */
function fakeFramework() {
  const calls = { info: 0, imports: 0, rewrite: 0, rollup: 0 };
  const f: FrameworkFunctions = {
    module: {
      findModule: (_root: string, path: string) => ({ path }),
      getModuleInfo: (root: string, path: string) => (calls.info++, { mtimeMs: Math.floor(statSync(join(root, path)).mtimeMs), hash: `hash of ${root}${path}`, files: new Set(["a.csv"]) }),
      __rebind: { getModuleInfo: (g: FrameworkFunctions["module"]["getModuleInfo"]) => void (f.module.getModuleInfo = g) },
    },
    imports: {
      isJavaScript: (path: string) => path.endsWith(".js"),
      parseImports: async (_root: string, path: string) => (calls.imports++, path.includes("none") ? [] : [{ name: "./dep.js", type: "local", method: "static" }]),
      __rebind: { parseImports: (g: FrameworkFunctions["imports"]["parseImports"]) => void (f.imports.parseImports = g) },
    },
    npm: {
      rewriteNpmImports: (input: string, resolve: (s: string) => string | undefined = () => undefined) => (calls.rewrite++, `${input} → ${resolve("dep")}`),
      __rebind: { rewriteNpmImports: (g: FrameworkFunctions["npm"]["rewriteNpmImports"]) => void (f.npm.rewriteNpmImports = g) },
    },
    rollup: {
      rollupClient: async (input: string, _root: string, path: string) => (calls.rollup++, `bundle of ${input} for ${path}`),
      __rebind: { rollupClient: (g: FrameworkFunctions["rollup"]["rollupClient"]) => void (f.rollup.rollupClient = g) },
    },
  };
  return { framework: f, calls };
}

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
    };
    await memo.save();
    return { results, calls, memo };
  }

  it("computes each result once, and gives the same results from the memo in the next build", async () => {
    const first = await aBuild();
    assert.deepEqual(first.calls, { info: 1, imports: 2, rewrite: 1, rollup: 1 });
    assert.equal(first.memo.computed, 4, "an empty import list (Framework's answer to a file it cannot parse) is not kept");
    const second = await aBuild();
    assert.deepEqual(second.calls, { info: 0, imports: 1, rewrite: 0, rollup: 0 });
    assert.equal(second.memo.reused, 4);
    assert.deepEqual(second.results, first.results);
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
    const otherPackages = await aBuild("another lockfile");
    assert.deepEqual(otherPackages.calls, { info: 1, imports: 2, rewrite: 1, rollup: 1 });
    await writeFile(join(cacheDir, FRAMEWORK_MEMO), "not a V8 serialization");
    const unreadable = await aBuild("another lockfile");
    assert.deepEqual(unreadable.calls, { info: 1, imports: 2, rewrite: 1, rollup: 1 });
  });

  it("keeps only what the last build used", async () => {
    await aBuild();
    const { framework } = fakeFramework();
    const memo = await installFrameworkMemo(cacheDir, "lockfile", framework);
    await framework.rollup.rollupClient("client/index.js", root, "/_observablehq/client.js", { minify: true });
    await memo!.save();
    const next = await aBuild();
    assert.deepEqual(next.calls, { info: 1, imports: 2, rewrite: 1, rollup: 0 });
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
      // Each binding rebound to Framework's own function: throws if Framework no longer declares it as a function.
      for (const m of [f.imports, f.npm, f.rollup]) for (const name of Object.keys(m.__rebind ?? {})) m.__rebind[name](m[name]);
      const rebound = [f.module, f.imports, f.npm, f.rollup].map((m) => Object.keys(m.__rebind ?? {})).flat();
      console.log(JSON.stringify({ rebound, hash: getModuleHash("/nowhere", "/x.js") }));
    `;
    const result = spawnSync(process.execPath, ["--import", "./site/build/framework-memo/register.js", "--import", "tsx", "--input-type=module", "-e", script], { cwd: PROJECT_ROOT, encoding: "utf8" });
    assert.equal(result.status, 0, result.stderr);
    const { rebound, hash } = JSON.parse(result.stdout) as { rebound: string[]; hash: string };
    assert.deepEqual(rebound.sort(), ["getModuleInfo", "parseImports", "rewriteNpmImports", "rollupClient"]);
    // getModuleHash calls getModuleInfo inside Framework's module: it hashed the replacement's "replaced".
    assert.notEqual(hash, spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", `const { getModuleHash } = await import("@observablehq/framework/dist/javascript/module.js"); console.log(getModuleHash("/nowhere", "/x.js"));`], { cwd: PROJECT_ROOT, encoding: "utf8" }).stdout.trim());
  });
});
