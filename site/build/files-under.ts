import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";

/**
 * Every file under `path`, depth first in name order, so that what is made from them (a
 * digest) does not depend on the order the file system lists them in. A file yields itself;
 * a missing path yields nothing.
 */
export async function* filesUnder(path: string): AsyncGenerator<string> {
  if (!existsSync(path)) return;
  const entries = await readdir(path, { withFileTypes: true }).catch(() => null);
  if (!entries) {
    yield path;
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) yield* filesUnder(join(path, entry.name));
}
