// Every link of every built page lands: its page exists, its fragment names an element of that
// page, and an Explore link's `?q=` names one of the report's queries. Framework checks the links
// of its own pages only, and calls a query string or a page the build writes after it (number
// pages, annotated documents) broken; this reads the finished dist/ as a reader's browser would.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { before, describe, it } from "node:test";
import { SQL_DIR } from "../../site/paths.ts";
import { unescapeHtml } from "../../site/html/escape.ts";
import { allBuiltPages, DIST } from "./site.ts";

/** The file dist/ serves for a path (`/thesis/sialkot` → thesis/sialkot.html), or null. */
function fileOf(path: string): string | null {
  const clean = decodeURIComponent(path).replace(/^\//, "");
  const candidates = clean === "" || clean.endsWith("/") ? [`${clean}index.html`] : [`${clean}.html`, clean, `${clean}/index.html`];
  return candidates.find((c) => existsSync(join(DIST, c)) && !c.endsWith("/")) ?? null;
}

const pageOfFile = (file: string) => `/${file.replace(/(?:^|\/)index\.html$/, (m) => (m.startsWith("/") ? "/" : "")).replace(/\.html$/, "")}`;

describe("links of the built pages", () => {
  let pages: string[];
  let examples: Set<string>;
  const ids = new Map<string, Set<string>>();
  const idsOf = async (file: string) => {
    if (!ids.has(file)) {
      const html = await readFile(join(DIST, file), "utf8");
      ids.set(file, new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => unescapeHtml(m[1]!))));
    }
    return ids.get(file)!;
  };

  before(async () => {
    pages = await allBuiltPages();
    examples = new Set((await readdir(SQL_DIR)).filter((f) => f.endsWith(".sql")).map((f) => f.replace(/\.sql$/, "")));
  });

  it("land on a page, an element of it, and an Explore query that exists", async () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const file = fileOf(page);
      assert.ok(file, `no file for page ${page}`);
      const html = await readFile(join(DIST, file), "utf8");
      const base = new URL(pageOfFile(file), "http://report.invalid");
      for (const [, raw] of html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) {
        const href = unescapeHtml(raw!);
        if (/^(?:[a-z]+:|\/\/)/i.test(href) && !href.startsWith("http://report.invalid")) continue;
        const url = new URL(href, base);
        if (url.pathname.startsWith("/_")) continue;
        checked++;
        const target = fileOf(url.pathname);
        if (!target) {
          broken.push(`${page}: ${href} (no such page)`);
          continue;
        }
        if (url.hash) {
          const id = decodeURIComponent(url.hash.slice(1));
          if (!(await idsOf(target)).has(id)) broken.push(`${page}: ${href} (no element #${id} on ${pageOfFile(target)})`);
        }
        const query = url.searchParams.get("q");
        if (posix.basename(url.pathname) === "explore" && query !== null && !examples.has(query)) broken.push(`${page}: ${href} (no query ${query}.sql)`);
      }
    }
    assert.ok(checked > 1000, `only ${checked} links read: the page walk is broken`);
    assert.deepEqual(broken, []);
  });
});
