import type { Cell, QueryPage, ReportDatabase } from "../lib/database.js";
import { quickBars } from "./quick-bars.js";

export interface ExampleQuery {
  file: string;
  title: string;
  sql: string;
}

export interface ExplorerOptions {
  examples: readonly ExampleQuery[];
  /** Starts the database; called once, when the explorer first needs it. */
  open: () => Promise<ReportDatabase>;
  /** The query to show (and run) first, e.g. from the page URL. */
  initialSql?: string;
  /** Called with the SQL of each query the reader runs (the page keeps the URL in step). */
  onRun?: (sql: string) => void;
  pageSize?: number;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Lines of DuckDB's advice that this console cannot follow: settings are locked, nothing is installed. */
const CANNOT_FOLLOW = [
  /\bSET\s+\w+\s*=/i,
  /^(INSTALL|LOAD)\s+\w+;?$/i,
  /^Possible solutions:$/,
  /^Alternatively, consider enabling/,
  /^Please try installing and loading/,
  /^Launch the database with a persistent storage/,
  /^Or set SET temp_directory/,
  /^Database is launched in in-memory mode/,
  /^Unused blocks cannot be offloaded/,
  /^See also https:\/\/duckdb\.org\//,
];

/**
 * DuckDB's message in the reader's words: without its class ("Parser Error: …") or the
 * "LINE 1:" excerpt (it shows the subquery the console wraps the reader's SQL in, not what
 * they typed), every other line kept, and advice the console forbids (SET …, INSTALL …)
 * replaced by what the reader can do.
 */
export function plainError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const kind = /^((?:\w+ )*)Error:/.exec(text)?.[1]?.trim() ?? "";
  const lines = text.replace(/^(\w+ )*Error:\s*/, "").split("\n").map((line) => line.trimEnd());
  const kept: string[] = [];
  let extension: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^LINE \d+:/.test(line)) {
      if (/^\s*\^\s*$/.test(lines[i + 1] ?? "")) i++;
      continue;
    }
    extension ??= /^Please try installing and loading the (\w+) extension/.exec(line)?.[1];
    if (CANNOT_FOLLOW.some((pattern) => pattern.test(line.trim()))) continue;
    kept.push(line.trim());
  }
  const autoloaded = /^An error occurred while trying to automatically install the required extension '(\w+)':$/.exec(kept[0] ?? "");
  if (autoloaded) {
    const reason = kept.slice(1).filter(Boolean).join(" ");
    return `This query needs DuckDB's ${autoloaded[1]} extension, which this console cannot install or load${reason ? ` (${reason})` : ""}.`;
  }
  if (extension) kept.push(`This console cannot install or load extensions such as ${extension}.`);
  if (kind === "Out of Memory") kept.push("Ask for less: filter, aggregate or add a LIMIT to the query.");
  const message = kept.join("\n").replace(/\n{2,}/g, "\n").trim();
  return message || "The query failed.";
}

/**
 * A SQL console over the report's tables: examples, run and cancel, a sortable, paged result
 * table, a quick bar chart when the result has a category and a number, errors in plain words.
 */
export function explorer({ examples, open, initialSql, onRun, pageSize = 100 }: ExplorerOptions): HTMLElement & { queryAll: (sql: string) => Promise<Record<string, Cell>[]> } {
  let database: Promise<ReportDatabase> | null = null;
  let sql = initialSql ?? examples[0]?.sql ?? "SELECT * FROM statistics";
  let offset = 0;
  let orderBy: { column: string; descending: boolean } | undefined;
  let running = 0;
  // One query at a time: Run, Ctrl+Enter, sorting and paging wait for the running one (or Cancel).
  let busy = false;

  const connect = () => (database ??= open());
  const editor = element("textarea", { id: "sql-editor", rows: 10, spellcheck: false, value: sql });
  editor.setAttribute("aria-label", "SQL query");
  const picker = element("select", { id: "sql-examples" }, element("option", { value: "" }, "Example queries (the build's own .sql files)…"));
  picker.setAttribute("aria-label", "Example queries");
  for (const example of examples) picker.append(element("option", { value: example.file }, `${example.file}: ${example.title}`));
  const run = element("button", { type: "button", className: "run" }, "Run (Ctrl+Enter)");
  const cancel = element("button", { type: "button", className: "cancel", disabled: true }, "Cancel");
  const status = element("p", { className: "explorer-status", role: "status" });
  const error = element("p", { className: "explorer-error", role: "alert", hidden: true });
  // DuckDB's messages have lines (a hint, candidate functions) that read as lines.
  error.style.whiteSpace = "pre-line";
  const results = element("div", { className: "explorer-results" });
  const chart = element("div", { className: "explorer-chart" });

  async function execute(): Promise<void> {
    const ticket = ++running;
    busy = true;
    run.disabled = true;
    cancel.disabled = false;
    error.hidden = true;
    status.textContent = database ? "Running…" : "Starting DuckDB and loading the report's tables…";
    const started = performance.now();
    try {
      const db = await connect();
      status.textContent = "Running…";
      const page = await db.page(sql, { offset, limit: pageSize, orderBy });
      if (ticket !== running) return;
      render(page);
      const first = page.total === 0 ? 0 : offset + 1;
      status.textContent = `${page.total.toLocaleString("en-US")} rows (showing ${first}–${offset + page.rows.length}) in ${Math.round(performance.now() - started)} ms.`;
    } catch (e) {
      if (ticket !== running) return;
      error.textContent = plainError(e);
      error.hidden = false;
      status.textContent = "The query failed.";
      results.replaceChildren();
      chart.replaceChildren();
    } finally {
      if (ticket === running) {
        busy = false;
        run.disabled = false;
        cancel.disabled = true;
      }
    }
  }

  function render(page: QueryPage): void {
    const table = element("table", { className: "explorer-table" });
    const head = table.createTHead().insertRow();
    page.columns.forEach((column) => {
      const th = element("th", { scope: "col" });
      const sorted = orderBy?.column === column;
      th.setAttribute("aria-sort", sorted ? (orderBy!.descending ? "descending" : "ascending") : "none");
      const button = element("button", { type: "button" }, column, sorted ? (orderBy!.descending ? " ▼" : " ▲") : "");
      button.addEventListener("click", () => {
        if (busy) return;
        orderBy = { column, descending: sorted ? !orderBy!.descending : false };
        offset = 0;
        void execute();
      });
      th.append(button);
      head.append(th);
    });
    const body = table.createTBody();
    for (const row of page.rows) {
      const tr = body.insertRow();
      row.forEach((value: Cell) => {
        const td = tr.insertCell();
        td.textContent = value === null ? "" : String(value);
        if (typeof value === "number") td.className = "number";
      });
    }
    const pager = element("nav", { className: "explorer-pager" });
    pager.setAttribute("aria-label", "Result pages");
    const previous = element("button", { type: "button", disabled: offset === 0 }, "← Previous");
    const next = element("button", { type: "button", disabled: offset + pageSize >= page.total }, "Next →");
    previous.addEventListener("click", () => {
      if (busy) return;
      offset = Math.max(0, offset - pageSize);
      void execute();
    });
    next.addEventListener("click", () => {
      if (busy) return;
      offset += pageSize;
      void execute();
    });
    pager.append(previous, next);
    results.replaceChildren(element("div", { className: "table-scroll" }, table), pager);
    chart.replaceChildren(...[quickBars(page)].filter((n): n is SVGSVGElement => n !== null));
  }

  function start(): void {
    if (busy) return;
    sql = editor.value;
    offset = 0;
    orderBy = undefined;
    onRun?.(sql);
    void execute();
  }

  run.addEventListener("click", start);
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      start();
    }
  });
  picker.addEventListener("change", () => {
    const example = examples.find((e) => e.file === picker.value);
    if (example) editor.value = example.sql;
  });
  cancel.addEventListener("click", async () => {
    running++;
    busy = false;
    const db = database;
    database = null;
    status.textContent = "Cancelled. The database restarts with the next query.";
    run.disabled = false;
    cancel.disabled = true;
    if (db) await (await db).terminate();
  });

  const root = element(
    "div",
    { className: "explorer" },
    element("div", { className: "explorer-controls" }, picker),
    editor,
    element("div", { className: "explorer-controls" }, run, cancel),
    status,
    error,
    chart,
    results,
  );
  if (initialSql) queueMicrotask(start);
  // Scripts (and the browser tests) can ask the same database for every row of a query.
  return Object.assign(root, { queryAll: async (text: string) => (await connect()).all(text) });
}
