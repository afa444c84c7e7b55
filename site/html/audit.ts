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
