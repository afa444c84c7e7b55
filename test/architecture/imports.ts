// The project's boundaries as rules over import statements, checked by
// test/architecture/architecture.test.ts. Pure functions over {path, source} pairs, so the
// rules can be shown to fail on small made-up trees as well as to pass on the real one.
// Imports are read with TypeScript's own parser: a regex would take a quoted `from "x"` in a
// comment or string for an import, and miss `import("x")`, `export … from` and `import type`.
import { builtinModules } from "node:module";
import { posix } from "node:path";
import ts from "typescript";

/** A file of the project: its path from the project root (with "/") and its text. */
export interface SourceFile {
  path: string;
  source: string;
}

/** One import of a file. */
export interface ImportRef {
  specifier: string;
  /** 1-based line in the file (for a page, in the .md file itself). */
  line: number;
  /**
   * Erased from the JavaScript that runs: `import type`, `export type … from`, `import("x").T`
   * and everything in a .d.ts file. `import { type A } from "x"` is not: under
   * verbatimModuleSyntax it stays as `import {} from "x"`, which loads the module.
   */
  typeOnly: boolean;
}

/** A broken rule: the file, the import (if the rule is about one) and the rule. */
export interface Violation {
  file: string;
  line: number;
  specifier: string | null;
  rule: string;
}

export const formatViolation = (v: Violation): string =>
  v.specifier === null ? `${v.file}: ${v.rule}` : `${v.file}:${v.line}: imports "${v.specifier}" (${v.rule})`;

const CODE = /\.(?:[cm]?[jt]sx?)$/;

/** The code a file runs: the whole file, or for a Framework page (.md) each ```js (ts, jsx, tsx) block. */
function codeBlocks(file: SourceFile): { code: string; firstLine: number; kind: ts.ScriptKind }[] {
  if (!file.path.endsWith(".md")) {
    return CODE.test(file.path) ? [{ code: file.source, firstLine: 1, kind: file.path.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS }] : [];
  }
  const blocks: { code: string; firstLine: number; kind: ts.ScriptKind }[] = [];
  const lines = file.source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*(js|ts|jsx|tsx)\b/.exec(lines[i]!);
    if (!open) continue;
    // The block ends at a line of the same fence character, at least as long, and nothing else.
    const close = new RegExp(`^${open[1]![0] === "`" ? "`" : "~"}{${open[1]!.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end]!)) end++;
    const kind = { js: ts.ScriptKind.JS, ts: ts.ScriptKind.TS, jsx: ts.ScriptKind.JSX, tsx: ts.ScriptKind.TSX }[open[2] as "js" | "ts" | "jsx" | "tsx"];
    blocks.push({ code: lines.slice(i + 1, end).join("\n"), firstLine: i + 2, kind });
    i = end;
  }
  return blocks;
}

/** Every import of a file, static, dynamic (`import("x")`), re-export or `require("x")`, in source order. */
export function importsOf(file: SourceFile): ImportRef[] {
  const declarationFile = file.path.endsWith(".d.ts");
  const found: ImportRef[] = [];
  for (const block of codeBlocks(file)) {
    const sourceFile = ts.createSourceFile(file.path, block.code, ts.ScriptTarget.Latest, true, block.kind);
    const add = (literal: ts.Node, typeOnly: boolean) => {
      if (!ts.isStringLiteralLike(literal)) return;
      const line = sourceFile.getLineAndCharacterOfPosition(literal.getStart(sourceFile)).line;
      found.push({ specifier: literal.text, line: block.firstLine + line, typeOnly: typeOnly || declarationFile });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, node.importClause?.isTypeOnly ?? false);
      else if (ts.isExportDeclaration(node) && node.moduleSpecifier) add(node.moduleSpecifier, node.isTypeOnly);
      else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, node.isTypeOnly);
      else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, true);
      else if (ts.isCallExpression(node) && node.arguments.length > 0) {
        const callee = node.expression;
        if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === "require")) add(node.arguments[0]!, false);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return found;
}

/**
 * The project file a relative import names, or null for a package, a built-in or a URL.
 * Imports name TypeScript files by their .js name (the browser's) or their .ts name (tsx's).
 * A relative import that names no file resolves to `undefined`.
 */
export function resolveImport(from: string, specifier: string, paths: ReadonlySet<string>): string | null | undefined {
  if (!specifier.startsWith("./") && !specifier.startsWith("../") && specifier !== "." && specifier !== "..") return null;
  const target = posix.normalize(posix.join(posix.dirname(from), specifier));
  const candidates = [target, target.replace(/\.js$/, ".ts"), target.replace(/\.jsx$/, ".tsx"), `${target}.ts`, `${target}/index.ts`];
  return candidates.find((c) => paths.has(c));
}

const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (specifier: string) => specifier.startsWith("node:") || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split("/")[0]!);
const isUrlImport = (specifier: string) => /^(?:npm:|jsr:|https?:|\/\/)/.test(specifier);
const isFramework = (specifier: string) => specifier.startsWith("@observablehq/") || specifier.startsWith("observablehq:");
const isVega = (specifier: string) => /^vega(?:-[a-z0-9-]+)?(?:\/|$)/.test(specifier);
const under = (path: string | null | undefined, ...folders: string[]) => typeof path === "string" && folders.some((f) => path.startsWith(f));

/** The library: the pipeline and nothing of the site, the pages or the command lines. */
const LIBRARY = "data-loaders/";
/** Code that runs in the page: the components, the browser lib, the original figures and the pages' code blocks. */
const isBrowser = (path: string) => under(path, "src/components/", "src/lib/", "src/charts/") || (path.startsWith("src/") && path.endsWith(".md"));
/** Node code that the site runs at build time. */
const isSiteNode = (path: string) => under(path, "site/", "src/data/");
/** Folders whose code needs Node (files, processes, DuckDB in Node): the page can take their types only. */
const NODE_FOLDERS = ["data-loaders/", "site/", "src/data/", "scripts/"];
const BROWSER_FOLDERS = ["src/components/", "src/lib/", "src/charts/"];
/**
 * Code both sides run: pure functions and constants over strings and numbers (reader labels,
 * the legend of finding marks), so the build's HTML and the page's enhancements say the same
 * words from one module instead of two copies. It takes types from anywhere, values only from
 * itself, and names no global of either side.
 */
const PORTABLE = "src/portable/";
/** Globals of the browser or of Node that portable code must not touch (it would run on one side only). */
export const SIDE_GLOBALS = /\b(?:document|window|navigator|location|localStorage|sessionStorage|fetch|process|require|Buffer|__dirname|globalThis)\b/;

/** The stages of the pipeline in order: a stage may import an earlier one, never a later one. */
export const STAGES = ["parse", "normalize", "audit", "publish"] as const;
const stageOf = (path: string | null | undefined) => {
  const match = typeof path === "string" ? /^data-loaders\/([^/]+)\//.exec(path) : null;
  const index = match ? STAGES.indexOf(match[1] as (typeof STAGES)[number]) : -1;
  return index < 0 ? null : index;
};
/** The top-level files of the library a stage may import: the shared error type and the paths. */
const STAGE_MAY_IMPORT = new Set(["data-loaders/errors.ts", "data-loaders/paths.ts"]);
export const MAX_LOOSE_LIBRARY_FILES = 4;

/** The rule an import breaks, or null. `resolved` is the file a relative import names (see resolveImport). */
function brokenRule(from: string, imported: ImportRef, resolved: string | null | undefined): string | null {
  const { specifier, typeOnly } = imported;
  if (resolved === undefined) return "a relative import must name a file of the project";
  if (from.startsWith(LIBRARY)) {
    if (isFramework(specifier)) return "the library (data-loaders/) imports nothing from Observable Framework";
    if (isVega(specifier)) return "the library (data-loaders/) imports nothing from Vega";
    if (under(resolved, "site/", "src/", "scripts/", "test/")) return "the library (data-loaders/) imports nothing from site/, src/, scripts/ or test/";
  }
  const fromStage = stageOf(from);
  if (fromStage !== null && resolved) {
    const toStage = stageOf(resolved);
    if (toStage !== null && toStage > fromStage) {
      return `stage ${STAGES[fromStage]} imports a later stage, ${STAGES[toStage]} (${STAGES.join(" ← ")}: a stage imports only earlier ones)`;
    }
    if (resolved.startsWith(LIBRARY) && !resolved.slice(LIBRARY.length).includes("/") && !STAGE_MAY_IMPORT.has(resolved)) {
      return `a stage imports only ${[...STAGE_MAY_IMPORT].join(" and ")} from the top of data-loaders/, not the entry ${resolved}`;
    }
  }
  if (from.startsWith(PORTABLE) && !typeOnly && !under(resolved, PORTABLE)) {
    return `portable code (${PORTABLE}) imports values only from ${PORTABLE}, types from anywhere`;
  }
  if (isBrowser(from)) {
    if (isNodeBuiltin(specifier)) return "browser code imports no Node built-in";
    if (isUrlImport(specifier)) return "browser code imports no npm: or CDN URL (the site is built offline from node_modules)";
    if (!typeOnly && under(resolved, ...NODE_FOLDERS)) return `browser code imports only types (import type) from ${NODE_FOLDERS.join(", ")}`;
  }
  if (isSiteNode(from) && !typeOnly && under(resolved, ...BROWSER_FOLDERS)) {
    return `Node code of the site (site/, src/data/) imports no browser code (${BROWSER_FOLDERS.join(", ")})`;
  }
  return null;
}

/** Each line of portable code (comments aside) that names a global of the browser or of Node. */
function sideGlobalsOf(file: SourceFile): Violation[] {
  return file.source.split("\n").flatMap((text, index) => {
    // Words in strings and comments are prose ("the document's numbers"), not globals.
    const code = text
      .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""')
      .replace(/\/\/.*$/, "")
      .replace(/^\s*(?:\/\*\*?|\*).*$/, "");
    const name = SIDE_GLOBALS.exec(code)?.[0];
    return name ? [{ file: file.path, line: index + 1, specifier: null, rule: `line ${index + 1} names ${name}: portable code (${PORTABLE}) runs in the page and in Node, so it touches neither side's globals` }] : [];
  });
}

/** Every rule the files break, in file order then line order. */
export function checkArchitecture(files: readonly SourceFile[]): Violation[] {
  const paths = new Set(files.map((f) => f.path));
  const violations: Violation[] = [];
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    for (const imported of importsOf(file)) {
      const rule = brokenRule(file.path, imported, resolveImport(file.path, imported.specifier, paths));
      if (rule) violations.push({ file: file.path, line: imported.line, specifier: imported.specifier, rule });
    }
    if (file.path.startsWith(PORTABLE)) violations.push(...sideGlobalsOf(file));
  }
  const loose = [...paths].filter((p) => p.startsWith(LIBRARY) && !p.slice(LIBRARY.length).includes("/")).sort();
  if (loose.length > MAX_LOOSE_LIBRARY_FILES) {
    violations.push({
      file: LIBRARY,
      line: 0,
      specifier: null,
      rule: `at most ${MAX_LOOSE_LIBRARY_FILES} loose files at the top of data-loaders/, found ${loose.length}: ${loose.join(", ")} (the rest belongs in a stage folder)`,
    });
  }
  return violations;
}
