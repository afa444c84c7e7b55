import type { Finding } from "../../data-loaders/audit/findings.ts";
import type { FindingClass } from "../../data-loaders/audit/row.ts";
import { statisticLinks, type InvolvedStatistic } from "./audit-findings.js";
import { findingLegend, LEGEND } from "./finding-legend.js";
import { withProvenance, type Provenance } from "./provenance.js";

/** A finding as audit.json gives it: the finding, with the numbers in question and those it uses. */
export type ShownFinding = Finding & { questioned: InvolvedStatistic[]; used: InvolvedStatistic[] };

const ORDER: readonly FindingClass[] = ["arithmetic", "internal", "across_documents", "scope", "restatement"];

/** "7 arithmetic, 2 internal, 0 across documents, 18 scope, 20 restatement" in class order. */
export function countsByClass(findings: readonly Pick<Finding, "class">[]): { class: FindingClass; count: number }[] {
  return ORDER.map((c) => ({ class: c, count: findings.filter((f) => f.class === c).length }));
}

/**
 * The findings, one section per class under the legend: each finding's sentence, the numbers it
 * puts in question (links to where they stand, each with its provenance and mark) and those it
 * only uses, and for reviewers the checks behind it in a closed <details>. Sections are
 * `#findings-<class>`, findings `#finding-<id>`.
 */
export function findingsByClass(findings: readonly ShownFinding[], { provenance, base = "./" }: { provenance: Readonly<Record<string, Provenance>>; base?: string }): HTMLElement {
  const root = document.createElement("div");
  root.className = "findings-by-class";
  root.append(findingLegend(["arithmetic", "internal", "across_documents", "scope", "restatement", "input"]));
  for (const { class: kind, count } of countsByClass(findings)) {
    const section = document.createElement("section");
    section.id = `findings-${kind.replaceAll("_", "-")}`;
    const heading = document.createElement("h3");
    heading.textContent = `${LEGEND[kind].mark} ${LEGEND[kind].label} (${count})`;
    const about = document.createElement("p");
    about.textContent = `${LEGEND[kind].description[0]!.toUpperCase()}${LEGEND[kind].description.slice(1)}.${count === 0 ? " None found." : ""}`;
    section.append(heading, about);
    const list = document.createElement("ol");
    for (const f of findings.filter((x) => x.class === kind)) {
      const item = document.createElement("li");
      item.id = `finding-${f.finding_id.replace(/[^a-zA-Z0-9_-]+/g, "-")}`;
      item.dataset.finding = f.class;
      const sentence = document.createElement("p");
      sentence.textContent = f.sentence;
      item.append(sentence);
      if (f.passages) {
        const passages = document.createElement("ul");
        for (const p of f.passages.split(" | ")) {
          const li = document.createElement("li");
          li.textContent = p;
          passages.append(li);
        }
        item.append(passages);
      }
      const numbers = document.createElement("span");
      numbers.className = "finding-numbers";
      if (f.questioned.length > 0) numbers.append(kind === "scope" || kind === "restatement" ? "Numbers: " : "In question: ", statisticLinks(f.questioned, base));
      if (f.used.length > 0) numbers.append(f.questioned.length > 0 ? "; used: " : "Used: ", statisticLinks(f.used, base));
      if (numbers.childNodes.length > 0) item.append(numbers);
      const details = document.createElement("details");
      const summary = document.createElement("summary");
      summary.textContent = "For reviewers";
      const text = document.createElement("p");
      text.textContent = f.details;
      details.append(summary, text);
      item.append(details);
      list.append(item);
    }
    if (list.childElementCount > 0) section.append(list);
    root.append(section);
  }
  return withProvenance(root, provenance);
}

/** What the search compared, as audit.json gives it. */
export interface SearchCounts {
  pairs: number;
  byKind: { kind: string; pairs: number; consistent: number; explained: number; finding: number }[];
  byClass: Record<string, number>;
}

const KIND_LABELS: Record<string, string> = {
  same_measure: "Two statements of one subject and measure",
  part_whole: "A part against its whole",
  most: "“Most” against a printed share",
  reviewer: "The reviewer's pairs of different measures",
};

/**
 * The systematic search's counts: a table of pairs by kind (consistent, explained, findings),
 * and a sentence by class. Every pair is one of the three: nothing is left unjudged.
 */
export function searchCountsTable(search: SearchCounts): HTMLElement {
  const root = document.createElement("div");
  root.className = "search-counts";
  const table = document.createElement("table");
  table.className = "search-summary";
  table.createCaption().textContent = `The search compared ${search.pairs} pairs`;
  const head = table.createTHead().insertRow();
  for (const label of ["Comparison", "Pairs", "Consistent", "Explained (scope)", "Findings"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  const total = { pairs: 0, consistent: 0, explained: 0, finding: 0 };
  for (const k of search.byKind) {
    const tr = body.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = KIND_LABELS[k.kind] ?? k.kind;
    tr.append(th);
    for (const key of ["pairs", "consistent", "explained", "finding"] as const) {
      const td = tr.insertCell();
      td.className = "number";
      td.textContent = String(k[key]);
      total[key] += k[key];
    }
  }
  const foot = table.createTFoot().insertRow();
  const th = document.createElement("th");
  th.scope = "row";
  th.textContent = "All";
  foot.append(th);
  for (const key of ["pairs", "consistent", "explained", "finding"] as const) {
    const td = foot.insertCell();
    td.className = "number";
    td.textContent = String(total[key]);
  }
  const byClass = document.createElement("p");
  const names: Record<string, string> = { restatement: "restatements", scope: "scope notes", internal: "internal contradictions", across_documents: "contradictions across the documents", arithmetic: "arithmetic", none: "parts within their wholes or a “most” that holds" };
  byClass.textContent = `By class: ${Object.entries(search.byClass).map(([k, n]) => `${n} ${names[k] ?? k}`).join(", ")}.`;
  const scroll = document.createElement("div");
  scroll.className = "table-scroll";
  scroll.append(table);
  root.append(scroll, byClass);
  return root;
}
