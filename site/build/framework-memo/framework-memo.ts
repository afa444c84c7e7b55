// Framework redoes, in every build, work whose result depends only on files it reads: it parses
// each module to hash it and list its imports (acorn, 0.7 s here), rewrites the imports of every
// bundled package (0.15 s) and bundles its own client scripts again with rollup (0.7 s). This
// memo keeps those results between builds, in Framework's cache folder, each under the sha256 of
// what it was computed from, so a result is reused only for the same bytes. Framework's own
// functions are replaced through bindings that expose-bindings.js adds as Node loads them.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { writeFileAtomic } from "../../../data-loaders/publish/write-file-atomic.ts";

/** Where the memo is kept, relative to Framework's cache folder. */
export const FRAMEWORK_MEMO = join("_report", "framework-memo.v8");

/** Bumped when what the memo stores changes shape: an older memo is then not read. */
const FORMAT = 1;

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

/** Framework's functions the memo wraps, and their modules' `__rebind` (expose-bindings.js). */
export interface FrameworkFunctions {
  module: {
    findModule(root: string, path: string): { path: string; params?: unknown } | undefined;
    getModuleInfo(root: string, path: string): ModuleInfo | undefined;
    __rebind?: { getModuleInfo(f: FrameworkFunctions["module"]["getModuleInfo"]): void };
  };
  imports: {
    isJavaScript(path: string): boolean;
    parseImports(root: string, path: string): Promise<ImportReference[]>;
    __rebind?: { parseImports(f: FrameworkFunctions["imports"]["parseImports"]): void };
  };
  npm: {
    rewriteNpmImports(input: string, resolve?: Resolve): string;
    __rebind?: { rewriteNpmImports(f: FrameworkFunctions["npm"]["rewriteNpmImports"]): void };
  };
  rollup: {
    rollupClient(input: string, root: string, path: string, options?: RollupOptions): Promise<string>;
    __rebind?: { rollupClient(f: FrameworkFunctions["rollup"]["rollupClient"]): void };
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
  const [module, imports, npm, rollup] = await Promise.all([
    import(`${dist}/javascript/module.js`),
    import(`${dist}/javascript/imports.js`),
    import(`${dist}/npm.js`),
    import(`${dist}/rollup.js`),
  ]);
  return { module, imports, npm, rollup } as FrameworkFunctions;
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

/**
 * Replaces Framework's getModuleInfo, parseImports, rewriteNpmImports and rollupClient with
 * memoized ones reading and writing `<cacheDir>/_report/framework-memo.v8`. `salt` names what
 * every entry also depends on beyond the bytes it hashes: the installed packages (the
 * lockfile's hash), as Framework's client bundles are made from them. Returns null, changing
 * nothing, when Framework was loaded without expose-bindings.js.
 * @param functions default: Framework's, as its build imports them
 */
export async function installFrameworkMemo(cacheDir: string, salt: string, functions?: FrameworkFunctions): Promise<FrameworkMemo | null> {
  const { module, imports, npm, rollup } = functions ?? (await frameworkFunctions());
  if (!module.__rebind || !imports.__rebind || !npm.__rebind || !rollup.__rebind) return null;
  const file = join(cacheDir, FRAMEWORK_MEMO);
  const stored = await readMemo(file, salt);
  const used = new Map<string, unknown>();
  let reused = 0;
  let computed = 0;
  /** The stored result under `key`, if there is one and `holds` (what else it depends on) says it still holds. */
  function recall<T>(key: string, holds: (value: T) => boolean = () => true): T | undefined {
    if (!stored.has(key)) return undefined;
    const value = stored.get(key) as T;
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
  const getModuleInfo = module.getModuleInfo;
  const infos = new Map<string, { mtimeMs: number; size: number; info: ModuleInfo | undefined }>();
  module.__rebind.getModuleInfo((root, path) => {
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
  const parseImports = imports.parseImports;
  const parsed = new Map<string, Promise<ImportReference[]>>();
  imports.__rebind.parseImports((root, path) => {
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
  const rewriteNpmImports = npm.rewriteNpmImports;
  npm.__rebind.rewriteNpmImports((input, resolve = () => undefined) => {
    const key = `rewrite\0${sha256(input)}`;
    const kept = recall<{ answers: [string, string | undefined][]; output: string }>(key, ({ answers }) => answers.every(([specifier, answer]) => resolve(specifier) === answer));
    if (kept) return kept.output;
    const answers: [string, string | undefined][] = [];
    const output = rewriteNpmImports(input, (specifier) => {
      const answer = resolve(specifier);
      answers.push([specifier, answer]);
      return answer;
    });
    return remember(key, { answers, output }).output;
  });

  // Framework's client scripts, bundled from the installed packages (the salt) by these arguments.
  const rollupClient = rollup.rollupClient;
  rollup.__rebind.rollupClient(async (input, root, path, options = {}) => {
    if (options.resolveImport !== undefined) return rollupClient(input, root, path, options);
    const key = `rollup\0${JSON.stringify([input, root, path, options])}`;
    return recall<string>(key) ?? remember(key, await rollupClient(input, root, path, options));
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
