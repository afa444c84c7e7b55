// Every published table under a plain name, as CSV and Parquet (dist/downloads/statistics.csv,
// dist/downloads/tables/thesis-table-6.parquet, …), with the data dictionary and a Frictionless
// Data Package (dist/downloads/datapackage.json) that describes them all. Framework names the files
// pages link to by their content hash (_file/data/csv/statistics.5c72e26f.csv), which is right
// for what scripts load and wrong for what a reader saves; so finalize copies the loaders'
// outputs to plain names, in one pass, and points every download link of the pages at them.
import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { dataPackage, TABLE_FORMATS, type PackagedFile, type PackagedTable, type TableFormat } from "../../data-loaders/publish/data-package.ts";
import { OUTPUT_FILES, TIDY_TABLE_FILE, type FileSpec } from "../../data-loaders/publish/dictionary.ts";
import type { OutputTable } from "../../data-loaders/publish/output-tables.ts";
import type { Source } from "../../data-loaders/normalize/sources.ts";
import { writeFileAtomic } from "../../data-loaders/publish/write-file-atomic.ts";
import { filesUnder } from "./files-under.ts";

/**
 * Where the plain files go in dist/. Not `data/`: beside the page data.html, a folder `data/`
 * makes static hosts that redirect a folder's name to the folder (`/data` → `/data/`) lose the
 * Data page.
 */
export const DATA_FOLDER = "downloads";
export const DATA_PACKAGE = "datapackage.json";
export const DATA_DICTIONARY = "data-dictionary.json";

/** The plain path of a table in a format, in the package folder: `statistics.csv`, `tables/thesis-table-6.parquet`. */
export const plainPath = (table: Pick<OutputTable, "path">, format: TableFormat) => table.path.replace(/\.parquet$/, `.${format}`);

/**
 * The loader output (a root path in Framework's cache, without the leading slash) that holds a
 * table in a format: its CSV is Explore's (csv/<name>.csv); its Parquet the one pages already
 * link where there is one (statistics.parquet, tables/<key>.parquet), else parquet/<name>.parquet,
 * so that no table is written to Parquet twice in a build.
 */
export const loaderOutput = (table: Pick<OutputTable, "name" | "path">, format: TableFormat) =>
  format === "csv" ? `data/csv/${table.name}.csv` : table.path === "statistics.parquet" || table.path.startsWith("tables/") ? `data/${table.path}` : `data/parquet/${table.name}.parquet`;

/** The dictionary's entry for an output table. */
function specOf(table: Pick<OutputTable, "path">): FileSpec {
  const spec = table.path.startsWith("tables/") ? TIDY_TABLE_FILE : OUTPUT_FILES.find((f) => f.path === table.path);
  if (!spec) throw new Error(`invalid output table: "${table.path}" (not in the data dictionary, data-loaders/publish/dictionary.ts)`);
  return spec;
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** What publishData wrote, and the rewrite that points pages' download links at it. */
export interface PublishedData {
  /** Every file written under dist/downloads/, the descriptor last, paths relative to dist/. */
  files: PackagedFile[];
  /** A page's HTML with each download link to a hashed copy of a published file pointed at the plain file. */
  rewriteLinks: (html: string) => string;
  ms: number;
}

/**
 * Copies each output table's CSV and Parquet (the loaders' outputs `data/csv/<name>.csv`,
 * `data/parquet/<name>.parquet` in `cacheDir`) and the data dictionary to `dist/downloads/` under
 * their plain names, then writes `dist/downloads/datapackage.json`. Fails, naming the file, when a
 * loader output is missing (no page links it, so its loader never ran), or when a hashed copy
 * Framework published for a page's link differs from the plain file it is pointed at.
 * @param tables the pipeline's output tables (output-tables.ts); only names and paths are read
 * @param titles a title for readers by table name (a printed table's label and title); default the name
 */
export async function publishData(
  dist: string,
  cacheDir: string,
  {
    tables,
    titles,
    sources,
    version,
    created,
  }: { tables: readonly Pick<OutputTable, "name" | "path">[]; titles: ReadonlyMap<string, string>; sources: readonly Source[]; version: string; created: Date },
): Promise<PublishedData> {
  const started = performance.now();
  const folder = join(dist, DATA_FOLDER);
  /** Loader output (root path) → plain path in dist/, for the links. */
  const plainOf = new Map<string, string>();
  const written: PackagedFile[] = [];
  const read = async (output: string) => {
    try {
      return await readFile(join(cacheDir, output));
    } catch {
      throw new Error(`data package: "${output}" is not among the loaders' outputs (link it with <a download> from src/data.md so that its loader runs)`);
    }
  };
  const write = async (path: string, bytes: Buffer | string) => {
    const full = join(folder, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFileAtomic(full, bytes);
    const buffer = typeof bytes === "string" ? Buffer.from(bytes) : bytes;
    const file = { path: `${DATA_FOLDER}/${path}`, bytes: buffer.length, sha256: sha256(buffer) };
    written.push(file);
    return file;
  };

  const packaged: PackagedTable[] = [];
  for (const table of tables) {
    for (const format of Object.keys(TABLE_FORMATS) as TableFormat[]) {
      const output = loaderOutput(table, format);
      const path = plainPath(table, format);
      const file = await write(path, await read(output));
      plainOf.set(output, file.path);
      // The same file under the names pages already link (data/tables/<key>.csv, data/statistics.parquet).
      plainOf.set(`data/${path}`, file.path);
      packaged.push({ ...file, path, table: table.name, format, spec: specOf(table), title: titles.get(table.name) ?? table.name });
    }
  }
  const dictionary = await write(DATA_DICTIONARY, await read(`data/${DATA_DICTIONARY}`));
  plainOf.set(`data/${DATA_DICTIONARY}`, dictionary.path);
  const descriptor = dataPackage({
    tables: packaged,
    others: [
      {
        ...dictionary,
        path: DATA_DICTIONARY,
        name: "data-dictionary",
        title: "Data dictionary",
        description: "Every published file and column, with its DuckDB type, whether it may be null, and what it holds: the source of this package's schemas.",
        format: "json",
        mediatype: "application/json",
      },
    ],
    sources,
    version,
    created,
  });
  await write(DATA_PACKAGE, `${JSON.stringify(descriptor, null, 2)}\n`);

  // The hashed copies Framework made for pages' links: each must hold the plain file's bytes.
  const hashed = new Map<string, string>();
  const bySha = new Map(written.map((f) => [f.path, f.sha256]));
  for await (const path of filesUnder(join(dist, "_file", "data"))) {
    const name = relative(join(dist, "_file"), path).split(sep).join("/");
    const original = name.replace(/\.[0-9a-f]{8}(\.[a-z]+)$/, "$1");
    const plain = plainOf.get(original);
    if (!plain) continue;
    if (sha256(await readFile(path)) !== bySha.get(plain)) throw new Error(`data package: _file/${name} differs from ${plain}, which its links would be pointed at`);
    hashed.set(`_file/${name}`, plain);
  }
  const link = /(<a\s[^>]*?href=")((?:\.\.?\/)*)(_file\/[^"]+)("[^>]*>)/g;
  const rewriteLinks = (html: string) =>
    html.replace(link, (whole, before: string, up: string, target: string, after: string) => {
      const plain = hashed.get(target);
      return plain && /\sdownload\b/.test(whole) ? `${before}${up}${plain}${after}` : whole;
    });
  return { files: written, rewriteLinks, ms: performance.now() - started };
}
