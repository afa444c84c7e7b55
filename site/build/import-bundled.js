// `npm run build` runs the build's TypeScript from one file that esbuild bundles from it, not
// through tsx. Through tsx, each of the build's 90-odd modules passes tsx's module hooks, on
// their own thread (a fifth of a second of every build); and every module loaded after tsx
// registers does too, Framework's hundreds among them (a quarter of a second more), so that
// Framework had to load before anything else, and the build could tell its loader process
// what to run only after that second. From a bundle the build checks its cache first, gives
// the loaders their order, and then loads Framework while they run.
//
// The bundle is made again only when one of its sources changes: a record beside it lists
// each source's sha256 as esbuild read it (this module reads them for esbuild), and a bundle
// is reused only if every source still has its hash and the bundle its own. Packages stay
// outside (node_modules, at the lockfile's versions), and so do the project's plain .js
// modules; each bundled module keeps its own import.meta.url, so paths computed from it
// (data-loaders/paths.ts) are the same as unbundled. Plain JavaScript: it runs before anything
// could load TypeScript.
import { createHash } from "node:crypto";
import { readdir, readFile, rename, rm, stat, writeFile, mkdir } from "node:fs/promises";
import { basename, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The project's root: this file is site/build/import-bundled.js. */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Where bundles and their records are kept by default: a tool's cache, beside the packages. */
export const BUNDLE_CACHE = join(ROOT, "node_modules", ".cache", "industrial-clusters-report", "build-bundle");

/** Bundles kept per entry: the newest, and a few that a build started just before may still be loading. */
const KEPT = 3;

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** The esbuild loader for a source file by its extension (the project's .js files stay outside). */
const LOADERS = { ".ts": "ts", ".mts": "ts", ".json": "json" };

/**
 * A module's source as it goes into the bundle: `import.meta.url` (and its dirname and filename)
 * replaced by the module's own, which the bundle's would otherwise stand for. Any other use of
 * import.meta has no such replacement, and fails the bundle.
 * @param {string} source
 * @param {string} file absolute path
 */
export function withOwnImportMeta(source, file) {
  const url = pathToFileURL(file).href;
  const replaced = source
    .replaceAll("import.meta.url", JSON.stringify(url))
    .replaceAll("import.meta.filename", JSON.stringify(file))
    .replaceAll("import.meta.dirname", JSON.stringify(resolve(file, "..")));
  const other = /import\.meta\.(\w+)/.exec(replaced);
  if (other) throw new Error(`invalid bundle source: ${file} (uses import.meta.${other[1]}, which a bundle cannot keep)`);
  return replaced;
}

/**
 * What makes the bundles: the esbuild installed, this file, and the project's tsconfig.json
 * (which esbuild reads). Another esbuild, or a change to either file, makes them again.
 */
async function bundleMaker() {
  const [esbuild, self, tsconfig] = await Promise.all([
    readFile(join(ROOT, "node_modules", "esbuild", "package.json"), "utf8"),
    readFile(fileURLToPath(import.meta.url)),
    readFile(join(ROOT, "tsconfig.json")).catch(() => ""),
  ]);
  return `esbuild ${JSON.parse(esbuild).version}, import-bundled.js ${sha256(self)}, tsconfig.json ${sha256(tsconfig)}`;
}

/**
 * The record of the last bundle made for `entry` in `cacheDir`, if it still holds: every source
 * as recorded, and the bundle itself whole. Else null.
 */
async function currentBundle(entry, cacheDir, maker, root) {
  let record;
  try {
    record = JSON.parse(await readFile(join(cacheDir, `${basename(entry)}.json`), "utf8"));
  } catch {
    return null;
  }
  if (record?.maker !== maker || record.entry !== entry || !Array.isArray(record.inputs)) return null;
  const same = await Promise.all(
    record.inputs.map(([file, hash]) =>
      readFile(join(root, file)).then(
        (bytes) => sha256(bytes) === hash,
        () => false,
      ),
    ),
  );
  if (!same.every(Boolean)) return null;
  const file = join(cacheDir, record.bundle);
  try {
    if (sha256(await readFile(file)) !== record.sha256) return null;
  } catch {
    return null;
  }
  return file;
}

/** Writes `content` to `file` through a temporary file and a rename: a reader sees all of it or none. */
async function writeWhole(file, content) {
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * esbuild's failure as one line: where (file:line:column, as esbuild counts) and why, for the
 * first error, and how many more there are.
 * @param {string} entry
 * @param {unknown} error
 */
export function bundleError(entry, error) {
  const errors = Array.isArray(error?.errors) ? error.errors : [];
  const first = errors[0];
  const where = first?.location ? `${first.location.file}:${first.location.line}:${first.location.column}: ` : "";
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  return new Error(`cannot bundle ${entry}: ${where}${first?.text ?? (error instanceof Error ? error.message : String(error))}${more}`, { cause: error });
}

/** Bundles `entry` into `cacheDir` with esbuild, records its sources, and keeps the newest bundles only. */
async function makeBundle(entry, cacheDir, maker, root) {
  const { build } = await import("esbuild");
  /** @type {Map<string, string>} project-relative source → sha256 of what esbuild was given */
  const inputs = new Map();
  /** @type {{ outputFiles: { path: string, text: string, contents: Uint8Array }[] }} */
  let result;
  try {
    result = await build({
      entryPoints: [entry],
      // Errors name sources relative to the project.
      absWorkingDir: root,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      // Packages load from node_modules as installed; node: builtins stay imports.
      packages: "external",
      write: false,
      outfile: join(cacheDir, "bundle.mjs"),
      sourcemap: "linked",
      sourcesContent: false,
      logLevel: "silent",
      plugins: [
        {
          name: "sources",
          setup(builder) {
            // The project's plain JavaScript stays outside, imported by its URL: a module the
            // launcher imports too must be one instance (fork-loader-process.js keeps the loader
            // process it forked in its module's state, for the build to take).
            builder.onResolve({ filter: /\.js$/ }, ({ path, resolveDir, kind }) => {
              if (kind === "entry-point" || !path.startsWith(".")) return undefined;
              return { path: pathToFileURL(resolve(resolveDir, path)).href, external: true };
            });
            builder.onLoad({ filter: /.*/, namespace: "file" }, async ({ path }) => {
              const loader = LOADERS[extname(path)];
              if (!loader) throw new Error(`invalid bundle source: ${path} (no loader for ${extname(path) || "a file without extension"})`);
              const bytes = await readFile(path);
              inputs.set(relative(root, path).split(sep).join("/"), sha256(bytes));
              return { contents: withOwnImportMeta(bytes.toString("utf8"), path), loader };
            });
          },
        },
      ],
    });
  } catch (error) {
    throw bundleError(entry, error);
  }
  const code = result.outputFiles.find((f) => f.path.endsWith(".mjs"));
  const map = result.outputFiles.find((f) => f.path.endsWith(".map"));
  if (!code || !map) throw new Error(`esbuild gave no bundle for ${entry}`);
  const sorted = [...inputs].sort(([a], [b]) => (a < b ? -1 : 1));
  const name = `${basename(entry)}-${sha256(JSON.stringify([maker, sorted])).slice(0, 16)}.mjs`;
  // The map's name follows the bundle's; the comment esbuild wrote names bundle.mjs.map.
  const link = /\/\/# sourceMappingURL=bundle\.mjs\.map\s*$/;
  if (!link.test(code.text)) throw new Error(`esbuild's bundle of ${entry} does not end with the link to its source map`);
  const text = code.text.replace(link, `//# sourceMappingURL=${name}.map\n`);
  await mkdir(cacheDir, { recursive: true });
  await writeWhole(join(cacheDir, `${name}.map`), map.contents);
  await writeWhole(join(cacheDir, name), text);
  const record = { maker, entry, bundle: name, sha256: sha256(text), inputs: sorted };
  await writeWhole(join(cacheDir, `${basename(entry)}.json`), `${JSON.stringify(record, null, 1)}\n`);
  await pruneBundles(entry, cacheDir, name);
  return join(cacheDir, name);
}

/** Removes the bundles of `entry` (and their maps) but `made`, just written, and the newest others up to KEPT in all. */
async function pruneBundles(entry, cacheDir, made) {
  const prefix = `${basename(entry)}-`;
  const others = (await readdir(cacheDir)).filter((f) => f.startsWith(prefix) && f.endsWith(".mjs") && f !== made);
  const dated = await Promise.all(others.map(async (f) => ({ f, at: (await stat(join(cacheDir, f))).mtimeMs })));
  for (const { f } of dated.sort((a, b) => b.at - a.at).slice(KEPT - 1)) {
    await rm(join(cacheDir, f), { force: true });
    await rm(join(cacheDir, `${f}.map`), { force: true });
  }
}

/**
 * The bundle of the TypeScript module `entry` (an absolute path): the last one made if its
 * sources are unchanged, else a new one.
 * @param {string} entry
 * @param {{ cacheDir?: string, root?: string }} [options] cacheDir default: BUNDLE_CACHE; root,
 *   which the record names sources relative to, default: the project's
 * @returns {Promise<{ file: string, made: boolean }>}
 */
export async function bundleFor(entry, { cacheDir = BUNDLE_CACHE, root = ROOT } = {}) {
  const maker = await bundleMaker();
  const current = await currentBundle(entry, cacheDir, maker, root);
  if (current) return { file: current, made: false };
  return { file: await makeBundle(entry, cacheDir, maker, root), made: true };
}

/**
 * Runs the TypeScript module `entry` as a process's main module, from its bundle (importBundled).
 * A source that cannot be bundled is reported on one line (`error: cannot bundle …: file:line:
 * column: reason`), and the process exits with 1; an error of the module itself is the module's
 * to report.
 * @param {string} entry
 */
export async function runBundled(entry) {
  let file;
  try {
    ({ file } = await bundleFor(entry));
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    return;
  }
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(file).href);
}

/**
 * Imports the TypeScript module `entry` from its bundle (bundleFor), with stack traces that
 * name the TypeScript sources (the bundle's source map).
 * @param {string} entry
 * @param {{ cacheDir?: string, root?: string }} [options] as bundleFor's
 */
export async function importBundled(entry, options) {
  const { file } = await bundleFor(entry, options);
  process.setSourceMapsEnabled(true);
  return import(pathToFileURL(file).href);
}
