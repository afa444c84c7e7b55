import { auditLedger } from "../../data-loaders/audit/audit-ledger.ts";
import type { Ledger } from "../../data-loaders/normalize/ledger.ts";
import type { Statistic } from "../../data-loaders/normalize/statistic.ts";

/** What the provenance popup shows for one number: its statistic's fields that trace it back, and its findings. */
export type Provenance = Pick<
  Statistic,
  "id" | "document" | "locator" | "page" | "line" | "subject" | "measure" | "printed" | "reading" | "unit" | "period" | "cited_source" | "quote" | "note"
> & {
  /** Failing audit checks that involve this number: findings to show, never corrections. */
  findings: { check_id: string; message: string }[];
};

const findingsCache = new WeakMap<Ledger, Map<string, Provenance["findings"]>>();

/** The failing audit checks of a ledger, by the statistics they involve. */
export function findingsByStatistic(ledger: Ledger): Map<string, Provenance["findings"]> {
  let findings = findingsCache.get(ledger);
  if (!findings) {
    findings = new Map();
    for (const check of auditLedger(ledger)) {
      if (check.status !== "fail") continue;
      for (const id of check.cells.split(",").filter(Boolean)) {
        findings.set(id, [...(findings.get(id) ?? []), { check_id: check.check_id, message: check.message }]);
      }
    }
    findingsCache.set(ledger, findings);
  }
  return findings;
}

export function provenance(s: Statistic, findings: ReadonlyMap<string, Provenance["findings"]> = new Map()): Provenance {
  const { id, document, locator, page, line, subject, measure, printed, reading, unit, period, cited_source, quote, note } = s;
  return { id, document, locator, page, line, subject, measure, printed, reading, unit, period, cited_source, quote, note, findings: findings.get(id) ?? [] };
}

/** Provenance records for the given statistic ids, in id order. */
export function provenanceFor(ledger: Ledger, ids: Iterable<string>): Record<string, Provenance> {
  const wanted = new Set(ids);
  const findings = findingsByStatistic(ledger);
  return Object.fromEntries(ledger.statistics.filter((s) => wanted.has(s.id)).map((s) => [s.id, provenance(s, findings)]));
}
