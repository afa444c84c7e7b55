export interface StatisticGroupsElement extends HTMLElement {
  /** Shows only the rows of these statistics (all when null), and only groups left with a row; returns how many rows are shown. */
  showOnly(ids: ReadonlySet<string> | null): number;
  /** The statistics whose rows are shown now. */
  shownIds(): ReadonlySet<string>;
}

/**
 * Filters for statistics in groups the build drew into the page (site/html/lists.ts,
 * statisticGroupsHtml): a row per statistic (`tr[data-stat]`), a section per group.
 */
export function enhanceStatisticGroups(element: HTMLElement): StatisticGroupsElement {
  const groups = element as StatisticGroupsElement;
  groups.showOnly = (ids) => {
    let shown = 0;
    for (const section of groups.querySelectorAll<HTMLElement>("section")) {
      let visible = 0;
      for (const tr of section.querySelectorAll<HTMLElement>("tbody tr[data-stat]")) {
        const show = ids === null || ids.has(tr.dataset.stat!);
        tr.hidden = !show;
        if (show) visible++;
      }
      section.hidden = visible === 0;
      shown += visible;
    }
    return shown;
  };
  groups.shownIds = () => new Set([...groups.querySelectorAll<HTMLElement>("tbody tr[data-stat]")].filter((tr) => !tr.hidden).map((tr) => tr.dataset.stat!));
  return groups;
}
