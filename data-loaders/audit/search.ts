import type { Ledger } from "../normalize/ledger.ts";
import type { MostClaim } from "../normalize/passages.ts";
import { periodRelation, type ReconciliationEntry } from "../normalize/reconciliation.ts";
import type { Statistic } from "../normalize/statistic.ts";
import { tableKey } from "../normalize/table.ts";
import { EMPTY_VOCABULARY, measureKey, subjectKey, wholesOf, type Vocabulary } from "../normalize/vocabulary.ts";
import { valuesAgree } from "../parse/precision.ts";
import { compareSides } from "./reconciliation.ts";
import type { AuditRow, FindingClass } from "./row.ts";

/**
 * The systematic search for contradictions: code over the ledger, not a list of pairs typed
 * by hand. Every statistic gets a concept, its subject and measure in the shared vocabulary
 * (raw/vocabulary.tsv), its unit, and its facet (which part of a printed table it is), and:
 *
 * - `same_measure`: every two statements of one concept, within a document and across the two
 *   (two cells of one printed table excepted: the table's own checks cover them), are compared:
 *   values at their printed precision, periods (counts over time are two periods of one
 *   concept), whether they are an order of magnitude apart, whether they cite one study;
 * - `part_whole`: every count of a part (a place inside another, a measure that is part of
 *   another) against every count of its whole in the same unit: a part may not exceed it;
 * - `most`: every passage that calls a part "most" of a whole (raw/claims.tsv) against every
 *   printed share of that part: "most" is more than half.
 *
 * Each pair the reviewer's file (raw/reconciliation.tsv) pairs is judged there (its class and
 * reason). A pair it does not list is a restatement when the values agree and no printed period
 * differs; any other difference, an exceeded whole or a "most" under half, becomes a finding.
 */

export const COMPARISON_KINDS = ["same_measure", "part_whole", "most", "reviewer"] as const;
export type ComparisonKind = (typeof COMPARISON_KINDS)[number];
export const OUTCOMES = ["consistent", "explained", "finding"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One pair the search compared (comparisons.parquet). */
export interface Comparison {
  pair_id: string;
  kind: ComparisonKind;
  /** `survey`, `thesis` (within one document) or `cross`. */
  scope: "survey" | "thesis" | "cross";
  left_id: string;
  right_id: string;
  subject_key: string;
  measure_key: string;
  outcome: Outcome;
  /** The class of the finding the pair is (a restatement, a scope note or a contradiction); null for a part within its whole or a "most" that holds. */
  class: FindingClass | null;
  /** What the comparison noticed, comma-separated: different_periods, order_of_magnitude, same_study, part_exceeds_whole, below_half. */
  flags: string;
  /** The raw/reconciliation.tsv entry that judges the pair, or null. */
  reviewed_by: string | null;
  /** The audit.parquet row of the pair's judgement, or null when nothing needed one. */
  check_id: string | null;
}

export interface SearchResult {
  comparisons: Comparison[];
  /** Audit rows for pairs the reviewer's file does not judge (its own entries have theirs). */
  rows: AuditRow[];
}

/** Which part of a printed table a cell is, by the vocabulary's facet of its table; "" for the running text. */
export function facetOf(s: Statistic, vocabulary: Vocabulary): string {
  if (s.table === null) return "";
  const facet = vocabulary.tables.get(tableKey(s.document, s.table)) ?? "cell";
  if (facet === "none") return "";
  if (facet === "row") return s.row_label === null || /^\s*total\s*$/i.test(s.row_label) ? "" : `row:${s.row_label}`;
  if (facet === "column") return s.column_label === null || /^\s*all\b/i.test(s.column_label) ? "" : `column:${s.column_label}`;
  return `cell:${s.table}|${s.row_label ?? ""}|${s.column_label ?? ""}`;
}

const scopeOf = (a: Statistic | MostClaim, b: Statistic): Comparison["scope"] => (a.document === b.document ? a.document : "cross");
const sameTable = (a: Statistic, b: Statistic) => a.table !== null && a.document === b.document && a.table === b.table;
/** The first author and year of a cited study, to tell whether two numbers cite one study. */
const study = (s: Statistic) => (s.cited_source === null ? null : s.cited_source.replace(/[,;].*$/, "").replace(/\s+/g, " ").trim().toLowerCase());

/** Whether two values are an order of magnitude apart: the larger at least ten times the smaller. */
export function orderOfMagnitudeApart(a: Statistic, b: Statistic): boolean {
  const [x, y] = [a.value ?? a.value_low ?? a.value_high, b.value ?? b.value_low ?? b.value_high];
  if (x === null || y === null || x <= 0 || y <= 0) return false;
  return Math.max(x, y) / Math.min(x, y) >= 10;
}

/** The reviewer's entry that pairs a with b (one on each side), if any. */
function entryFor(entries: readonly ReconciliationEntry[], a: string, b: string): ReconciliationEntry | undefined {
  return entries.find((e) => (e.left_ids.includes(a) && e.right_ids.includes(b)) || (e.left_ids.includes(b) && e.right_ids.includes(a)));
}

const OUTCOME_OF: Record<FindingClass, Outcome> = { restatement: "consistent", scope: "explained", internal: "finding", across_documents: "finding", arithmetic: "finding" };
const checkIdOf = (e: ReconciliationEntry) => `${e.scope === "cross" ? "reconciliation" : "restatement"}:${e.id}`;
const contradiction = (scope: Comparison["scope"]): FindingClass => (scope === "cross" ? "across_documents" : "internal");
const head = (s: Statistic) => `${s.subject}, ${s.measure.replaceAll("_", " ")}`;

/** The search over a ledger (see the module comment). `pins` reads open bounds as the reviewer pinned them (audit/reconciliation.ts). */
export function searchLedger(ledger: Ledger, pins: ReadonlyMap<string, Statistic> = new Map()): SearchResult {
  const vocabulary = ledger.vocabulary ?? EMPTY_VOCABULARY;
  const entries = ledger.reconciliation ?? [];
  const statistics = ledger.statistics;
  const concept = (s: Statistic) => ({ subject: subjectKey(vocabulary, s.subject), measure: measureKey(vocabulary, s.measure), facet: facetOf(s, vocabulary) });
  const concepts = new Map(statistics.map((s) => [s.id, concept(s)]));
  const comparisons: Comparison[] = [];
  const rows: AuditRow[] = [];
  const found = new Set<string>();

  const judgeByEntry = (kind: ComparisonKind, a: Statistic, b: Statistic, flags: string[]): boolean => {
    const entry = entryFor(entries, a.id, b.id);
    if (!entry) return false;
    found.add(entry.id);
    const c = concepts.get(a.id)!;
    comparisons.push({
      pair_id: `${kind}:${a.id}|${b.id}`, kind, scope: scopeOf(a, b), left_id: a.id, right_id: b.id, subject_key: c.subject, measure_key: c.measure,
      outcome: OUTCOME_OF[entry.class], class: entry.class, flags: flags.join(","), reviewed_by: entry.id, check_id: checkIdOf(entry),
    });
    return true;
  };

  // same_measure: every two statements of one concept.
  const groups = new Map<string, Statistic[]>();
  for (const s of statistics) {
    const c = concepts.get(s.id)!;
    const key = [c.subject, c.measure, s.unit, c.facet].join("\t");
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const group of groups.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i]!, group[j]!];
        if (sameTable(a, b)) continue;
        const [x, y] = [pins.get(a.id) ?? a, pins.get(b.id) ?? b];
        const relation = periodRelation(x, y);
        const agree = valuesAgree(x, y).agree;
        const flags = [
          ...(relation === "different" ? ["different_periods"] : []),
          ...(orderOfMagnitudeApart(x, y) ? ["order_of_magnitude"] : []),
          ...(study(a) !== null && study(a) === study(b) ? ["same_study"] : []),
        ];
        if (judgeByEntry("same_measure", a, b, flags)) continue;
        const scope = scopeOf(a, b);
        const consistent = agree && relation !== "different";
        const cls: FindingClass = consistent ? "restatement" : contradiction(scope);
        const row = compareSides(scope === "cross" ? "cross" : scope, `search.${a.id}.${b.id}`, head(a), [a], [b], {
          class: cls,
          inQuestion: "both",
          reviewer: consistent
            ? "Found by the systematic search (audit/search.ts): one concept in the shared vocabulary, the same value, no period that differs."
            : `Found by the systematic search (audit/search.ts): one concept in the shared vocabulary${flags.length ? ` (${flags.join(", ").replaceAll("_", " ")})` : ""}, not explained in raw/reconciliation.tsv.`,
        }, pins);
        rows.push(row);
        const c = concepts.get(a.id)!;
        comparisons.push({
          pair_id: `same_measure:${a.id}|${b.id}`, kind: "same_measure", scope, left_id: a.id, right_id: b.id, subject_key: c.subject, measure_key: c.measure,
          outcome: consistent ? "consistent" : "finding", class: cls, flags: flags.join(","), reviewed_by: null, check_id: row.check_id,
        });
      }
    }
  }

  // part_whole: a count of a part against a count of its whole, in the same unit.
  const counts = statistics.filter((s) => ledger.units.get(s.unit)?.kind === "count" && concepts.get(s.id)!.facet === "");
  // Counts by subject, measure and unit, so that each part looks up only its wholes' keys.
  const countsByKey = new Map<string, Statistic[]>();
  const countKey = (subject: string, measure: string, unit: string) => `${subject}\t${measure}\t${unit}`;
  for (const s of counts) {
    const k = countKey(concepts.get(s.id)!.subject, concepts.get(s.id)!.measure, s.unit);
    countsByKey.set(k, [...(countsByKey.get(k) ?? []), s]);
  }
  for (const p of counts) {
    const cp = concepts.get(p.id)!;
    const subjects = [cp.subject, ...wholesOf(vocabulary.subjects, cp.subject)];
    const measures = [cp.measure, ...wholesOf(vocabulary.measures, cp.measure)];
    const wholes = subjects.flatMap((sk) => measures.flatMap((mk) => (sk === cp.subject && mk === cp.measure ? [] : (countsByKey.get(countKey(sk, mk, p.unit)) ?? []))));
    for (const w of wholes) {
      if (sameTable(p, w)) continue;
      const [x, y] = [pins.get(p.id) ?? p, pins.get(w.id) ?? w];
      const exceeds = (x.value_low ?? x.value ?? 0) > (y.value_high ?? Infinity);
      const flags = [...(exceeds ? ["part_exceeds_whole"] : []), ...(periodRelation(x, y) === "different" ? ["different_periods"] : [])];
      if (judgeByEntry("part_whole", p, w, flags)) continue;
      const scope = scopeOf(p, w);
      if (!exceeds) {
        comparisons.push({
          pair_id: `part_whole:${p.id}|${w.id}`, kind: "part_whole", scope, left_id: p.id, right_id: w.id, subject_key: cp.subject, measure_key: cp.measure,
          outcome: "consistent", class: null, flags: flags.join(","), reviewed_by: null, check_id: null,
        });
        continue;
      }
      const cls: FindingClass = scope === "cross" ? "across_documents" : "arithmetic";
      const check_id = `part_whole:search.${p.id}.${w.id}`;
      rows.push({
        check_id, kind: "part_whole", table: null, cells: [p.id, w.id].join(","), printed_value: x.value, computed_value: y.value, tolerance: 0, status: "fail", class: cls,
        in_question: [p.id, w.id].join(","),
        message: `${head(p)} within ${head(w)}: "${p.printed}" (${p.document}, ${p.locator}) is more than "${w.printed}" (${w.document}, ${w.locator}), though the shared vocabulary (raw/vocabulary.tsv) makes it a part of it; found by the systematic search, not explained in raw/reconciliation.tsv.`,
      });
      comparisons.push({
        pair_id: `part_whole:${p.id}|${w.id}`, kind: "part_whole", scope, left_id: p.id, right_id: w.id, subject_key: cp.subject, measure_key: cp.measure,
        outcome: "finding", class: cls, flags: flags.join(","), reviewed_by: null, check_id,
      });
    }
  }

  // most: "most" of a whole is more than half of it.
  for (const claim of ledger.claims ?? []) {
    const [sk, mk] = [subjectKey(vocabulary, claim.subject), measureKey(vocabulary, claim.measure)];
    const shares = statistics.filter((s) => s.unit === "percent" && concepts.get(s.id)!.subject === sk && concepts.get(s.id)!.measure === mk && concepts.get(s.id)!.facet === "");
    if (shares.length === 0) throw new Error(`invalid claim ${claim.raw_file}:${claim.raw_line}: no printed share of ${claim.subject}, ${claim.measure} to compare "most" with`);
    for (const s of shares) {
      const below = (s.value_high ?? Infinity) <= 50;
      const scope = scopeOf(claim, s);
      const cls = contradiction(scope);
      const check_id = `most:${claim.id}.${s.id}`;
      rows.push({
        check_id, kind: "most", table: s.table, cells: s.id, printed_value: s.value, computed_value: 50, tolerance: 0, status: below ? "fail" : "pass", class: cls,
        in_question: s.id,
        message: `${head(s)}: ${claim.document} line ${claim.line} says "${claim.quote}"; ${s.document} prints "${s.printed}" (${s.locator}; ${s.period ?? "no period printed"}), ${below ? "which is not more than half" : "more than half, as 'most' says"} (claim ${claim.raw_file}:${claim.raw_line}).`,
      });
      comparisons.push({
        pair_id: `most:${claim.id}|${s.id}`, kind: "most", scope, left_id: claim.id, right_id: s.id, subject_key: sk, measure_key: mk,
        outcome: below ? "finding" : "consistent", class: below ? cls : null, flags: below ? "below_half" : "", reviewed_by: null, check_id,
      });
    }
  }

  // The reviewer's pairs the search did not reach (measures it keeps apart on purpose) are compared too.
  for (const e of entries) {
    if (found.has(e.id)) continue;
    const a = statistics.find((s) => s.id === e.left_ids[0])!;
    const c = concepts.get(a.id)!;
    comparisons.push({
      pair_id: `reviewer:${e.id}`, kind: "reviewer", scope: e.scope, left_id: e.left_ids.join(","), right_id: e.right_ids.join(","), subject_key: c.subject, measure_key: c.measure,
      outcome: OUTCOME_OF[e.class], class: e.class, flags: "", reviewed_by: e.id, check_id: checkIdOf(e),
    });
  }
  comparisons.sort((x, y) => (x.pair_id < y.pair_id ? -1 : x.pair_id > y.pair_id ? 1 : 0));
  return { comparisons, rows };
}

/** What the search compared, for the Audit page: pairs, and how many of each outcome and class. */
export function searchSummary(comparisons: readonly Comparison[]): { pairs: number; consistent: number; explained: number; findings: number; by_class: Record<string, number>; by_kind: Record<string, number> } {
  const count = (f: (c: Comparison) => boolean) => comparisons.filter(f).length;
  const by = (key: (c: Comparison) => string) => Object.fromEntries([...new Set(comparisons.map(key))].sort().map((k) => [k, count((c) => key(c) === k)]));
  return {
    pairs: comparisons.length,
    consistent: count((c) => c.outcome === "consistent"),
    explained: count((c) => c.outcome === "explained"),
    findings: count((c) => c.outcome === "finding"),
    by_class: by((c) => c.class ?? "none"),
    by_kind: by((c) => c.kind),
  };
}
