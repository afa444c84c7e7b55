import { auditReport } from "../../data-loaders/audit/audit-ledger.ts";
import { findingsByNumber, type NumberFinding } from "../../data-loaders/audit/findings.ts";
import type { FindingClass } from "../../data-loaders/audit/row.ts";
import type { Ledger } from "../../data-loaders/normalize/ledger.ts";
import type { Statistic } from "../../data-loaders/normalize/statistic.ts";

/**
 * One finding as a number carries it (contract 3 between slices): renderers write
 * `data-finding="<class>"` and `data-finding-role="<role>"` from the first entry (the strongest
 * mark), and the popup lists them all. `check_id` is the first check that reveals it, and
 * `message` the reader's sentence (the two fields pages used before classes existed).
 */
export type ProvenanceFinding = NumberFinding & { check_id: string; message: string };

/** What the provenance popup shows for one number: its statistic's fields that trace it back, and its findings. */
export type Provenance = Pick<
  Statistic,
  "id" | "document" | "locator" | "page" | "line" | "subject" | "measure" | "printed" | "reading" | "unit" | "period" | "cited_source" | "quote" | "note"
> & {
  /** The findings that name this number, strongest mark first: findings to show, never corrections. */
  findings: ProvenanceFinding[];
};

/** The mark a number carries: the class and role of its strongest finding, or null. */
export function markOf(p: Pick<Provenance, "findings">): { class: FindingClass; role: NumberFinding["role"] } | null {
  const first = p.findings[0];
  return first ? { class: first.class, role: first.role } : null;
}

const findingsCache = new WeakMap<Ledger, Map<string, ProvenanceFinding[]>>();

/** The findings of a ledger's audit, by the statistics they name (each with its role). */
export function findingsByStatistic(ledger: Ledger): Map<string, ProvenanceFinding[]> {
  let findings = findingsCache.get(ledger);
  if (!findings) {
    const report = auditReport(ledger);
    const firstCheck = new Map<string, string>();
    for (const f of report.findings) firstCheck.set(f.finding_id, f.check_ids.split(",")[0] ?? "");
    findings = new Map(
      [...findingsByNumber(report.findings)].map(([id, list]) => [id, list.map((f) => ({ ...f, check_id: firstCheck.get(f.finding_id) ?? "", message: f.sentence }))]),
    );
    findingsCache.set(ledger, findings);
  }
  return findings;
}

export function provenance(s: Statistic, findings: ReadonlyMap<string, ProvenanceFinding[]> = new Map()): Provenance {
  const { id, document, locator, page, line, subject, measure, printed, reading, unit, period, cited_source, quote, note } = s;
  return { id, document, locator, page, line, subject, measure, printed, reading, unit, period, cited_source, quote, note, findings: findings.get(id) ?? [] };
}

/** Provenance records for the given statistic ids, in id order. */
export function provenanceFor(ledger: Ledger, ids: Iterable<string>): Record<string, Provenance> {
  const wanted = new Set(ids);
  const findings = findingsByStatistic(ledger);
  return Object.fromEntries(ledger.statistics.filter((s) => wanted.has(s.id)).map((s) => [s.id, provenance(s, findings)]));
}
