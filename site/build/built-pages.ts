import { relative, sep } from "node:path";
import { filesUnder } from "./files-under.ts";

/**
 * The pages of a built site, as a reader requests them (`/`, `/survey`, `/thesis/theory`, …):
 * every .html file outside Framework's `_` folders, the 404 page left out. The browser tests
 * and the benchmark visit these.
 */
export async function builtPages(dist: string): Promise<string[]> {
  const pages: string[] = [];
  for await (const path of filesUnder(dist)) {
    const file = relative(dist, path).split(sep);
    if (!path.endsWith(".html") || file.some((part) => part.startsWith("_"))) continue;
    const page = `/${file.join("/").replace(/\.html$/, "").replace(/(^|\/)index$/, "$1")}`;
    if (page !== "/404") pages.push(page);
  }
  return pages.sort();
}
