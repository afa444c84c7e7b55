// The Audit page's findings and the search's counts as static HTML (placeholders "findings" and
// "search-counts", filled by render-page.ts at the end of the build), so that a reader without
// scripts, or on paper, sees every finding with its numbers. The interactive table of every
// check stays a component (src/components/audit-findings.ts).
import type { Finding } from "../../data-loaders/audit/findings.ts";
import { FINDING_LEGEND } from "../../src/portable/finding-legend.ts";
import { FINDING_CLASSES } from "../../data-loaders/audit/row.ts";
import type { Provenance } from "../view/provenance.ts";
import { attrs, escapeHtml } from "./escape.ts";
import type { PageContext } from "./page-context.ts";
import { scrollRegion } from "./printed-table.ts";
import { statisticHtml } from "./statistic.ts";

/** A number a finding names, as audit.json gives it. */
interface Named {
  id: string;
  printed: string;
}

/** A finding as audit.json gives it (src/data/audit.json.ts). */
export type AuditFinding = Finding & { questioned: Named[]; used: Named[] };

/** What the systematic search compared, as audit.json gives it. */
export interface SearchCounts {
  pairs: number;
  byKind: { kind: string; pairs: number; consistent: number; explained: number; finding: number }[];
  byClass: Record<string, number>;
}

const KINDS = [...FINDING_CLASSES, "input"] as const;

/** The legend of every mark, each sample drawn as the numbers carry it. */
export function fullLegendHtml(): string {
  const items = KINDS.map((kind) => {
    const sample = attrs({ class: "finding-sample", "data-finding": kind === "input" ? "arithmetic" : kind, "data-finding-role": kind === "input" ? "input" : "in_question", "aria-hidden": "true" });
    return `<li><span${sample}>123</span> ${escapeHtml(`${FINDING_LEGEND[kind].label}: ${FINDING_LEGEND[kind].description}`)}</li>`;
  });
  return `<ul class="finding-legend" aria-label="What the marks on numbers mean">${items.join("")}</ul>`;
}

const numbers = (context: PageContext, list: readonly Named[], provenance: Readonly<Record<string, Provenance>>) =>
  list.map((s) => statisticHtml(context, provenance[s.id], s.id, s.printed)).join(", ");

/** The findings, one section per class (`#findings-<class>`), each finding `#finding-<id>`. */
export function findingsByClassHtml(context: PageContext, findings: readonly AuditFinding[], provenance: Readonly<Record<string, Provenance>>): string {
  const sections = FINDING_CLASSES.map((kind) => {
    const mine = findings.filter((f) => f.class === kind);
    const legend = FINDING_LEGEND[kind];
    const items = mine.map((f) => {
      const passages = f.passages ? `<ul>${f.passages.split(" | ").map((p) => `<li>${escapeHtml(p)}</li>`).join("")}</ul>` : "";
      const parts = [
        f.questioned.length ? `${kind === "scope" || kind === "restatement" ? "Numbers" : "In question"}: ${numbers(context, f.questioned, provenance)}` : "",
        f.used.length ? `used: ${numbers(context, f.used, provenance)}` : "",
      ].filter(Boolean);
      const named = parts.length ? `<span class="finding-numbers">${parts.join("; ")}</span>` : "";
      const details = `<details class="screen-only"><summary>For reviewers</summary><p>${escapeHtml(f.details)}</p></details>`;
      return `<li${attrs({ id: `finding-${f.finding_id.replace(/[^a-zA-Z0-9_-]+/g, "-")}`, "data-finding": f.class })}><p>${escapeHtml(f.sentence)}</p>${passages}${named}${details}</li>`;
    });
    const about = `${legend.description[0]!.toUpperCase()}${legend.description.slice(1)}.${mine.length === 0 ? " None found." : ""}`;
    return `<section id="findings-${kind.replaceAll("_", "-")}"><h3>${escapeHtml(`${legend.mark} ${legend.label} (${mine.length})`)}</h3><p>${escapeHtml(about)}</p>${items.length ? `<ol>${items.join("")}</ol>` : ""}</section>`;
  });
  return `<div class="findings-by-class">${fullLegendHtml()}${sections.join("")}</div>`;
}

const KIND_LABELS: Record<string, string> = {
  same_measure: "Two statements of one subject and measure",
  part_whole: "A part against its whole",
  most: "“Most” against a printed share",
  reviewer: "The reviewer's pairs of different measures",
};

const CLASS_NAMES: Record<string, string> = {
  restatement: "restatements",
  scope: "scope notes",
  internal: "internal contradictions",
  across_documents: "contradictions across the documents",
  arithmetic: "arithmetic",
  none: "parts within their wholes or a “most” that holds",
};

/** The search's counts: pairs by kind (consistent, explained, findings), and a sentence by class. */
export function searchCountsHtml(search: SearchCounts): string {
  const cells = ["pairs", "consistent", "explained", "finding"] as const;
  const row = (label: string, values: Record<(typeof cells)[number], number>) =>
    `<tr><th scope="row">${escapeHtml(label)}</th>${cells.map((c) => `<td class="number">${values[c]}</td>`).join("")}</tr>`;
  const total = Object.fromEntries(cells.map((c) => [c, search.byKind.reduce((acc, k) => acc + k[c], 0)])) as Record<(typeof cells)[number], number>;
  const head = ["Comparison", "Pairs", "Consistent", "Explained (scope)", "Findings"].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const table = `<table class="search-summary"><caption>${escapeHtml(`The search compared ${search.pairs} pairs`)}</caption><thead><tr>${head}</tr></thead><tbody>${search.byKind
    .map((k) => row(KIND_LABELS[k.kind] ?? k.kind, k))
    .join("")}</tbody><tfoot>${row("All", total)}</tfoot></table>`;
  const byClass = Object.entries(search.byClass).map(([k, n]) => `${n} ${CLASS_NAMES[k] ?? k}`).join(", ");
  return `<div class="search-counts">${scrollRegion(`The search compared ${search.pairs} pairs`, table)}<p>${escapeHtml(`By class: ${byClass}.`)}</p></div>`;
}

/** A number a check or a comparison involves, as audit.json gives it (`href`: the page and anchor that show it). */
export interface InvolvedStatistic extends Named {
  subject: string;
  measure: string;
  document: string;
  /** The printed table the number stands in, or null for the running text. */
  table?: string | null;
  href: string;
}

/** A check as audit.json gives it. */
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

/** A reconciliation entry as audit.json gives it. */
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

/** The order checks are listed in: what needs a reader's eye first. */
export const STATUS_ORDER = ["fail", "explained", "pass", "not_applicable"] as const;

const formatted = (v: number | null) => (v === null ? "" : v.toLocaleString("en-US", { maximumFractionDigits: 4 }));
const words = (s: string) => s.replaceAll("_", " ");

/** Whether a check compares numbers of two places rather than computing one from others. */
export const isComparison = (check: Pick<Check, "kind">) => check.kind === "reconciliation" || check.kind === "restatement";

/** What the printed value is held against: "computed 133,627" or "compared with 5,000,000". */
export function againstText(check: Pick<Check, "kind" | "computed_value">): string {
  if (check.computed_value === null) return "";
  return `${isComparison(check) ? "compared with" : "computed"} ${formatted(check.computed_value)}`;
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

/** The audit's counts: how many checks of each status, and how many comparisons. */
export function auditSummaryText(checks: readonly Pick<Check, "status">[], comparisons: number): string {
  const count = (s: string) => checks.filter((c) => c.status === s).length;
  return `${checks.length} checks: ${STATUS_ORDER.map((s) => `${count(s)} ${words(s)}`).join(", ")}. ${comparisons} comparisons of statistics that speak of the same thing.`;
}

/** The findings' counts by class: "27 findings: 5 arithmetic, 2 internal, …". */
export function findingSummaryText(findings: readonly { class: string }[]): string {
  return `${findings.length} findings: ${FINDING_CLASSES.map((c) => `${findings.filter((f) => f.class === c).length} ${words(c)}`).join(", ")}.`;
}

/** The reviewer's judgement as the reader sees it: "disagree (different year)". */
export const judgementText = (c: Pick<Comparison, "classification" | "reason">) => `${words(c.classification)} (${words(c.reason)})`;

/** The paragraph of the audit's counts. */
export function auditSummaryHtml(data: { checks: readonly Check[]; reconciliation: readonly unknown[]; findings: readonly { class: string }[] }): string {
  return `<p class="audit-summary">${escapeHtml(`${findingSummaryText(data.findings)} ${auditSummaryText(data.checks, data.reconciliation.length)}`)}</p>`;
}

/**
 * Each involved number (its provenance link, statisticHtml), what it is, and a link to where it
 * stands in the report (`a.stands`, the page and its `#stat-<id>` anchor).
 */
function involvedHtml(context: PageContext, list: readonly InvolvedStatistic[], provenance: Readonly<Record<string, Provenance>>): string {
  return list
    .map((s) => {
      const where = `${context.root}${s.href.replace(/^\//, "")}`;
      return `<span class="involved">${statisticHtml(context, provenance[s.id], s.id, s.printed)} (${escapeHtml(`${s.subject}, ${words(s.measure)}`)}; <a class="stands" href="${escapeHtml(where)}">where it stands</a>)</span>`;
    })
    .join(" ");
}

/** The number a check prints, through statisticHtml when it is one of its numbers. */
function printedCell(context: PageContext, check: Check, provenance: Readonly<Record<string, Provenance>>): string {
  if (check.printed_value === null) return "";
  const printed = check.involved.find((s) => Number(s.printed.replace(/,/g, "")) === check.printed_value);
  const text = formatted(check.printed_value);
  return printed ? statisticHtml(context, provenance[printed.id], printed.id, text) : escapeHtml(text);
}

/**
 * Every check as a table, failing checks first: status, class, kind, table, the check, the printed
 * value, what it is held against, the numbers involved. Each row `#check-<id>` carries
 * `data-status`, `data-kind` and `data-table` for the page's filters (src/components/audit-findings.ts).
 */
export function auditChecksHtml(context: PageContext, checks: readonly Check[], provenance: Readonly<Record<string, Provenance>>): string {
  const rank = (s: string) => ((STATUS_ORDER as readonly string[]).indexOf(s) + STATUS_ORDER.length + 1) % (STATUS_ORDER.length + 1);
  const ordered = [...checks].sort((a, b) => rank(a.status) - rank(b.status));
  const head = ["Status", "Class", "Kind", "Table", "Check", "Printed", "Computed or compared with", "Cells involved"].map((h) => `<th scope="col">${h}</th>`).join("");
  const rows = ordered.map((c) => {
    const row = attrs({ id: `check-${c.check_id.replace(/[^a-zA-Z0-9_-]+/g, "-")}`, "data-status": c.status, "data-kind": c.kind, "data-table": tableLabel(c) });
    return (
      `<tr${row}><th scope="row" class="status status-${escapeHtml(c.status)}">${escapeHtml(words(c.status))}</th><td>${escapeHtml(words(c.class ?? ""))}</td><td>${escapeHtml(words(c.kind))}</td>` +
      `<td>${escapeHtml(tableLabel(c))}</td><td>${escapeHtml(c.message)}</td><td class="number">${printedCell(context, c, provenance)}</td>` +
      `<td class="number">${escapeHtml(againstText(c))}</td><td>${involvedHtml(context, c.involved, provenance)}</td></tr>`
    );
  });
  const caption = `Every check of the audit (${checks.length}), failing checks first`;
  const table = `<table class="audit"><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
  return `<div class="audit-findings">${scrollRegion(caption, table)}</div>`;
}

/**
 * The comparisons between the documents as a table: the subject and measure, each side's numbers
 * and period, the judgement and why. Each row is `#reconciliation-<id>`.
 */
export function reconciliationHtml(context: PageContext, comparisons: readonly Comparison[], provenance: Readonly<Record<string, Provenance>>): string {
  const head = ["Subject", "Measure", "Left", "Right", "Judgement", "Why"].map((h) => `<th scope="col">${h}</th>`).join("");
  const side = (document: string, list: readonly InvolvedStatistic[], period: string | null) =>
    `${escapeHtml(document)}: ${involvedHtml(context, list, provenance)}${period ? ` (${escapeHtml(period)})` : ""}`;
  const rows = comparisons.map(
    (r) =>
      `<tr id="reconciliation-${escapeHtml(r.id)}"><th scope="row">${escapeHtml(r.subject)}</th><td>${escapeHtml(words(r.measure))}</td>` +
      `<td>${side(r.left_document, r.left, r.left_period)}</td><td>${side(r.right_document, r.right, r.right_period)}</td>` +
      `<td class="classification classification-${escapeHtml(r.classification)}">${escapeHtml(judgementText(r))}</td><td>${escapeHtml(r.explanation)}</td></tr>`,
  );
  const caption = `The two documents side by side (${comparisons.length} comparisons)`;
  return scrollRegion(caption, `<table class="reconciliation"><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`);
}
