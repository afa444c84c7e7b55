import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { SQL_DIR } from "../paths.ts";
import type { SharedDefinition as BrowserDefinition } from "../../src/lib/database.ts";

/**
 * The views and macros the report's queries share (CREATE VIEW / CREATE MACRO statements).
 * A folder of its own keeps it out of the example queries, which are the files of src/sql/.
 */
export const SHARED_SQL_FILE = join(SQL_DIR, "shared", "definitions.sql");

/** The report's statements: each file of `sqlDir` (default src/sql/) ending in .sql, by name, with its text. */
export async function reportStatements(sqlDir = SQL_DIR): Promise<{ file: string; sql: string }[]> {
  const files = (await readdir(sqlDir)).filter((f) => f.endsWith(".sql")).sort();
  return Promise.all(files.map(async (file) => ({ file, sql: await readFile(join(sqlDir, file), "utf8") })));
}

/** One view or macro of the shared file: what the browser creates (name, statement), and its kind. */
export interface SharedDefinition extends BrowserDefinition {
  kind: "view" | "macro";
}

const CREATE = /^CREATE\s+(VIEW|MACRO)\s+([a-z_][a-z0-9_]*)\b/i;

/** The statement without its comments: what DuckDB reads. */
const codeOf = (sql: string) =>
  sql
    .split("\n")
    .map((line) => line.replace(/--.*$/, ""))
    .join("\n")
    .trim();

const mentions = (text: string, name: string) => new RegExp(`\\b${name}\\b`, "i").test(text);

/** What a definition's body names: its code after `CREATE VIEW name`. */
const bodyOf = (d: SharedDefinition) => codeOf(d.sql).replace(CREATE, "");

/**
 * The statements of the shared file: each one CREATE VIEW or CREATE MACRO ending with ";" at
 * the end of a line, with the comment above it, using only the definitions above it (they are
 * created in the file's order).
 * @param file the file's path, for errors
 */
export function parseSharedDefinitions(text: string, file = SHARED_SQL_FILE): SharedDefinition[] {
  const at = (line: number) => `${relative(PROJECT_ROOT, file)}:${line}`;
  const definitions: SharedDefinition[] = [];
  let lines: string[] = [];
  let firstCode = 0;
  text.split(/\r?\n/).forEach((line, index) => {
    lines.push(line);
    const code = line.replace(/--.*$/, "").trim();
    if (code !== "" && firstCode === 0) firstCode = index + 1;
    if (!code.endsWith(";")) return;
    // The comment that belongs to the statement is the block just above it (no blank line between).
    const codeAt = lines.length - 1 - (index + 1 - firstCode);
    const blank = lines.slice(0, codeAt).findLastIndex((l) => l.trim() === "");
    const sql = lines.slice(blank + 1).join("\n").trim();
    const create = CREATE.exec(codeOf(sql));
    if (!create) throw new Error(`${at(firstCode)}: invalid statement: "${lines[codeAt]!.trim()}" (not a CREATE VIEW or CREATE MACRO)`);
    const name = create[2]!.toLowerCase();
    if (definitions.some((d) => d.name === name)) throw new Error(`${at(firstCode)}: invalid name: "${name}" (defined twice)`);
    if (codeOf(sql).slice(0, -1).includes(";")) throw new Error(`${at(firstCode)}: invalid statement: "${lines[codeAt]!.trim()}" (more than one statement; end each with ";" at the end of a line)`);
    definitions.push({ name, kind: create[1]!.toLowerCase() as SharedDefinition["kind"], sql });
    lines = [];
    firstCode = 0;
  });
  if (firstCode !== 0) throw new Error(`${at(firstCode)}: invalid statement: "${lines.find((l) => l.replace(/--.*$/, "").trim() !== "")!.trim()}" (no ";" at the end of a line)`);
  definitions.forEach((d, i) => {
    const later = definitions.slice(i + 1).find((e) => mentions(bodyOf(d), e.name));
    if (later) throw new Error(`${relative(PROJECT_ROOT, file)}: invalid order: "${d.name}" (uses ${later.name}, defined below it)`);
  });
  return definitions;
}

/** The shared file's definitions. */
export async function readSharedDefinitions(file = SHARED_SQL_FILE): Promise<SharedDefinition[]> {
  return parseSharedDefinitions(await readFile(file, "utf8"), file);
}

/**
 * The definitions `sql` names, with those they use in turn, in the file's order (the order
 * they can be created in).
 */
export function definitionsNamedBy(sql: string, definitions: readonly SharedDefinition[]): SharedDefinition[] {
  const needed = new Set<string>();
  const visit = (text: string) => {
    for (const d of definitions) {
      if (needed.has(d.name) || !mentions(text, d.name)) continue;
      needed.add(d.name);
      visit(bodyOf(d));
    }
  };
  visit(sql);
  return definitions.filter((d) => needed.has(d.name));
}
