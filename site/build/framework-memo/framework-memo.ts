// Framework redoes, in every build, work whose result depends only on files it reads: it parses
// each module to hash it and list its imports (acorn, 0.7 s here), rewrites the imports of every
// bundled package (0.15 s), bundles its own client scripts again with rollup (0.7 s), and reads
// each page's HTML with a JSDOM window three times: for what it refers to, for its headings and
// to rewrite its links (0.7 s). This memo keeps those results between builds, in Framework's
// cache folder, each under the sha256 of what it was computed from, so a result is reused only
// for the same bytes (and, where a result also depends on answers Framework gives it, the same
// answers). Within a build it also keeps where each path routes to (a glob of the folder for
// each question, 0.3 s). Framework's own functions are replaced through bindings that
// expose-bindings.js adds as Node loads them.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { writeFileAtomic } from "../../../data-loaders/publish/write-file-atomic.ts";

/** Where the memo is kept, relative to Framework's cache folder. */
export const FRAMEWORK_MEMO = join("_report", "framework-memo.v8");

/** Bumped when what the memo stores changes shape: an older memo is then not read. */
const FORMAT = 2;

const sha256 = (bytes: string | Uint8Array) => createHash("sha256").update(bytes).digest("hex");

interface ModuleInfo {
  mtimeMs: number;
  [field: string]: unknown;
}
interface ImportReference {
  name: string;
  type: string;
  method?: string;
}
type Resolve = (specifier: string) => string | undefined;
interface RollupOptions {
  define?: Record<string, string>;
  keepNames?: boolean;
  minify?: boolean;
  resolveImport?: unknown;
}

/** What a fragment of a page's HTML refers to (Framework's findAssets). */
type Assets = Record<"files" | "localImports" | "globalImports" | "staticImports" | "localLinks" | "anchors", Set<string>>;
/** How Framework rewrites the paths of a page's HTML (rewriteHtml); one missing is String. */
type HtmlResolvers = Partial<Record<(typeof HTML_RESOLVERS)[number], (specifier: string) => string>>;
const HTML_RESOLVERS = ["resolveFile", "resolveImport", "resolveScript", "resolveLink"] as const;
type Route = { path: string; ext: string; params?: Record<string, string> };

/**
 * Framework's functions the memo wraps, and their modules' `__rebind` (expose-bindings.js),
 * whose setters return the function they replace.
 */
export interface FrameworkFunctions {
  module: {
    findModule(root: string, path: string): { path: string; params?: unknown } | undefined;
    getModuleInfo(root: string, path: string): ModuleInfo | undefined;
    __rebind?: { getModuleInfo(f: FrameworkFunctions["module"]["getModuleInfo"]): FrameworkFunctions["module"]["getModuleInfo"] };
  };
  imports: {
    isJavaScript(path: string): boolean;
    parseImports(root: string, path: string): Promise<ImportReference[]>;
    __rebind?: { parseImports(f: FrameworkFunctions["imports"]["parseImports"]): FrameworkFunctions["imports"]["parseImports"] };
  };
  npm: {
    rewriteNpmImports(input: string, resolve?: Resolve): string;
    __rebind?: { rewriteNpmImports(f: FrameworkFunctions["npm"]["rewriteNpmImports"]): FrameworkFunctions["npm"]["rewriteNpmImports"] };
  };
  rollup: {
    rollupClient(input: string, root: string, path: string, options?: RollupOptions): Promise<string>;
    __rebind?: { rollupClient(f: FrameworkFunctions["rollup"]["rollupClient"]): FrameworkFunctions["rollup"]["rollupClient"] };
  };
  html: {
    findAssets(html: string, path: string): Assets;
    rewriteHtml(html: string, resolvers?: HtmlResolvers): string;
    __rebind?: {
      findAssets(f: FrameworkFunctions["html"]["findAssets"]): FrameworkFunctions["html"]["findAssets"];
      rewriteHtml(f: FrameworkFunctions["html"]["rewriteHtml"]): FrameworkFunctions["html"]["rewriteHtml"];
    };
  };
  render: {
    /** Not exported by Framework: the memo has it from `__rebind`, which returns the function it replaces. */
    findHeaders(page: { body: string }): { label: string; href: string }[];
    __rebind?: { findHeaders(f: FrameworkFunctions["render"]["findHeaders"]): FrameworkFunctions["render"]["findHeaders"] };
  };
  route: {
    route(root: string, path: string, exts: readonly string[]): Route | undefined;
    __rebind?: { route(f: FrameworkFunctions["route"]["route"]): FrameworkFunctions["route"]["route"] };
  };
}

/** The memo of one build: counts, and `save` to keep what this build used for the next one. */
export interface FrameworkMemo {
  readonly reused: number;
  readonly computed: number;
  /** Writes the entries this build read or made (no others: the memo does not grow stale) atomically. */
  save(): Promise<void>;
}

/** Loads Framework's modules that the memo wraps, as Framework's build imports them. */
export async function frameworkFunctions(): Promise<FrameworkFunctions> {
  const dist = "@observablehq/framework/dist";
  const [module, imports, npm, rollup, html, render, route] = await Promise.all([
    import(`${dist}/javascript/module.js`),
    import(`${dist}/javascript/imports.js`),
    import(`${dist}/npm.js`),
    import(`${dist}/rollup.js`),
    import(`${dist}/html.js`),
    import(`${dist}/render.js`),
    import(`${dist}/route.js`),
  ]);
  return { module, imports, npm, rollup, html, render, route } as FrameworkFunctions;
}

async function readMemo(path: string, salt: string): Promise<Map<string, unknown>> {
  let stored: unknown;
  try {
    stored = deserialize(await readFile(path));
  } catch {
    return new Map(); // none yet, or unreadable: every result is computed again
  }
  const memo = stored as { format?: unknown; salt?: unknown; entries?: unknown };
  return memo.format === FORMAT && memo.salt === salt && memo.entries instanceof Map ? (memo.entries as Map<string, unknown>) : new Map();
}

/** A result made with answers Framework gave: each question asked, in order, with its answer. */
interface Recorded<Q extends unknown[], A> {
  answers: [Q, A][];
  output: string;
}

/** `ask`, recording each question and its answer as a result is made with it. */
function recordingAnswers<Q extends unknown[], A>(ask: (...question: Q) => A): { answers: [Q, A][]; ask: (...question: Q) => A } {
  const answers: [Q, A][] = [];
  return {
    answers,
    ask: (...question) => {
      const answer = ask(...question);
      answers.push([question, answer]);
      return answer;
    },
  };
}

/** Whether a result still holds: `ask`, asked each recorded question again in order, gives the same answers. */
function stillAnswered<Q extends unknown[], A>({ answers }: Recorded<Q, A>, ask: (...question: Q) => A): boolean {
  return answers.every(([question, answer]) => ask(...question) === answer);
}

/** Runs `compute`, telling whether it warned (console.warn): a result that warned is not kept, so that the warning recurs. */
function watchingWarnings<T>(compute: () => T): { value: T; warned: boolean } {
  const warn = console.warn;
  let warned = false;
  console.warn = (...args: unknown[]) => {
    warned = true;
    warn(...args);
  };
  try {
    const value = compute();
    return { value, warned };
  } finally {
    console.warn = warn;
  }
}

/**
 * Replaces Framework's getModuleInfo, parseImports, rewriteNpmImports, rollupClient,
 * findAssets, rewriteHtml and findHeaders with memoized ones reading and writing
 * `<cacheDir>/_report/framework-memo.v8`, and route with one that remembers for the build.
 * `salt` names what every entry also depends on beyond the bytes it hashes: the installed
 * packages (the lockfile's hash), as Framework's client bundles are made from them. Returns
 * null, changing nothing, when Framework was loaded without expose-bindings.js.
 * @param functions default: Framework's, as its build imports them
 */
export async function installFrameworkMemo(cacheDir: string, salt: string, functions?: FrameworkFunctions): Promise<FrameworkMemo | null> {
  const { module, imports, npm, rollup, html, render, route } = functions ?? (await frameworkFunctions());
  if (!module.__rebind || !imports.__rebind || !npm.__rebind || !rollup.__rebind || !html.__rebind || !render.__rebind || !route.__rebind) return null;
  const file = join(cacheDir, FRAMEWORK_MEMO);
  const stored = await readMemo(file, salt);
  const used = new Map<string, unknown>();
  let reused = 0;
  let computed = 0;
  /**
   * The result under `key`, made by this build or kept from the last one, if there is one and
   * `holds` (what else it depends on) says it still holds.
   */
  function recall<T>(key: string, holds: (value: T) => boolean = () => true): T | undefined {
    const memo = used.has(key) ? used : stored;
    if (!memo.has(key)) return undefined;
    const value = memo.get(key) as T;
    if (!holds(value)) return undefined;
    used.set(key, value);
    reused++;
    return value;
  }
  function remember<T>(key: string, value: T): T {
    used.set(key, value);
    computed++;
    return value;
  }

  // A module's imports, files and hash, from its source: Framework keeps them for the life of
  // the process while the file's modification time stands; this keeps them for its bytes.
  const infos = new Map<string, { mtimeMs: number; size: number; info: ModuleInfo | undefined }>();
  const getModuleInfo: FrameworkFunctions["module"]["getModuleInfo"] = module.__rebind.getModuleInfo((root, path) => {
    const found = module.findModule(root, path);
    if (!found) return getModuleInfo(root, path);
    const source = join(root, found.path);
    let stat;
    try {
      stat = statSync(source);
    } catch {
      return getModuleInfo(root, path);
    }
    const mtimeMs = Math.floor(stat.mtimeMs);
    const seen = infos.get(source);
    if (seen && seen.mtimeMs === mtimeMs && seen.size === stat.size) return seen.info;
    const key = `module\0${source}\0${JSON.stringify(found.params ?? null)}\0${sha256(readFileSync(source))}`;
    const kept = recall<ModuleInfo>(key);
    const info = kept ? { ...kept, mtimeMs } : getModuleInfo(root, path);
    if (!kept && info) remember(key, info);
    infos.set(source, { mtimeMs, size: stat.size, info });
    return info;
  });

  // The imports of a bundled package, read by Framework once per process.
  const parsed = new Map<string, Promise<ImportReference[]>>();
  const parseImports: FrameworkFunctions["imports"]["parseImports"] = imports.__rebind.parseImports((root, path) => {
    if (!imports.isJavaScript(path)) return parseImports(root, path);
    const source = join(root, path);
    let parsing = parsed.get(source);
    if (!parsing) {
      parsing = (async () => {
        const bytes = await readFile(source).catch(() => undefined);
        if (!bytes) return parseImports(root, path);
        const key = `imports\0${path}\0${sha256(bytes)}`;
        const kept = recall<ImportReference[]>(key);
        if (kept) return kept;
        const found = await parseImports(root, path);
        // Framework answers [] for a file it could not parse, with a warning: kept, the warning would not recur.
        return found.length > 0 ? remember(key, found) : found;
      })();
      parsed.set(source, parsing);
    }
    return parsing;
  });

  // A package's bundle with its imports pointed at their published names: the same input and
  // the same answers from `resolve`, asked the same questions, give the same output.
  const rewriteNpmImports: FrameworkFunctions["npm"]["rewriteNpmImports"] = npm.__rebind.rewriteNpmImports((input, resolve = () => undefined) => {
    const key = `rewrite\0${sha256(input)}`;
    const kept = recall<Recorded<[string], string | undefined>>(key, (kept) => stillAnswered(kept, resolve));
    if (kept) return kept.output;
    const recorder = recordingAnswers(resolve);
    return remember(key, { answers: recorder.answers, output: rewriteNpmImports(input, recorder.ask) }).output;
  });

  // Framework's client scripts, bundled from the installed packages (the salt) by these arguments.
  const rollupClient: FrameworkFunctions["rollup"]["rollupClient"] = rollup.__rebind.rollupClient(async (input, root, path, options = {}) => {
    if (options.resolveImport !== undefined) return rollupClient(input, root, path, options);
    const key = `rollup\0${JSON.stringify([input, root, path, options])}`;
    return recall<string>(key) ?? remember(key, await rollupClient(input, root, path, options));
  });

  // What a fragment of a page's HTML refers to, for its bytes at its path. Each build gets sets
  // of its own: Framework's callers may add to them.
  const findAssets: FrameworkFunctions["html"]["findAssets"] = html.__rebind.findAssets((fragment, path) => {
    const key = `assets\0${path}\0${sha256(fragment)}`;
    const copy = (assets: Assets) => Object.fromEntries(Object.entries(assets).map(([name, set]) => [name, new Set(set)])) as Assets;
    const kept = recall<Assets>(key);
    if (kept) return copy(kept);
    const { value, warned } = watchingWarnings(() => findAssets(fragment, path));
    if (!warned) remember(key, copy(value));
    return value;
  });

  // A page's HTML with its paths rewritten: the same bytes and the same answers from its
  // resolvers, asked the same questions in the same order, give the same output.
  const rewriteHtml: FrameworkFunctions["html"]["rewriteHtml"] = html.__rebind.rewriteHtml((fragment, resolvers = {}) => {
    const ask = (name: (typeof HTML_RESOLVERS)[number], specifier: string) => (resolvers[name] ?? String)(specifier);
    const key = `html\0${sha256(fragment)}`;
    const kept = recall<Recorded<Parameters<typeof ask>, string>>(key, (kept) => stillAnswered(kept, ask));
    if (kept) return kept.output;
    const recorder = recordingAnswers(ask);
    const recording = Object.fromEntries(HTML_RESOLVERS.map((name) => [name, (specifier: string) => recorder.ask(name, specifier)])) as HtmlResolvers;
    return remember(key, { answers: recorder.answers, output: rewriteHtml(fragment, recording) }).output;
  });

  // A page's headings for its table of contents, from its HTML alone.
  const findHeaders: FrameworkFunctions["render"]["findHeaders"] = render.__rebind.findHeaders((page) => {
    const key = `headers\0${sha256(page.body)}`;
    return structuredClone(recall<ReturnType<typeof findHeaders>>(key) ?? remember(key, findHeaders(page)));
  });

  // Which file serves a path, for this build only: the answer depends on which files exist,
  // which the build does not change (its loaders write into the cache, which no route reaches).
  const routes = new Map<string, Route | undefined>();
  const routeOf: FrameworkFunctions["route"]["route"] = route.__rebind.route((root, path, exts) => {
    const key = JSON.stringify([root, path, exts]);
    if (!routes.has(key)) routes.set(key, routeOf(root, path, exts));
    return structuredClone(routes.get(key));
  });

  return {
    get reused() {
      return reused;
    },
    get computed() {
      return computed;
    },
    async save() {
      await mkdir(dirname(file), { recursive: true });
      await writeFileAtomic(file, serialize({ format: FORMAT, salt, entries: used }));
    },
  };
}
