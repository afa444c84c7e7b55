// Where each number, table and figure of the documents stands in the report: the one routing
// table from document lines, sections and tables to pages. Loaders use it to link findings,
// citations and downloads to the page that shows them.
import { tableKey } from "../../data-loaders/normalize/table.ts";

/** The pages of the report, by path. */
export const PAGES = {
  survey: "/survey",
  theory: "/thesis/theory",
  sinosValley: "/thesis/sinos-valley",
  sialkot: "/thesis/sialkot",
  guadalajara: "/thesis/guadalajara",
  finalDiscussion: "/thesis/final-discussion",
} as const;

/** A page's path, one of PAGES. */
export type PagePath = (typeof PAGES)[keyof typeof PAGES];

/** What a link to each page calls it. */
export const PAGE_TITLES: Readonly<Record<PagePath, string>> = {
  [PAGES.survey]: "Survey",
  [PAGES.theory]: "Thesis: Theory",
  [PAGES.sinosValley]: "Thesis: Sinos Valley",
  [PAGES.sialkot]: "Thesis: Sialkot",
  [PAGES.guadalajara]: "Thesis: Guadalajara",
  [PAGES.finalDiscussion]: "Thesis: Final discussion",
};

/** The page of each printed table, by table key (normalize/table.ts). */
export const TABLE_PAGES: Readonly<Record<string, string>> = {
  "survey-table-1": PAGES.survey,
  "thesis-table-1": PAGES.sinosValley,
  "thesis-table-2": PAGES.sinosValley,
  "thesis-table-4": PAGES.sinosValley,
  "thesis-table-5": PAGES.sinosValley,
  "thesis-table-6": PAGES.sialkot,
  "thesis-table-3": PAGES.guadalajara,
  "thesis-table-7": PAGES.guadalajara,
  "thesis-table-8": PAGES.finalDiscussion,
};

/**
 * Thesis text lines (inclusive) of each page: Part I on the theory page; each case study a
 * chapter of Part II and its section of Part III. The end notes, after line 4776, are in none.
 */
const THESIS_LINE_PAGES: readonly (readonly [number, number, PagePath])[] = [
  [1, 2408, PAGES.theory],
  [2409, 3124, PAGES.sinosValley],
  [3125, 3492, PAGES.sialkot],
  [3493, 3949, PAGES.guadalajara],
  [3950, 4076, PAGES.finalDiscussion],
  [4077, 4246, PAGES.sinosValley],
  [4247, 4398, PAGES.sialkot],
  [4399, 4582, PAGES.guadalajara],
  [4583, 4776, PAGES.finalDiscussion],
];

/** The page that shows the thesis's text at `line`; null for the end notes, which no page shows as text. */
export function thesisPageAt(line: number): PagePath | null {
  return THESIS_LINE_PAGES.find(([from, to]) => line >= from && line <= to)?.[2] ?? null;
}

/**
 * The page that shows a statistic, with the anchor of its number there: table cells by
 * their table, running text by the line it stands on; the thesis's end notes (after line
 * 4776) are listed with the final discussion.
 */
export function pageOf(statistic: { id: string; document: string; table: string | null; line: number }): string {
  const anchor = `#stat-${statistic.id}`;
  if (statistic.document === "survey") return PAGES.survey + anchor;
  if (statistic.table) return (TABLE_PAGES[tableKey(statistic.document, statistic.table)] ?? PAGES.finalDiscussion) + anchor;
  return (thesisPageAt(statistic.line) ?? PAGES.finalDiscussion) + anchor;
}

/**
 * The thesis's figures: #1–#6 are diagrams drawn from the text (site/diagrams/); #7–#10 are
 * charts whose series the documents do not give, shown through charts of what they do state.
 */
export const FIGURES: readonly { number: number; page: string; raw: string; loader: string; output: string; charts: string[] }[] = [
  ...[1, 2, 3, 4, 5, 6].map((number) => ({
    number,
    page: PAGES.theory,
    raw: `site/diagrams/figure-${number}.ts (the quotes it draws from)`,
    loader: "src/data/thesis/diagrams.json.ts",
    output: "data/thesis/diagrams.json",
    charts: [],
  })),
  ...(
    [
      [7, PAGES.sialkot, ["thesis-sialkot-exports"]],
      [8, PAGES.sialkot, ["thesis-sialkot-exports"]],
      [9, PAGES.guadalajara, ["thesis-guadalajara-imports"]],
      [10, PAGES.guadalajara, ["thesis-guadalajara-devaluation"]],
    ] as const
  ).map(([number, page, charts]) => ({
    number,
    page,
    raw: "raw/survey/statistics/survey.tsv, raw/thesis/statistics/part-2.tsv (what the documents state); site/charts/originals.ts (what the original showed)",
    loader: "src/data/charts/[name].json.ts",
    output: "",
    charts: [...charts],
  })),
];
