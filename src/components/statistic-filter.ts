import { filterBar, optionCounts, type FilterField } from "./filter-bar.js";

/** A statistic's values of the fields a reader filters by (a row of a *-facets query). */
export type Facet = { id: string } & Record<string, unknown>;

/** A view whose marks or rows of statistics the filters show and hide; it says how many it shows. */
export interface FilteredView {
  showOnly(ids: ReadonlySet<string> | null): number;
  /** The statistics it shows now, when it can say (so that the counts account for every match). */
  shownIds?(): ReadonlySet<string>;
}

/** The views one filter acts on. */
export interface FilteredViews {
  /** A chart (figure): the marks it shows are counted. */
  chart: FilteredView;
  /** An element whose numbers (`.stat`) are dimmed, not hidden, when filtered out (a printed table). */
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

/** Where the matching numbers are: every match counted once, in the first place it shows. */
export interface MatchPlaces {
  ids: number;
  marks: number;
  rows: number;
  /** In the printed table and in neither the chart nor the lists. */
  tableOnly?: number;
  /** Shown nowhere on the page. */
  nowhere?: number;
}

/** Counts each match once: in the chart, else in the lists, else only in the table, else nowhere. */
export function matchPlaces(ids: readonly string[], { chart, lists, table }: { chart: ReadonlySet<string>; lists: ReadonlySet<string>; table: ReadonlySet<string> }): Required<MatchPlaces> {
  const places = { ids: ids.length, marks: 0, rows: 0, tableOnly: 0, nowhere: 0 };
  for (const id of ids) {
    if (chart.has(id)) places.marks++;
    else if (lists.has(id)) places.rows++;
    else if (table.has(id)) places.tableOnly++;
    else places.nowhere++;
  }
  return places;
}

/** The line under the filters: all shown, or how many numbers match and where each of them is. */
export function filterStatusText(total: number, { scope, match }: { scope: string; match?: MatchPlaces }): string {
  if (!match) return `All ${total} numbers ${scope} shown.`;
  if (match.ids === 0) return `None of the ${total} numbers matches these filters together.`;
  const parts = [`${match.marks} in the chart`, `${match.rows} in the lists of the text`];
  if (match.tableOnly !== undefined) parts.push(`${match.tableOnly} only in the printed table`);
  if (match.nowhere) parts.push(`${match.nowhere} not shown on this page`);
  return `${match.ids} of ${total} numbers match: ${parts.join(", ")}.`;
}

/** The statistic a number element stands for: its data-stat, or the id in its link. */
function statOf(element: Element): string | undefined {
  const data = (element as HTMLElement).dataset?.stat;
  if (data) return data;
  const href = element.getAttribute("href") ?? "";
  return /(?:#stat-|numbers\/)([^/?#]+)$/.exec(href)?.[1];
}

/** The filter's choices as the page's query string holds them (other parameters and the hash kept). */
export function filterSearch(search: string, chosen: Readonly<Record<string, string>>): string {
  const params = new URLSearchParams(search);
  for (const [field, value] of Object.entries(chosen)) {
    if (value) params.set(field, value);
    else params.delete(field);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * Filters for every number of a page: a select per field (filterBar), a reset, and a line that
 * says what they leave shown, every match accounted for. The choices live in the page's address
 * (`?cluster=Sialkot`), so a reload or a shared link reopens the same view; each option says
 * how many numbers it would leave, and those that would leave none are disabled. Once
 * connected to the page's views, each choice shows only the matching statistics in the chart
 * and the lists, and dims the others in the printed table. Arquero, which picks the matches,
 * loads the first time a reader filters, so that a reader who only reads does not download it.
 * The element fires "input" when the choice changes.
 */
export function statisticFilter(facets: readonly Facet[], { fields, scope }: { fields: readonly FilterField[]; scope: string }): StatisticFilterElement {
  const bar = filterBar(facets, fields);
  const reset = document.createElement("button");
  reset.type = "button";
  reset.className = "filter-reset";
  reset.textContent = "Reset filters";
  bar.append(reset);
  const status = document.createElement("p");
  status.className = "filter-status screen-only";
  status.setAttribute("role", "status");
  const element = document.createElement("div") as unknown as StatisticFilterElement;
  element.className = "statistic-filter screen-only";
  element.append(bar, status);

  const fromAddress = new URLSearchParams(location.search);
  bar.value = Object.fromEntries(fields.map((f) => [f.name, fromAddress.get(f.name) ?? ""]));

  let views: FilteredViews | null = null;
  let shown: ReadonlySet<string> | null = null;
  let settled: Promise<void> = Promise.resolve();

  const active = () => Object.values(bar.value).some((v) => v !== "");

  async function apply(): Promise<void> {
    const chosen = bar.value;
    bar.setCounts(optionCounts(facets, fields, chosen));
    reset.disabled = !active();
    const ids = await matchingIds(facets, chosen);
    shown = active() ? new Set(ids) : null;
    if (!views) return;
    const marks = views.chart.showOnly(shown);
    const inTable = new Set<string>();
    for (const number of views.dimmed.querySelectorAll<HTMLElement>(".stat")) {
      const id = statOf(number);
      if (!id) continue;
      const out = shown !== null && !shown.has(id);
      number.classList.toggle("filtered-out", out);
      if (!out) inTable.add(id);
    }
    const rows = views.lists.showOnly(shown);
    let match: MatchPlaces | undefined;
    if (shown) {
      const chartIds = views.chart.shownIds?.();
      const listIds = views.lists.shownIds?.();
      match = chartIds && listIds ? matchPlaces(ids, { chart: chartIds, lists: listIds, table: inTable }) : { ids: ids.length, marks, rows };
    }
    status.textContent = filterStatusText(facets.length, { scope, match });
  }

  const choose = () => {
    history.replaceState(history.state, "", `${location.pathname}${filterSearch(location.search, bar.value)}${location.hash}`);
    settled = apply();
  };
  bar.addEventListener("input", choose);
  reset.addEventListener("click", () => {
    bar.value = {};
    choose();
    element.dispatchEvent(new Event("input", { bubbles: true }));
  });
  element.shownIds = async () => (await settled, shown);
  element.connect = (next) => {
    views = next;
    // New views (a page redrawn for another width) show what the filters choose.
    if (active()) settled = apply();
    else {
      bar.setCounts(optionCounts(facets, fields, bar.value));
      reset.disabled = true;
      status.textContent = filterStatusText(facets.length, { scope });
    }
  };
  if (active()) settled = apply();
  return element;
}
