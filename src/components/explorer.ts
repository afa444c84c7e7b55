import type { Cell, QueryPage, ReportDatabase, StartProgress } from "../lib/database.js";
import { exampleOf, writeExploreLink, type ExploreState } from "../lib/explore-link.js";
import { fileStem, resultCsv, resultParquet, saveFile } from "../lib/result-files.js";
import { defaultAxes, MARKS, numberColumns, quickChart, type Mark } from "./quick-chart.js";
import { schemaPanel, type SchemaTable } from "./schema-panel.js";

export interface ExampleQuery {
  file: string;
  title: string;
  sql: string;
  /** The rows build-time DuckDB returned for it (the same the browser's DuckDB returns). */
  rows?: readonly Record<string, Cell>[];
}

export interface ExplorerOptions {
  examples: readonly ExampleQuery[];
  /** Starts the database, reporting how far it has come; called when the page opens, and again after a cancel. */
  open: (onProgress: (progress: StartProgress) => void) => Promise<ReportDatabase>;
  /** The query, sort and page to show first (from the page's link). */
  initial?: ExploreState | null;
  /** Called with the query, sort and page after each run (the page keeps its address in step). */
  onState?: (state: ExploreState) => void;
  /** The tables and columns, for the schema panel. */
  schema?: readonly SchemaTable[];
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

/** The text of a step of the engine's start, for the line under the editor. */
export function progressText(progress: StartProgress): string {
  const mb = (bytes: number) => (bytes / 1e6).toLocaleString("en-US", { maximumFractionDigits: 1 });
  if (progress.step === "engine") return progress.total > 0 ? `Loading DuckDB: ${mb(progress.done)} of ${mb(progress.total)} MB…` : `Loading DuckDB: ${mb(progress.done)} MB…`;
  if (progress.step === "tables") return `Loading the report's tables: ${progress.done} of ${progress.total}…`;
  return "Creating the shared views and macros…";
}

/** How far along the start is, from 0 to 1: the engine's bytes count for most of it. */
export function progressFraction(progress: StartProgress): number | null {
  if (progress.step === "engine") return progress.total > 0 ? (0.8 * progress.done) / progress.total : null;
  if (progress.step === "tables") return 0.8 + (0.18 * progress.done) / Math.max(1, progress.total);
  return 0.98;
}

/** Compares two cells as DuckDB's ORDER BY … NULLS LAST does for one column of one type. */
function compareCells(a: Cell, b: Cell): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** One page of rows already computed (an example's build-time result), sorted as asked. */
export function pageOfRows(rows: readonly Record<string, Cell>[], { offset, limit, orderBy }: { offset: number; limit: number; orderBy?: { column: string; descending: boolean } }): QueryPage | null {
  const first = rows[0];
  if (!first) return null;
  const columns = Object.keys(first);
  let ordered = rows.map((row) => columns.map((c) => row[c] ?? null));
  if (orderBy) {
    const i = columns.indexOf(orderBy.column);
    if (i < 0) return null;
    const sign = orderBy.descending ? -1 : 1;
    ordered = ordered
      .map((row, n) => ({ row, n }))
      .sort((a, b) => (a.row[i] === null || b.row[i] === null ? compareCells(a.row[i]!, b.row[i]!) : sign * compareCells(a.row[i]!, b.row[i]!)) || a.n - b.n)
      .map(({ row }) => row);
  }
  return { columns, rows: ordered.slice(offset, offset + limit), total: rows.length };
}

/**
 * A SQL console over the report's tables: examples that run when picked, a schema panel, run
 * and cancel, a sortable, paged result table, downloads (CSV, Parquet), a short link that
 * reopens the same query, sort and page, a quick chart, and errors in plain words. DuckDB
 * starts in the background as the page opens, with its progress shown; a link to one of the
 * report's own queries shows the build's rows for it at once, without waiting for it.
 */
export function explorer({ examples, open, initial, onState, schema = [], pageSize = 100 }: ExplorerOptions): HTMLElement & { queryAll: (sql: string) => Promise<Record<string, Cell>[]> } {
  let database: Promise<ReportDatabase> | null = null;
  let sql = initial?.sql ?? examples[0]?.sql ?? "SELECT * FROM statistics";
  let offset = initial ? (initial.page - 1) * pageSize : 0;
  let orderBy = initial?.orderBy;
  let running = 0;
  // One query at a time: Run, Ctrl+Enter, sorting and paging wait for the running one (or Cancel).
  let busy = false;
  let shownPage: QueryPage | null = null;

  const progress = element("progress", { className: "explorer-progress", max: 1 });
  progress.setAttribute("aria-label", "DuckDB starting");
  const engine = element("p", { className: "explorer-engine" }, progress, element("span"));
  const engineText = engine.querySelector("span")!;
  const connect = () => {
    if (database) return database;
    root.dataset.engine = "loading";
    engine.hidden = false;
    progress.removeAttribute("value");
    engineText.textContent = "Starting DuckDB…";
    const opening = open((p) => {
      const fraction = progressFraction(p);
      if (fraction === null) progress.removeAttribute("value");
      else progress.value = fraction;
      engineText.textContent = progressText(p);
    });
    database = opening;
    opening.then(
      () => {
        if (database !== opening) return;
        root.dataset.engine = "ready";
        engine.hidden = true;
      },
      (e: unknown) => {
        if (database !== opening) return;
        database = null;
        root.dataset.engine = "failed";
        progress.hidden = true;
        engineText.textContent = `DuckDB could not start: ${plainError(e)}`;
      },
    );
    return opening;
  };

  const editor = element("textarea", { id: "sql-editor", rows: 10, spellcheck: false, value: sql });
  editor.setAttribute("aria-label", "SQL query");
  const picker = element("select", { id: "sql-examples" }, element("option", { value: "" }, "Example queries (the build's own .sql files)…"));
  picker.setAttribute("aria-label", "Example queries (picking one runs it)");
  for (const example of examples) picker.append(element("option", { value: example.file }, `${example.file}: ${example.title}`));
  const run = element("button", { type: "button", className: "run" }, "Run (Ctrl+Enter)");
  const cancel = element("button", { type: "button", className: "cancel", disabled: true }, "Cancel");
  const status = element("p", { className: "explorer-status", role: "status" });
  const error = element("p", { className: "explorer-error", role: "alert", hidden: true });
  // DuckDB's messages have lines (a hint, candidate functions) that read as lines.
  error.style.whiteSpace = "pre-line";
  const results = element("div", { className: "explorer-results" });
  const chart = element("div", { className: "explorer-chart" });
  const copyLink = element("button", { type: "button", className: "copy-link" }, "Copy link");
  const csv = element("button", { type: "button", className: "download-csv" }, "Download CSV");
  const parquet = element("button", { type: "button", className: "download-parquet" }, "Download Parquet");
  const linkOut = element("output", { className: "explorer-link" });
  const actions = element("div", { className: "explorer-actions", hidden: true }, copyLink, csv, parquet, linkOut);

  const state = (): ExploreState => ({ sql, orderBy, page: Math.floor(offset / pageSize) + 1 });
  /** The rows build-time DuckDB gave for the query shown, when it is one of the examples. */
  const builtRows = () => exampleOf(sql, examples)?.rows;

  async function execute(): Promise<void> {
    const ticket = ++running;
    error.hidden = true;
    // The address names the query as it starts, so a link copied meanwhile reopens it.
    onState?.(state());
    const started = performance.now();
    const built = builtRows();
    const local = built ? pageOfRows(built, { offset, limit: pageSize, orderBy }) : null;
    if (local) {
      // The report's own query: the build's answer, at once, while DuckDB keeps starting.
      show(local, `${describe(local)}, from the build's result (the same rows DuckDB gives here).`);
      return;
    }
    busy = true;
    run.disabled = true;
    cancel.disabled = false;
    status.textContent = root.dataset.engine === "ready" ? "Running…" : "Starting DuckDB and loading the report's tables…";
    try {
      const db = await connect();
      if (ticket !== running) return;
      status.textContent = "Running…";
      const page = await db.page(sql, { offset, limit: pageSize, orderBy });
      if (ticket !== running) return;
      show(page, `${describe(page)} in ${Math.round(performance.now() - started)} ms.`);
    } catch (e) {
      if (ticket !== running) return;
      error.textContent = plainError(e);
      error.hidden = false;
      status.textContent = "The query failed.";
      results.replaceChildren();
      chart.replaceChildren();
      actions.hidden = true;
      shownPage = null;
    } finally {
      if (ticket === running) {
        busy = false;
        run.disabled = false;
        cancel.disabled = true;
      }
    }
  }

  function describe(page: QueryPage): string {
    const first = page.total === 0 ? 0 : offset + 1;
    return `${page.total.toLocaleString("en-US")} rows (showing ${first}–${offset + page.rows.length})`;
  }

  function show(page: QueryPage, text: string): void {
    const fresh = shownPage === null || shownPage.columns.join("\u0000") !== page.columns.join("\u0000");
    shownPage = page;
    render(page);
    if (fresh) axes = null;
    drawChart();
    status.textContent = text;
    actions.hidden = false;
    linkOut.textContent = "";
  }

  let axes: { x: number; y: number; mark: Mark } | null = null;
  function drawChart(): void {
    const page = shownPage;
    if (!page || page.rows.length === 0) return void chart.replaceChildren();
    const numbers = numberColumns(page);
    if (numbers.length === 0) return void chart.replaceChildren();
    if (!axes) {
      const first = defaultAxes(page);
      axes = first ? { ...first, mark: "bar" } : { x: 0, y: -1, mark: "bar" };
    }
    const select = (label: string, options: { value: string; text: string }[], value: string, onChange: (v: string) => void) => {
      const s = element("select");
      s.append(...options.map((o) => new Option(o.text, o.value)));
      s.value = value;
      s.addEventListener("change", () => onChange(s.value));
      return element("label", {}, `${label} `, s);
    };
    const columns = page.columns.map((c, i) => ({ value: String(i), text: c }));
    const controls = element(
      "div",
      { className: "quick-chart-controls" },
      select("x", columns, String(axes.x), (v) => ((axes!.x = Number(v)), drawChart())),
      select("y", [{ value: "-1", text: "choose a number column" }, ...numbers.map((i) => ({ value: String(i), text: page.columns[i]! }))], String(axes.y), (v) => ((axes!.y = Number(v)), drawChart())),
      select("mark", [...MARKS], axes.mark, (v) => ((axes!.mark = v as Mark), drawChart())),
    );
    const heading = element("h2", { className: "quick-chart-heading" }, "Quick chart");
    chart.replaceChildren(heading, controls, ...(axes.y >= 0 ? [quickChart(page, axes)] : [element("p", {}, "Choose a number column to draw.")]));
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
  }

  /** Every row of the query shown, in the order shown: the build's, or DuckDB's. */
  async function everyRow(): Promise<QueryPage> {
    const built = builtRows();
    const local = built ? pageOfRows(built, { offset: 0, limit: built.length, orderBy }) : null;
    if (local) return local;
    const db = await connect();
    const total = shownPage?.total ?? 0;
    return db.page(sql, { offset: 0, limit: Math.max(total, 1), orderBy });
  }

  /** The name downloads take: the example's file, or "query". */
  const stem = () => fileStem(exampleOf(sql, examples)?.file.replace(/\.sql$/, "") ?? "query");

  async function download(kind: "csv" | "parquet"): Promise<void> {
    const button = kind === "csv" ? csv : parquet;
    button.disabled = true;
    try {
      const all = await everyRow();
      if (kind === "csv") saveFile(`${stem()}.csv`, resultCsv(all.columns, all.rows), "text/csv");
      else saveFile(`${stem()}.parquet`, await resultParquet(all.columns, all.rows), "application/vnd.apache.parquet");
    } catch (e) {
      error.textContent = `The download failed: ${plainError(e)}`;
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  }
  csv.addEventListener("click", () => void download("csv"));
  parquet.addEventListener("click", () => void download("parquet"));
  copyLink.addEventListener("click", async () => {
    const url = new URL(location.href);
    url.search = writeExploreLink(state(), examples);
    url.hash = "";
    const link = url.href;
    linkOut.replaceChildren();
    try {
      await navigator.clipboard.writeText(link);
      linkOut.append("Copied: ");
    } catch {
      linkOut.append("Copy this link: ");
    }
    const a = element("a", { href: link }, link);
    linkOut.append(a);
  });

  function start(): void {
    if (busy) return;
    sql = editor.value;
    offset = 0;
    orderBy = undefined;
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
    if (!example || busy) return;
    editor.value = example.sql;
    start();
  });
  cancel.addEventListener("click", async () => {
    running++;
    busy = false;
    const db = database;
    database = null;
    status.textContent = "Cancelled. The database restarts with the next query.";
    run.disabled = false;
    cancel.disabled = true;
    root.dataset.engine = "cancelled";
    engine.hidden = true;
    if (db) await (await db.catch(() => null))?.terminate();
  });

  const insert = (text: string) => {
    editor.setRangeText(text, editor.selectionStart, editor.selectionEnd, "end");
    editor.focus();
  };

  const root = element(
    "div",
    { className: "explorer" },
    element("div", { className: "explorer-controls" }, picker),
    schemaPanel(schema, { insert }),
    editor,
    element("div", { className: "explorer-controls" }, run, cancel),
    engine,
    status,
    error,
    actions,
    results,
    chart,
  );
  root.dataset.engine = "idle";
  // The page opens for SQL: DuckDB starts at once, in the background, whatever is shown first.
  queueMicrotask(() => {
    if (initial) void execute();
    void connect().catch(() => {});
  });
  // Scripts (and the browser tests) can ask the same database for every row of a query.
  return Object.assign(root, { queryAll: async (text: string) => (await connect()).all(text) });
}
