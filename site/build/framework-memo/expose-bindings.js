// Module hooks (node:module register()), registered as `npm run build` starts, before
// Framework loads: to seven of Framework's modules, as Node loads them, one export is added
// that lets the build replace a function of that module with a memoized one
// (framework-memo.ts). A module's own calls go through the same binding, so the memo sees
// them too. Nothing else in the source changes; node_modules stays as installed.

/** Framework's module (under its dist/) → the functions a memo may replace. */
export const REBINDABLE = {
  "javascript/module.js": ["getModuleInfo"],
  "javascript/imports.js": ["parseImports"],
  "npm.js": ["rewriteNpmImports"],
  "rollup.js": ["rollupClient"],
  "html.js": ["findAssets", "rewriteHtml"],
  "render.js": ["findHeaders"],
  "route.js": ["route"],
};

const DIST = "/node_modules/@observablehq/framework/dist/";

/**
 * The export added to a module that declares `names` as functions: for each, a setter that
 * replaces it and returns the function it replaced (which the module may not export).
 */
export function rebindExport(names) {
  return `\nexport const __rebind = Object.freeze({ ${names.map((n) => `${n}(f) { const replaced = ${n}; ${n} = f; return replaced; }`).join(", ")} });\n`;
}

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  const at = url.indexOf(DIST);
  const names = at < 0 ? undefined : REBINDABLE[url.slice(at + DIST.length)];
  if (!names || result.format !== "module") return result;
  const source = typeof result.source === "string" ? result.source : new TextDecoder().decode(result.source);
  return { ...result, source: source + rebindExport(names) };
}
