import { parseArgs } from "node:util";

/** The value of a Framework route parameter (`[key].json.ts` runs with `--key=…`). */
export function routeParam(name: string): string {
  const { values } = parseArgs({ options: { [name]: { type: "string" } }, strict: false });
  const value = values[name];
  if (typeof value !== "string" || value === "") throw new Error(`invalid ${name}: missing --${name}=… (run this loader through Framework)`);
  return value;
}
