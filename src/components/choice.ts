/** One option of a choice: the value it stands for and the text the reader sees. */
export interface ChoiceOption {
  value: string;
  text: string;
}

export interface ChoiceElement extends HTMLLabelElement {
  readonly select: HTMLSelectElement;
  /** The chosen option's value; setting it chooses another. */
  value: string;
}

/**
 * A labelled select: "Label [option ▾]". The select's "change" event bubbles to the label, so
 * a page can listen on the element it displays; `value` reads the choice.
 */
export function choice(options: readonly ChoiceOption[], { label, name, className }: { label: string; name?: string; className?: string }): ChoiceElement {
  const select = document.createElement("select");
  if (name) select.name = name;
  select.append(...options.map((o) => new Option(o.text, o.value)));
  const element = document.createElement("label") as ChoiceElement;
  if (className) element.className = className;
  element.append(`${label} `, select);
  return Object.defineProperties(element, {
    select: { value: select },
    value: { get: () => select.value, set: (v: string) => void (select.value = v) },
  });
}
