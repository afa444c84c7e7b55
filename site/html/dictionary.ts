import type { FileSpec } from "../../data-loaders/publish/dictionary.ts";
import { escapeHtml } from "./escape.ts";
import { scrollRegion } from "./printed-table.ts";
import { DATA_FOLDER } from "../build/publish-data.ts";

/** The anchor of a file's heading: "tables/*.parquet" → "file-tables-key-parquet" (`*` stands for a table key). */
export function fileAnchor(path: string): string {
  return `file-${path.replace("*", "key").replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").toLowerCase()}`;
}

/** Text with its `code` spans (between backticks) as <code>, escaped. */
export function withCode(text: string): string {
  return text
    .split("`")
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join("");
}

/**
 * Where a file of the dictionary downloads, in both formats, relative to the site's root: the
 * plain names the build publishes (site/build/publish-data.ts); null for `tables/*.parquet`,
 * one file per printed table.
 */
export function downloadPaths(path: string): { csv: string; parquet: string } | null {
  if (path.includes("*")) return null;
  const stem = `${DATA_FOLDER}/${path.replace(/\.parquet$/, "")}`;
  return { csv: `${stem}.csv`, parquet: `${stem}.parquet` };
}

/** The file's downloads, as a sentence of links. */
function downloadsHtml(root: string, path: string): string {
  const paths = downloadPaths(path);
  if (!paths) return `<p class="file-downloads">One file per printed table, as CSV and Parquet: see <a href="#downloads">Downloads</a>.</p>`;
  const link = (href: string) => `<a href="${escapeHtml(`${root}${href}`)}" download>${escapeHtml(href.slice(DATA_FOLDER.length + 1))}</a>`;
  return `<p class="file-downloads">Download: ${link(paths.csv)} (CSV), ${link(paths.parquet)} (Parquet).</p>`;
}

/**
 * The data dictionary: a section per published file, its path as a heading (an anchor for
 * links), what it holds, its downloads in both formats, the columns that name a row, and a
 * table of its columns: name, type, whether it may be null, and what it holds.
 * @param root the path back to the site's root from the page ("" at the root)
 */
export function dictionaryHtml(files: readonly FileSpec[], root = ""): string {
  const sections = files.map((file) => {
    const rows = file.columns
      .map((c) => `<tr><th scope="row"><code>${escapeHtml(c.name)}</code></th><td>${escapeHtml(c.type)}</td><td>${c.nullable ? "yes" : "no"}</td><td>${withCode(c.description)}</td></tr>`)
      .join("");
    const table = `<table class="results dictionary-columns"><thead><tr>${["Column", "Type", "Nullable", "Description"].map((l) => `<th scope="col">${l}</th>`).join("")}</tr></thead><tbody>${rows}</tbody></table>`;
    const keys = (file.primaryKey ?? []).map((k) => `<code>${escapeHtml(k)}</code>`);
    const key = keys.length ? ` Each row is named by ${keys.length > 1 ? `${keys.slice(0, -1).join(", ")} and ${keys.at(-1)} together` : keys[0]} (its key).` : "";
    return `<section><h3 id="${fileAnchor(file.path)}"><code>${escapeHtml(file.path)}</code></h3><p>${withCode(file.description)} ${file.columns.length} columns.${key}</p>${downloadsHtml(root, file.path)}${scrollRegion(`Columns of ${file.path}`, table)}</section>`;
  });
  return `<div class="dictionary">${sections.join("")}</div>`;
}
