// Small rows for the timeline charts' tests, shaped as their queries return them.
import type { DatedStatistic } from "../../../site/charts/timeline.ts";

export function dated(overrides: Partial<DatedStatistic> & Pick<DatedStatistic, "id" | "printed" | "value" | "panel">): DatedStatistic {
  return {
    value_low: overrides.value,
    value_high: overrides.value,
    qualifier: "exact",
    document: "survey",
    subject: "Somewhere",
    measure: "exports",
    unit: "USD",
    period: null,
    year_start: null,
    year_end: null,
    cited_source: null,
    line: 1,
    ...overrides,
  };
}
