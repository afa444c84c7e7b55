import type { FileSpec } from "../../data-loaders/publish/dictionary.ts";

/** A published file as the data dictionary describes it. */
export type { FileSpec };

/** The anchor of a file's heading: "tables/*.parquet" → "file-tables-key-parquet" (`*` stands for a table key). */
export function fileAnchor(path: string): string {
  return `file-${path.replace("*", "key").replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").toLowerCase()}`;
}

/** A description's parts: text, and `code` spans (between backticks), alternately. */
export function codeSpans(text: string): { text: string; code: boolean }[] {
  return text.split("`").map((part, i) => ({ text: part, code: i % 2 === 1 }));
}

/** Text with `code` spans, as DOM nodes. */
function withCode(text: string): HTMLSpanElement {
  const span = document.createElement("span");
  for (const part of codeSpans(text)) {
    if (part.code) {
      const code = document.createElement("code");
      code.textContent = part.text;
      span.append(code);
    } else span.append(part.text);
  }
  return span;
}

/**
 * The data dictionary: a section per published file, its path as a heading (an anchor for
 * links), what it holds, and a table of its columns: name, type, whether it may be null, and
 * what it holds.
 */
export function dataDictionary(files: readonly FileSpec[]): HTMLElement {
  const container = document.createElement("div");
  container.className = "dictionary";
  for (const file of files) {
    const section = document.createElement("section");
    const heading = document.createElement("h3");
    heading.id = fileAnchor(file.path);
    const name = document.createElement("code");
    name.textContent = file.path;
    heading.append(name);
    const description = document.createElement("p");
    description.append(withCode(file.description), ` ${file.columns.length} columns.`);
    const table = document.createElement("table");
    table.className = "results dictionary-columns";
    const head = table.createTHead().insertRow();
    for (const label of ["Column", "Type", "Nullable", "Description"]) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = label;
      head.append(th);
    }
    const body = table.createTBody();
    for (const column of file.columns) {
      const tr = body.insertRow();
      const th = document.createElement("th");
      th.scope = "row";
      const code = document.createElement("code");
      code.textContent = column.name;
      th.append(code);
      tr.append(th);
      tr.insertCell().textContent = column.type;
      tr.insertCell().textContent = column.nullable ? "yes" : "no";
      tr.insertCell().append(withCode(column.description));
    }
    const scroll = document.createElement("div");
    scroll.className = "table-scroll";
    scroll.append(table);
    section.append(heading, description, scroll);
    container.append(section);
  }
  return container;
}
