import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { readRawText } from "./raw-text.ts";
import { isAbsolute, join, relative } from "node:path";
import { RawInputError } from "../errors.ts";
import { collapseWhitespace } from "../parse/text.ts";
import { parseTsv } from "../parse/tsv.ts";
import { DOCUMENTS, type DocumentId } from "./statistic.ts";

/**
 * The documents the report reproduces (raw/sources.tsv): the one place that names each
 * document's title and the text file it was transcribed from, with that file's sha256. A seed
 * whose bytes differ from the recorded hash stops every run, so a changed source is a
 * deliberate, recorded act: line numbers and quotes all refer to those bytes.
 */

const SOURCES_FILE_NAME = "sources.tsv";
export const SOURCES_HEADER = ["id", "title", "title_line", "seed", "sha256", "authors", "year", "institution", "latest_year", "latest_year_line", "note"] as const;

/** One document: what it is called, where its text is, and what the document prints about itself. */
export interface Source {
  id: DocumentId;
  /** The title as the document prints it. */
  title: string;
  /** The seed line that prints the title. */
  title_line: number;
  /** The seed text file, relative to the project folder (`../shared/seeds/….txt`). */
  seed: string;
  /** The seed's sha256, 64 lower-case hex digits. */
  sha256: string;
  /** Authors, year and institution, only as the document prints them; else null. */
  authors: string | null;
  year: number | null;
  institution: string | null;
  /**
   * The latest four-digit year the document prints, and the seed line it stands on: neither
   * document prints its own date, so no period it states can end later than this.
   */
  latest_year: number;
  latest_year_line: number;
  note: string | null;
  raw_file: string;
  raw_line: number;
}

/** A source with its seed's text, read and checked against the recorded hash. */
export interface Seed {
  source: Source;
  /** The seed's absolute path. */
  path: string;
  text: string;
  /** How many lines the text has (a final line break ends the last line, it starts none). */
  lines: number;
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const orNull = (text: string) => (text === "" ? null : text);

/**
 * Parses and validates raw/sources.tsv: one row per known document, each once. The seeds are
 * not read here (readSeeds does).
 */
export function parseSources(text: string, file: string): Source[] {
  const sources: Source[] = [];
  const firstSeen = new Map<string, number>();
  const seedSeen = new Map<string, number>();
  let lastLine = 1;
  for (const { line, fields: f } of parseTsv(text, file, SOURCES_HEADER).rows) {
    lastLine = line;
    const fail = (field: string, reason: string, value = f[field] ?? ""): never => {
      throw new RawInputError(file, line, field, value, reason);
    };
    if (!(DOCUMENTS as readonly string[]).includes(f.id!)) fail("id", `expected one of ${DOCUMENTS.join(", ")}`);
    const earlier = firstSeen.get(f.id!);
    if (earlier !== undefined) fail("id", `duplicate of line ${earlier}`);
    firstSeen.set(f.id!, line);
    if (f.title === "") fail("title", "is empty");
    if (collapseWhitespace(f.title!) !== f.title) fail("title", "expected single spaces");
    if (!/^[1-9]\d*$/.test(f.title_line!)) fail("title_line", "expected a whole line number from 1");
    if (f.seed === "") fail("seed", "is empty");
    if (isAbsolute(f.seed!) || f.seed!.includes("\\")) fail("seed", "expected a path relative to the project folder, with /");
    const otherSeed = seedSeen.get(f.seed!);
    if (otherSeed !== undefined) fail("seed", `same seed as line ${otherSeed}`);
    seedSeen.set(f.seed!, line);
    if (!/^[0-9a-f]{64}$/.test(f.sha256!)) fail("sha256", "expected 64 lower-case hex digits");
    if (f.year !== "" && !/^\d{4}$/.test(f.year!)) fail("year", "expected a four-digit year, or empty when the document prints none");
    if (!/^(?:1[89]|20)\d\d$/.test(f.latest_year!)) fail("latest_year", "expected the latest four-digit year the document prints (1800..2099)");
    if (!/^[1-9]\d*$/.test(f.latest_year_line!)) fail("latest_year_line", "expected a whole line number from 1");
    sources.push({
      id: f.id as DocumentId,
      title: f.title!,
      title_line: Number(f.title_line),
      seed: f.seed!,
      sha256: f.sha256!,
      authors: orNull(f.authors!),
      year: f.year === "" ? null : Number(f.year),
      institution: orNull(f.institution!),
      latest_year: Number(f.latest_year),
      latest_year_line: Number(f.latest_year_line),
      note: orNull(f.note!),
      raw_file: file,
      raw_line: line,
    });
  }
  const missing = DOCUMENTS.find((d) => !firstSeen.has(d));
  if (missing) throw new RawInputError(file, lastLine, "id", missing, "no row for this document: each document needs one");
  return sources.sort((a, b) => DOCUMENTS.indexOf(a.id) - DOCUMENTS.indexOf(b.id));
}

/** The four-digit years (1800..2099) printed on a line: "2005a" counts, "12,005" and "2005.5" do not. */
function yearsOn(text: string): number[] {
  return [...text.matchAll(/(?<![\d.,])(?:1[89]|20)\d\d(?![\d.,]\d|\d)/g)].map(([year]) => Number(year));
}

/** The latest four-digit year printed in `lines`, and its first line; null when none is. */
function latestPrintedYear(lines: readonly string[]): { year: number; line: number } | null {
  let latest: { year: number; line: number } | null = null;
  lines.forEach((text, i) => {
    for (const year of yearsOn(text)) if (latest === null || year > latest.year) latest = { year, line: i + 1 };
  });
  return latest;
}

/**
 * Reads raw/sources.tsv under `rawDir` and each seed it names (relative to `baseDir`, the
 * project folder), and checks each seed's sha256 and that it prints the title on the line
 * given, and that the latest year recorded is printed on its line and no later year anywhere.
 * Stops at the first seed that is missing or differs, naming the row to update.
 */
export async function readSeeds(rawDir: string, baseDir = join(rawDir, "..")): Promise<Seed[]> {
  const path = join(rawDir, SOURCES_FILE_NAME);
  const file = relative(baseDir, path).split("\\").join("/");
  const sources = parseSources(await readRawText(path, file), file);
  const seeds: Seed[] = [];
  for (const source of sources) {
    const fail = (field: string, value: string, reason: string): never => {
      throw new RawInputError(file, source.raw_line, field, value, reason);
    };
    const seedPath = join(baseDir, source.seed);
    const bytes = await readFile(seedPath).catch((error: NodeJS.ErrnoException) => fail("seed", source.seed, `cannot read it (${error.code ?? error.message})`));
    const actual = sha256(bytes);
    if (actual !== source.sha256) fail("sha256", source.sha256, `${source.seed} has ${actual}; a changed source must be recorded here deliberately`);
    const text = bytes.toString("utf8");
    const lines = text.split(/\r?\n/);
    if (lines.at(-1) === "") lines.pop();
    if (source.title_line > lines.length) fail("title_line", String(source.title_line), `${source.seed} has ${lines.length} lines`);
    if (!collapseWhitespace(lines[source.title_line - 1]!).includes(source.title)) fail("title", source.title, `not printed on line ${source.title_line} of ${source.seed}`);
    if (source.latest_year_line > lines.length) fail("latest_year_line", String(source.latest_year_line), `${source.seed} has ${lines.length} lines`);
    if (!yearsOn(lines[source.latest_year_line - 1]!).includes(source.latest_year)) fail("latest_year", String(source.latest_year), `not printed on line ${source.latest_year_line} of ${source.seed}`);
    const later = latestPrintedYear(lines);
    if (later && later.year > source.latest_year) fail("latest_year", String(source.latest_year), `${source.seed} prints ${later.year} on line ${later.line}`);
    seeds.push({ source, path: seedPath, text, lines: lines.length });
  }
  return seeds;
}
