import { readFile } from "node:fs/promises";
import { dirname, posix, relative } from "node:path";
import { placeholderFiles } from "../html/render-page.ts";
import { filesUnder } from "./files-under.ts";

/**
 * The data files the pages name, FileAttachment("…") calls, download links and the placeholders
 * the build fills in (site/html/render-page.ts), as root paths:
 * the outputs whose loaders a build runs.
 */
export async function referencedFiles(srcDir: string): Promise<string[]> {
  const found = new Set<string>();
  for await (const file of filesUnder(srcDir)) {
    if (!file.endsWith(".md") || file.includes(`${posix.sep}.observablehq${posix.sep}`)) continue;
    const text = await readFile(file, "utf8");
    const pageDir = posix.join("/", relative(srcDir, dirname(file)).split("\\").join("/"));
    const named = [
      ...[...text.matchAll(/FileAttachment\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]!),
      ...[...text.matchAll(/<a\s[^>]*>/g)]
        .map((m) => m[0])
        .filter((tag) => /\sdownload\b/.test(tag))
        .map((tag) => /\shref="([^"#?]+)"/.exec(tag)?.[1])
        .filter((href): href is string => href !== undefined),
    ];
    for (const name of named) found.add(name.startsWith("/") ? name : posix.join(pageDir, name));
    for (const name of placeholderFiles(posix.join(pageDir, "page"), text)) found.add(name);
  }
  return [...found].sort();
}
