// The text of a reader's SQL as a link carries it: without comments, blanks collapsed outside
// quotes, so that a shared link is short and an example query is recognised whatever comments
// or line breaks surround it. Quotes are kept byte for byte: '…' (with '' inside), E'…' (with
// backslash escapes), "…" and $tag$…$tag$, as DuckDB's parser reads them (read-statement.ts).

const DOLLAR_TAG = /\$([A-Za-z_]\w*)?\$/y;

/** The end (exclusive) of the quoted text that starts at `i`, or -1 if `i` starts none. */
function quotedEnd(sql: string, i: number): number {
  const c = sql[i]!;
  if (c === "'" || c === '"') {
    const escapes = c === "'" && /[eE]/.test(sql[i - 1] ?? "") && !/\w/.test(sql[i - 2] ?? "");
    let j = i + 1;
    while (j < sql.length) {
      if (escapes && sql[j] === "\\") j += 2;
      else if (sql[j] === c && sql[j + 1] === c) j += 2;
      else if (sql[j] === c) return j + 1;
      else j++;
    }
    return sql.length;
  }
  if (c === "$") {
    DOLLAR_TAG.lastIndex = i;
    const tag = DOLLAR_TAG.exec(sql);
    if (!tag) return -1;
    const close = sql.indexOf(tag[0], i + tag[0].length);
    return close < 0 ? sql.length : close + tag[0].length;
  }
  return -1;
}

/**
 * The SQL without its comments (-- to the end of the line, nested /* *\/), each run of blanks
 * outside quotes made one space, trimmed, and without trailing semicolons.
 */
export function compactSql(sql: string): string {
  let out = "";
  let blank = false;
  let i = 0;
  const space = () => {
    if (out !== "") blank = true;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = end < 0 ? sql.length : end + 1;
      space();
    } else if (c === "/" && sql[i + 1] === "*") {
      let nesting = 1;
      i += 2;
      while (i < sql.length && nesting > 0) {
        if (sql.startsWith("/*", i)) {
          nesting++;
          i += 2;
        } else if (sql.startsWith("*/", i)) {
          nesting--;
          i += 2;
        } else i++;
      }
      space();
    } else if (/\s/.test(c)) {
      i++;
      space();
    } else {
      const end = quotedEnd(sql, i);
      const piece = end < 0 ? c : sql.slice(i, end);
      if (blank) out += " ";
      blank = false;
      out += piece;
      i = end < 0 ? i + 1 : end;
    }
  }
  return out.replace(/(\s*;)+$/, "");
}

/** Whether two queries are the same once comments, blanks and trailing semicolons are set aside. */
export function sameQuery(a: string, b: string): boolean {
  return compactSql(a) === compactSql(b);
}
