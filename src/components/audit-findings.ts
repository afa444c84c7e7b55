import { withProvenance, type Provenance } from "./provenance.js";

export interface InvolvedStatistic {
  id: string;
  printed: string;
  subject: string;
  measure: string;
  document: string;
  /** The page (and anchor) that shows the number. */
  href: string;
}

export interface Check {
  check_id: string;
  kind: string;
  table: string | null;
  status: string;
  printed_value: number | null;
  computed_value: number | null;
  tolerance: number | null;
  message: string;
  involved: InvolvedStatistic[];
}

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

const number = (v: number | null) => (v === null ? "" : v.toLocaleString("en-US", { maximumFractionDigits: 4 }));

/** The audit's checks as a table: status, kind, table, the finding, and the cells involved. */
export function auditTable(checks: readonly Check[], { provenance, base = "./" }: { provenance: Readonly<Record<string, Provenance>>; base?: string }): HTMLElement {
  const table = document.createElement("table");
  table.className = "audit";
  const head = table.createTHead().insertRow();
  for (const label of ["Status", "Kind", "Table", "Finding", "Printed", "Computed", "Cells involved"]) {
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
    tr.insertCell().textContent = check.kind.replaceAll("_", " ");
    tr.insertCell().textContent = check.table ?? "text";
    tr.insertCell().textContent = check.message;
    const printed = tr.insertCell();
    printed.className = "number";
    printed.textContent = number(check.printed_value);
    const computed = tr.insertCell();
    computed.className = "number";
    computed.textContent = number(check.computed_value);
    tr.insertCell().append(statisticLinks(check.involved, base));
  }
  return withProvenance(table, provenance);
}
