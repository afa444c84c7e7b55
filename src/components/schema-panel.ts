/** A table the Explore page loads, as schema.json describes it. */
export interface SchemaTable {
  name: string;
  rows: number;
  description: string;
  columns: readonly { name: string; type: string; description: string }[];
}

/** A name as SQL needs it: bare when it is a plain lower-case identifier, else double-quoted. */
export function sqlName(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

/**
 * The tables and their columns, with the data dictionary's descriptions; each name is a button
 * that inserts it into the query (`insert`, at the editor's cursor).
 */
export function schemaPanel(tables: readonly SchemaTable[], { insert }: { insert: (text: string) => void }): HTMLElement {
  const panel = document.createElement("details");
  panel.className = "schema-panel";
  const summary = document.createElement("summary");
  summary.textContent = "Tables and columns (click a name to insert it)";
  panel.append(summary);
  const button = (text: string, title: string) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "schema-name";
    b.textContent = text;
    b.title = title;
    b.addEventListener("click", () => insert(sqlName(text)));
    return b;
  };
  for (const table of tables) {
    const section = document.createElement("details");
    section.className = "schema-table";
    const head = document.createElement("summary");
    head.append(button(table.name, `Insert ${table.name}`), ` ${table.rows} rows: ${table.description}`);
    const list = document.createElement("dl");
    for (const column of table.columns) {
      const term = document.createElement("dt");
      term.append(button(column.name, `Insert ${column.name}`), ` ${column.type}`);
      const definition = document.createElement("dd");
      definition.textContent = column.description;
      list.append(term, definition);
    }
    section.append(head, list);
    panel.append(section);
  }
  return panel;
}
