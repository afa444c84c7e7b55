import { filterBar, type FilterField } from "./filter-bar.js";

/** A statistic's values of the fields a reader filters by (a row of a *-facets query). */
export type Facet = { id: string } & Record<string, unknown>;

/** A view whose marks or rows of statistics the filters show and hide; it says how many it shows. */
export interface FilteredView {
  showOnly(ids: ReadonlySet<string> | null): number;
}

/** The views one filter acts on. */
export interface FilteredViews {
  /** A chart (figure): the marks it shows are counted. */
  chart: FilteredView;
  /** An element whose numbers (`a.stat`) are dimmed, not hidden, when filtered out (a printed table). */
  dimmed: Element;
  /** Lists of statistics (statisticGroups): the rows they show are counted. */
  lists: FilteredView;
}

export interface StatisticFilterElement extends HTMLElement {
  /** The ids the filters leave shown (null: all), once the reader's last choice is applied. */
  shownIds(): Promise<ReadonlySet<string> | null>;
  /** Makes the filters act on `views` (in place of any earlier ones), and says what is shown. */
  connect(views: FilteredViews): void;
}

/** The ids of the facets that match every chosen value ("" chooses all), with Arquero, which loads on first use. */
export async function matchingIds(facets: readonly Facet[], chosen: Readonly<Record<string, string>>): Promise<string[]> {
  const { from } = await import("../lib/arquero.js");
  let table = from(facets as Facet[]);
  for (const [field, value] of Object.entries(chosen)) {
    if (value !== "") table = table.params({ field, value }).filter((d: Facet, $: { field: string; value: string }) => d[$.field] === $.value);
  }
  return table.array("id") as string[];
}

/** The line under the filters: all shown, or how many numbers match and how many of them each view shows. */
export function filterStatusText(total: number, { scope, match }: { scope: string; match?: { ids: number; marks: number; rows: number } }): string {
  return match ? `${match.ids} of ${total} numbers match: ${match.marks} in the chart, ${match.rows} in the lists of the text.` : `All ${total} numbers ${scope} shown.`;
}

/**
 * Filters for every number of a page: a select per field (filterBar) and a line that says
 * what they leave shown. Once connected to the page's views, each choice shows only the
 * matching statistics in the chart and the lists, and dims the others in the printed table.
 * Arquero, which picks the matches, loads the first time a reader filters, so that a reader
 * who only reads does not download it.
 */
export function statisticFilter(facets: readonly Facet[], { fields, scope }: { fields: readonly FilterField[]; scope: string }): StatisticFilterElement {
  const bar = filterBar(facets, fields);
  const status = document.createElement("p");
  status.className = "filter-status";
  status.setAttribute("role", "status");
  const element = document.createElement("div") as unknown as StatisticFilterElement;
  element.className = "statistic-filter";
  element.append(bar, status);

  let views: FilteredViews | null = null;
  let shown: ReadonlySet<string> | null = null;
  let settled: Promise<void> = Promise.resolve();

  async function apply(): Promise<void> {
    const chosen = bar.value;
    const active = Object.values(chosen).some((v) => v !== "");
    const ids = await matchingIds(facets, chosen);
    shown = active ? new Set(ids) : null;
    if (!views) return;
    const marks = views.chart.showOnly(shown);
    for (const button of views.dimmed.querySelectorAll<HTMLElement>("a.stat[data-stat]")) button.classList.toggle("filtered-out", shown !== null && !shown.has(button.dataset.stat!));
    const rows = views.lists.showOnly(shown);
    status.textContent = filterStatusText(facets.length, { scope, match: active ? { ids: ids.length, marks, rows } : undefined });
  }

  bar.addEventListener("input", () => (settled = apply()));
  element.shownIds = async () => (await settled, shown);
  element.connect = (next) => {
    views = next;
    // New views (a page redrawn for another width) show what the filters choose.
    if (Object.values(bar.value).some((v) => v !== "")) settled = apply();
    else status.textContent = filterStatusText(facets.length, { scope });
  };
  return element;
}
