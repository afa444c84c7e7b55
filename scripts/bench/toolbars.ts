// `--only=toolbars`: what the figures' toolbars cost a page's first load (ISSUE-15: "chart
// toolbars add no library to a page's first load"). For every page of dist/ whose HTML holds a
// chart or a diagram: the scripts it loads before the network is idle (count and bytes as
// served), the toolbar's own module among them, and any library a chart could pull in (Vega,
// DuckDB, Arquero, Arrow, Parquet readers) or any .wasm. Pages that load a library for another
// control (the survey's summary loads DuckDB only when used) are told apart by the toolbar
// module's imports: it must import nothing.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { builtPages } from "../../site/build/built-pages.ts";
import { serveStatic } from "../../site/serve/static-server.ts";
import type { Target } from "./report.ts";

/** What a chart library's module path looks like in dist/ (_node/<package>@<version>/…). */
const LIBRARY = /\/_node\/(@?[^/]*(?:vega|duckdb|arquero|apache-arrow|hyparquet|parquet)[^/@]*)@/;

export interface ToolbarPage {
  path: string;
  figures: number;
  scripts: number;
  scriptBytes: number;
  /** Bytes of src/components/figure-toolbar.ts as built, 0 when the page does not load it. */
  toolbarBytes: number;
  /** The same first load with the toolbar's module refused: what the page loads without it. */
  scriptBytesWithout: number;
  /** Chart or data libraries the first load fetched. */
  libraries: string[];
  wasm: string[];
}

export interface ToolbarMetrics {
  pages: ToolbarPage[];
  /** The modules the toolbar's built module imports (must be none). */
  toolbarImports: string[];
}

export async function measureToolbars(browser: Browser, dist: string, log: (line: string) => void): Promise<ToolbarMetrics> {
  const { server, url } = await serveStatic(dist);
  const pages: ToolbarPage[] = [];
  let toolbarImports: string[] = [];
  try {
    for (const path of await builtPages(dist)) {
      if (path.startsWith("/numbers/")) continue;
      const file = join(dist, path === "/" ? "index.html" : path.endsWith("/") ? `${path}index.html` : `${path}.html`);
      const html = await readFile(file, "utf8");
      const figures = (html.match(/<figure class="(?:chart|diagram)"/g) ?? []).length;
      if (!figures) continue;
      const load = async (withToolbar: boolean) => {
        const page = await browser.newPage();
        const scripts: { url: string; bytes: number }[] = [];
        const wasm: string[] = [];
        if (!withToolbar) await page.route(/figure-toolbar\.[0-9a-f]+\.js$/, (route) => route.abort());
        page.on("response", async (response) => {
          const address = response.url();
          if (address.endsWith(".wasm")) wasm.push(new URL(address).pathname);
          if (response.request().resourceType() !== "script") return;
          const body = await response.body().catch(() => Buffer.alloc(0));
          scripts.push({ url: new URL(address).pathname, bytes: body.length });
          if (/figure-toolbar\.[0-9a-f]+\.js$/.test(address)) toolbarImports = [...body.toString("utf8").matchAll(/\bimport\b[^"'()]*["']([^"']+)["']/g)].map((m) => m[1]!);
        });
        await page.goto(url + path, { waitUntil: "networkidle" });
        await page.close();
        return { scripts, wasm };
      };
      const { scripts, wasm } = await load(true);
      const without = await load(false);
      const row: ToolbarPage = {
        path,
        figures,
        scripts: scripts.length,
        scriptBytes: scripts.reduce((n, s) => n + s.bytes, 0),
        scriptBytesWithout: without.scripts.reduce((n, s) => n + s.bytes, 0),
        toolbarBytes: scripts.filter((s) => /figure-toolbar\.[0-9a-f]+\.js$/.test(s.url)).reduce((n, s) => n + s.bytes, 0),
        libraries: [...new Set(scripts.map((s) => LIBRARY.exec(s.url)?.[1]).filter((l): l is string => !!l))],
        wasm,
      };
      pages.push(row);
      log(`  ${path}: ${figures} figures, ${row.scripts} scripts, ${Math.round(row.scriptBytes / 100) / 10} kB of script (toolbar ${row.toolbarBytes} B; ${Math.round(row.scriptBytesWithout / 100) / 10} kB without it)${row.libraries.length ? `, libraries: ${row.libraries.join(", ")}` : ""}${wasm.length ? `, wasm: ${wasm.join(", ")}` : ""}`);
    }
  } finally {
    server.close();
  }
  return { pages, toolbarImports };
}

/** The toolbars' targets: on every page with a figure the toolbar loads and imports nothing; no library and no .wasm comes with a first load, except where the page's own controls need it. */
export function toolbarTargets(metrics: ToolbarMetrics | undefined): Target[] {
  if (!metrics) return [{ target: "chart toolbars add no library to a page's first load", pass: null, detail: "not measured (--only=toolbars)" }];
  const withLibraries = metrics.pages.filter((p) => p.libraries.length || p.wasm.length);
  const missing = metrics.pages.filter((p) => p.toolbarBytes === 0);
  const largest = Math.max(0, ...metrics.pages.map((p) => p.toolbarBytes));
  const added = Math.max(0, ...metrics.pages.map((p) => p.scriptBytes - p.scriptBytesWithout));
  return [
    {
      target: "chart toolbars add no library to a page's first load",
      pass: metrics.toolbarImports.length === 0 && missing.length === 0 && withLibraries.length === 0,
      detail:
        `the toolbar module is ${largest} B (a first load grows by at most ${added} B of script with it) and imports ${metrics.toolbarImports.length ? metrics.toolbarImports.join(", ") : "nothing"}; ` +
        `${metrics.pages.length} pages with figures${missing.length ? `, ${missing.length} without the toolbar (${missing.map((p) => p.path).join(", ")})` : ""}; ` +
        `first loads with a library or .wasm: ${withLibraries.length ? withLibraries.map((p) => `${p.path} (${[...p.libraries, ...p.wasm].join(", ")})`).join("; ") : "none"}`,
    },
  ];
}
