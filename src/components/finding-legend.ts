import type { FindingClass } from "../../data-loaders/audit/row.ts";

/** A class of finding, or "input": what a mark on a number means. */
export type MarkKind = FindingClass | "input";

/**
 * The legend of the marks findings put on numbers (the CSS in src/style.css draws them). It
 * copies the labels of FINDING_LEGEND (data-loaders/audit/findings.ts), because this module runs
 * in the page and takes only types from the Node side; test/components/finding-legend.test.ts
 * fails when the two drift apart.
 */
export const LEGEND: Readonly<Record<MarkKind, { label: string; mark: string; description: string }>> = {
  arithmetic: { label: "Arithmetic", mark: "±", description: "a printed total, share or count that the document's own numbers contradict" },
  internal: { label: "Contradicts itself", mark: "≠", description: "two statements of one document that cannot both hold" },
  across_documents: { label: "Documents disagree", mark: "⇄", description: "the two documents disagree on the same subject and measure" },
  scope: { label: "Different scope", mark: "◇", description: "the documents report different things (year, scope, source): context, not a failure" },
  restatement: { label: "Restated", mark: "=", description: "the same number printed again, consistently" },
  input: { label: "Used in a finding", mark: "·", description: "a number a finding only uses; not itself in question" },
};

export const MARK_KINDS = Object.keys(LEGEND) as MarkKind[];

/** The marks present among `marks`, in legend order. */
export function marksShown(marks: Iterable<{ class: FindingClass; role: "in_question" | "input" } | null | undefined>): MarkKind[] {
  const seen = new Set<MarkKind>();
  for (const m of marks) if (m) seen.add(m.role === "input" ? "input" : m.class);
  return MARK_KINDS.filter((k) => seen.has(k));
}

/** Sets a number element's mark attributes from its strongest finding (contract 3 between slices). */
export function markNumber(element: Element, findings: readonly { class: FindingClass; role: "in_question" | "input" }[] | undefined): void {
  const first = findings?.[0];
  if (!first) return;
  element.setAttribute("data-finding", first.class);
  element.setAttribute("data-finding-role", first.role);
}

/** A legend of the given marks, each drawn as the numbers carry it; empty marks give an empty list. */
export function findingLegend(kinds: readonly MarkKind[]): HTMLElement {
  const list = document.createElement("ul");
  list.className = "finding-legend";
  list.setAttribute("aria-label", "What the marks on numbers mean");
  for (const kind of kinds) {
    const item = document.createElement("li");
    const sample = document.createElement("span");
    sample.className = "finding-sample";
    sample.dataset.finding = kind === "input" ? "arithmetic" : kind;
    sample.dataset.findingRole = kind === "input" ? "input" : "in_question";
    sample.textContent = "123";
    sample.setAttribute("aria-hidden", "true");
    item.append(sample, ` ${LEGEND[kind].label}: ${LEGEND[kind].description}`);
    list.append(item);
  }
  return list;
}
