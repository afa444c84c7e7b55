import { readerLabel } from "../portable/labels.js";

export interface FilterField {
  /** The row field to filter on. */
  name: string;
  label: string;
}

export interface FilterBar extends HTMLElement {
  /** The chosen value of each field; "" means all. Setting it chooses those values (unknown ones: all). */
  value: Record<string, string>;
  /** Shows, beside each option, how many rows it would leave, and disables those that would leave none. */
  setCounts(counts: Readonly<Record<string, ReadonlyMap<string, number>>>): void;
}

/**
 * How many rows each option of each field would leave, given the other fields' choices: the
 * options narrow each other, so a reader never picks a combination that matches nothing.
 */
export function optionCounts(rows: readonly Record<string, unknown>[], fields: readonly FilterField[], chosen: Readonly<Record<string, string>>): Record<string, Map<string, number>> {
  const counts: Record<string, Map<string, number>> = {};
  for (const field of fields) {
    const others = fields.filter((f) => f.name !== field.name && (chosen[f.name] ?? "") !== "");
    const map = new Map<string, number>();
    let all = 0;
    for (const row of rows) {
      if (!others.every((f) => row[f.name] === chosen[f.name])) continue;
      all++;
      const value = row[field.name];
      if (typeof value === "string" && value !== "") map.set(value, (map.get(value) ?? 0) + 1);
    }
    map.set("", all);
    counts[field.name] = map;
  }
  return counts;
}

/**
 * One select per field, offering the field's distinct values in `rows` under readers' labels.
 * Changing any fires an "input" event on the bar; `bar.value` holds the choices.
 */
export function filterBar(rows: readonly Record<string, unknown>[], fields: readonly FilterField[], { label = "Filter the numbers" } = {}): FilterBar {
  const bar = document.createElement("fieldset") as unknown as FilterBar;
  bar.className = "filters screen-only";
  const legend = document.createElement("legend");
  legend.textContent = label;
  bar.append(legend);
  const selects = new Map<string, HTMLSelectElement>();
  for (const field of fields) {
    const values = [...new Set(rows.map((r) => r[field.name]).filter((v): v is string => typeof v === "string" && v !== ""))].sort((a, b) => readerLabel(a).localeCompare(readerLabel(b), "en"));
    const select = document.createElement("select");
    select.name = field.name;
    select.append(new Option("all", ""), ...values.map((v) => new Option(readerLabel(v), v)));
    const wrapper = document.createElement("label");
    wrapper.append(`${field.label} `, select);
    bar.append(wrapper);
    selects.set(field.name, select);
  }
  Object.defineProperty(bar, "value", {
    get: () => Object.fromEntries([...selects].map(([name, s]) => [name, s.value])),
    set: (chosen: Record<string, string>) => {
      for (const [name, select] of selects) {
        const wanted = chosen[name] ?? "";
        select.value = [...select.options].some((o) => o.value === wanted) ? wanted : "";
      }
    },
  });
  bar.setCounts = (counts) => {
    for (const [name, select] of selects) {
      for (const option of select.options) {
        const n = counts[name]?.get(option.value) ?? 0;
        const text = option.value === "" ? "all" : readerLabel(option.value);
        option.textContent = `${text} (${n})`;
        // The chosen option stays choosable, so a reader can always see and undo it.
        option.disabled = n === 0 && option.value !== select.value;
      }
    }
  };
  bar.addEventListener("change", () => bar.dispatchEvent(new Event("input", { bubbles: true })));
  return bar;
}
