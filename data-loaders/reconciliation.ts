import { readFile } from "node:fs/promises";
import { fmt, valuesAgree } from "./audit/numbers.ts";
import type { AuditRow, AuditStatus } from "./audit/row.ts";
import { RawInputError } from "./errors.ts";
import type { DocumentId, Statistic } from "./statistic.ts";
import { parseTsv } from "./tsv.ts";

/**
 * The reviewer's reconciliation of the two documents (raw/reconciliation.tsv): which numbers
 * speak of the same thing, whether they agree, and why not. The judgement is data; this module
 * checks it against the ledger and computes what can be computed:
 *
 * - every id must be a statistic of the ledger, on the side its scope says: `cross` rows put
 *   survey statistics left and thesis statistics right; `survey` and `thesis` rows are in-text
 *   restatements within one document (its text left, its own table or a later passage right);
 * - classification and reason come from fixed vocabularies, and must not contradict each other;
 * - a row classified `agree` is REFUSED (a RawInputError naming the line, field
 *   `classification`) unless every statistic on the left and every one on the right share a
 *   unit and can stand for the same value at their printed precision (and, within one
 *   document, are not printed for different years).
 *
 * compareEntry() gives every entry an audit row: kind `reconciliation` for `cross` rows (pass
 * when the values agree for the same measure, unit and period; fail when they differ; not
 * applicable when unit or period differ, or a period is not printed), kind `restatement` for
 * in-document rows (value, unit and period compared; a missing period on one side is allowed,
 * since a table often leaves out the year its text gives).
 */

export const RECONCILIATION_FILE_NAME = "reconciliation.tsv";
export const RECONCILIATION_HEADER = ["id", "scope", "subject", "measure", "left_ids", "right_ids", "classification", "reason", "explanation"] as const;
export const SCOPES = ["cross", "survey", "thesis"] as const;
export type Scope = (typeof SCOPES)[number];
export const CLASSIFICATIONS = ["agree", "partly_agree", "disagree"] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const REASONS = ["same_value", "different_year", "different_scope", "different_source", "different_unit", "rounding"] as const;
export type Reason = (typeof REASONS)[number];

export interface ReconciliationEntry {
  id: string;
  scope: Scope;
  subject: string;
  measure: string;
  left_ids: string[];
  right_ids: string[];
  classification: Classification;
  reason: Reason;
  explanation: string;
  raw_file: string;
  raw_line: number;
}

const SIDES: Record<Scope, readonly [DocumentId, DocumentId]> = { cross: ["survey", "thesis"], survey: ["survey", "survey"], thesis: ["thesis", "thesis"] };

type Relation = "same" | "none" | "one_missing" | "different";

function periodRelation(a: Statistic, b: Statistic): Relation {
  if (a.year_start === null && b.year_start === null) return "none";
  if (a.year_start === null || b.year_start === null) return "one_missing";
  return a.year_start === b.year_start && a.year_end === b.year_end ? "same" : "different";
}

const period = (s: Statistic) => s.period ?? "no period printed";
const describe = (s: Statistic) => `"${s.printed}" (${s.document}, ${s.locator}; ${period(s)}; ${s.unit})`;

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
      explanation: f.explanation!,
      raw_file: file,
      raw_line: line,
    });
  }
  return entries;
}

/** Reads raw/reconciliation.tsv when the raw folder has one (a test fixture may not). */
export async function readReconciliation(path: string, file: string, statistics: readonly Statistic[]): Promise<ReconciliationEntry[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return parseReconciliation(text, file, statistics);
}

/**
 * Compares two sides of statistics: kind `reconciliation` across the documents, kind
 * `restatement` within one (see the module comment). `judgement` closes the message.
 */
export function compareSides(
  scope: Scope,
  checkKey: string,
  head: string,
  left: readonly Statistic[],
  right: readonly Statistic[],
  judgement: string,
): AuditRow {
  const all = left.flatMap((a) => right.map((b) => ({ a, b, relation: periodRelation(a, b), unit: a.unit === b.unit, ...valuesAgree(a, b) })));
  const cells = [...left, ...right].map((s) => s.id).join(",");
  const first = all[0]!;
  if (scope === "cross") {
    const comparable = all.filter((p) => p.unit && (p.relation === "same" || p.relation === "none"));
    const check_id = `reconciliation:${checkKey}`;
    if (comparable.length === 0) {
      const why = all.some((p) => p.unit)
        ? all.some((p) => p.unit && p.relation === "different")
          ? "they are printed for different periods"
          : "one side prints no period"
        : "they are in different units";
      const text = all.map((p) => `${describe(p.a)} vs ${describe(p.b)}`).join("; ");
      return {
        check_id, kind: "reconciliation", table: null, cells, printed_value: first.a.value, computed_value: first.b.value, tolerance: null, status: "not_applicable",
        message: `${head}: the values are not compared because ${why}: ${text}. ${judgement}`,
      };
    }
    const differ = comparable.filter((p) => !p.agree);
    const shown = differ[0] ?? comparable[0]!;
    const status: AuditStatus = differ.length === 0 ? "pass" : "fail";
    const text = comparable.map((p) => `${describe(p.a)} ${p.agree ? "agrees with" : `differs by ${fmt(p.gap)} from`} ${describe(p.b)}`).join("; ");
    return {
      check_id, kind: "reconciliation", table: null, cells, printed_value: shown.a.value, computed_value: shown.b.value, tolerance: shown.tolerance, status,
      message: `${head}: same unit and period: ${text} (allowed gap: the printed rounding of both). ${judgement}`,
    };
  }
  const problems = all.flatMap((p) => {
    const found: string[] = [];
    if (!p.unit) found.push(`the unit differs (${p.a.unit} vs ${p.b.unit})`);
    else if (!p.agree) found.push(`the value differs by ${fmt(p.gap)}`);
    if (p.relation === "different") found.push(`the period differs (${p.a.period} vs ${p.b.period})`);
    return found.length > 0 ? [`${describe(p.a)} vs ${describe(p.b)}: ${found.join(", ")}`] : [];
  });
  const shown = all.find((p) => !p.unit || !p.agree || p.relation === "different") ?? first;
  const missing = all.some((p) => p.relation === "one_missing") ? " One side prints no period; the other's is taken to apply." : "";
  return {
    check_id: `restatement:${checkKey}`,
    kind: "restatement",
    table: null,
    cells,
    printed_value: shown.a.value,
    computed_value: shown.b.value,
    tolerance: shown.unit ? shown.tolerance : null,
    status: problems.length === 0 ? "pass" : "fail",
    message:
      problems.length === 0
        ? `${head}: ${all.map((p) => `${describe(p.a)} is restated as ${describe(p.b)}`).join("; ")}: same value (within the printed rounding), unit and period.${missing} ${judgement}`
        : `${head}: ${problems.join("; ")}.${missing} ${judgement}`,
  };
}

/** The audit row of one reconciliation entry. */
export function compareEntry(entry: ReconciliationEntry, byId: ReadonlyMap<string, Statistic>): AuditRow {
  const get = (id: string) => byId.get(id) ?? (() => { throw new Error(`invalid reconciliation entry ${entry.id}: no statistic ${id}`); })();
  return compareSides(
    entry.scope,
    entry.id,
    `${entry.subject}, ${entry.measure.replaceAll("_", " ")}`,
    entry.left_ids.map(get),
    entry.right_ids.map(get),
    `Classified ${entry.classification} (${entry.reason}) in ${entry.raw_file}:${entry.raw_line}.`,
  );
}

/** One side of a reconciliation entry, denormalized: each field joins its statistics' values with " | ". */
export interface SideColumns {
  document: DocumentId;
  ids: string;
  printed: string;
  /** The value of the side's first statistic. */
  value: number | null;
  unit: string;
  period: string;
  cited_source: string;
  locator: string;
  quote: string;
}

type Prefixed<P extends string> = { [K in keyof SideColumns as `${P}_${K}`]: SideColumns[K] };

/** One reconciliation.parquet row (see the data dictionary). */
export type ReconciliationRow = {
  id: string;
  scope: Scope;
  subject: string;
  measure: string;
  classification: Classification;
  reason: Reason;
  explanation: string;
  check_id: string;
  check_status: AuditStatus;
  raw_file: string;
  raw_line: number;
} & Prefixed<"left"> &
  Prefixed<"right">;

function sideColumns(stats: readonly Statistic[]): SideColumns {
  const join = (xs: readonly (string | null)[]) => xs.map((x) => x ?? "").join(" | ");
  return {
    document: stats[0]!.document,
    ids: stats.map((s) => s.id).join(","),
    printed: join(stats.map((s) => s.printed)),
    value: stats[0]!.value,
    unit: join(stats.map((s) => s.unit)),
    period: join(stats.map((s) => s.period)),
    cited_source: join(stats.map((s) => s.cited_source)),
    locator: join(stats.map((s) => s.locator)),
    quote: join(stats.map((s) => s.quote)),
  };
}

function prefixed<P extends string>(prefix: P, side: SideColumns): Prefixed<P> {
  return Object.fromEntries(Object.entries(side).map(([k, v]) => [`${prefix}_${k}`, v])) as Prefixed<P>;
}

/** The reconciliation.parquet rows: each entry with both sides' numbers denormalized for display. */
export function reconciliationRows(entries: readonly ReconciliationEntry[], statistics: readonly Statistic[]): ReconciliationRow[] {
  const byId = new Map(statistics.map((s) => [s.id, s]));
  return entries.map((e) => {
    const audit = compareEntry(e, byId);
    return {
      id: e.id,
      scope: e.scope,
      subject: e.subject,
      measure: e.measure,
      ...prefixed("left", sideColumns(e.left_ids.map((id) => byId.get(id)!))),
      ...prefixed("right", sideColumns(e.right_ids.map((id) => byId.get(id)!))),
      classification: e.classification,
      reason: e.reason,
      explanation: e.explanation,
      check_id: audit.check_id,
      check_status: audit.status,
      raw_file: e.raw_file,
      raw_line: e.raw_line,
    };
  });
}
