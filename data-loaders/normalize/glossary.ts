import { join } from "node:path";
import { RawInputError } from "../errors.ts";
import { collapseWhitespace } from "../parse/text.ts";
import { parseTsv } from "../parse/tsv.ts";
import { checkClaims } from "./provenance.ts";
import { readRawText } from "./raw-text.ts";
import { readSeeds } from "./sources.ts";
import type { DocumentId } from "./statistic.ts";

/**
 * The glossary (raw/glossary.tsv): the documents' terms and acronyms, each defined by the
 * document's own words, a quote checked against the document at its line like every quote.
 */

export const GLOSSARY_FILE = "glossary.tsv";
export const GLOSSARY_HEADER = ["term", "aliases", "expansion", "document", "line", "quote"] as const;

export interface GlossaryTerm {
  term: string;
  /** The anchor of its entry on the glossary page: "term-" and the term in lower-case words. */
  anchor: string;
  /** Other printed forms a page may use (plurals, the words an acronym stands for). */
  aliases: string[];
  /** The words an acronym stands for, as printed; null for a term that is no acronym. */
  expansion: string | null;
  document: DocumentId;
  line: number;
  quote: string;
  raw_file: string;
  raw_line: number;
}

/** "ISO 9000" → "term-iso-9000"; "ABICALÇADOS" → "term-abicalcados". */
export function termAnchor(term: string): string {
  return `term-${term.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
}

/** Parses and validates the glossary: every field present and single-spaced, no term or form twice. */
export function parseGlossary(text: string, file: string, seedLines: Readonly<Record<string, number>>): GlossaryTerm[] {
  const terms: GlossaryTerm[] = [];
  const forms = new Map<string, number>();
  for (const { line, fields: f } of parseTsv(text, file, GLOSSARY_HEADER).rows) {
    const fail = (field: string, reason: string, value = f[field] ?? ""): never => {
      throw new RawInputError(file, line, field, value, reason);
    };
    for (const field of ["term", "document", "line", "quote"] as const) if (f[field] === "") fail(field, "is empty");
    for (const field of GLOSSARY_HEADER) if (collapseWhitespace(f[field]!) !== f[field]) fail(field, "expected single spaces");
    if (!(f.document! in seedLines)) fail("document", `expected one of ${Object.keys(seedLines).join(", ")}`);
    if (!/^[1-9]\d*$/.test(f.line!)) fail("line", "expected a whole line number from 1");
    if (Number(f.line) > seedLines[f.document!]!) fail("line", `past the end of the ${f.document}'s text, which has ${seedLines[f.document!]} lines`);
    const aliases = f.aliases === "" ? [] : f.aliases!.split("|");
    for (const form of [f.term!, ...aliases]) {
      if (form === "" || form.trim() !== form) fail("aliases", "a form is empty or has blanks around it");
      const earlier = forms.get(form.toLowerCase());
      if (earlier !== undefined) fail(form === f.term ? "term" : "aliases", `"${form}" is already a form of the term on line ${earlier}`, form);
      forms.set(form.toLowerCase(), line);
    }
    terms.push({
      term: f.term!,
      anchor: termAnchor(f.term!),
      aliases,
      expansion: f.expansion === "" ? null : f.expansion!,
      document: f.document as DocumentId,
      line: Number(f.line),
      quote: f.quote!,
      raw_file: file,
      raw_line: line,
    });
  }
  return terms;
}

/** Reads raw/glossary.tsv and checks every quote against its document at its line; stops on the first miss. */
export async function readGlossary(rawDir: string, baseDir = join(rawDir, "..")): Promise<GlossaryTerm[]> {
  const seeds = await readSeeds(rawDir, baseDir);
  const text = await readRawText(join(rawDir, GLOSSARY_FILE), GLOSSARY_FILE);
  const terms = parseGlossary(text, GLOSSARY_FILE, Object.fromEntries(seeds.map((s) => [s.source.id, s.lines])));
  checkClaims(
    terms.map((t) => ({ document: t.document, line: t.line, passage: t.quote, raw_file: t.raw_file, raw_line: t.raw_line, field: "quote" as const })),
    seeds,
  );
  return terms;
}
