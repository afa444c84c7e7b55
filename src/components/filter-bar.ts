export interface FilterField {
  /** The row field to filter on. */
  name: string;
  label: string;
}

export interface FilterBar extends HTMLElement {
  /** The chosen value of each field; "" means all. */
  readonly value: Record<string, string>;
}

/**
 * One select per field, offering the field's distinct values in `rows`. Changing any fires an
 * "input" event on the bar; `bar.value` holds the choices.
 */
export function filterBar(rows: readonly Record<string, unknown>[], fields: readonly FilterField[], { label = "Filter the numbers" } = {}): FilterBar {
  const bar = document.createElement("fieldset") as unknown as FilterBar;
  bar.className = "filters";
  const legend = document.createElement("legend");
  legend.textContent = label;
  bar.append(legend);
  const selects = new Map<string, HTMLSelectElement>();
  for (const field of fields) {
    const values = [...new Set(rows.map((r) => r[field.name]).filter((v): v is string => typeof v === "string" && v !== ""))].sort();
    const select = document.createElement("select");
    select.name = field.name;
    select.append(new Option("all", ""), ...values.map((v) => new Option(v, v)));
    const wrapper = document.createElement("label");
    wrapper.append(`${field.label} `, select);
    bar.append(wrapper);
    selects.set(field.name, select);
  }
  Object.defineProperty(bar, "value", { get: () => Object.fromEntries([...selects].map(([name, s]) => [name, s.value])) });
  bar.addEventListener("change", () => bar.dispatchEvent(new Event("input", { bubbles: true })));
  return bar;
}
