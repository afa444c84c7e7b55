// What an Explore link carries: the query (an example by its file's name, or the SQL without
// comments), the sort and the page. Read from and written to the query string, so a copied
// link reopens the same rows in the same order.
import { compactSql, sameQuery } from "./sql-text.js";

export interface ExploreState {
  sql: string;
  orderBy?: { column: string; descending: boolean };
  /** 1-based page of results. */
  page: number;
}

/** An example query: the build's own .sql file. */
export interface NamedQuery {
  file: string;
  sql: string;
}

/** The stem a link names an example by: "survey-table-1-coverage.sql" → "survey-table-1-coverage". */
export const exampleName = (file: string) => file.replace(/\.sql$/, "");

/** The example a query is (comments and blanks aside), if any. */
export function exampleOf<Q extends NamedQuery>(sql: string, examples: readonly Q[]): Q | undefined {
  return examples.find((e) => sameQuery(e.sql, sql));
}

/**
 * The state a query string asks for: `?q=<example>` or `?sql=<text>`, `&sort=<column>`,
 * `&desc=1`, `&page=<n>`. Null when it names no query (or an example that does not exist).
 */
export function readExploreLink(search: string, examples: readonly NamedQuery[]): ExploreState | null {
  const params = new URLSearchParams(search);
  const name = params.get("q");
  const sql = name !== null ? examples.find((e) => exampleName(e.file) === name)?.sql : params.get("sql");
  if (sql === undefined || sql === null) return null;
  const column = params.get("sort");
  const page = Number(params.get("page") ?? "1");
  return {
    sql,
    orderBy: column ? { column, descending: params.get("desc") === "1" } : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The query string for a state: an example by name, any other query without its comments. */
export function writeExploreLink(state: ExploreState, examples: readonly NamedQuery[]): string {
  const params = new URLSearchParams();
  const example = exampleOf(state.sql, examples);
  if (example) params.set("q", exampleName(example.file));
  else params.set("sql", compactSql(state.sql));
  if (state.orderBy) {
    params.set("sort", state.orderBy.column);
    if (state.orderBy.descending) params.set("desc", "1");
  }
  if (state.page > 1) params.set("page", String(state.page));
  return `?${params}`;
}
