/** Fields every charted statistic carries so its mark links to its provenance. */
export interface ChartedStatistic {
  id: string;
  printed: string;
  value: number | null;
  value_low: number | null;
  value_high: number | null;
  qualifier: string;
}

/** The in-page link a mark carries; the provenance popup keys on it. */
export const statisticHref = (id: string) => `#stat-${id}`;
