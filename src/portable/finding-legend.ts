// How each class of finding reads and is marked wherever numbers are shown: the build's
// renderers (site/html/) and the page's provenance cards (src/components/) say the same words
// because they read this one module (src/portable/: no imports, no DOM, no Node).
import type { FindingClass } from "../../data-loaders/audit/row.ts";

/** A class of finding, or "input": what a mark on a number means. */
export type MarkKind = FindingClass | "input";

/** Each mark's label, glyph and meaning (CSS draws the marks: src/style.css, `[data-finding]`). */
export const FINDING_LEGEND: Readonly<Record<MarkKind, { label: string; mark: string; description: string }>> = {
  arithmetic: { label: "Arithmetic", mark: "±", description: "a printed total, share or count that the document's own numbers contradict" },
  internal: { label: "Contradicts itself", mark: "≠", description: "two statements of one document that cannot both hold" },
  across_documents: { label: "Documents disagree", mark: "⇄", description: "the two documents disagree on the same subject and measure" },
  scope: { label: "Different scope", mark: "◇", description: "the documents report different things (year, scope, source): context, not a failure" },
  restatement: { label: "Restated", mark: "=", description: "the same number printed again, consistently" },
  input: { label: "Used in a finding", mark: "·", description: "a number a finding only uses; not itself in question" },
};
