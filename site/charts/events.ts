// Events the documents date, drawn on a chart's year axis as annotations. An event is not a
// statistic of the ledger (the ledger records quantities, not dates of events), so it carries
// its own quote and line; test/charts/originals.test.ts checks each quote against the source
// text and that the quote prints the year drawn.

import type { DocumentId } from "../../data-loaders/normalize/statistic.ts";

/** A dated event: the year the document prints, what happened, and the passage that says so. */
export interface DatedEvent {
  document: DocumentId;
  /** The year drawn: the year printed in `quote`. */
  year: number;
  /** The short label drawn beside the rule. */
  label: string;
  /** The seed line on which `quote` starts (1-based). */
  line: number;
  /** The passage verbatim, white space collapsed. */
  quote: string;
}

/** The US FDA's ruling against Sialkot's surgical instruments (thesis, section 7.2). */
export const FDA_RULING: DatedEvent = {
  document: "thesis",
  year: 1994,
  label: "FDA ruling, May 1994",
  line: 4257,
  quote: "following the FDA ruling in May 1994",
};

/** The Mexican peso's devaluation (thesis, section 6.4). */
export const PESO_DEVALUATION: DatedEvent = {
  document: "thesis",
  year: 1994,
  label: "peso devaluation, 1994",
  line: 3926,
  quote: "Coupled with this increased protection was the pesos devaluation in 1994 that rendered Mexican exports more attractive for the international market",
};

export const EVENTS: readonly DatedEvent[] = [FDA_RULING, PESO_DEVALUATION];
