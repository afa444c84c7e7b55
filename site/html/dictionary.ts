import type { FileSpec } from "../../data-loaders/publish/dictionary.ts";
import { escapeHtml } from "./escape.ts";
import { scrollRegion } from "./printed-table.ts";

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
 * The data dictionary: a section per published file, its path as a heading (an anchor for
 * links), what it holds, and a table of its columns: name, type, whether it may be null, and
 * what it holds.
 */
export function dictionaryHtml(files: readonly FileSpec[]): string {
  const sections = files.map((file) => {
    const rows = file.columns
      .map((c) => `<tr><th scope="row"><code>${escapeHtml(c.name)}</code></th><td>${escapeHtml(c.type)}</td><td>${c.nullable ? "yes" : "no"}</td><td>${withCode(c.description)}</td></tr>`)
      .join("");
    const table = `<table class="results dictionary-columns"><thead><tr>${["Column", "Type", "Nullable", "Description"].map((l) => `<th scope="col">${l}</th>`).join("")}</tr></thead><tbody>${rows}</tbody></table>`;
    return `<section><h3 id="${fileAnchor(file.path)}"><code>${escapeHtml(file.path)}</code></h3><p>${withCode(file.description)} ${file.columns.length} columns.</p>${scrollRegion(`Columns of ${file.path}`, table)}</section>`;
  });
  return `<div class="dictionary">${sections.join("")}</div>`;
}
