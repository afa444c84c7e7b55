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
    const pageDir = posix.join("/", relative(srcDir, dirname(file)).split("\\").join("/"));
    for (const name of filesNamedBy(pageDir, await readFile(file, "utf8"))) found.add(name);
  }
  return [...found].sort();
}

/** The data files one page's Markdown names (see referencedFiles), as root paths; `pageDir` is the page's folder (`/thesis`). */
export function filesNamedBy(pageDir: string, text: string): string[] {
  const named = [
    ...[...text.matchAll(/FileAttachment\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]!),
    ...[...text.matchAll(/<a\s[^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => /\sdownload\b/.test(tag))
      .map((tag) => /\shref="([^"#?]+)"/.exec(tag)?.[1])
      .filter((href): href is string => href !== undefined),
  ];
  const found = new Set(named.map((name) => (name.startsWith("/") ? name : posix.join(pageDir, name))));
  for (const name of placeholderFiles(posix.join(pageDir, "page"), text)) found.add(name);
  return [...found].sort();
}

/**
 * The page loaders (`glossary.md.ts`, which Framework runs for the page `/glossary`), as paths
 * relative to `srcDir`. The build runs them in its loader process first, with the data loaders
 * (their outputs, `/glossary.md`, are keyed like the data loaders': cache/digests.ts).
 */
export async function pageLoaders(srcDir: string): Promise<string[]> {
  const found: string[] = [];
  for await (const file of filesUnder(srcDir)) {
    const path = relative(srcDir, file).split("\\").join("/");
    if (/\.md\.(?:js|ts)$/.test(path) && !path.startsWith(".observablehq/") && !path.split("/").some((part) => part.startsWith("["))) found.push(path);
  }
  return found;
}

/** A page loader's output as Framework asks for it: `glossary.md.ts` → `/glossary.md`. */
export const pageLoaderOutput = (loader: string) => `/${loader.replace(/\.(?:js|ts)$/, "")}`;
