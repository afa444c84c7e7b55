import { join, relative } from "node:path";
import { RawInputError } from "../errors.ts";
import { collapseWhitespace } from "../parse/text.ts";
import { parseTsv } from "../parse/tsv.ts";
import { MANIFEST_FILE_NAME, readManifest } from "./manifest.ts";
import { checkClaims } from "./provenance.ts";
import { readRawText } from "./raw-text.ts";
import { readSeeds, type Seed } from "./sources.ts";
import type { DocumentId } from "./statistic.ts";

/**
 * The documents' own conclusions about each case (raw/<document>/conclusions.tsv): sentences
 * a case page quotes at its top, under "What this shows", each a quote checked against the
 * document at its line like every quote, with the section it stands in as printed.
 */

export const CONCLUSIONS_HEADER = ["report_page", "line", "section", "quote"] as const;

export interface Conclusion {
  document: DocumentId;
  /** The report's page that quotes it, from the site's root, without extension: `thesis/sialkot`. */
  report_page: string;
  /** The seed line on which the quote starts. */
  line: number;
  /** The heading of the section it stands in, as printed (numbered: "7.2 Backward, …"). */
  section: string;
  quote: string;
  raw_file: string;
  raw_line: number;
}

const PAGE = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

/**
 * Parses one document's conclusions and checks each row against the document's text: every
 * field present and single-spaced, a report page path, a line of the text, a section heading
 * printed on a line of its own at or above the quote, no quote twice on a page. The quotes
 * themselves are checked by checkClaims (readConclusions).
 */
export function parseConclusions(text: string, file: string, document: DocumentId, seed: Pick<Seed, "text" | "lines" | "source">): Conclusion[] {
  const seedLines = seed.text.split("\n").map((l) => collapseWhitespace(l).trim());
  const rows: Conclusion[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields: f } of parseTsv(text, file, CONCLUSIONS_HEADER).rows) {
    const fail = (field: string, reason: string, value = f[field] ?? ""): never => {
      throw new RawInputError(file, line, field, value, reason);
    };
    for (const field of CONCLUSIONS_HEADER) if (f[field] === "") fail(field, "is empty");
    for (const field of CONCLUSIONS_HEADER) if (collapseWhitespace(f[field]!).trim() !== f[field]) fail(field, "expected single spaces");
    if (!PAGE.test(f.report_page!)) fail("report_page", "expected a page's path from the site's root, such as thesis/sialkot");
    if (!/^[1-9]\d*$/.test(f.line!)) fail("line", "expected a whole line number from 1");
    const at = Number(f.line);
    if (at > seed.lines) fail("line", `past the end of ${seed.source.seed}, which has ${seed.lines} lines`);
    // The nearest heading above the quote that reads as the row says: its section as printed.
    const heading = seedLines.slice(0, at).lastIndexOf(f.section!);
    if (heading < 0) fail("section", `not printed as a heading on a line of its own at or above line ${at} of ${seed.source.seed}`);
    const key = `${f.report_page}\t${f.quote}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) fail("quote", `already quoted for ${f.report_page} on line ${earlier}`);
    seen.set(key, line);
    rows.push({ document, report_page: f.report_page!, line: at, section: f.section!, quote: f.quote!, raw_file: file, raw_line: line });
  }
  return rows;
}

/**
 * Reads every `<document>/conclusions.tsv` that raw/files.tsv lists and checks each quote
 * against its document, starting on its line (provenance.ts): a quote that is not there stops
 * the run with `file:line: invalid quote: "…" (not in …; nearest passage …)`. Paths in errors
 * are relative to `baseDir`.
 */
export async function readConclusions(rawDir: string, baseDir = join(rawDir, "..")): Promise<Conclusion[]> {
  const name = (path: string) => relative(baseDir, path).split("\\").join("/");
  const manifest = await readManifest(rawDir, name(join(rawDir, MANIFEST_FILE_NAME)));
  const seeds = await readSeeds(rawDir, baseDir);
  const rows: Conclusion[] = [];
  for (const entry of manifest.filter((e) => e.kind === "conclusions")) {
    const seed = seeds.find((s) => s.source.id === entry.document)!;
    const file = name(join(rawDir, entry.file));
    rows.push(...parseConclusions(await readRawText(join(rawDir, entry.file), file), file, entry.document!, seed));
  }
  checkClaims(
    rows.map((c) => ({ document: c.document, line: c.line, passage: c.quote, raw_file: c.raw_file, raw_line: c.raw_line, field: "quote" })),
    seeds,
  );
  return rows;
}
