import type { Provenance } from "./provenance.js";
import { statisticsList, type ListedStatistic } from "./statistics-list.js";

export interface StatisticGroupsElement extends HTMLElement {
  /** Shows only the rows of these statistics (all when null), and only groups left with a row; returns how many rows are shown. */
  showOnly(ids: ReadonlySet<string> | null): number;
  /** The statistics whose rows are shown now. */
  shownIds(): ReadonlySet<string>;
}

/** The anchor of a group's heading: "Palar Valley" → "palar-valley" after the prefix. */
export const groupAnchor = (prefix: string, group: string) => `${prefix}${group.toLowerCase().replace(/[^a-z]+/g, "-")}`;

/**
 * Statistics in groups, in the order of `groups` (a group with no statistic is left out): a
 * section per group, headed by its name and count, with its statistics as a list
 * (statisticsList). `groupOf` says which group a statistic belongs to.
 */
export function statisticGroups<Row extends ListedStatistic>(
  rows: readonly Row[],
  { groups, groupOf, idPrefix, provenance }: { groups: readonly string[]; groupOf: (row: Row) => string; idPrefix: string; provenance: Readonly<Record<string, Provenance>> },
): StatisticGroupsElement {
  const element = document.createElement("div") as unknown as StatisticGroupsElement;
  element.className = "statistic-groups";
  const sections: HTMLElement[] = [];
  for (const group of groups) {
    const members = rows.filter((d) => groupOf(d) === group);
    if (!members.length) continue;
    const section = document.createElement("section");
    const heading = document.createElement("h3");
    heading.textContent = `${group} (${members.length})`;
    heading.id = groupAnchor(idPrefix, group);
    section.append(heading, statisticsList(members, { provenance }));
    sections.push(section);
  }
  element.append(...sections);
  element.showOnly = (ids) => {
    let shown = 0;
    for (const section of sections) {
      let visible = 0;
      for (const tr of section.querySelectorAll<HTMLElement>("tbody tr")) {
        const show = ids === null || ids.has(tr.dataset.stat!);
        tr.hidden = !show;
        if (show) visible++;
      }
      section.hidden = visible === 0;
      shown += visible;
    }
    return shown;
  };
  element.shownIds = () => new Set([...element.querySelectorAll<HTMLElement>("tbody tr[data-stat]")].filter((tr) => !tr.hidden).map((tr) => tr.dataset.stat!));
  return element;
}
