import { compareEntry, pinnedReadings } from "../audit/reconciliation.ts";
import type { AuditStatus } from "../audit/row.ts";
import type { Classification, PairClass, Reason, ReconciliationEntry, Scope, Side } from "../normalize/reconciliation.ts";
import type { DocumentId, Statistic } from "../normalize/statistic.ts";

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
  class: PairClass;
  in_question: Side;
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
  const pins = pinnedReadings(entries, byId);
  return entries.map((e) => {
    const audit = compareEntry(e, byId, pins);
    return {
      id: e.id,
      scope: e.scope,
      subject: e.subject,
      measure: e.measure,
      ...prefixed("left", sideColumns(e.left_ids.map((id) => byId.get(id)!))),
      ...prefixed("right", sideColumns(e.right_ids.map((id) => byId.get(id)!))),
      classification: e.classification,
      reason: e.reason,
      class: e.class,
      in_question: e.in_question,
      explanation: e.explanation,
      check_id: audit.check_id,
      check_status: audit.status,
      raw_file: e.raw_file,
      raw_line: e.raw_line,
    };
  });
}
