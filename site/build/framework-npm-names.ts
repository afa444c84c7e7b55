import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** Every `npm:` package name that Framework's client code mentions, sorted. */
export async function frameworkClientNpmNames(clientDir: string): Promise<string[]> {
  const names = new Set<string>();
  for (const entry of await readdir(clientDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".js")) continue;
    const text = await readFile(join(entry.parentPath, entry.name), "utf8");
    for (const match of text.matchAll(/npm:((?:@[a-z0-9._-]+\/)?[a-z0-9._-]+)/g)) names.add(match[1]!);
  }
  return [...names].sort();
}
