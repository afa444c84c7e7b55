import { from } from "../lib/arquero.js";
import { choice, type ChoiceElement } from "./choice.js";
import { withProvenance, type Provenance } from "./provenance.js";

export interface InvolvedStatistic {
  id: string;
  printed: string;
  subject: string;
  measure: string;
  document: string;
  /** The printed table the number stands in, or null for the running text. */
  table?: string | null;
  /** The page (and anchor) that shows the number. */
  href: string;
}

export interface Check {
  check_id: string;
  kind: string;
  table: string | null;
  status: string;
  /** The finding class the check looks for (arithmetic, internal, across_documents, scope, restatement). */
  class?: string;
  printed_value: number | null;
  computed_value: number | null;
  tolerance: number | null;
  message: string;
  involved: InvolvedStatistic[];
}

/** Whether a check compares numbers of two places rather than computing one from others. */
export const isComparison = (check: Pick<Check, "kind">) => check.kind === "reconciliation" || check.kind === "restatement";

/** What the printed value is held against: "computed 133,627" or "compared with 5,000,000". */
export function againstText(check: Pick<Check, "kind" | "computed_value">): string {
  if (check.computed_value === null) return "";
  return `${isComparison(check) ? "compared with" : "computed"} ${number(check.computed_value)}`;
}

/**
 * The table a check belongs to, with its document ("thesis Table #1", "survey Table-1"), since
 * the two documents number their tables alike; "text" for a check of the running text.
 */
export function tableLabel(check: Pick<Check, "table" | "involved">): string {
  if (check.table === null) return "text";
  return check.table
    .split(", ")
    .map((t) => `${check.involved.find((s) => s.table === t)?.document ?? check.involved[0]?.document ?? ""} ${t}`.trim())
    .join(", ");
}

const number = (v: number | null) => (v === null ? "" : v.toLocaleString("en-US", { maximumFractionDigits: 4 }));

/** Links to where each statistic stands in the report, each also showing its provenance. */
export function statisticLinks(statistics: readonly InvolvedStatistic[], base: string): HTMLElement {
  const list = document.createElement("span");
  statistics.forEach((s, i) => {
    if (i) list.append(", ");
    const link = document.createElement("a");
    link.href = base + s.href.replace(/^\//, "");
    link.dataset.stat = s.id;
    link.textContent = `${s.printed} (${s.subject}, ${s.measure.replaceAll("_", " ")})`;
    list.append(link);
  });
  return list;
}


/** The audit's checks as a table: status, kind, table, the finding, and the cells involved. */
function auditTable(checks: readonly Check[], { provenance, base = "./" }: { provenance: Readonly<Record<string, Provenance>>; base?: string }): HTMLElement {
  const table = document.createElement("table");
  table.className = "audit";
  const head = table.createTHead().insertRow();
  for (const label of ["Status", "Class", "Kind", "Table", "Check", "Printed", "Computed or compared with", "Cells involved"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  for (const check of checks) {
    const tr = body.insertRow();
    tr.id = `check-${check.check_id.replace(/[^a-zA-Z0-9_-]+/g, "-")}`;
    tr.dataset.status = check.status;
    const status = tr.insertCell();
    status.className = `status status-${check.status}`;
    status.textContent = check.status.replace("_", " ");
    tr.insertCell().textContent = (check.class ?? "").replaceAll("_", " ");
    tr.insertCell().textContent = check.kind.replaceAll("_", " ");
    tr.insertCell().textContent = tableLabel(check);
    tr.insertCell().textContent = check.message;
    const printed = tr.insertCell();
    printed.className = "number";
    printed.textContent = number(check.printed_value);
    const computed = tr.insertCell();
    computed.className = "number";
    computed.textContent = againstText(check);
    tr.insertCell().append(statisticLinks(check.involved, base));
  }
  return withProvenance(table, provenance);
}

/** The columns of the audit a reader filters the findings by. */
type FilterColumn = "table" | "kind" | "status";

/** A column's distinct values, sorted; a table with its document ("thesis Table #1"), a check about the text as "text". */
export function distinctValues(checks: readonly Check[], column: FilterColumn): string[] {
  const values = column === "table" ? checks.map(tableLabel) : checks.map((c) => c[column]);
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The checks that match every chosen value ("" matches all; a table as tableLabel gives it). */
export function filterChecks(checks: readonly Check[], chosen: Record<FilterColumn, string>): Check[] {
  return checks.filter((d) => (chosen.table === "" || tableLabel(d) === chosen.table) && (chosen.kind === "" || d.kind === chosen.kind) && (chosen.status === "" || d.status === chosen.status));
}

/** The audit's counts: how many checks of each status, and how many comparisons. */
export function auditSummaryText(checks: readonly Check[], comparisons: number): string {
  const counts = from(checks as Check[]).groupby("status").count().objects() as { status: string; count: number }[];
  return (
    `${checks.length} checks: ` +
    ["fail", "explained", "pass", "not_applicable"].map((s) => `${counts.find((c) => c.status === s)?.count ?? 0} ${s.replace("_", " ")}`).join(", ") +
    `. ${comparisons} comparisons of statistics that speak of the same thing.`
  );
}

/** The findings' counts by class: "27 findings: 5 arithmetic, 2 internal, …". */
export function findingSummaryText(findings: readonly { class: string }[]): string {
  const order = ["arithmetic", "internal", "across_documents", "scope", "restatement"];
  return `${findings.length} findings: ${order.map((c) => `${findings.filter((f) => f.class === c).length} ${c.replace("_", " ")}`).join(", ")}.`;
}

/** A paragraph with the audit's counts (auditSummaryText, and findingSummaryText when findings are given). */
export function auditSummary({ checks, reconciliation, findings }: { checks: readonly Check[]; reconciliation: readonly unknown[]; findings?: readonly { class: string }[] }): HTMLElement {
  const summary = document.createElement("p");
  summary.className = "audit-summary";
  summary.textContent = `${findings ? `${findingSummaryText(findings)} ` : ""}${auditSummaryText(checks, reconciliation.length)}`;
  return summary;
}

/**
 * The audit's checks under a select per table, kind and status (at first, only the checks of
 * `status`; "" for all), a line that says how many are shown, and the table of those.
 */
export function auditFindings(checks: readonly Check[], { provenance, status = "" }: { provenance: Readonly<Record<string, Provenance>>; status?: string }): HTMLElement {
  const filter = (label: string, column: FilterColumn) =>
    choice([{ value: "", text: "all" }, ...distinctValues(checks, column).map((v) => ({ value: v, text: v.replaceAll("_", " ") }))], { label, className: "filter" });
  const choices: Record<FilterColumn, ChoiceElement> = { table: filter("Table", "table"), kind: filter("Kind", "kind"), status: filter("Status", "status") };
  choices.status.value = status;
  const filters = document.createElement("div");
  filters.className = "filters";
  filters.append(choices.table, choices.kind, choices.status);
  const shown = document.createElement("p");
  shown.setAttribute("role", "status");
  const holder = document.createElement("div");
  holder.className = "table-scroll";
  function update(): void {
    const rows = filterChecks(checks, { table: choices.table.value, kind: choices.kind.value, status: choices.status.value });
    shown.textContent = `${rows.length} of ${checks.length} checks shown.`;
    holder.replaceChildren(auditTable(rows, { provenance }));
  }
  filters.addEventListener("change", update);
  update();
  const element = document.createElement("div");
  element.className = "audit-findings";
  element.append(filters, shown, holder);
  return element;
}
