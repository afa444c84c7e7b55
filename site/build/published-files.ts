import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { REPORT_PDF } from "../pdf/print-report.ts";

/** One file of the published report, with what made it. */
export interface PublishedFile {
  path: string;
  bytes: number;
  sha256: string;
  /** The source, loader or package that made the file. */
  madeBy: string;
  /** The SQL files whose results it holds, if any. */
  sql: string[];
}

/**
 * What made a file of dist/, found from its path the way Framework names its outputs, and for
 * a chart from its `content`, which names its query.
 */
export function provenanceOfPath(path: string, srcDir: string, content?: Buffer): { madeBy: string; sql: string[] } {
  const node = /^_node\/((?:@[^/]+\/)?[^/@]+)@([^/]+)\//.exec(path);
  if (node) return { madeBy: `package ${node[1]}@${node[2]} (node_modules)`, sql: [] };
  // A figure's SVG and CSV (site/html/figure-toolbar.ts), written by the build's finalize step under the figure's id.
  if (path.startsWith("figures/")) return { madeBy: "site/html/figure-toolbar.ts (a figure's download)", sql: [] };
  // The published tables under plain names and the data package that describes them.
  if (path.startsWith("downloads/")) return { madeBy: "site/build/publish-data.ts (a plain-name download of the data package)", sql: [] };
  if (path.startsWith("_observablehq/")) return { madeBy: "Observable Framework's runtime and styles", sql: [] };
  const imported = /^_import\/(.+)\.[0-9a-f]{8}(\.[a-z]+)$/.exec(path);
  if (imported) {
    const candidates = imported[2] === ".js" ? [".ts", ".js"] : [imported[2]!];
    const found = candidates.map((ext) => `${imported[1]}${ext}`).find((p) => existsSync(join(srcDir, p)));
    return { madeBy: found ? `src/${found}` : "unknown", sql: [] };
  }
  const file = /^_file\/(.+)\.[0-9a-f]{8}(\.[^./]+)$/.exec(path);
  if (!file) return { madeBy: "unknown", sql: [] };
  const source = `${file[1]}${file[2]}`;
  const directory = source.includes("/") ? source.slice(0, source.lastIndexOf("/")) : "";
  const stem = source.slice(source.lastIndexOf("/") + 1, -file[2]!.length);
  let madeBy = `src/${source}`;
  if (!existsSync(join(srcDir, source))) {
    const direct = `${source}.ts`;
    if (existsSync(join(srcDir, direct))) madeBy = `src/${direct}`;
    else {
      const names = existsSync(join(srcDir, directory)) ? readdirSync(join(srcDir, directory)) : [];
      // A parameterized loader such as src/data/tables/[key].csv.ts made it, with <stem> as the parameter.
      const route = names.find((n) => /^\[[a-z_]+\]/.test(n) && n.endsWith(`${file[2]}.ts`));
      madeBy = route ? `src/${directory}/${route} (${stem})` : "unknown";
    }
  }
  // A chart's file names the query it was drawn from.
  const chartSql = directory === "data/charts" && content ? (JSON.parse(content.toString("utf8")) as { sql?: unknown }).sql : undefined;
  const sql = typeof chartSql === "string" ? [chartSql] : directory === "data/query" ? [`${stem}.sql`] : [];
  return { madeBy, sql: sql.map((s) => `src/sql/${s}`) };
}

/** Every file of dist/ but the pages and the PDF edition, with its sha256, size and maker, sorted by path. */
export async function publishedFiles(dist: string, srcDir: string): Promise<PublishedFile[]> {
  const files: PublishedFile[] = [];
  for (const entry of await readdir(dist, { withFileTypes: true, recursive: true })) {
    // The pages hold this list, and the PDF edition holds the pages: neither can list itself.
    if (!entry.isFile() || entry.name.endsWith(".html")) continue;
    const full = join(entry.parentPath, entry.name);
    const path = relative(dist, full).split("\\").join("/");
    if (path === REPORT_PDF) continue;
    const content = await readFile(full);
    files.push({ path, bytes: content.length, sha256: createHash("sha256").update(content).digest("hex"), ...provenanceOfPath(path, srcDir, content) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The files as an HTML table, for the reproducibility page. */
export function publishedFilesTable(files: readonly PublishedFile[]): string {
  const rows = files.map(
    (f) =>
      `<tr><td><a href="./${escapeHtml(f.path)}"><code>${escapeHtml(f.path)}</code></a><br><code class="sha256" title="SHA-256">${f.sha256}</code></td><td class="number">${f.bytes.toLocaleString("en-US")}</td><td>${escapeHtml(f.madeBy)}${f.sql.map((s) => `<br><code>${escapeHtml(s)}</code>`).join("")}</td></tr>`,
  );
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  return `<div class="table-scroll"><table class="published-files"><caption>${files.length} files, ${total.toLocaleString("en-US")} bytes in all (the HTML pages are not listed: this one changes as the list is written into it)</caption><thead><tr><th scope="col">File and its SHA-256</th><th scope="col">Bytes</th><th scope="col">Made by (and its SQL)</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}
