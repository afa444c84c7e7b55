// What the reader typed in Explore, checked before DuckDB sees it, so that a refusal names what
// the reader did. The guard itself is DuckDB's: the statement runs as a prepared subquery under
// a locked configuration with no file or URL access (database.ts); a mistake here can refuse
// too much or too little in words, never let anything more run.

/** The message for a statement that would change something (INSERT, SET, INSTALL, …). */
export const ONLY_READS = "Only SELECT, WITH, DESCRIBE, SUMMARIZE and SHOW are allowed";
/** The message for several statements. */
export const ONE_STATEMENT = "One statement at a time";

/** A statement refused before it runs; its message is for the reader as it stands. */
export class RefusedStatement extends Error {}

interface Token {
  /** A word in upper case, or one of ( ) , */
  text: string;
  depth: number;
}

interface Statement {
  /** The statement as typed, without its ";". */
  text: string;
  tokens: Token[];
}

const WORD = /[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/y;
const DOLLAR_TAG = /\$([A-Za-z_][\w]*)?\$/y;

/**
 * Splits SQL into statements at the semicolons outside quotes and comments, as DuckDB's parser
 * does: '…' (with '' inside), E'…' (with backslash escapes), "…", $tag$…$tag$, -- and nested
 * /* *\/ comments. Statements with nothing but blanks and comments are left out.
 */
export function splitStatements(sql: string): Statement[] {
  const statements: Statement[] = [];
  let start = 0;
  let tokens: Token[] = [];
  let depth = 0;
  const finish = (end: number) => {
    if (tokens.length > 0) statements.push({ text: sql.slice(start, end).trim(), tokens });
    tokens = [];
    depth = 0;
    start = end + 1;
  };
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      i = end < 0 ? sql.length : end + 1;
    } else if (c === "/" && next === "*") {
      let nesting = 1;
      i += 2;
      while (i < sql.length && nesting > 0) {
        if (sql.startsWith("/*", i)) nesting++;
        else if (sql.startsWith("*/", i)) nesting--;
        else {
          i++;
          continue;
        }
        i += 2;
      }
    } else if (c === "'" || c === '"') {
      // E'…' takes backslash escapes; the E was read as a word just before.
      const escapes = c === "'" && /(^|[^\w$])[eE]$/.test(sql.slice(Math.max(0, i - 2), i));
      if (escapes) tokens.pop();
      i++;
      while (i < sql.length) {
        if (escapes && sql[i] === "\\") i += 2;
        else if (sql[i] === c && sql[i + 1] === c) i += 2;
        else if (sql[i] === c) break;
        else i++;
      }
      i++;
      tokens.push({ text: c === '"' ? "IDENTIFIER" : "STRING", depth });
    } else if (c === "$" && !/[\w$]/.test(sql[i - 1] ?? "")) {
      DOLLAR_TAG.lastIndex = i;
      const tag = DOLLAR_TAG.exec(sql)?.[0];
      if (tag) {
        const end = sql.indexOf(tag, i + tag.length);
        i = end < 0 ? sql.length : end + tag.length;
        tokens.push({ text: "STRING", depth });
      } else {
        i++;
        tokens.push({ text: "$", depth });
      }
    } else if (c === ";") {
      finish(i);
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else {
      WORD.lastIndex = i;
      const word = WORD.exec(sql)?.[0];
      if (word) {
        tokens.push({ text: word.toUpperCase(), depth });
        i += word.length;
      } else {
        if (c === ")") depth--;
        tokens.push({ text: c, depth });
        if (c === "(") depth++;
        i++;
      }
    }
  }
  finish(sql.length);
  return statements;
}

/** Statement keywords of DuckDB that do anything but read. */
const CHANGES = new Set(
  ("INSERT UPDATE DELETE MERGE TRUNCATE CREATE DROP ALTER COMMENT SET RESET COPY ATTACH DETACH USE " +
    "INSTALL LOAD FORCE PRAGMA CALL EXPORT IMPORT BEGIN START COMMIT END ROLLBACK ABORT CHECKPOINT " +
    "VACUUM ANALYZE PREPARE EXECUTE DEALLOCATE EXPLAIN GRANT REVOKE").split(" "),
);

/**
 * The verb of a statement: its first word, or for WITH the word after its common table
 * expressions (WITH x AS (…) INSERT … is an INSERT).
 */
export function statementVerb(tokens: readonly Token[]): string {
  const words = tokens.filter((t) => t.text !== "(");
  const first = words[0]?.text ?? "";
  if (first !== "WITH") return first;
  for (let i = 0; i < tokens.length - 1; i++) {
    const after = tokens[i + 1]!.text;
    if (tokens[i]!.text === ")" && tokens[i]!.depth === 0 && after !== "," && after !== "AS") return after;
  }
  return first;
}

/**
 * The one statement of the reader's SQL, as typed, if it only reads; otherwise a
 * RefusedStatement whose message names what the reader did.
 */
export function readStatement(sql: string): string {
  const statements = splitStatements(sql);
  if (statements.length === 0) throw new RefusedStatement("The query is empty.");
  if (statements.length > 1) {
    throw new RefusedStatement(`${ONE_STATEMENT}: this query holds ${statements.length} statements, separated by ";". Run them one after the other.`);
  }
  const statement = statements[0]!;
  const verb = statementVerb(statement.tokens);
  if (CHANGES.has(verb)) {
    throw new RefusedStatement(`${ONLY_READS}: this console only reads the report's tables, so ${verb} cannot run here.`);
  }
  return statement.text;
}
