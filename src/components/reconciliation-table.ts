import { statisticLinks, type InvolvedStatistic } from "./audit-findings.js";
import { withProvenance, type Provenance } from "./provenance.js";

/** What the table shows of a reconciliation entry (a row of audit.json's `reconciliation`). */
export interface Comparison {
  id: string;
  subject: string;
  measure: string;
  left_document: string;
  left: InvolvedStatistic[];
  left_period: string | null;
  right_document: string;
  right: InvolvedStatistic[];
  right_period: string | null;
  classification: string;
  reason: string;
  explanation: string;
}

/** The reviewer's judgement as the reader sees it: "disagree (different year)". */
export const judgementText = (c: Pick<Comparison, "classification" | "reason">) => `${c.classification.replace("_", " ")} (${c.reason.replaceAll("_", " ")})`;

/**
 * The comparisons between the documents as a table: the subject and measure, each side's
 * statistics (links to where they stand, with their provenance) and period, the judgement
 * and why. Each row is `#reconciliation-<id>`.
 */
export function reconciliationTable(comparisons: readonly Comparison[], { provenance, base = "./" }: { provenance: Readonly<Record<string, Provenance>>; base?: string }): HTMLElement {
  const table = document.createElement("table");
  table.className = "reconciliation";
  const head = table.createTHead().insertRow();
  for (const label of ["Subject", "Measure", "Left", "Right", "Judgement", "Why"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of comparisons) {
    const tr = body.insertRow();
    tr.id = `reconciliation-${r.id}`;
    tr.insertCell().textContent = r.subject;
    tr.insertCell().textContent = r.measure.replaceAll("_", " ");
    const left = tr.insertCell();
    left.append(`${r.left_document}: `, statisticLinks(r.left, base), r.left_period ? ` (${r.left_period})` : "");
    const right = tr.insertCell();
    right.append(`${r.right_document}: `, statisticLinks(r.right, base), r.right_period ? ` (${r.right_period})` : "");
    const judgement = tr.insertCell();
    judgement.className = `classification classification-${r.classification}`;
    judgement.textContent = judgementText(r);
    tr.insertCell().textContent = r.explanation;
  }
  const scroll = document.createElement("div");
  scroll.className = "table-scroll";
  scroll.append(table);
  return withProvenance(scroll, provenance);
}
