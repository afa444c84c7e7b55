/**
 * The checks a reviewer picked out of the documents: which printed numbers are derived from
 * which, which shares partition a whole, which counts are parts of which. Each names the
 * statistics by id; data-loaders/audit/text.ts computes the result. A check whose other side
 * the documents do not print is listed as `not_applicable`, with the reason, so the audit
 * says what it could not check.
 */

import type { DocumentId } from "../normalize/statistic.ts";

interface Base {
  /** The check_id is `<kind>:<key>`. */
  key: string;
  /** The printed table the numbers are in, or null for the running text. */
  table: string | null;
  /** What is checked, as a message opens: "Guadalajara, shoe production". */
  what: string;
}

/** result ≈ share% × whole. */
export interface PercentOf extends Base {
  check: "percent_of";
  share: string;
  whole: string;
  result: string;
}

/** share ≈ 100 × (1 − to / from): the printed share lost between two printed levels. */
export interface ShareLost extends Base {
  check: "share_lost";
  from: string;
  to: string;
  share: string;
}

/** Printed shares of one whole: together 100 (`all`), or at most 100 (`part`: the rest is not printed). */
export interface ShareSum extends Base {
  check: "share_sum";
  shares: string[];
  whole: "all" | "part";
  /** Why these shares are disjoint parts of the same whole. */
  why: string;
}

/** Printed parts of a printed whole: together at most the whole. */
export interface PartWhole extends Base {
  check: "part_whole";
  parts: string[];
  whole: string;
  why: string;
}

/** A printed count against its printed breakdown. */
export interface Sum extends Base {
  check: "sum";
  total: string;
  parts: string[];
  /** A part printed in words beside the numbers ("a trade fair body" = 1), found verbatim in a quote. */
  words?: { value: number; printed: string; in: string };
}

/** A printed count of a table's rows ("the four BAs illustrated") against the rows of that table. */
export interface RowCount extends Base {
  check: "row_count";
  count: string;
  tableKey: string;
}

/** A printed percentage of a printed group size in the text. */
export interface WholeCount extends Base {
  check: "whole_count";
  share: string;
  n: string;
}

/** A check the documents do not print both sides of. */
export interface NotApplicable extends Base {
  check: "not_applicable";
  kind: "derivation" | "share_sum";
  ids: string[];
  /** Arithmetic on the printed numbers that is still worth showing. */
  compute?: "ratio_percent" | "multiple" | "sum";
  reason: string;
}

export type TextCheck = PercentOf | ShareLost | ShareSum | PartWhole | Sum | RowCount | WholeCount | NotApplicable;

/** Column groups of a table where one place lies inside the other. */
export const PART_WHOLE_COLUMNS: readonly { table: string; document: DocumentId; part: string; whole: string; why: string }[] = [
  {
    table: "Table #1",
    document: "thesis",
    part: "Sinos Valley",
    whole: "Rio Grande do Sul",
    why: "the thesis places the Sinos Valley within the state of Rio Grande do Sul, line 2443",
  },
];

/**
 * Why a table that prints percentages has no set of shares partitioning one whole. Tables
 * without percentages get a share_sum row saying so without an entry here.
 */
export const NO_SHARE_SET: Record<string, string> = {
  "thesis-table-6":
    "each row is a separate question (each firm may answer yes to several), and each column is a share of a different group of firms, so no printed percentages are parts of one whole",
  "thesis-table-7":
    "each row is a separate kind of cooperation (a firm may cooperate in several), and the two columns are shares of different groups of firms, so no printed percentages are parts of one whole",
};

export const TEXT_CHECKS: readonly TextCheck[] = [
  // Derivations the documents print both sides of.
  {
    check: "percent_of",
    key: "survey.t1.guadalajara-shoe-production",
    table: "Table-1",
    what: "Guadalajara, shoe production",
    share: "survey.t1.guadalajara.share-of-national-production",
    whole: "survey.t1.mexico.shoe-production",
    result: "survey.t1.guadalajara.production",
  },
  {
    check: "share_lost",
    key: "thesis.guadalajara-footwear-ba-enrollment-loss",
    table: null,
    what: "Guadalajara, firms enrolled in the footwear BAs",
    from: "thesis.p2.guadalajara.footwear-ba-enrollment-late-1980s",
    to: "thesis.p2.guadalajara.footwear-ba-enrollment-1994",
    share: "thesis.p2.guadalajara.share-of-ba-enrollment-lost",
  },
  // Derivations with one side not printed.
  {
    check: "not_applicable",
    kind: "derivation",
    key: "survey.guadalajara-leon-share-of-mexican-shoe-firms",
    table: null,
    what: "Guadalajara and Leon, share of Mexico's shoe enterprises (1991)",
    ids: ["survey.guadalajara-leon.shoe-firms-1991", "survey.mexico.shoe-firms-1991"],
    compute: "ratio_percent",
    reason: "neither document prints the share that 2900 of the 4500 shoe enterprises make, so there is no printed value to check the ratio against",
  },
  {
    check: "not_applicable",
    kind: "derivation",
    key: "thesis.assintecal-membership-growth",
    table: null,
    what: "ASSINTECAL, member firms from 1993-94 to 1997-98",
    ids: ["thesis.p1.assintecal.membership-1993-94", "thesis.p1.assintecal.membership-1997-98"],
    compute: "multiple",
    reason: "the thesis calls the change from 40 to 80 firms only 'an increase'; it prints no growth rate or doubling to check",
  },
  {
    check: "not_applicable",
    kind: "derivation",
    key: "thesis.sialkot-export-volume-rebound",
    table: null,
    what: "Sialkot, export volumes by late 1997 against 1992-93",
    ids: ["thesis.p2.sialkot.export-volume-rebound-1997"],
    reason: "neither the 1992-93 nor the late-1997 export volume is printed (neither document prints them; the thesis's Figure #8 is an image this text does not hold), so the 25% cannot be recomputed",
  },
  {
    check: "not_applicable",
    kind: "derivation",
    key: "survey.ludhiana-production-value-in-dollars",
    table: null,
    what: "Ludhiana, woolen knitwear output in rupees and U.S. dollars (1991)",
    ids: ["survey.ludhiana.production-value-1991", "survey.ludhiana.production-value-1991-usd"],
    reason: "converting Rs 241 billion to 'almost $10 billion in U.S. 1991 dollars' needs a 1991 rupee-dollar exchange rate, which the survey does not give",
  },
  {
    check: "not_applicable",
    kind: "derivation",
    key: "thesis.sinos-valley-product-value-2007",
    table: null,
    what: "Sinos Valley, product value as of 2007",
    ids: ["thesis.p2.sinos-valley.product-value-growth-2007", "thesis.p2.sinos-valley.product-value-2007"],
    reason: "the '3% increase to US$ 191million' prints no earlier value, so the increase cannot be recomputed",
  },
  // Shares of one whole.
  {
    check: "share_sum",
    key: "survey.t1.mexico-footwear-employment-by-state",
    table: "Table-1",
    what: "Mexico, footwear employment by state (1990)",
    shares: ["survey.t1.jalisco.share-of-national-footwear-employment", "survey.t1.guanajuato.share-of-national-footwear-employment"],
    whole: "part",
    why: "Jalisco and Guanajuato are two different states; Mexico's other states are not printed",
  },
  {
    check: "share_sum",
    key: "thesis.guadalajara-firm-size-classes",
    table: null,
    what: "Guadalajara, footwear firms by size class",
    shares: [
      "thesis.p2.guadalajara.share-of-firms-under-100-employees",
      "thesis.p2.guadalajara.share-of-firms-100-to-250-employees",
      "thesis.p2.guadalajara.share-of-firms-over-251-employees",
    ],
    whole: "all",
    why: "the three size classes (under 100, 100 to 250, more than 251 employees) are quoted as the whole breakdown of the firms",
  },
  {
    check: "share_sum",
    key: "thesis.sinos-valley-exports-by-export-agent",
    table: null,
    what: "Sinos Valley, the cluster's exports by export agent",
    shares: ["thesis.p1.sinos-valley.share-of-exports-main-export-agent", "thesis.p1.sinos-valley.share-of-exports-other-agents"],
    whole: "part",
    why: "the main export agent and the 10 'other agents' are different agents; the rest of the exports is not attributed",
  },
  {
    check: "not_applicable",
    kind: "share_sum",
    key: "thesis.sinos-valley-firm-size-classes",
    table: null,
    what: "Sinos Valley, firms by size class",
    ids: ["thesis.p1.sinos-valley.share-of-firms-small", "thesis.p1.sinos-valley.share-of-large-firms"],
    compute: "sum",
    reason: "the 55 percent is a share of all firms, but the 23 percent is printed as 'of the market', which may be a share of output rather than of firms, so the two need not be parts of one whole",
  },
  {
    check: "not_applicable",
    kind: "share_sum",
    key: "thesis.guadalajara-externalized-stages",
    table: null,
    what: "Guadalajara, firms externalizing stages of production (1995)",
    ids: [
      "thesis.p2.guadalajara.share-of-firms-not-externalizing",
      "thesis.p2.guadalajara.share-externalizing-upper-stitching",
      "thesis.p2.guadalajara.share-externalizing-sole-cutting",
      "thesis.p2.guadalajara.share-externalizing-hand-stitching",
      "thesis.p2.guadalajara.share-externalizing-heel-covering",
    ],
    compute: "sum",
    reason: "a firm may externalize several stages, so the stage shares overlap and are not parts of one whole with the share that externalizes none",
  },
  // Parts of a printed whole.
  {
    check: "part_whole",
    key: "survey.t1.sinos-valley-footwear-firms",
    table: "Table-1",
    what: "Sinos Valley, footwear firms within the cluster's firms",
    parts: ["survey.t1.sinos-valley.footwear-firms-1996"],
    whole: "survey.t1.sinos-valley.cluster-firms",
    why: "the cluster is 'footwear and related industries'",
  },
  {
    check: "part_whole",
    key: "survey.t1.sinos-valley-footwear-workers",
    table: "Table-1",
    what: "Sinos Valley, footwear workers within the cluster's workers",
    parts: ["survey.t1.sinos-valley.footwear-workers-1996"],
    whole: "survey.t1.sinos-valley.cluster-workers",
    why: "the cluster is 'footwear and related industries'",
  },
  {
    check: "part_whole",
    key: "survey.t1.sialkot-manufacturers",
    table: "Table-1",
    what: "Sialkot, manufacturers within the firms related to the industry",
    parts: ["survey.t1.sialkot.manufacturers"],
    whole: "survey.t1.sialkot.firms-total",
    why: "'2,500 firms total related to surgical instrument industry'",
  },
  {
    check: "part_whole",
    key: "survey.guadalajara-leon-shoe-firms",
    table: null,
    what: "Guadalajara and Leon, shoe enterprises within Mexico's (1991)",
    parts: ["survey.guadalajara-leon.shoe-firms-1991"],
    whole: "survey.mexico.shoe-firms-1991",
    why: "'2900 of the 4500 shoe enterprises in Mexico'",
  },
  {
    check: "part_whole",
    key: "thesis.sialkot-firms-by-activity",
    table: null,
    what: "Sialkot, manufacturing-and-exporting and trading firms within all firms",
    parts: ["thesis.p2.sialkot.manufacturer-exporter-firms", "thesis.p2.sialkot.trading-firms"],
    whole: "thesis.p2.sialkot.firms",
    why: "'Of these firms, only 200 … while 600 firms …'; the remaining firms are stage producers",
  },
  {
    check: "part_whole",
    key: "thesis.brazil-footwear-exports-within-production",
    table: null,
    what: "Brazil, pairs exported within pairs produced (2000)",
    parts: ["thesis.p1.brazil.footwear-exports-pairs"],
    whole: "thesis.p1.brazil.footwear-production",
    why: "'produced 580 million pairs with 163 million pairs sent to export'",
  },
  {
    check: "part_whole",
    key: "thesis.abicalcados-members-within-producers",
    table: null,
    what: "ABICALÇADOS, member firms within Brazil's footwear producers",
    parts: ["thesis.p1.abicalcados.membership"],
    whole: "thesis.p1.brazil.footwear-producers",
    why: "'below 100 represented firms of a total of 400 footwear producers'",
  },
  // Printed counts against their breakdowns.
  {
    check: "sum",
    key: "thesis.sinos-valley-associations",
    table: null,
    what: "Sinos Valley, business associations",
    total: "thesis.p1.sinos-valley.associations",
    parts: ["thesis.p1.sinos-valley.professional-associations", "thesis.p1.sinos-valley.technical-training-institutes"],
    words: { value: 1, printed: "a trade fair body (FENAC)", in: "thesis.p1.sinos-valley.professional-associations" },
  },
  {
    check: "row_count",
    key: "thesis.jalisco-business-associations-in-table-3",
    table: "Table #3",
    what: "Jalisco, key business associations",
    count: "thesis.p2.jalisco.footwear-associations-in-table-3",
    tableKey: "thesis-table-3",
  },
  // A percentage of a group printed in the text.
  {
    check: "whole_count",
    key: "thesis.sialkot-firms-using-ba-services-more",
    table: null,
    what: "Sialkot, sampled firms using the BAs' services more after the crisis",
    share: "thesis.p2.sialkot.share-using-ba-services-more",
    n: "thesis.p2.sialkot.survey-firms",
  },
];
