import { valuesAgree } from "../parse/precision.ts";
import { RawInputError } from "../errors.ts";
import type { DocumentId, Statistic } from "./statistic.ts";
import { parseTsv } from "../parse/tsv.ts";

/**
 * The reviewer's reconciliation of the two documents (raw/reconciliation.tsv): which numbers
 * speak of the same thing, whether they agree, and why not. The judgement is data; this module
 * checks it against the ledger and computes what can be computed:
 *
 * - every id must be a statistic of the ledger, on the side its scope says: `cross` rows put
 *   survey statistics left and thesis statistics right; `survey` and `thesis` rows are in-text
 *   restatements within one document (its text left, its own table or a later passage right);
 * - classification and reason come from fixed vocabularies, and must not contradict each other;
 * - class says what the pair is for a reader: `restatement` (only with agree), `scope` (explained
 *   by a different year, scope, source or unit, never by same_value), `internal` (within one
 *   document) or `across_documents` (scope cross) for a contradiction; in_question says whose
 *   printed numbers a contradiction puts in question (left, right or both);
 * - a row classified `agree` is REFUSED (a RawInputError naming the line, field
 *   `classification`) unless every statistic on the left and every one on the right share a
 *   unit and can stand for the same value at their printed precision (and, within one
 *   document, are not printed for different years).
 *
 * The audit compares each entry (audit/reconciliation.ts); publish/reconciliation-rows.ts
 * lays the entries out for reconciliation.parquet.
 */

export const RECONCILIATION_HEADER = ["id", "scope", "subject", "measure", "left_ids", "right_ids", "classification", "reason", "class", "in_question", "explanation"] as const;
export const SCOPES = ["cross", "survey", "thesis"] as const;
export type Scope = (typeof SCOPES)[number];
export const CLASSIFICATIONS = ["agree", "partly_agree", "disagree"] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const REASONS = ["same_value", "different_year", "different_scope", "different_source", "different_unit", "rounding"] as const;
export type Reason = (typeof REASONS)[number];
/** The finding class the reviewer gives a pair (arithmetic is never a pair's: it is the audit's own). */
export const PAIR_CLASSES = ["restatement", "scope", "internal", "across_documents"] as const;
export type PairClass = (typeof PAIR_CLASSES)[number];
/** Whose printed numbers a pair puts in question. */
export const SIDES_IN_QUESTION = ["left", "right", "both"] as const;
export type Side = (typeof SIDES_IN_QUESTION)[number];

export interface ReconciliationEntry {
  id: string;
  scope: Scope;
  subject: string;
  measure: string;
  left_ids: string[];
  right_ids: string[];
  classification: Classification;
  reason: Reason;
  /** restatement: the same number again; scope: different things, explained; internal / across_documents: a contradiction. */
  class: PairClass;
  in_question: Side;
  explanation: string;
  raw_file: string;
  raw_line: number;
}

const SIDES: Record<Scope, readonly [DocumentId, DocumentId]> = { cross: ["survey", "thesis"], survey: ["survey", "survey"], thesis: ["thesis", "thesis"] };

export type Relation = "same" | "none" | "one_missing" | "different";

export function periodRelation(a: Statistic, b: Statistic): Relation {
  if (a.year_start === null && b.year_start === null) return "none";
  if (a.year_start === null || b.year_start === null) return "one_missing";
  return a.year_start === b.year_start && a.year_end === b.year_end ? "same" : "different";
}

const period = (s: Statistic) => s.period ?? "no period printed";
export const describe = (s: Statistic) => `"${s.printed}" (${s.document}, ${s.locator}; ${period(s)}; ${s.unit})`;

/** Why an `agree` classification does not hold, or null when it does. */
function agreeProblem(scope: Scope, left: readonly Statistic[], right: readonly Statistic[]): string | null {
  const pairs = left.flatMap((a) => right.map((b) => [a, b] as const));
  for (const [a, b] of pairs) {
    if (a.unit !== b.unit) return `${describe(a)} and ${describe(b)} are in different units`;
    if (!valuesAgree(a, b).agree) return `${describe(a)} and ${describe(b)} differ`;
    if (scope !== "cross" && periodRelation(a, b) === "different") return `${describe(a)} and ${describe(b)} are printed for different periods`;
  }
  return null;
}

/** Parses and validates the reconciliation file against the ledger's statistics. */
export function parseReconciliation(text: string, file: string, statistics: readonly Statistic[]): ReconciliationEntry[] {
  const byId = new Map(statistics.map((s) => [s.id, s]));
  const entries: ReconciliationEntry[] = [];
  const firstSeen = new Map<string, number>();
  for (const { line, fields: f } of parseTsv(text, file, RECONCILIATION_HEADER).rows) {
    const fail = (field: string, reason: string, value = f[field] ?? ""): never => {
      throw new RawInputError(file, line, field, value, reason);
    };
    if (!/^[a-z0-9][a-z0-9.-]*$/.test(f.id!)) fail("id", "expected lower-case [a-z0-9.-]");
    const earlier = firstSeen.get(f.id!);
    if (earlier !== undefined) fail("id", `duplicate of line ${earlier}`);
    firstSeen.set(f.id!, line);
    if (!(SCOPES as readonly string[]).includes(f.scope!)) fail("scope", `expected one of ${SCOPES.join(", ")}`);
    const scope = f.scope as Scope;
    for (const field of ["subject", "measure", "explanation"] as const) if (f[field] === "") fail(field, "is empty");
    if (!/^[a-z0-9_]+$/.test(f.measure!)) fail("measure", "expected snake_case");
    if (!(CLASSIFICATIONS as readonly string[]).includes(f.classification!)) fail("classification", `expected one of ${CLASSIFICATIONS.join(", ")}`);
    if (!(REASONS as readonly string[]).includes(f.reason!)) fail("reason", `expected one of ${REASONS.join(", ")}`);
    const classification = f.classification as Classification;
    const reason = f.reason as Reason;

    if (reason === "same_value" && classification !== "agree") fail("reason", `same_value contradicts the classification ${classification}`);
    if (classification === "agree" && reason !== "same_value" && reason !== "rounding") fail("reason", "an agreement is explained by same_value or rounding");
    if (!(PAIR_CLASSES as readonly string[]).includes(f.class!)) fail("class", `expected one of ${PAIR_CLASSES.join(", ")}`);
    const pairClass = f.class as PairClass;
    if ((pairClass === "restatement") !== (classification === "agree")) fail("class", `a restatement is exactly an agree row (classification is ${classification})`);
    if (pairClass === "scope" && (reason === "same_value" || reason === "rounding")) fail("class", `scope needs a reason that differs: year, scope, source or unit, not ${reason}`);
    if (pairClass === "internal" && scope === "cross") fail("class", "internal is within one document: a cross row is across_documents");
    if (pairClass === "across_documents" && scope !== "cross") fail("class", "across_documents needs scope cross");
    if (!(SIDES_IN_QUESTION as readonly string[]).includes(f.in_question!)) fail("in_question", `expected one of ${SIDES_IN_QUESTION.join(", ")}`);

    const side = (field: "left_ids" | "right_ids", document: DocumentId): Statistic[] => {
      const ids = f[field]!.split(",").map((x) => x.trim());
      if (ids.some((x) => x === "")) fail(field, "expected comma-separated statistic ids, none empty");
      const seen = new Set<string>();
      return ids.map((id) => {
        if (seen.has(id)) fail(field, "names the same statistic twice", id);
        seen.add(id);
        const s = byId.get(id) ?? fail(field, "no such statistic in the ledger", id);
        if (s.document !== document) fail(field, `is a ${s.document} statistic, but a ${scope} row takes ${document} statistics here`, id);
        return s;
      });
    };
    const [leftDocument, rightDocument] = SIDES[scope];
    const left = side("left_ids", leftDocument);
    const right = side("right_ids", rightDocument);
    const both = left.find((s) => right.includes(s));
    if (both) fail("right_ids", "is on both sides", both.id);
    if (classification === "agree") {
      const problem = agreeProblem(scope, left, right);
      if (problem) fail("classification", `refused: ${problem}`);
    }
    entries.push({
      id: f.id!,
      scope,
      subject: f.subject!,
      measure: f.measure!,
      left_ids: left.map((s) => s.id),
      right_ids: right.map((s) => s.id),
      classification,
      reason,
      class: pairClass,
      in_question: f.in_question as Side,
      explanation: f.explanation!,
      raw_file: file,
      raw_line: line,
    });
  }
  return entries;
}
